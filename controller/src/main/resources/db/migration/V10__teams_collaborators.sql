-- Teams own apps together; a member's role (admin, member, viewer) is what they may do to every app of the team.
CREATE TABLE teams (
  id         BIGSERIAL PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE team_members (
  team_id    BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

-- A team app's access comes from its team alone; owner_id stays filled (whoever created it or last owned it
-- personally) so every app keeps a user to answer for it, but it grants nothing while team_id is set.
ALTER TABLE apps ADD COLUMN team_id BIGINT REFERENCES teams (id);
CREATE INDEX apps_team ON apps (team_id);

-- Collaborators of a personal app: they read, deploy and configure it, but neither delete, transfer nor share it.
CREATE TABLE collaborators (
  app_id     BIGINT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (app_id, user_id)
);
CREATE INDEX collaborators_user ON collaborators (user_id);

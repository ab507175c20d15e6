-- Quota limits an operator set for one subject, one row per quota; a quota without a row is at the operator's
-- default (paas-server --quota-*). A subject is a user today, a team once apps belong to teams: subject_id points
-- at users or teams by subject_kind, so it has no foreign key. memory is in MB.
CREATE TABLE quota_overrides (
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('user', 'team')),
  subject_id   BIGINT NOT NULL,
  quota        TEXT NOT NULL CHECK (quota IN ('apps', 'dynos', 'memory', 'addons', 'builds')),
  quota_limit  BIGINT NOT NULL CHECK (quota_limit >= 0),
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (subject_kind, subject_id, quota)
);

-- Who did what, when and from where. Rows outlive their actor and their app: the actor's email and the app's name are
-- kept as they were. details hold names (config keys, hostnames, process types), never config values or passwords.
CREATE TABLE audit_events (
  id          BIGSERIAL PRIMARY KEY,
  at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  actor_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
  actor_email TEXT NOT NULL,
  action      TEXT NOT NULL,
  app         TEXT,
  details     JSONB NOT NULL DEFAULT '{}',
  address     TEXT
);
CREATE INDEX audit_events_app ON audit_events (app, id);
CREATE INDEX audit_events_actor ON audit_events (actor_email, id);

CREATE TABLE users (
  id            BIGSERIAL PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  admin         BOOLEAN NOT NULL DEFAULT FALSE,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Only a SHA-256 of each token is kept: a leaked table does not leak working tokens.
CREATE TABLE api_tokens (
  id           BIGSERIAL PRIMARY KEY,
  user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash   TEXT NOT NULL UNIQUE,
  description  TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE apps (
  id         BIGSERIAL PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  owner_id   BIGINT NOT NULL REFERENCES users (id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE builds (
  id          BIGSERIAL PRIMARY KEY,
  app_id      BIGINT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  user_id     BIGINT NOT NULL REFERENCES users (id),
  commit_sha  TEXT NOT NULL,
  status      TEXT NOT NULL,
  image       TEXT,
  output      TEXT NOT NULL DEFAULT '',
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at TIMESTAMPTZ
);
CREATE INDEX builds_app ON builds (app_id, id);

-- status: pending while rolling out, succeeded once its dynos serve, failed when they never did.
CREATE TABLE releases (
  id          BIGSERIAL PRIMARY KEY,
  app_id      BIGINT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  version     INT NOT NULL,
  build_id    BIGINT REFERENCES builds (id),
  image       TEXT NOT NULL,
  description TEXT NOT NULL,
  user_id     BIGINT NOT NULL REFERENCES users (id),
  status      TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (app_id, version)
);

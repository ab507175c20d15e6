-- How the platform treats an app apart from its releases: changing these neither releases nor restarts.
-- A null health_check_path means the default check (any HTTP answer to HEAD /).
ALTER TABLE apps
  ADD COLUMN maintenance       BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN request_timeout   INT NOT NULL DEFAULT 30 CHECK (request_timeout BETWEEN 1 AND 300),
  ADD COLUMN health_check_path TEXT;

-- Custom domains: a name routes to one app on the whole platform, whoever owns it, and goes with its app.
CREATE TABLE domains (
  app_id     BIGINT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  hostname   TEXT NOT NULL PRIMARY KEY,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX domains_app ON domains (app_id);

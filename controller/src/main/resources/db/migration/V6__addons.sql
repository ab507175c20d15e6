-- Addon config vars (DATABASE_URL, ...) ride in each release beside the user's own, apart from them: a config
-- change cannot overwrite them and a rollback keeps the addons attached now.
ALTER TABLE releases ADD COLUMN addon_config JSONB NOT NULL DEFAULT '{}';

-- An addon belongs to one app and sets its config vars under one attachment name (DATABASE -> DATABASE_URL).
-- credentials is the provider's JSON, sealed with the platform's secret key: a dump of this table leaks nothing.
CREATE TABLE addons (
  id          BIGSERIAL PRIMARY KEY,
  app_id      BIGINT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  name        TEXT NOT NULL UNIQUE,
  service     TEXT NOT NULL,
  plan        TEXT NOT NULL,
  attached_as TEXT NOT NULL,
  credentials BYTEA NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (app_id, attached_as)
);

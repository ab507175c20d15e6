-- A release is a snapshot of everything that runs: image, config vars and process types. The app's config vars
-- are those of its newest release, so a config change is a release, and a rollback restores the config too.
-- A release made before the first build (config set early) has no image and runs nothing.
ALTER TABLE releases
  ALTER COLUMN image DROP NOT NULL,
  ADD COLUMN config          JSONB NOT NULL DEFAULT '{}',
  -- json, not jsonb: it keeps the Procfile's order of process types.
  ADD COLUMN process_types   JSON NOT NULL DEFAULT '{}',
  ADD COLUMN release_command TEXT;

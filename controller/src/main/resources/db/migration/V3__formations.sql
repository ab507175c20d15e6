-- How many dynos of each process type run, and how big. A type without a row runs at its default:
-- web at 1, every other type at 0, both at the standard size (as on Heroku).
CREATE TABLE formations (
  app_id   BIGINT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  type     TEXT NOT NULL,
  quantity INT NOT NULL CHECK (quantity >= 0),
  size     TEXT NOT NULL,
  PRIMARY KEY (app_id, type)
);

-- The hosts that run dynos, as they registered; generation counts changes to what each is assigned, so an agent
-- coming back after being lost can tell its assignments are newer than what it runs.
CREATE TABLE agents (
  id             BIGSERIAL PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  memory         BIGINT NOT NULL,
  cpus           DOUBLE PRECISION NOT NULL,
  state          TEXT NOT NULL,
  last_heartbeat TIMESTAMPTZ NOT NULL,
  generation     BIGINT NOT NULL DEFAULT 1
);

-- Which agent runs each dyno, as the scheduler last decided.
CREATE TABLE placements (
  app_id   BIGINT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  dyno     TEXT NOT NULL,
  agent_id BIGINT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  PRIMARY KEY (app_id, dyno)
);

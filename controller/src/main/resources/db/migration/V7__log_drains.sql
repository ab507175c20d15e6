-- Log drains: where an app's log lines are forwarded. The token names the drain to its receiver (syslog HOSTNAME,
-- Logplex-Drain-Token header). trusted: added by an admin, so it may reach addresses a tenant's drain may not
-- (loopback, link-local), at every reconnect too.
CREATE TABLE log_drains (
  id         BIGSERIAL PRIMARY KEY,
  app_id     BIGINT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  url        TEXT NOT NULL,
  token      TEXT NOT NULL UNIQUE,
  trusted    BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (app_id, url)
);

-- Mail the smtp addon's built-in server accepted, newest kept per app (the server prunes older ones). raw is the
-- message as received; the other columns are read from it once, for listing. relay_status is 'stored' without a
-- smarthost, else 'relayed' or 'relay failed: REASON'.
CREATE TABLE mail_messages (
  id           BIGSERIAL PRIMARY KEY,
  app_id       BIGINT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  addon_name   TEXT NOT NULL,
  mail_from    TEXT NOT NULL,
  recipients   TEXT[] NOT NULL,
  subject      TEXT NOT NULL,
  size         INT NOT NULL,
  raw          BYTEA NOT NULL,
  received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  relay_status TEXT NOT NULL
);
CREATE INDEX mail_messages_app ON mail_messages (app_id, id);

-- Messages each smtp addon had accepted per UTC day, for its plan's daily limit. A count of its own, since the
-- messages themselves are pruned.
CREATE TABLE mail_daily_counts (
  addon_name TEXT NOT NULL,
  day        DATE NOT NULL,
  sent       INT NOT NULL,
  PRIMARY KEY (addon_name, day)
);

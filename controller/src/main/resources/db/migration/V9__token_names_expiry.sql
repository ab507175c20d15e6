-- Tokens expire (NULL: never) and say when they were last used, to the minute (a write per request would be too many).
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE api_tokens ADD COLUMN last_used_at TIMESTAMPTZ;
-- Login tokens made before logins expired get the default login lifetime from now.
UPDATE api_tokens SET expires_at = now() + interval '30 days' WHERE description = 'login';
CREATE INDEX api_tokens_user ON api_tokens (user_id, id);

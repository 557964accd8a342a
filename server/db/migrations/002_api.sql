-- Operators must fetch a guide's QR code and the print export long after creation, yet the token
-- itself is never stored: the row keeps the random nonce the token is derived from with the
-- server's TOKEN_SECRET (HMAC), plus the token's SHA-256 as the lookup key.
ALTER TABLE tokens ADD COLUMN nonce bytea;
-- "Opened" for the notification console: the first access through this channel's token.
ALTER TABLE tokens ADD COLUMN first_access_at timestamptz;
-- The partial unique index only serves live tokens; cascading deletes (purge) need every row.
CREATE INDEX tokens_guide ON tokens (guide_id);

-- 'pending': a lazy campaign's guide, enqueued for render only at its first access, so the worker's
-- re-enqueue of 'queued' guides missing from Redis does not render what nobody has opened.
ALTER TABLE guides DROP CONSTRAINT guides_status_check;
ALTER TABLE guides ADD CONSTRAINT guides_status_check
  CHECK (status IN ('pending', 'queued', 'rendering', 'ready', 'failed'));
-- POST /api/guides may say "notify": false (issue #10 reads it); campaigns use their own channels.
ALTER TABLE guides ADD COLUMN notify boolean NOT NULL DEFAULT true;

-- Operator and analyst API keys: only the SHA-256 of a key is stored.
CREATE TABLE api_keys (
  hash bytea PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('operator', 'analyst')),
  label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

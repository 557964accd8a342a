-- One row per guide and notification channel: the transactional outbox (written in the guide's own
-- transaction, `enqueued_at` null until the relay has put it on the BullMQ queue "notify") and the
-- delivery record the monitoring console counts. No contact data here: the address is read from the
-- consent registry at send time, and `consent_history_id` records which consent allowed the send.
-- No foreign key to guides: like events, these rows outlive the retention purge of guide data.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  guide_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'app', 'pec')),
  -- The access token whose link the message carries (PEC carries the email link).
  token_channel text NOT NULL CHECK (token_channel IN ('email', 'sms', 'app')),
  campaign_id uuid,
  guide_type text NOT NULL,
  province text,
  fiscal_code_hmac text NOT NULL,
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'bounced', 'failed', 'skipped')),
  reason text,
  attempts integer NOT NULL DEFAULT 0,
  consent_history_id bigint,
  provider_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  enqueued_at timestamptz,
  sent_at timestamptz,
  final_at timestamptz,
  opened_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Idempotent per guide and channel: a re-run of the outbox write adds nothing.
CREATE UNIQUE INDEX notifications_guide_channel ON notifications (guide_id, channel);
CREATE INDEX notifications_outbox ON notifications (created_at) WHERE enqueued_at IS NULL;
CREATE INDEX notifications_unfinished ON notifications (id) WHERE status IN ('queued', 'sending');
CREATE INDEX notifications_citizen ON notifications (fiscal_code_hmac, created_at);
CREATE INDEX notifications_created ON notifications (created_at);

-- "Opened" is the first access through the channel's token (tokens.first_access_at, set by the
-- access path). Copied here when it happens so the figure survives the purge of guides and tokens.
CREATE FUNCTION notifications_mark_opened() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE notifications SET opened_at = NEW.first_access_at
   WHERE guide_id = NEW.guide_id AND token_channel = NEW.channel AND opened_at IS NULL;
  RETURN NULL;
END
$$;
CREATE TRIGGER tokens_first_access_opens_notifications AFTER UPDATE OF first_access_at ON tokens
  FOR EACH ROW WHEN (OLD.first_access_at IS NULL AND NEW.first_access_at IS NOT NULL)
  EXECUTE FUNCTION notifications_mark_opened();

-- Operators' look-ups of one citizen's history: who, when, whom (as the HMAC, never the code).
CREATE TABLE notification_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  actor text NOT NULL,
  subject_hmac text NOT NULL,
  request_id text
);

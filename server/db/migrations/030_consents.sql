-- The consent registry ("Gestione consensi", seeds 000 and 001). A citizen is the keyed HMAC of the
-- fiscal code, never the code. `consent_history` is the proof: every change, whole, with its time
-- and source, appended and never rewritten; `consents` is the current state, pointing at the
-- history row it came from, so a notification can record exactly which consent allowed it.
CREATE TABLE consent_history (
  id bigserial PRIMARY KEY,
  fiscal_code_hmac text NOT NULL,
  proactive boolean NOT NULL,
  email text,
  mobile text,
  pec text,
  app boolean NOT NULL DEFAULT false,
  -- citizen: the reserved area; upstream: PUT /api/consents (the institute's contact registry sync).
  source text NOT NULL CHECK (source IN ('citizen', 'upstream', 'operator')),
  -- Who made it: 'self' for the citizen, the API key's label for a sync. Never a personal datum.
  actor text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_history_citizen ON consent_history (fiscal_code_hmac, id);

CREATE TABLE consents (
  fiscal_code_hmac text PRIMARY KEY,
  proactive boolean NOT NULL,
  email text,
  mobile text,
  pec text,
  app boolean NOT NULL DEFAULT false,
  history_id bigint NOT NULL REFERENCES consent_history (id),
  updated_at timestamptz NOT NULL
);

-- A history that can be edited proves nothing: the database itself refuses UPDATE and DELETE.
CREATE FUNCTION consent_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent_history is append-only';
END
$$;
CREATE TRIGGER consent_history_append_only BEFORE UPDATE OR DELETE ON consent_history
  FOR EACH ROW EXECUTE FUNCTION consent_history_append_only();

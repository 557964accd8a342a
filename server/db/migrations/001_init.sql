-- Campaigns group guides sent together (a letter campaign, a notification wave).
CREATE TABLE campaigns (
  id uuid PRIMARY KEY,
  guide_type text NOT NULL,
  name text NOT NULL,
  channels text[] NOT NULL DEFAULT '{}',
  render_policy text NOT NULL DEFAULT 'lazy' CHECK (render_policy IN ('eager', 'lazy')),
  print_date date,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One personalised guide. `data` is the public guide (no fiscal code, no external ref);
-- the citizen is found again only through the keyed HMAC of the fiscal code.
CREATE TABLE guides (
  id uuid PRIMARY KEY,
  campaign_id uuid REFERENCES campaigns (id) ON DELETE CASCADE,
  type text NOT NULL,
  type_version text NOT NULL,
  locale text NOT NULL,
  external_ref text NOT NULL,
  fiscal_code_hmac text,
  province text,
  data jsonb NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'rendering', 'ready', 'failed')),
  status_reason text,
  duration_frames integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  rendered_at timestamptz
);
-- Idempotency of uploads: one guide per external reference within a campaign (or among direct guides).
CREATE UNIQUE INDEX guides_campaign_external_ref
  ON guides ((coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'::uuid)), external_ref);
CREATE INDEX guides_fiscal_code_hmac ON guides (fiscal_code_hmac) WHERE fiscal_code_hmac IS NOT NULL;
CREATE INDEX guides_status ON guides (status) WHERE status IN ('queued', 'rendering');
CREATE INDEX guides_expires_at ON guides (expires_at);

-- Access tokens: only the SHA-256 of the token is stored.
CREATE TABLE tokens (
  hash bytea PRIMARY KEY,
  guide_id uuid NOT NULL REFERENCES guides (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('qr', 'email', 'sms', 'app')),
  generation integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE UNIQUE INDEX tokens_guide_channel_live ON tokens (guide_id, channel) WHERE revoked_at IS NULL;

-- Viewing events. No personal data: a guide id, the channel of the token used, and what happened.
-- Type, campaign and province are copied in so statistics survive the purge of guide data.
CREATE TABLE events (
  id uuid PRIMARY KEY,
  guide_id uuid NOT NULL,
  guide_type text NOT NULL,
  campaign_id uuid,
  channel text,
  province text,
  view_id uuid NOT NULL,
  kind text NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  position_frame integer,
  scene_id text,
  action_id text,
  value integer
);
CREATE INDEX events_guide ON events (guide_id);
CREATE INDEX events_type_time ON events (guide_type, occurred_at);

-- Impact evaluation (issue #17, docs/impact.md): the randomised holdout.
--
-- A campaign may hold out a share of its citizens: they get the institute's ordinary letter without
-- the QR link and no guide notification, so that what the guides change can be measured against
-- them. Which guide is held out is decided once, at creation, from a keyed hash of the campaign and
-- the external reference (server/impact/holdout.ts), and recorded here; it never changes afterwards.

ALTER TABLE campaigns ADD COLUMN holdout_share double precision NOT NULL DEFAULT 0
  CHECK (holdout_share >= 0 AND holdout_share <= 0.5);
ALTER TABLE guides ADD COLUMN held_out boolean NOT NULL DEFAULT false;
-- Held-out guides are a few per cent: the guards below probe this small index, never the table.
CREATE INDEX guides_held_out ON guides (id) WHERE held_out;

-- The assignment and the share it was drawn with are facts of the experiment: never rewritten.
CREATE FUNCTION impact_assignment_is_final() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'the holdout assignment is final (%.%)', TG_TABLE_NAME, TG_ARGV[0] USING ERRCODE = 'check_violation';
END
$fn$;
CREATE TRIGGER guides_held_out_final BEFORE UPDATE OF held_out ON guides
  FOR EACH ROW WHEN (OLD.held_out IS DISTINCT FROM NEW.held_out) EXECUTE FUNCTION impact_assignment_is_final('held_out');
CREATE TRIGGER campaigns_holdout_share_final BEFORE UPDATE OF holdout_share ON campaigns
  FOR EACH ROW WHEN (OLD.holdout_share IS DISTINCT FROM NEW.holdout_share) EXECUTE FUNCTION impact_assignment_is_final('holdout_share');

-- A held-out citizen must never receive a guide link or a guide notification. The API does not write
-- them (api/bulk/ingest.ts, api/guides/create-guide.ts, server/notify/outbox.ts) and the notifier
-- skips them (server/notify/notifications.ts); these statement-level guards make any other path that
-- tries fail whole, in the same statement.
CREATE FUNCTION impact_refuse_held_out_links() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM ins t WHERE EXISTS (SELECT 1 FROM guides g WHERE g.id = t.guide_id AND g.held_out)) THEN
    RAISE EXCEPTION 'a held-out guide gets no % (impact holdout)', TG_ARGV[0] USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER tokens_refuse_held_out AFTER INSERT ON tokens
  REFERENCING NEW TABLE AS ins FOR EACH STATEMENT EXECUTE FUNCTION impact_refuse_held_out_links('link');
CREATE TRIGGER notifications_refuse_held_out AFTER INSERT ON notifications
  REFERENCING NEW TABLE AS ins FOR EACH STATEMENT EXECUTE FUNCTION impact_refuse_held_out_links('notification');

-- A held-out guide is not "produced" for the viewing statistics (no video reached its citizen). The
-- production rollup (migration 022) counts every inserted guide; this trigger takes the held-out ones
-- back out in the same statement, on the same cells. Both add to the cell, so their order is free.
CREATE FUNCTION impact_uncount_held_out() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO analytics_cells AS c (grain, province, period, guide_type, campaign_id, channel, produced)
  SELECT gr.grain, gr.province, gr.period, g.type, coalesce(g.campaign_id, '00000000-0000-0000-0000-000000000000'::uuid), '', -count(*)
  FROM (SELECT *, (created_at AT TIME ZONE 'Europe/Rome')::date AS produced_on FROM ins WHERE held_out) g
  CROSS JOIN LATERAL (VALUES ('d', g.produced_on, coalesce(g.province, '')), ('m', date_trunc('month', g.produced_on::timestamp)::date, coalesce(g.province, '')), ('y', date_trunc('year', g.produced_on::timestamp)::date, coalesce(g.province, '')),
    ('d', g.produced_on, '*'), ('m', date_trunc('month', g.produced_on::timestamp)::date, '*'), ('y', date_trunc('year', g.produced_on::timestamp)::date, '*')) AS gr (grain, period, province)
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, province, period, guide_type, campaign_id, channel) DO UPDATE SET produced = c.produced + excluded.produced;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER guides_impact_uncount_held_out AFTER INSERT ON guides
  REFERENCING NEW TABLE AS ins FOR EACH STATEMENT EXECUTE FUNCTION impact_uncount_held_out();

-- Impact evaluation (issue #17, docs/impact.md): outcomes and their rollups.
--
-- Outcomes are what the institute reports after the fact, one row per event: a contact-center call,
-- a branch visit, an online service used, a deadline met, each with its day. No personal data: the
-- guide they belong to was found through the campaign and the external reference at the door, and
-- only its id is kept. Like events, outcomes have no foreign key to guides: they outlive the purge.
--
-- The effect is a comparison of shares of citizens: "of the treated, how many had at least one call
-- within 30 days of day 0". Day 0 of a guide is its campaign's print date, else its creation day
-- (Europe/Rome). What answers it without reading outcomes:
--   impact_firsts  per guide, kind and service: the day (from day 0) of its first outcome on or after day 0;
--   impact_cells   per campaign, type, arm, kind, service and day: how many guides have their first
--                  outcome on that day, so "within W days" is the sum of the cells of days 0..W-1;
--   impact_groups  per campaign, type and arm: how many guides are in it.
-- Arms: 'treated' (offered the guide), 'holdout' (held out), and 'watched', the treated guides with
-- at least one view (a subset of 'treated', kept for the non-randomised comparison).
-- campaign_id is the nil UUID for guides created one at a time (as in the analytics rollups).

CREATE TABLE outcomes (
  -- The institute's own id of the outcome: the idempotency key (a row sent again is skipped).
  id text PRIMARY KEY,
  guide_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  guide_type text NOT NULL,
  held_out boolean NOT NULL,
  kind text NOT NULL CHECK (kind IN ('contact_center_call', 'branch_visit', 'online_service', 'deadline_met')),
  -- online_service: the service id of the guide's buttons (compositions/common/storyboard-types.ts); '' otherwise.
  service_id text NOT NULL DEFAULT '',
  occurred_on date NOT NULL,
  -- The guide's day 0, copied so the rollup needs no join.
  start_on date NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outcomes_guide ON outcomes (guide_id);

CREATE TABLE impact_groups (
  campaign_id uuid NOT NULL,
  guide_type text NOT NULL,
  arm text NOT NULL CHECK (arm IN ('treated', 'holdout', 'watched')),
  guides integer NOT NULL DEFAULT 0,
  first_start_on date,
  last_start_on date,
  PRIMARY KEY (campaign_id, guide_type, arm)
);

CREATE TABLE impact_firsts (
  guide_id uuid NOT NULL,
  kind text NOT NULL,
  -- online_service: the service, and '*' for "any online service"; '' for the other kinds.
  service_id text NOT NULL,
  campaign_id uuid NOT NULL,
  guide_type text NOT NULL,
  held_out boolean NOT NULL,
  first_day integer NOT NULL,
  PRIMARY KEY (guide_id, kind, service_id)
);

CREATE TABLE impact_cells (
  campaign_id uuid NOT NULL,
  guide_type text NOT NULL,
  arm text NOT NULL,
  kind text NOT NULL,
  service_id text NOT NULL,
  day integer NOT NULL,
  guides integer NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, guide_type, arm, kind, service_id, day)
);

-- One lock for every change of impact_firsts and the 'watched' cells: an outcome batch and the first
-- view of the same guide, committed concurrently, would each miss the other's rows (each reads the
-- other's table). Taken inside the triggers, held to the end of the transaction; each statement after
-- it sees what the previous holder committed (READ COMMITTED).
CREATE FUNCTION impact_lock() RETURNS void LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(hashtext('videoguida:impact-rollup')) $$;

-- Group sizes, as guides are created (statement-level: one upsert per upload batch).
CREATE FUNCTION impact_on_guides() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO impact_groups AS c (campaign_id, guide_type, arm, guides, first_start_on, last_start_on)
  SELECT coalesce(g.campaign_id, '00000000-0000-0000-0000-000000000000'::uuid), g.type,
         CASE WHEN g.held_out THEN 'holdout' ELSE 'treated' END, count(*),
         min(coalesce(k.print_date, (g.created_at AT TIME ZONE 'Europe/Rome')::date)),
         max(coalesce(k.print_date, (g.created_at AT TIME ZONE 'Europe/Rome')::date))
  FROM ins g
  LEFT JOIN LATERAL (SELECT print_date FROM campaigns x WHERE x.id = g.campaign_id LIMIT 1) k ON true
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (campaign_id, guide_type, arm) DO UPDATE SET
    guides = c.guides + excluded.guides,
    first_start_on = least(c.first_start_on, excluded.first_start_on),
    last_start_on = greatest(c.last_start_on, excluded.last_start_on);
  RETURN NULL;
END
$fn$;
CREATE TRIGGER guides_impact_groups AFTER INSERT ON guides
  REFERENCING NEW TABLE AS ins FOR EACH STATEMENT EXECUTE FUNCTION impact_on_guides();

-- Outcomes: a guide's first outcome of a kind (and service) on or after day 0 may move earlier; its
-- cell moves with it (−1 on the old day, +1 on the new). The transition table holds only the rows
-- really inserted, so an outcome sent again (ON CONFLICT DO NOTHING) changes nothing.
CREATE FUNCTION impact_on_outcomes() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM impact_lock();
  WITH cand AS (
    SELECT o.guide_id, o.kind, s.service_id, o.campaign_id, o.guide_type, o.held_out, min(o.occurred_on - o.start_on) AS day
    FROM ins o
    CROSS JOIN LATERAL (VALUES (o.service_id), (CASE WHEN o.kind = 'online_service' THEN '*' END)) AS s (service_id)
    WHERE s.service_id IS NOT NULL AND o.occurred_on >= o.start_on
    GROUP BY 1, 2, 3, 4, 5, 6
  ),
  prev AS (
    SELECT c.*, f.first_day AS old_day
    FROM cand c
    LEFT JOIN LATERAL (SELECT first_day FROM impact_firsts f
                       WHERE f.guide_id = c.guide_id AND f.kind = c.kind AND f.service_id = c.service_id LIMIT 1) f ON true
  ),
  moved AS (SELECT * FROM prev WHERE old_day IS NULL OR day < old_day),
  up AS (
    INSERT INTO impact_firsts AS f (guide_id, kind, service_id, campaign_id, guide_type, held_out, first_day)
    SELECT guide_id, kind, service_id, campaign_id, guide_type, held_out, day FROM moved
    ON CONFLICT (guide_id, kind, service_id) DO UPDATE SET first_day = excluded.first_day
  ),
  arms AS (
    SELECT m.*, a.arm
    FROM moved m
    CROSS JOIN LATERAL (VALUES (CASE WHEN m.held_out THEN 'holdout' ELSE 'treated' END),
                               (CASE WHEN NOT m.held_out AND EXISTS (SELECT 1 FROM analytics_viewers v WHERE v.guide_id = m.guide_id) THEN 'watched' END)) AS a (arm)
    WHERE a.arm IS NOT NULL
  ),
  delta AS (
    SELECT campaign_id, guide_type, arm, kind, service_id, day, 1 AS d FROM arms
    UNION ALL
    SELECT campaign_id, guide_type, arm, kind, service_id, old_day, -1 FROM arms WHERE old_day IS NOT NULL
  )
  INSERT INTO impact_cells AS c (campaign_id, guide_type, arm, kind, service_id, day, guides)
  SELECT campaign_id, guide_type, arm, kind, service_id, day, sum(d)
  FROM delta
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(d) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (campaign_id, guide_type, arm, kind, service_id, day) DO UPDATE SET guides = c.guides + excluded.guides;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER outcomes_impact AFTER INSERT ON outcomes
  REFERENCING NEW TABLE AS ins FOR EACH STATEMENT EXECUTE FUNCTION impact_on_outcomes();

-- A guide's first view (a new analytics_viewers row, written by the events rollup of migration 021):
-- it joins the 'watched' group, and its outcomes' cells are copied to that arm.
CREATE FUNCTION impact_on_viewers() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM impact_lock();
  INSERT INTO impact_groups AS c (campaign_id, guide_type, arm, guides)
  SELECT v.campaign_id, v.guide_type, 'watched', count(*)
  FROM ins v
  WHERE NOT EXISTS (SELECT 1 FROM guides g WHERE g.id = v.guide_id AND g.held_out)
  GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT (campaign_id, guide_type, arm) DO UPDATE SET guides = c.guides + excluded.guides;
  INSERT INTO impact_cells AS c (campaign_id, guide_type, arm, kind, service_id, day, guides)
  SELECT f.campaign_id, f.guide_type, 'watched', f.kind, f.service_id, f.first_day, count(*)
  FROM ins v
  JOIN impact_firsts f ON f.guide_id = v.guide_id
  WHERE NOT f.held_out
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (campaign_id, guide_type, arm, kind, service_id, day) DO UPDATE SET guides = c.guides + excluded.guides;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER analytics_viewers_impact AFTER INSERT ON analytics_viewers
  REFERENCING NEW TABLE AS ins FOR EACH STATEMENT EXECUTE FUNCTION impact_on_viewers();

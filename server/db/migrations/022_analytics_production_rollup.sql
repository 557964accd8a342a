-- Produced, issued and opened, counted as guides and tokens are written, so they survive the
-- retention purge of guides and tokens (deletes never touch the rollups) and cost nothing to read.
-- Statement-level: a bulk upload of 1,000 guides adds one grouped upsert, not 1,000. The guide of a
-- token is looked up LATERAL … LIMIT 1 (an index probe per token), never by scanning guides.

CREATE FUNCTION analytics_on_guides() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO analytics_cells AS c (grain, province, period, guide_type, campaign_id, channel, produced)
  SELECT gr.grain, gr.province, gr.period, g.type, coalesce(g.campaign_id, '00000000-0000-0000-0000-000000000000'::uuid), '', count(*)
  FROM (SELECT *, (created_at AT TIME ZONE 'Europe/Rome')::date AS produced_on FROM ins) g
  CROSS JOIN LATERAL (VALUES ('d', g.produced_on, coalesce(g.province, '')), ('m', date_trunc('month', g.produced_on::timestamp)::date, coalesce(g.province, '')), ('y', date_trunc('year', g.produced_on::timestamp)::date, coalesce(g.province, '')),
    ('d', g.produced_on, '*'), ('m', date_trunc('month', g.produced_on::timestamp)::date, '*'), ('y', date_trunc('year', g.produced_on::timestamp)::date, '*')) AS gr (grain, period, province)
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, province, period, guide_type, campaign_id, channel) DO UPDATE SET produced = c.produced + excluded.produced;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER guides_analytics AFTER INSERT ON guides
  REFERENCING NEW TABLE AS ins FOR EACH STATEMENT EXECUTE FUNCTION analytics_on_guides();

-- "Notified" until the notification records exist: the first token issued per guide and channel
-- (generation 0; a re-issued link is not a second notification).
CREATE FUNCTION analytics_on_tokens_issued() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO analytics_cells AS c (grain, province, period, guide_type, campaign_id, channel, issued)
  SELECT gr.grain, gr.province, gr.period, g.type, coalesce(g.campaign_id, '00000000-0000-0000-0000-000000000000'::uuid), t.channel, count(*)
  FROM ins t JOIN LATERAL (SELECT type, campaign_id, province, (created_at AT TIME ZONE 'Europe/Rome')::date AS produced_on
        FROM guides x WHERE x.id = t.guide_id LIMIT 1) g ON true
  CROSS JOIN LATERAL (VALUES ('d', g.produced_on, coalesce(g.province, '')), ('m', date_trunc('month', g.produced_on::timestamp)::date, coalesce(g.province, '')), ('y', date_trunc('year', g.produced_on::timestamp)::date, coalesce(g.province, '')),
    ('d', g.produced_on, '*'), ('m', date_trunc('month', g.produced_on::timestamp)::date, '*'), ('y', date_trunc('year', g.produced_on::timestamp)::date, '*')) AS gr (grain, period, province)
  WHERE t.generation = 0
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, province, period, guide_type, campaign_id, channel) DO UPDATE SET issued = c.issued + excluded.issued;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER tokens_analytics_issued AFTER INSERT ON tokens
  REFERENCING NEW TABLE AS ins FOR EACH STATEMENT EXECUTE FUNCTION analytics_on_tokens_issued();

-- "Opened": the first access through a guide's link on a channel (a re-issued link opened after the
-- first one was is the same guide and channel, not a second opening).
CREATE FUNCTION analytics_on_tokens_opened() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO analytics_cells AS c (grain, province, period, guide_type, campaign_id, channel, opened)
  SELECT gr.grain, gr.province, gr.period, g.type, coalesce(g.campaign_id, '00000000-0000-0000-0000-000000000000'::uuid), t.channel, count(*)
  FROM new_rows t
  JOIN old_rows o ON o.hash = t.hash
  JOIN LATERAL (SELECT type, campaign_id, province, (created_at AT TIME ZONE 'Europe/Rome')::date AS produced_on
        FROM guides x WHERE x.id = t.guide_id LIMIT 1) g ON true
  CROSS JOIN LATERAL (VALUES ('d', g.produced_on, coalesce(g.province, '')), ('m', date_trunc('month', g.produced_on::timestamp)::date, coalesce(g.province, '')), ('y', date_trunc('year', g.produced_on::timestamp)::date, coalesce(g.province, '')),
    ('d', g.produced_on, '*'), ('m', date_trunc('month', g.produced_on::timestamp)::date, '*'), ('y', date_trunc('year', g.produced_on::timestamp)::date, '*')) AS gr (grain, period, province)
  WHERE o.first_access_at IS NULL AND t.first_access_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM tokens x WHERE x.guide_id = t.guide_id AND x.channel = t.channel
                    AND x.hash <> t.hash AND x.first_access_at IS NOT NULL)
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, province, period, guide_type, campaign_id, channel) DO UPDATE SET opened = c.opened + excluded.opened;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER tokens_analytics_opened AFTER UPDATE ON tokens
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_on_tokens_opened();

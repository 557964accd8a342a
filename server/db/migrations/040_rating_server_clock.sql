-- Issue #15: the "latest" rating of a viewer is no longer the client's word alone. A rating is dated
-- least(occurred_at, received_at): the client's clock orders ratings (a rating kept offline and sent
-- at the next visit is still older than the one given then), but never beyond the moment the server
-- received it, so a rating dated 9999 is dated when it arrived and the next rating replaces it.
-- The function is 021's with only the `rated` step changed.

CREATE OR REPLACE FUNCTION analytics_on_events() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- A view's state is read, merged and written back: two flushes holding events of the same new view
  -- must not both count it, so maintainers of one schema take turns (flushes are few and short).
  PERFORM pg_advisory_xact_lock(hashtext('videoguida:analytics:' || current_schema()));

  WITH ev AS (
    SELECT e.id, e.guide_id, e.guide_type, coalesce(e.campaign_id, '00000000-0000-0000-0000-000000000000'::uuid) AS campaign_id,
           coalesce(e.channel, '') AS channel, coalesce(e.province, '') AS province, e.view_id, e.kind,
           e.occurred_at, e.received_at, e.position_frame, e.scene_id, e.action_id, e.value
    FROM ins e
  ),
  -- What this statement says about each view.
  b AS (
    SELECT view_id,
           max(CASE kind WHEN 'complete' THEN 100
                         WHEN 'progress' THEN least(value, 100) - least(value, 100) % 5
                         WHEN 'play' THEN 0 ELSE -1 END) AS reach,
           bool_or(kind IN ('action_click', 'popup_open')) AS interacted,
           max(position_frame) FILTER (WHERE scene_id IS NOT NULL) AS far_frame,
           (array_agg(scene_id ORDER BY position_frame DESC) FILTER (WHERE scene_id IS NOT NULL AND position_frame IS NOT NULL))[1] AS far_scene,
           min(received_at) AS first_received_at
    FROM ev GROUP BY view_id
  ),
  -- The guide a view is bound to (its token's), taken from its first event.
  bound AS (
    SELECT DISTINCT ON (view_id) view_id, guide_id, guide_type, campaign_id, channel, province
    FROM ev ORDER BY view_id, received_at, id
  ),
  -- Lookups of state rows are LATERAL … LIMIT 1: the planner knows nothing of a transition table's
  -- size and would otherwise hash-join (scan) whole state tables for a flush of twenty events.
  produced AS (
    SELECT x.guide_id,
           coalesce(w.produced_on, g.produced_on, (x.first_received_at AT TIME ZONE 'Europe/Rome')::date) AS produced_on
    FROM (SELECT guide_id, min(received_at) AS first_received_at FROM ev GROUP BY guide_id) x
    LEFT JOIN LATERAL (SELECT produced_on FROM analytics_viewers w WHERE w.guide_id = x.guide_id LIMIT 1) w ON true
    LEFT JOIN LATERAL (SELECT (created_at AT TIME ZONE 'Europe/Rome')::date AS produced_on FROM guides g WHERE g.id = x.guide_id LIMIT 1) g ON true
  ),
  o AS (SELECT v.* FROM b CROSS JOIN LATERAL (SELECT * FROM analytics_views x WHERE x.view_id = b.view_id LIMIT 1) v),
  -- Each view's state after this statement, beside what it was.
  n AS (
    SELECT b.view_id, o.view_id IS NULL AS is_new,
           coalesce(o.guide_id, bound.guide_id) AS guide_id,
           coalesce(o.produced_on, produced.produced_on) AS produced_on,
           coalesce(o.guide_type, bound.guide_type) AS guide_type,
           coalesce(o.campaign_id, bound.campaign_id) AS campaign_id,
           coalesce(o.channel, bound.channel) AS channel,
           coalesce(o.province, bound.province) AS province,
           coalesce(o.first_received_at, b.first_received_at) AS first_received_at,
           greatest(o.reach, b.reach) AS reach, coalesce(o.reach, -1) AS old_reach,
           coalesce(o.interacted, false) OR b.interacted AS interacted, coalesce(o.interacted, false) AS old_interacted,
           CASE WHEN b.far_frame IS NOT NULL AND (o.far_frame IS NULL OR b.far_frame > o.far_frame) THEN b.far_frame ELSE o.far_frame END AS far_frame,
           CASE WHEN b.far_frame IS NOT NULL AND (o.far_frame IS NULL OR b.far_frame > o.far_frame) THEN b.far_scene ELSE o.far_scene END AS far_scene,
           o.far_scene AS old_scene
    FROM b JOIN bound USING (view_id)
    LEFT JOIN o USING (view_id)
    LEFT JOIN produced ON produced.guide_id = bound.guide_id
  ),
  write_views AS (
    INSERT INTO analytics_views (view_id, guide_id, produced_on, guide_type, campaign_id, channel, province,
                                 first_received_at, reach, interacted, far_frame, far_scene)
    SELECT view_id, guide_id, produced_on, guide_type, campaign_id, channel, province,
           first_received_at, reach, interacted, far_frame, far_scene
    FROM n
    ON CONFLICT (view_id) DO UPDATE SET reach = excluded.reach, interacted = excluded.interacted,
      far_frame = excluded.far_frame, far_scene = excluded.far_scene
  ),
  -- Viewers (one per guide): first-view channel, views added, interaction, latest rating.
  vb AS (
    SELECT DISTINCT ON (guide_id) guide_id, produced_on, guide_type, campaign_id, province, channel,
           count(*) FILTER (WHERE is_new) OVER w AS new_views, bool_or(interacted) OVER w AS interacted
    FROM n WINDOW w AS (PARTITION BY guide_id)
    ORDER BY guide_id, first_received_at, view_id
  ),
  -- The latest rating: the client's time, capped by the server's clock at receipt (a client clock
  -- set ahead must not make its rating the latest forever).
  rated AS (
    SELECT DISTINCT ON (guide_id) guide_id, value AS rating, least(occurred_at, received_at) AS rated_at
    FROM ev WHERE kind = 'rating' AND value BETWEEN 1 AND 5
    ORDER BY guide_id, least(occurred_at, received_at) DESC, occurred_at DESC, id DESC
  ),
  ov AS (SELECT w.* FROM vb CROSS JOIN LATERAL (SELECT * FROM analytics_viewers x WHERE x.guide_id = vb.guide_id LIMIT 1) w),
  nv AS (
    SELECT vb.guide_id, ov.guide_id IS NULL AS is_new,
           coalesce(ov.produced_on, vb.produced_on) AS produced_on,
           coalesce(ov.guide_type, vb.guide_type) AS guide_type,
           coalesce(ov.campaign_id, vb.campaign_id) AS campaign_id,
           coalesce(ov.channel, vb.channel) AS channel,
           coalesce(ov.province, vb.province) AS province,
           coalesce(ov.interacted, false) OR vb.interacted AS interacted, coalesce(ov.interacted, false) AS old_interacted,
           vb.new_views,
           CASE WHEN rated.rated_at IS NOT NULL AND (ov.rated_at IS NULL OR rated.rated_at > ov.rated_at) THEN rated.rating ELSE ov.rating END AS rating,
           CASE WHEN rated.rated_at IS NOT NULL AND (ov.rated_at IS NULL OR rated.rated_at > ov.rated_at) THEN rated.rated_at ELSE ov.rated_at END AS rated_at,
           ov.rating AS old_rating
    FROM vb LEFT JOIN ov USING (guide_id) LEFT JOIN rated USING (guide_id)
  ),
  write_viewers AS (
    INSERT INTO analytics_viewers (guide_id, produced_on, guide_type, campaign_id, channel, province, interacted, rating, rated_at)
    SELECT guide_id, produced_on, guide_type, campaign_id, channel, province, interacted, rating, rated_at FROM nv
    ON CONFLICT (guide_id) DO UPDATE SET interacted = excluded.interacted, rating = excluded.rating, rated_at = excluded.rated_at
  ),
  -- Only views and viewers whose contribution changed (a progress event at a position already
  -- reached changes nothing), summed per base cell before being spread over grains and provinces.
  delta AS (
    SELECT produced_on, guide_type, campaign_id, channel, province,
           is_new::int AS views, (interacted AND NOT old_interacted)::int AS interacted_views,
           (reach >= 0)::int - (old_reach >= 0)::int AS r0, (reach >= 5)::int - (old_reach >= 5)::int AS r5, (reach >= 10)::int - (old_reach >= 10)::int AS r10,
           (reach >= 15)::int - (old_reach >= 15)::int AS r15, (reach >= 20)::int - (old_reach >= 20)::int AS r20, (reach >= 25)::int - (old_reach >= 25)::int AS r25,
           (reach >= 30)::int - (old_reach >= 30)::int AS r30, (reach >= 35)::int - (old_reach >= 35)::int AS r35, (reach >= 40)::int - (old_reach >= 40)::int AS r40,
           (reach >= 45)::int - (old_reach >= 45)::int AS r45, (reach >= 50)::int - (old_reach >= 50)::int AS r50, (reach >= 55)::int - (old_reach >= 55)::int AS r55,
           (reach >= 60)::int - (old_reach >= 60)::int AS r60, (reach >= 65)::int - (old_reach >= 65)::int AS r65, (reach >= 70)::int - (old_reach >= 70)::int AS r70,
           (reach >= 75)::int - (old_reach >= 75)::int AS r75, (reach >= 80)::int - (old_reach >= 80)::int AS r80, (reach >= 85)::int - (old_reach >= 85)::int AS r85,
           (reach >= 90)::int - (old_reach >= 90)::int AS r90, (reach >= 95)::int - (old_reach >= 95)::int AS r95, (reach >= 100)::int - (old_reach >= 100)::int AS r100,
           0 AS viewers, 0 AS viewers_interacted, 0 AS viewer_views, 0 AS rating1, 0 AS rating2, 0 AS rating3,
           0 AS rating4, 0 AS rating5
    FROM n WHERE is_new OR reach <> old_reach OR interacted <> old_interacted
    UNION ALL
    SELECT produced_on, guide_type, campaign_id, channel, province,
           0 AS views, 0 AS interacted_views, 0 AS r0, 0 AS r5, 0 AS r10, 0 AS r15,
           0 AS r20, 0 AS r25, 0 AS r30, 0 AS r35, 0 AS r40, 0 AS r45,
           0 AS r50, 0 AS r55, 0 AS r60, 0 AS r65, 0 AS r70, 0 AS r75,
           0 AS r80, 0 AS r85, 0 AS r90, 0 AS r95, 0 AS r100,
           is_new::int, (interacted AND NOT old_interacted)::int, new_views::int,
           coalesce((rating = 1)::int, 0) - coalesce((old_rating = 1)::int, 0) AS rating1, coalesce((rating = 2)::int, 0) - coalesce((old_rating = 2)::int, 0) AS rating2,
           coalesce((rating = 3)::int, 0) - coalesce((old_rating = 3)::int, 0) AS rating3, coalesce((rating = 4)::int, 0) - coalesce((old_rating = 4)::int, 0) AS rating4,
           coalesce((rating = 5)::int, 0) - coalesce((old_rating = 5)::int, 0) AS rating5
    FROM nv WHERE is_new OR interacted <> old_interacted OR new_views > 0 OR rating IS DISTINCT FROM old_rating
  ),
  base AS (
    SELECT produced_on, guide_type, campaign_id, channel, province,
           sum(views) AS views, sum(interacted_views) AS interacted_views, sum(r0) AS r0, sum(r5) AS r5, sum(r10) AS r10, sum(r15) AS r15,
           sum(r20) AS r20, sum(r25) AS r25, sum(r30) AS r30, sum(r35) AS r35, sum(r40) AS r40, sum(r45) AS r45,
           sum(r50) AS r50, sum(r55) AS r55, sum(r60) AS r60, sum(r65) AS r65, sum(r70) AS r70, sum(r75) AS r75,
           sum(r80) AS r80, sum(r85) AS r85, sum(r90) AS r90, sum(r95) AS r95, sum(r100) AS r100, sum(viewers) AS viewers,
           sum(viewers_interacted) AS viewers_interacted, sum(viewer_views) AS viewer_views, sum(rating1) AS rating1, sum(rating2) AS rating2, sum(rating3) AS rating3, sum(rating4) AS rating4,
           sum(rating5) AS rating5
    FROM delta GROUP BY 1, 2, 3, 4, 5
  ),
  write_cells AS (
    INSERT INTO analytics_cells AS c (grain, province, period, guide_type, campaign_id, channel,
      views, interacted_views, r0, r5, r10, r15, r20, r25,
      r30, r35, r40, r45, r50, r55, r60, r65,
      r70, r75, r80, r85, r90, r95, r100, viewers,
      viewers_interacted, viewer_views, rating1, rating2, rating3, rating4, rating5)
    SELECT gr.grain, gr.province, gr.period, guide_type, campaign_id, channel,
           sum(views), sum(interacted_views), sum(r0), sum(r5), sum(r10), sum(r15), sum(r20), sum(r25),
           sum(r30), sum(r35), sum(r40), sum(r45), sum(r50), sum(r55), sum(r60), sum(r65),
           sum(r70), sum(r75), sum(r80), sum(r85), sum(r90), sum(r95), sum(r100), sum(viewers),
           sum(viewers_interacted), sum(viewer_views), sum(rating1), sum(rating2), sum(rating3), sum(rating4), sum(rating5)
    FROM base CROSS JOIN LATERAL (VALUES ('d', produced_on, base.province), ('m', date_trunc('month', produced_on::timestamp)::date, base.province), ('y', date_trunc('year', produced_on::timestamp)::date, base.province),
    ('d', produced_on, '*'), ('m', date_trunc('month', produced_on::timestamp)::date, '*'), ('y', date_trunc('year', produced_on::timestamp)::date, '*')) AS gr (grain, period, province)
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (grain, province, period, guide_type, campaign_id, channel) DO UPDATE SET
      views = c.views + excluded.views, interacted_views = c.interacted_views + excluded.interacted_views, r0 = c.r0 + excluded.r0,
      r5 = c.r5 + excluded.r5, r10 = c.r10 + excluded.r10, r15 = c.r15 + excluded.r15,
      r20 = c.r20 + excluded.r20, r25 = c.r25 + excluded.r25, r30 = c.r30 + excluded.r30,
      r35 = c.r35 + excluded.r35, r40 = c.r40 + excluded.r40, r45 = c.r45 + excluded.r45,
      r50 = c.r50 + excluded.r50, r55 = c.r55 + excluded.r55, r60 = c.r60 + excluded.r60,
      r65 = c.r65 + excluded.r65, r70 = c.r70 + excluded.r70, r75 = c.r75 + excluded.r75,
      r80 = c.r80 + excluded.r80, r85 = c.r85 + excluded.r85, r90 = c.r90 + excluded.r90,
      r95 = c.r95 + excluded.r95, r100 = c.r100 + excluded.r100, viewers = c.viewers + excluded.viewers,
      viewers_interacted = c.viewers_interacted + excluded.viewers_interacted, viewer_views = c.viewer_views + excluded.viewer_views, rating1 = c.rating1 + excluded.rating1,
      rating2 = c.rating2 + excluded.rating2, rating3 = c.rating3 + excluded.rating3, rating4 = c.rating4 + excluded.rating4,
      rating5 = c.rating5 + excluded.rating5
  ),
  new_uses AS (
    INSERT INTO analytics_view_actions (view_id, kind, action_id)
    SELECT DISTINCT view_id, kind, action_id FROM ev WHERE kind IN ('action_click', 'popup_open') AND action_id IS NOT NULL
    ON CONFLICT DO NOTHING
    RETURNING view_id, kind, action_id
  ),
  action_delta AS (
    SELECT n.produced_on, n.guide_type, n.campaign_id, n.channel, n.province, ev.kind, ev.action_id, 1 AS events, 0 AS views
    FROM ev JOIN n USING (view_id) WHERE ev.kind IN ('action_click', 'popup_open') AND ev.action_id IS NOT NULL
    UNION ALL
    SELECT n.produced_on, n.guide_type, n.campaign_id, n.channel, n.province, u.kind, u.action_id, 0, 1
    FROM new_uses u JOIN n USING (view_id)
  ),
  write_actions AS (
    INSERT INTO analytics_action_cells AS a (grain, province, period, guide_type, campaign_id, channel, kind, action_id, events, views)
    SELECT gr.grain, gr.province, gr.period, guide_type, campaign_id, channel, kind, action_id, sum(events), sum(views)
    FROM action_delta CROSS JOIN LATERAL (VALUES ('d', produced_on, action_delta.province), ('m', date_trunc('month', produced_on::timestamp)::date, action_delta.province), ('y', date_trunc('year', produced_on::timestamp)::date, action_delta.province),
    ('d', produced_on, '*'), ('m', date_trunc('month', produced_on::timestamp)::date, '*'), ('y', date_trunc('year', produced_on::timestamp)::date, '*')) AS gr (grain, period, province)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (grain, province, period, guide_type, campaign_id, channel, kind, action_id) DO UPDATE SET events = a.events + excluded.events, views = a.views + excluded.views
  ),
  -- A view leaves its previous exit scene and, unless complete, stops in its new furthest one.
  scene_delta AS (
    SELECT produced_on, guide_type, campaign_id, channel, province, old_scene AS scene_id, -1 AS exits, NULL::integer AS frame
    FROM n WHERE NOT is_new AND old_reach < 100 AND old_scene IS NOT NULL
    UNION ALL
    SELECT produced_on, guide_type, campaign_id, channel, province, far_scene, 1, far_frame
    FROM n WHERE reach < 100 AND far_scene IS NOT NULL
  )
  INSERT INTO analytics_scene_cells AS s (grain, province, period, guide_type, campaign_id, channel, scene_id, exits, min_frame)
  SELECT gr.grain, gr.province, gr.period, guide_type, campaign_id, channel, scene_id, sum(exits), min(frame)
  FROM scene_delta CROSS JOIN LATERAL (VALUES ('d', produced_on, scene_delta.province), ('m', date_trunc('month', produced_on::timestamp)::date, scene_delta.province), ('y', date_trunc('year', produced_on::timestamp)::date, scene_delta.province),
    ('d', produced_on, '*'), ('m', date_trunc('month', produced_on::timestamp)::date, '*'), ('y', date_trunc('year', produced_on::timestamp)::date, '*')) AS gr (grain, period, province)
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(exits) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, province, period, guide_type, campaign_id, channel, scene_id) DO UPDATE SET exits = s.exits + excluded.exits,
    min_frame = least(s.min_frame, excluded.min_frame);
  RETURN NULL;
END
$fn$;

-- Ratings already recorded were dated by the client's clock alone: those dated ahead of the server's
-- clock are capped at now, as the trigger caps them from here on.
UPDATE analytics_viewers SET rated_at = now() WHERE rated_at > now();

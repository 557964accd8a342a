-- "Notified" becomes the notifications that really went out (issue #10): `sent` counts, per cell, the
-- notifications whose `sent_at` was set, on their own channel (email, sms, app, pec; PEC gets cells
-- of its own although it carries the email link). The paper letter is no notification: its
-- "notified" stays `issued` (022). Cells are keyed exactly like 022's: production day of the guide
-- (Europe/Rome) at three grains, province and '*', type, campaign (nil UUID for direct guides).
-- integer like every other counter: a cell is one type, campaign and channel, far below 2^31.
ALTER TABLE analytics_cells ADD COLUMN sent integer NOT NULL DEFAULT 0;

-- Writers of notifications wait from here to the end of this migration's transaction, so no send is
-- missed (committed after the backfill read, before the trigger existed) or counted twice. Taken
-- after analytics_cells, the order in which creating a guide takes them (its rollup, then its outbox).
LOCK TABLE notifications IN SHARE ROW EXCLUSIVE MODE;

-- Only UPDATE is watched: the outbox inserts rows unsent (notifier/ and server/notify/ set sent_at by
-- markSent or a receipt, both UPDATEs, and never clear it), so NULL → NOT NULL happens once per row:
-- a notification sent, then delivered (or bounced) counts once. Type, campaign and province come
-- from the row (copied from the guide); the production day from the guide while it exists, else the
-- notification's creation day (it is written in the guide's own transaction: the same day).
CREATE FUNCTION analytics_on_notifications_sent() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO analytics_cells AS c (grain, province, period, guide_type, campaign_id, channel, sent)
  SELECT gr.grain, gr.province, gr.period, n.guide_type, coalesce(n.campaign_id, '00000000-0000-0000-0000-000000000000'::uuid), n.channel, count(*)
  FROM new_rows n
  JOIN old_rows o ON o.id = n.id
  LEFT JOIN LATERAL (SELECT (created_at AT TIME ZONE 'Europe/Rome')::date AS produced_on
        FROM guides x WHERE x.id = n.guide_id LIMIT 1) g ON true
  CROSS JOIN LATERAL (VALUES (coalesce(g.produced_on, (n.created_at AT TIME ZONE 'Europe/Rome')::date), coalesce(n.province, ''))) AS k (day, province)
  CROSS JOIN LATERAL (VALUES ('d', k.day, k.province), ('m', date_trunc('month', k.day::timestamp)::date, k.province), ('y', date_trunc('year', k.day::timestamp)::date, k.province),
    ('d', k.day, '*'), ('m', date_trunc('month', k.day::timestamp)::date, '*'), ('y', date_trunc('year', k.day::timestamp)::date, '*')) AS gr (grain, period, province)
  WHERE o.sent_at IS NULL AND n.sent_at IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, province, period, guide_type, campaign_id, channel) DO UPDATE SET sent = c.sent + excluded.sent;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER notifications_analytics_sent AFTER UPDATE ON notifications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_on_notifications_sent();

-- Databases upgraded with notifications already sent: the same grouping over the whole table.
INSERT INTO analytics_cells AS c (grain, province, period, guide_type, campaign_id, channel, sent)
SELECT gr.grain, gr.province, gr.period, n.guide_type, coalesce(n.campaign_id, '00000000-0000-0000-0000-000000000000'::uuid), n.channel, count(*)
FROM notifications n
LEFT JOIN LATERAL (SELECT (created_at AT TIME ZONE 'Europe/Rome')::date AS produced_on
      FROM guides x WHERE x.id = n.guide_id LIMIT 1) g ON true
CROSS JOIN LATERAL (VALUES (coalesce(g.produced_on, (n.created_at AT TIME ZONE 'Europe/Rome')::date), coalesce(n.province, ''))) AS k (day, province)
CROSS JOIN LATERAL (VALUES ('d', k.day, k.province), ('m', date_trunc('month', k.day::timestamp)::date, k.province), ('y', date_trunc('year', k.day::timestamp)::date, k.province),
  ('d', k.day, '*'), ('m', date_trunc('month', k.day::timestamp)::date, '*'), ('y', date_trunc('year', k.day::timestamp)::date, '*')) AS gr (grain, period, province)
WHERE n.sent_at IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY 1, 2, 3, 4, 5, 6
ON CONFLICT (grain, province, period, guide_type, campaign_id, channel) DO UPDATE SET sent = c.sent + excluded.sent;

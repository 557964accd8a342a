import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database';
import { PROVINCES } from '../../compositions/common/provinces';

/**
 * A large synthetic history generated inside the database (benchmarks, demos): guides over a span of
 * production days, 15% of them viewed, 4.8 views per viewer on average, ~18 events per view. Events
 * are written with INSERT … SELECT in statements of `chunkViews` views each, so every event goes
 * through the same rollup trigger as the API's flushes; each view's events are split over two
 * consecutive statements, as a player's two batches are, so the trigger's merge path runs too.
 */
export interface BulkHistoryOptions {
  guides: number;
  firstDay: string;
  days: number;
  chunkViews: number;
  onProgress?: (step: string, done: number, total: number) => void;
}

const TYPES = `CASE WHEN x < 45 THEN 'naspi' WHEN x < 65 THEN 'pensione' WHEN x < 80 THEN 'red' WHEN x < 90 THEN 'auu' WHEN x < 98 THEN 'invalidita' ELSE 'sfl' END`;
const SCENES = `ARRAY['greeting','amount','calendar','deductions','status','obligations','services','closing']`;
const ACTIONS = `ARRAY['payments','new-job','amount-info','advance']`;
/** md5-derived, shaped as a version-4 UUID so the API's filters accept it (benchCampaignId gives the same). */
const campaignId = (expr: string) => `overlay(overlay(md5('bench-campaign-' || ${expr}) placing '4' from 13) placing '8' from 17)::uuid`;
export const benchCampaignId = (typeAndNumber: string): string => {
  const h = createHash('md5').update(`bench-campaign-${typeAndNumber}`).digest('hex');
  const v = `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20)}`;
};
/** Large provinces first: the generator's skew then gives Rome, Milan and Naples the most guides. */
const BY_SIZE = ['RM', 'MI', 'NA', 'TO', 'BA', 'PA', 'CT', 'BS', 'BG', 'SA', 'BO', 'FI', 'VR', 'PD', 'VE', 'GE', 'CE', 'TV', 'LE', 'VA'];
const PROVINCE_ORDER = [...BY_SIZE, ...PROVINCES.filter((p) => !BY_SIZE.includes(p))];

export async function loadBulkHistory(db: Queryable, o: BulkHistoryOptions): Promise<{ guides: number; views: number; events: number }> {
  await db.exec(`SELECT setseed(0.42)`);
  await db.query(
    `INSERT INTO campaigns (id, guide_type, name)
     SELECT ${campaignId('t || k')}, t, 'Bench ' || t || ' ' || k
     FROM unnest(ARRAY['naspi','pensione','red','auu','invalidita','sfl']) t, generate_series(1, 4) k
     ON CONFLICT DO NOTHING`,
  );
  const guideChunk = 50_000;
  for (let a = 0; a < o.guides; a += guideChunk) {
    await db.query(
      `INSERT INTO guides (id, campaign_id, type, type_version, locale, external_ref, province, data, duration_frames, expires_at, created_at)
       SELECT md5('bench-guide-' || i)::uuid,
              CASE WHEN i % 10 < 6 THEN ${campaignId('t || (1 + i % 4)')} END,
              t, '1', 'it', 'bench-' || i, ($4::text[])[1 + floor(array_length($4::text[], 1) * power(random(), 2.5))::int],
              '{}', 3600, now() + interval '365 days',
              $3::date + (i::float8 * $5 / $6) * interval '1 day' + random() * interval '10 hours'
       FROM (SELECT i, ${TYPES} AS t FROM (SELECT i, (i::bigint * 7919) % 100 AS x FROM generate_series($1::int, $2::int) i) s) g`,
      [a, Math.min(o.guides, a + guideChunk) - 1, o.firstDay, PROVINCE_ORDER, o.days, o.guides],
    );
    // A link per channel for every guide, through the tokens trigger ("notified").
    await db.query(
      `INSERT INTO tokens (hash, guide_id, channel, expires_at)
       SELECT decode(md5('bench-token-' || i || c), 'hex'), md5('bench-guide-' || i)::uuid, c, now() + interval '365 days'
       FROM generate_series($1::int, $2::int) i, unnest(ARRAY['qr', 'email', 'sms', 'app']) c`,
      [a, Math.min(o.guides, a + guideChunk) - 1],
    );
    o.onProgress?.('guides', Math.min(o.guides, a + guideChunk), o.guides);
  }
  await db.exec(`
    DROP TABLE IF EXISTS bench_views;
    CREATE TABLE bench_views AS
    SELECT (row_number() OVER (ORDER BY created_at, guide_id, v))::int AS n, *,
           md5('bench-view-' || guide_id || v)::uuid AS view_id,
           CASE WHEN r1 < 0.05 THEN -1 WHEN r1 < 0.48 THEN 100 ELSE 5 * floor((r1 - 0.48) / 0.52 * 20)::int END AS reach,
           random() < 0.35 AS interact,
           CASE WHEN v = 1 AND random() < 0.3 THEN (ARRAY[5,5,5,5,5,5,4,4,4,3,2,1])[1 + floor(random() * 12)::int] END AS rating
    FROM (
      SELECT g.*, v, random() AS r1, g.created_at + random() * interval '40 days' AS t0
      FROM (SELECT id AS guide_id, type, campaign_id, province, created_at,
                   (ARRAY['qr','qr','qr','qr','qr','app','app','app','email','sms'])[1 + abs(hashtext(id::text)) % 10] AS channel,
                   -- Views per viewer: 1 + a geometric count of mean 3.8 (floor of an exponential
                   -- of mean 4.28), so 4.8 on average.
                   1 + floor(-ln(1 - random()) * 4.28)::int AS nviews
            FROM guides WHERE external_ref LIKE 'bench-%' AND abs(hashtext(id::text || 'viewed')) % 100 < 15) g
      CROSS JOIN LATERAL generate_series(1, g.nviews) v
    ) x;
    CREATE INDEX bench_views_n ON bench_views (n);`);
  // Each viewer opened the link of their channel ("opened"), through the tokens update trigger.
  await db.exec(`
    UPDATE tokens t SET first_access_at = v.t0
    FROM (SELECT DISTINCT ON (guide_id) guide_id, channel, t0 FROM bench_views ORDER BY guide_id, t0) v
    WHERE t.guide_id = v.guide_id AND t.channel = v.channel`);
  const [{ views }] = (await db.query<{ views: number }>(`SELECT count(*) AS views FROM bench_views`)) as [{ views: number }];
  const statements = Math.ceil(views / o.chunkViews) + 1;
  for (let c = 0; c < statements; c++) {
    // First halves (k < 5) of this chunk's views, second halves of the previous chunk's.
    await db.query(
      `INSERT INTO events (id, guide_id, guide_type, campaign_id, channel, province, view_id, kind, occurred_at,
                           position_frame, scene_id, action_id, value)
       SELECT md5(v.view_id::text || k)::uuid, v.guide_id, v.type, v.campaign_id, v.channel, v.province, v.view_id,
              CASE WHEN k = -2 THEN 'view_start' WHEN k = -1 THEN 'play' WHEN k <= 20 THEN 'progress' WHEN k = 21 THEN 'complete'
                   WHEN k = 22 THEN 'pause' WHEN k = 23 THEN 'action_click' ELSE 'rating' END,
              v.t0 + k * interval '6 seconds',
              CASE WHEN k BETWEEN -1 AND 20 THEN greatest(k, 0) * 179 WHEN k = 21 THEN 3599 WHEN k = 22 THEN v.reach * 36 WHEN k = 23 THEN 1800 END,
              CASE WHEN k BETWEEN -1 AND 20 THEN (${SCENES})[1 + least(7, greatest(k, 0) * 2 / 5)]
                   WHEN k = 21 THEN 'closing' WHEN k = 22 THEN (${SCENES})[1 + least(7, v.reach / 5 * 2 / 5)] WHEN k = 23 THEN 'services' END,
              CASE WHEN k = 23 THEN (${ACTIONS})[1 + v.n % 4] END,
              CASE WHEN k BETWEEN 0 AND 20 THEN k * 5 WHEN k = 24 THEN v.rating END
       FROM bench_views v CROSS JOIN LATERAL generate_series(-2, 24) k
       WHERE ((v.n > $1 AND v.n <= $2 AND k < 5) OR (v.n > $1 - $3 AND v.n <= $1 AND k >= 5))
         AND (k = -2 OR (k = -1 AND v.reach >= 0) OR (k BETWEEN 0 AND 20 AND k * 5 <= v.reach) OR (k = 21 AND v.reach = 100)
              OR (k = 22 AND v.reach BETWEEN 0 AND 95) OR (k = 23 AND v.interact AND v.reach >= 50) OR (k = 24 AND v.rating IS NOT NULL))`,
      [c * o.chunkViews, (c + 1) * o.chunkViews, o.chunkViews],
    );
    o.onProgress?.('events', Math.min(c + 1, statements), statements);
  }
  const [{ events }] = (await db.query<{ events: number }>(`SELECT count(*) AS events FROM events`)) as [{ events: number }];
  await db.exec(`DROP TABLE bench_views`);
  return { guides: o.guides, views, events };
}

import type { Queryable } from '../db/database';

/** One viewing event as stored: bound to the guide and channel of the token it came with, never to a person. */
export interface EventRow {
  id: string;
  guideId: string;
  guideType: string;
  campaignId: string | null;
  channel: string;
  province: string | null;
  viewId: string;
  kind: string;
  occurredAt: string;
  frame: number | null;
  sceneId: string | null;
  actionId: string | null;
  value: number | null;
}

/**
 * Writes many events in one statement: rows travel as one JSON document (no parameter-count limit, the
 * same SQL on pg and PGlite). Known ids are skipped, so a replayed batch changes nothing; the rollup
 * trigger runs inside this statement and sees only the rows really inserted. Returns that count.
 * The province is the guide row's (the column "produced" is counted by), the event's copy otherwise.
 */
export async function insertEvents(q: Queryable, rows: readonly EventRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const doc = rows.map((r) => ({
    i: r.id,
    g: r.guideId,
    t: r.guideType,
    c: r.campaignId,
    h: r.channel,
    p: r.province,
    v: r.viewId,
    k: r.kind,
    a: r.occurredAt,
    f: r.frame,
    s: r.sceneId,
    x: r.actionId,
    n: r.value,
  }));
  const inserted = await q.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO events (id, guide_id, guide_type, campaign_id, channel, province, view_id, kind, occurred_at,
                           position_frame, scene_id, action_id, value)
       SELECT r.i, r.g, r.t, r.c, r.h, coalesce(g.province, r.p), r.v, r.k, r.a, r.f, r.s, r.x, r.n
       FROM jsonb_to_recordset($1::jsonb)
         AS r(i uuid, g uuid, t text, c uuid, h text, p text, v uuid, k text, a timestamptz, f integer, s text, x text, n integer)
       LEFT JOIN LATERAL (SELECT province FROM guides g WHERE g.id = r.g LIMIT 1) g ON true
       ON CONFLICT (id) DO NOTHING
       RETURNING 1)
     SELECT count(*) AS n FROM ins`,
    [JSON.stringify(doc)],
  );
  return inserted[0]?.n ?? 0;
}

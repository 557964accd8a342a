import type { GuideType } from '../../compositions/common/envelope';
import type { Queryable } from '../db/database';
import type { OutcomeKind } from './kinds';
import { NIL_CAMPAIGN } from './figures';

export interface OutcomeRow {
  /** The upload's line, to report a row the database side refuses. */
  line: number;
  outcomeId: string;
  campaignId: string | null;
  externalRef: string;
  kind: OutcomeKind;
  /** '' unless kind is online_service. */
  serviceId: string;
  /** 'YYYY-MM-DD' */
  date: string;
}

export interface StoredBatch {
  inserted: number;
  /** Rows whose guide was found and that were valid for it, inserted or already there. */
  matched: number;
  /** Lines whose campaign and external reference name no guide. */
  unknown: number[];
  /** Lines of deadline_met outcomes for a guide type without a deadline, with the type. */
  noDeadline: { line: number; type: GuideType }[];
}

/**
 * One statement per batch: each row finds its guide through the unique index on (campaign,
 * external reference), takes the guide's type, holdout arm and day 0 (the campaign's print date, else
 * the guide's creation day in Europe/Rome), and is inserted unless its id is already stored; the
 * outcomes trigger updates the rollups in the same statement. Rows whose guide is unknown, or whose
 * kind the guide's type does not have, come back by line.
 */
export async function storeOutcomes(q: Queryable, rows: readonly OutcomeRow[], deadlineTypes: readonly GuideType[]): Promise<StoredBatch> {
  if (rows.length === 0) return { inserted: 0, matched: 0, unknown: [], noDeadline: [] };
  const json = rows.map((r) => ({ l: r.line, i: r.outcomeId, c: r.campaignId ?? NIL_CAMPAIGN, x: r.externalRef, k: r.kind, s: r.serviceId, d: r.date }));
  const result = await q.query<{
    line: number | null;
    guide_type: GuideType | null;
    problem: 'unknown' | 'no_deadline' | null;
    inserted: number;
    matched: number;
  }>(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(l integer, i text, c uuid, x text, k text, s text, d date)
     ),
     m AS (
       SELECT r.*, g.id AS guide_id, g.type, g.held_out,
              coalesce(k.print_date, (g.created_at AT TIME ZONE 'Europe/Rome')::date) AS start_on
       FROM r
       LEFT JOIN LATERAL (SELECT id, type, held_out, created_at, campaign_id FROM guides g
                          WHERE coalesce(g.campaign_id, '${NIL_CAMPAIGN}'::uuid) = r.c AND g.external_ref = r.x LIMIT 1) g ON true
       LEFT JOIN LATERAL (SELECT print_date FROM campaigns k WHERE k.id = g.campaign_id LIMIT 1) k ON true
     ),
     ok AS (SELECT * FROM m WHERE guide_id IS NOT NULL AND (k <> 'deadline_met' OR type = ANY($2::text[]))),
     ins AS (
       INSERT INTO outcomes (id, guide_id, campaign_id, guide_type, held_out, kind, service_id, occurred_on, start_on)
       SELECT i, guide_id, c, type, held_out, k, s, d, start_on FROM ok
       ON CONFLICT (id) DO NOTHING
       RETURNING 1
     )
     SELECT l AS line, type AS guide_type, CASE WHEN guide_id IS NULL THEN 'unknown' ELSE 'no_deadline' END AS problem,
            (SELECT count(*) FROM ins) AS inserted, (SELECT count(*) FROM ok) AS matched
     FROM m WHERE guide_id IS NULL OR (k = 'deadline_met' AND NOT type = ANY($2::text[]))
     UNION ALL
     SELECT NULL, NULL, NULL, (SELECT count(*) FROM ins), (SELECT count(*) FROM ok)`,
    [JSON.stringify(json), deadlineTypes],
  );
  const out: StoredBatch = { inserted: 0, matched: 0, unknown: [], noDeadline: [] };
  for (const r of result) {
    out.inserted = r.inserted;
    out.matched = r.matched;
    if (r.problem === 'unknown') out.unknown.push(r.line!);
    else if (r.problem === 'no_deadline') out.noDeadline.push({ line: r.line!, type: r.guide_type! });
  }
  return out;
}

/** Which of these campaign ids exist (a row naming an unknown campaign is refused on campaignId). */
export async function existingCampaigns(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q.query<{ id: string }>(`SELECT id FROM campaigns WHERE id = ANY($1::uuid[])`, [ids]);
  return new Set(rows.map((r) => r.id));
}

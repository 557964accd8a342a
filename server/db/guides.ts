import { randomUUID } from 'node:crypto';
import type { Guide } from '../../compositions/guide-types';
import type { Queryable } from './database';

/** 'pending': waiting for its first access before it is enqueued (lazy render policy). */
import type { GuideStatus } from '../../contract/guide-status';

export type { GuideStatus };

export interface GuideRow {
  id: string;
  campaign_id: string | null;
  type: Guide['type'];
  type_version: string;
  locale: Guide['locale'];
  external_ref: string;
  fiscal_code_hmac: string | null;
  province: string | null;
  data: Guide;
  status: GuideStatus;
  status_reason: string | null;
  notify: boolean;
  /** Held out of the campaign's (or type's) impact evaluation: no link, no notification (docs/impact.md). */
  held_out: boolean;
  duration_frames: number;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
  rendered_at: Date | null;
}

export interface NewGuide {
  id?: string;
  campaignId?: string | null;
  typeVersion: string;
  externalRef: string;
  fiscalCodeHmac: string | null;
  data: Guide;
  durationFrames: number;
  expiresAt: Date;
  status?: GuideStatus;
  notify?: boolean;
  /** Decided by server/impact/holdout.ts before the insert; an existing guide keeps its own. */
  heldOut?: boolean;
}

/**
 * Inserts a guide unless one with the same external reference exists in the same campaign.
 * Returns the row and whether it was created now (idempotent uploads rely on this).
 */
export async function insertGuide(q: Queryable, g: NewGuide): Promise<{ row: GuideRow; created: boolean }> {
  const id = g.id ?? randomUUID();
  const province = 'citizen' in g.data ? g.data.citizen.province : null;
  const inserted = await q.query<GuideRow>(
    `INSERT INTO guides (id, campaign_id, type, type_version, locale, external_ref, fiscal_code_hmac, province, data, duration_frames, expires_at, status, notify, held_out)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT DO NOTHING
     RETURNING *`,
    [
      id,
      g.campaignId ?? null,
      g.data.type,
      g.typeVersion,
      g.data.locale,
      g.externalRef,
      g.fiscalCodeHmac,
      province,
      JSON.stringify(g.data),
      g.durationFrames,
      g.expiresAt,
      g.status ?? 'queued',
      g.notify ?? true,
      g.heldOut ?? false,
    ],
  );
  if (inserted[0]) return { row: inserted[0], created: true };
  const existing = await q.query<GuideRow>(
    `SELECT * FROM guides
     WHERE coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce($1::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
       AND external_ref = $2`,
    [g.campaignId ?? null, g.externalRef],
  );
  if (!existing[0]) throw new Error('guide insert conflicted but no existing guide was found');
  return { row: existing[0], created: false };
}

export async function getGuide(q: Queryable, id: string): Promise<GuideRow | undefined> {
  return (await q.query<GuideRow>('SELECT * FROM guides WHERE id = $1', [id]))[0];
}

/** The reserved area's list: a held-out guide is not offered to its citizen there either. */
export async function guidesOfCitizen(q: Queryable, hmac: string, now = new Date()): Promise<GuideRow[]> {
  return q.query<GuideRow>('SELECT * FROM guides WHERE fiscal_code_hmac = $1 AND expires_at > $2 AND NOT held_out ORDER BY created_at DESC', [hmac, now]);
}

export async function setGuideStatus(q: Queryable, id: string, status: GuideStatus, reason: string | null = null): Promise<void> {
  await q.query(
    `UPDATE guides SET status = $2, status_reason = $3, updated_at = now(),
       rendered_at = CASE WHEN $2 = 'ready' THEN now() ELSE rendered_at END
     WHERE id = $1`,
    [id, status, reason],
  );
}

/** Lazy policy: flips a pending guide to queued exactly once (true for the caller that won). */
export async function queueIfPending(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query(`UPDATE guides SET status = 'queued', updated_at = now() WHERE id = $1 AND status = 'pending' RETURNING 1`, [id]);
  return rows.length > 0;
}

export interface GuideFilter {
  campaignId?: string;
  status?: GuideStatus;
  type?: Guide['type'];
  /** Keyset pagination: ids after this one, in id order. */
  after?: string;
  limit: number;
}

export type GuideSummary = Omit<GuideRow, 'data' | 'fiscal_code_hmac'>;

/** Listing for operators: no guide data (names, amounts), only what tracks production. */
export async function listGuides(q: Queryable, f: GuideFilter): Promise<GuideSummary[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.campaignId) add('campaign_id = ?', f.campaignId);
  if (f.status) add('status = ?', f.status);
  if (f.type) add('type = ?', f.type);
  if (f.after) add('id > ?', f.after);
  params.push(f.limit);
  return q.query<GuideSummary>(
    `SELECT id, campaign_id, type, type_version, locale, external_ref, province, status, status_reason, notify, held_out,
            duration_frames, created_at, updated_at, expires_at, rendered_at
     FROM guides ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`,
    params,
  );
}

export async function deleteGuide(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('DELETE FROM guides WHERE id = $1 RETURNING 1', [id])).length > 0;
}

export interface GuideState {
  id: string;
  external_ref: string;
  status: GuideStatus;
  held_out: boolean;
}

/** Direct guides (no campaign) by external reference; the WHERE repeats the unique index's expression. */
export async function directGuidesByRef(q: Queryable, externalRefs: readonly string[]): Promise<Map<string, GuideState>> {
  if (externalRefs.length === 0) return new Map();
  const rows = await q.query<GuideState>(
    `SELECT id, external_ref, status, held_out FROM guides
     WHERE coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'::uuid) = '00000000-0000-0000-0000-000000000000'::uuid
       AND external_ref = ANY($1::text[])`,
    [externalRefs],
  );
  return new Map(rows.map((r) => [r.external_ref, r]));
}

/** Status and holdout of some guides, by id. */
export async function guideStates(q: Queryable, ids: readonly string[]): Promise<Map<string, GuideState>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<GuideState>('SELECT id, external_ref, status, held_out FROM guides WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, r]));
}

import { randomUUID } from 'node:crypto';
import type { Guide } from '../../compositions/guide-types';
import type { Queryable } from './database';

export type GuideStatus = 'queued' | 'rendering' | 'ready' | 'failed';

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
}

/**
 * Inserts a guide unless one with the same external reference exists in the same campaign.
 * Returns the row and whether it was created now (idempotent uploads rely on this).
 */
export async function insertGuide(q: Queryable, g: NewGuide): Promise<{ row: GuideRow; created: boolean }> {
  const id = g.id ?? randomUUID();
  const province = 'citizen' in g.data ? g.data.citizen.province : null;
  const inserted = await q.query<GuideRow>(
    `INSERT INTO guides (id, campaign_id, type, type_version, locale, external_ref, fiscal_code_hmac, province, data, duration_frames, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT DO NOTHING
     RETURNING *`,
    [id, g.campaignId ?? null, g.data.type, g.typeVersion, g.data.locale, g.externalRef, g.fiscalCodeHmac, province, JSON.stringify(g.data), g.durationFrames, g.expiresAt],
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

export async function guidesOfCitizen(q: Queryable, hmac: string, now = new Date()): Promise<GuideRow[]> {
  return q.query<GuideRow>('SELECT * FROM guides WHERE fiscal_code_hmac = $1 AND expires_at > $2 ORDER BY created_at DESC', [hmac, now]);
}

export async function setGuideStatus(q: Queryable, id: string, status: GuideStatus, reason: string | null = null): Promise<void> {
  await q.query(
    `UPDATE guides SET status = $2, status_reason = $3, updated_at = now(),
       rendered_at = CASE WHEN $2 = 'ready' THEN now() ELSE rendered_at END
     WHERE id = $1`,
    [id, status, reason],
  );
}

import type { Guide } from '../../compositions/guide-types';
import type { Queryable } from './database';
import type { GuideStatus } from './guides';

export interface BulkGuide {
  id: string;
  externalRef: string;
  fiscalCodeHmac: string | null;
  data: Guide;
  durationFrames: number;
  /** Held out of the campaign's impact evaluation (server/impact/holdout.ts): stored 'pending', never rendered. */
  heldOut: boolean;
}

export interface BulkContext {
  campaignId: string | null;
  typeVersion: string;
  expiresAt: Date;
  status: GuideStatus;
  notify: boolean;
}

/**
 * Inserts a batch in one statement, skipping external references already present (in the table or
 * earlier in the same batch). Returns the guides created now; the rest already existed.
 */
export async function insertGuidesBatch(
  q: Queryable,
  ctx: BulkContext,
  guides: readonly BulkGuide[],
): Promise<{ id: string; externalRef: string; heldOut: boolean }[]> {
  if (guides.length === 0) return [];
  const rows = guides.map((g) => ({
    i: g.id,
    t: g.data.type,
    l: g.data.locale,
    r: g.externalRef,
    h: g.fiscalCodeHmac,
    p: 'citizen' in g.data ? g.data.citizen.province : null,
    d: g.data,
    f: g.durationFrames,
    o: g.heldOut,
  }));
  // A held-out guide waits as 'pending' for ever: nobody can open it, so nothing enqueues its render.
  const created = await q.query<{ id: string; external_ref: string; held_out: boolean }>(
    `INSERT INTO guides (id, campaign_id, type, type_version, locale, external_ref, fiscal_code_hmac, province, data,
                         duration_frames, expires_at, status, notify, held_out)
     SELECT r.i, $2::uuid, r.t, $3, r.l, r.r, r.h, r.p, r.d, r.f, $4::timestamptz, CASE WHEN r.o THEN 'pending' ELSE $5 END, $6, r.o
     FROM jsonb_to_recordset($1::jsonb) AS r(i uuid, t text, l text, r text, h text, p text, d jsonb, f integer, o boolean)
     ON CONFLICT DO NOTHING
     RETURNING id, external_ref, held_out`,
    [JSON.stringify(rows), ctx.campaignId, ctx.typeVersion, ctx.expiresAt.toISOString(), ctx.status, ctx.notify],
  );
  return created.map((c) => ({ id: c.id, externalRef: c.external_ref, heldOut: c.held_out }));
}

export interface ExportRow {
  id: string;
  external_ref: string;
  nonce: Uint8Array | null;
  /** Held out of the impact evaluation: the ordinary letter, without link or QR code. */
  held_out: boolean;
}

const NO_CAMPAIGN = '00000000-0000-0000-0000-000000000000';

/**
 * One page of a campaign's guides in external-reference order with the live token of a channel.
 * The WHERE clause repeats the unique index's expression so the index drives the keyset scan.
 */
export async function campaignPage(q: Queryable, campaignId: string, channel: string, afterRef: string | null, limit: number): Promise<ExportRow[]> {
  return q.query<ExportRow>(
    `SELECT g.id, g.external_ref, t.nonce, g.held_out
     FROM guides g
     LEFT JOIN tokens t ON t.guide_id = g.id AND t.channel = $2 AND t.revoked_at IS NULL
     WHERE coalesce(g.campaign_id, '${NO_CAMPAIGN}'::uuid) = $1::uuid AND g.external_ref > $3
     ORDER BY coalesce(g.campaign_id, '${NO_CAMPAIGN}'::uuid), g.external_ref
     LIMIT $4`,
    [campaignId, channel, afterRef ?? '', limit],
  );
}

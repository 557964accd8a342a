import type { NarrationTrack } from '../../compositions/common/video-props';
import type { Guide } from '../../compositions/guide-types';
import type { Queryable } from './database';
import type { GuideStatus } from './guides';
import { deriveToken, mintTokens, tokenHash, type Channel, type MintedToken } from './token-derivation';

export interface TokenToInsert extends MintedToken {
  expiresAt: Date;
  generation?: number;
}

/**
 * Many tokens in one statement. Rows travel as one JSON document (jsonb_to_recordset) rather than
 * thousands of parameters: the same SQL on pg and PGlite, no parameter-count limit, one round trip.
 */
export async function insertTokens(q: Queryable, tokens: readonly TokenToInsert[]): Promise<void> {
  if (tokens.length === 0) return;
  const rows = tokens.map((t) => ({
    h: t.hash.toString('hex'),
    g: t.guideId,
    c: t.channel,
    n: t.nonce.toString('hex'),
    e: t.expiresAt.toISOString(),
    v: t.generation ?? 0,
  }));
  await q.query(
    `INSERT INTO tokens (hash, guide_id, channel, nonce, expires_at, generation)
     SELECT decode(r.h, 'hex'), r.g, r.c, decode(r.n, 'hex'), r.e, r.v
     FROM jsonb_to_recordset($1::jsonb) AS r(h text, g uuid, c text, n text, e timestamptz, v integer)`,
    [JSON.stringify(rows)],
  );
}

export interface LiveToken {
  guide_id: string;
  channel: Channel;
  nonce: Buffer;
}

/** Live (not revoked) tokens of some guides, with their nonces so links can be re-derived. */
export async function liveTokens(q: Queryable, guideIds: readonly string[]): Promise<LiveToken[]> {
  if (guideIds.length === 0) return [];
  const rows = await q.query<{ guide_id: string; channel: Channel; nonce: Uint8Array | null }>(
    `SELECT guide_id, channel, nonce FROM tokens
     WHERE guide_id = ANY($1::uuid[]) AND revoked_at IS NULL AND nonce IS NOT NULL`,
    [guideIds],
  );
  return rows.map((r) => ({ guide_id: r.guide_id, channel: r.channel, nonce: Buffer.from(r.nonce!) }));
}

/** Channel → token for one guide's live tokens. */
export async function tokensOfGuide(q: Queryable, secret: string, guideId: string): Promise<Partial<Record<Channel, string>>> {
  const out: Partial<Record<Channel, string>> = {};
  for (const t of await liveTokens(q, [guideId])) out[t.channel] = deriveToken(secret, t.nonce);
  return out;
}

/**
 * guides.narration_audio (migration 080): the scene WAV of each scene of the stored narration, by
 * file name (`<64 hex>.wav`, resolved against each host's own scene directory), and the guide type
 * version that narrated it. Private: never part of an answer.
 */
export interface NarrationAudio {
  typeVersion: string;
  scenes: Record<string, string>;
}

export interface AccessRow {
  hash: Uint8Array;
  guide_id: string;
  channel: Channel;
  expires_at: Date;
  first_access_at: Date | null;
  campaign_id: string | null;
  type: Guide['type'];
  type_version: string;
  locale: Guide['locale'];
  data: Guide;
  narration: NarrationTrack | null;
  /** Private: the stored narration's scene WAV file names (migration 080); never sent to browsers. */
  narration_audio: NarrationAudio | null;
  status: GuideStatus;
  duration_frames: number;
  guide_expires_at: Date;
}

/**
 * The one query behind every token URL. Unknown, revoked and expired tokens are filtered out by the
 * same statement and come back the same way (no row), so all three cost the same and nothing in the
 * answer or its timing tells them apart. It runs whatever the token looks like (malformed included).
 */
export async function findLiveToken(q: Queryable, token: string): Promise<AccessRow | undefined> {
  const rows = await q.query<AccessRow>(
    `SELECT t.hash, t.guide_id, t.channel, t.expires_at, t.first_access_at,
            g.campaign_id, g.type, g.type_version, g.locale, g.data, g.narration, g.narration_audio, g.status, g.duration_frames,
            g.expires_at AS guide_expires_at
     FROM tokens t JOIN guides g ON g.id = t.guide_id
     WHERE t.hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND g.expires_at > now()`,
    [tokenHash(token)],
  );
  return rows[0];
}

/** True only for the first access through this token (the "opened" figure of a channel). */
export async function markFirstAccess(q: Queryable, hash: Uint8Array): Promise<boolean> {
  const rows = await q.query(`UPDATE tokens SET first_access_at = now() WHERE hash = $1 AND first_access_at IS NULL RETURNING 1`, [Buffer.from(hash)]);
  return rows.length > 0;
}

export async function revokeToken(q: Queryable, guideId: string, channel: Channel): Promise<boolean> {
  const rows = await q.query(`UPDATE tokens SET revoked_at = now() WHERE guide_id = $1 AND channel = $2 AND revoked_at IS NULL RETURNING 1`, [
    guideId,
    channel,
  ]);
  return rows.length > 0;
}

/**
 * Revokes the channel's live token and issues a new one (new nonce, generation + 1). The new token
 * expires with its guide: a new link does not extend how long the guide's data is kept.
 */
export async function reissueToken(q: Queryable, secret: string, guideId: string, channel: Channel, expiresAt: Date): Promise<string> {
  const [prev] = await q.query<{ generation: number }>(`SELECT coalesce(max(generation), -1) AS generation FROM tokens WHERE guide_id = $1 AND channel = $2`, [
    guideId,
    channel,
  ]);
  await revokeToken(q, guideId, channel);
  const [minted] = mintTokens(secret, [guideId], [channel]);
  await insertTokens(q, [{ ...minted!, expiresAt, generation: (prev?.generation ?? -1) + 1 }]);
  return minted!.token;
}

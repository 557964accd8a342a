import { createHash, createHmac, randomBytes } from 'node:crypto';
import { CHANNELS, type Channel } from '../../contract/channels';

/**
 * How access tokens are made, and why this way.
 *
 * A token is base64url(HMAC-SHA256(TOKEN_SECRET, nonce)) truncated to 24 bytes (192 bits, 32
 * characters), where the nonce is 16 bytes from the CSPRNG drawn at issue. The database keeps the
 * nonce and SHA-256(token) as the lookup key, never the token: a copy of the database alone cannot
 * open any guide (the secret is not in it), yet an operator can fetch the QR code or the print-shop
 * export months later, because the server re-derives the token from the nonce. Revocation marks the
 * row; a re-issue draws a new nonce, so the old link stays dead.
 */

export { CHANNELS, type Channel };

const NONCE_BYTES = 16;
const TOKEN_BYTES = 24;
/** Longer inputs are still hashed and looked up (same code path), they just cannot match. */
export const TOKEN_MAX_CHARS = 128;

export function deriveToken(secret: string, nonce: Buffer): string {
  return createHmac('sha256', secret).update(nonce).digest().subarray(0, TOKEN_BYTES).toString('base64url');
}

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token.slice(0, TOKEN_MAX_CHARS), 'utf8').digest();
}

export interface MintedToken {
  guideId: string;
  channel: Channel;
  nonce: Buffer;
  token: string;
  hash: Buffer;
}

/** One token per guide and channel; one CSPRNG call for the whole batch. */
export function mintTokens(secret: string, guideIds: readonly string[], channels: readonly Channel[]): MintedToken[] {
  const pool = randomBytes(NONCE_BYTES * guideIds.length * channels.length);
  const out: MintedToken[] = [];
  let offset = 0;
  for (const guideId of guideIds) {
    for (const channel of channels) {
      const nonce = pool.subarray(offset, offset + NONCE_BYTES);
      offset += NONCE_BYTES;
      const token = deriveToken(secret, nonce);
      out.push({ guideId, channel, nonce, token, hash: tokenHash(token) });
    }
  }
  return out;
}

export function linkOf(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/g/${token}`;
}

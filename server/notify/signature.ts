import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed webhooks, both ways: the notifier signs what it POSTs to the SMS and app gateways, and the
 * gateways sign the delivery receipts they POST back. Header:
 *
 *   X-Videoguida-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * The timestamp is inside the MAC, so an old request cannot be replayed with a fresh time; the
 * receiver refuses times outside the tolerance and remembers signatures seen within it.
 */
export const SIGNATURE_HEADER = 'x-videoguida-signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

function mac(secret: string, t: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
}

export function signBody(secret: string, body: string | Buffer, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${mac(secret, t, body)}`;
}

export type Verified = { ok: true; t: number; v1: string } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'mismatch' };

export function verifySignature(secret: string, header: string | undefined, body: Buffer, options: { toleranceSeconds?: number; now?: number } = {}): Verified {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = new Map<string, string>();
  for (const p of header.split(',')) {
    const eq = p.indexOf('=');
    if (eq > 0) parts.set(p.slice(0, eq).trim(), p.slice(eq + 1).trim());
  }
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return { ok: false, reason: 'malformed' };
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: 'expired' };
  const expected = Buffer.from(mac(secret, t, body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(v1, 'hex'))) return { ok: false, reason: 'mismatch' };
  return { ok: true, t, v1 };
}

import { describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, signBody } from '../server/notify/signature';
import { useTestApi } from './helpers/test-api-hooks';

// Issue #15, finding 11: a receipt with a valid signature but a wrong Content-Type used up its replay
// slot before it was refused, so the gateway's corrected retry was refused as a replay.
describe('delivery receipts take their replay slot only once everything else is valid (PGlite)', () => {
  let secret: string;
  const api = useTestApi({ backend: 'pglite', label: 'security_receipts' }, async () => {
    secret = api.ctx.secrets.notifyWebhookSecret!;
  });

  const send = (body: string, signature: string, contentType = 'application/json') =>
    fetch(`${api.url}/api/notifications/receipts`, { method: 'POST', headers: { 'content-type': contentType, [SIGNATURE_HEADER]: signature }, body });
  const receipt = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify({ id, status: 'delivered', ...extra });

  it('a wrong Content-Type is refused without spending the signature; the corrected request is applied, its replay refused', async () => {
    const body = receipt('00000000-0000-4000-8000-000000000001');
    const signature = signBody(secret, body);
    const wrong = await send(body, signature, 'text/plain');
    expect(wrong.status).toBe(415);
    expect((await wrong.json()).error.code).toBe('unsupported_media_type');
    const right = await send(body, signature);
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ received: 1, applied: 0, ignored: 1 });
    const replay = await send(body, signature);
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.message).toContain('already used');
  });

  it('malformed JSON, a bad field and an implausible time are refused the same way each time (never as a replay)', async () => {
    for (const body of ['{"id":', receipt('not-a-uuid'), receipt('00000000-0000-4000-8000-000000000002', { at: '1999-01-01T00:00:00Z' })]) {
      const signature = signBody(secret, body);
      const first = await send(body, signature);
      const second = await send(body, signature);
      expect(first.status, body).toBeGreaterThanOrEqual(400);
      expect(first.status, body).toBeLessThan(500);
      expect(first.status, body).not.toBe(401);
      expect(second.status, body).toBe(first.status);
      expect((await second.json()).error.code).toBe((await first.json()).error.code);
    }
  });

  it('gives the slot back when the database fails, so the retry of the same signed request is applied', async () => {
    const body = receipt('00000000-0000-4000-8000-000000000003');
    const signature = signBody(secret, body);
    const query = api.db.query.bind(api.db);
    api.db.query = (async () => {
      throw new Error('connection terminated');
    }) as typeof api.db.query;
    try {
      // A database that cannot be reached is 503 with Retry-After (the gateway retries), never 500.
      const refused = await send(body, signature);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).not.toBeNull();
    } finally {
      api.db.query = query;
    }
    const retry = await send(body, signature);
    expect(retry.status).toBe(200);
    expect((await send(body, signature)).status).toBe(401);
  });
});

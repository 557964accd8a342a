import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { closeEventIngestion, eventWriterOf } from '../api/analytics/registry';
import { BACKENDS } from './helpers/databases';
import { call, tokenOf, type TestApi } from './helpers/api';
import { useTestApi, withTestApi } from './helpers/test-api-hooks';

const event = (kind: string, extra: Record<string, unknown> = {}) => ({ id: randomUUID(), viewId: VIEW, kind, at: new Date().toISOString(), ...extra });
const VIEW = randomUUID();

const send = (api: TestApi, body: unknown, contentType = 'application/json') =>
  fetch(`${api.url}/api/events`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function newToken(api: TestApi, seed: string, channel = 'qr'): Promise<string> {
  const e = [...generateEnvelopes('red', 1, seed)][0]!;
  const created = await (await call(api, 'POST', '/api/guides', { body: e })).json();
  return tokenOf(created.links[channel]);
}

describe.each(BACKENDS)('event ingestion on %s', (backend) => {
  const api = useTestApi({ backend, label: 'analytics_ingest' });

  it('stores the valid events of a batch and reports each malformed one with its field and reason', async () => {
    const token = await newToken(api, `malformed-${backend}`);
    const good = [event('view_start'), event('progress', { value: 35, frame: 900, sceneId: 'amount' }), event('rating', { value: 5 })];
    const batch = [
      good[0],
      { ...event('dance') },
      event('rating', { value: 7 }),
      event('action_click', { frame: 10 }),
      good[1],
      event('play', { guideId: randomUUID() }),
      { ...event('pause'), at: 'yesterday' },
      42,
      good[2],
    ];
    const res = await send(api, { token, events: batch });
    expect(res.status).toBe(202);
    const report = await res.json();
    expect(report.accepted).toBe(3);
    expect(report.rejected).toEqual([
      { index: 1, id: (batch[1] as { id: string }).id, field: 'kind', message: expect.stringContaining('expected one of view_start') },
      { index: 2, id: (batch[2] as { id: string }).id, field: 'value', message: 'a rating is a whole number from 1 to 5' },
      { index: 3, id: (batch[3] as { id: string }).id, field: 'actionId', message: "action_click needs the action's id" },
      // The body cannot choose a guide: the token decides.
      { index: 5, id: (batch[5] as { id: string }).id, field: 'guideId', message: 'unknown field' },
      { index: 6, id: (batch[6] as { id: string }).id, field: 'at', message: 'expected an ISO 8601 date-time' },
      { index: 7, id: null, field: '(root)', message: expect.any(String) },
    ]);
    const rows = await api.db.query<Record<string, unknown>>('SELECT * FROM events WHERE view_id = $1 ORDER BY occurred_at', [VIEW]);
    expect(rows.map((r) => r.id).sort()).toEqual(good.map((g) => g.id).sort());
    expect(rows[0]).toMatchObject({ guide_type: 'red', channel: 'qr', province: expect.stringMatching(/^[A-Z]{2}$/) });
    // Nothing personal and never the token, in the rows or in the logs.
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(token);
    expect(api.logs.join('\n')).not.toContain(token);
  });

  it('accepts sendBeacon bodies (text/plain) and refuses what is not a batch', async () => {
    const token = await newToken(api, `beacon-${backend}`);
    const beacon = await send(api, JSON.stringify({ token, events: [event('pause', { frame: 3 })] }), 'text/plain;charset=UTF-8');
    expect(beacon.status).toBe(202);
    expect((await beacon.json()).accepted).toBe(1);
    const cases: [unknown, string, number, string, string | null][] = [
      ['{"token":', 'application/json', 400, 'malformed_json', '(body)'],
      [{ token, events: [] }, 'application/json', 422, 'invalid_batch', 'events'],
      [{ token, events: Array.from({ length: 101 }, () => event('play')) }, 'application/json', 422, 'invalid_batch', 'events'],
      [{ token: 'short', events: [event('play')] }, 'application/json', 422, 'invalid_batch', 'token'],
      [{ token, events: [event('play')] }, 'application/xml', 415, 'unsupported_media_type', '(body)'],
      [{ token, events: [event('play', { sceneId: 'x'.repeat(70_000) })] }, 'application/json', 413, 'payload_too_large', '(body)'],
    ];
    for (const [body, type, status, code, field] of cases) {
      const res = await send(api, body, type);
      expect(res.status, `${code}`).toBe(status);
      expect((await res.json()).error).toMatchObject({ code, field });
    }
  });

  it('answers unknown and revoked tokens with the one 404', async () => {
    const unknown = await send(api, { token: 'A'.repeat(32), events: [event('play')] });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'not_found', message: 'not found', field: null } });
    const created = await (await call(api, 'POST', '/api/guides', { body: [...generateEnvelopes('naspi', 1, `revoked-${backend}`)][0] })).json();
    expect((await call(api, 'DELETE', `/api/guides/${created.id}/tokens/sms`)).status).toBe(204);
    const revoked = await send(api, { token: tokenOf(created.links.sms), events: [event('play')] });
    expect(revoked.status).toBe(404);
    expect(await revoked.json()).toEqual(await (await send(api, { token: 'B'.repeat(32), events: [event('play')] })).json());
  });

  it('limits batches per token and per address (429, one error shape)', async () => {
    await withTestApi(
      {
        backend,
        label: 'analytics_limits',
        db: api.db,
        env: { EVENTS_BATCHES_PER_MINUTE_PER_TOKEN: '3', EVENTS_BATCHES_PER_MINUTE_PER_ADDRESS: '8' },
      },
      async (limited) => {
        const a = await newToken(limited, `limit-a-${backend}`);
        for (let i = 0; i < 3; i++) expect((await send(limited, { token: a, events: [event('progress', { value: 5 * i })] })).status).toBe(202);
        const perToken = await send(limited, { token: a, events: [event('play')] });
        expect(perToken.status).toBe(429);
        expect((await perToken.json()).error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('this link') });
        const b = await newToken(limited, `limit-b-${backend}`);
        const c = await newToken(limited, `limit-c-${backend}`);
        const statuses = [];
        for (const t of [b, b, c, c, c]) statuses.push((await send(limited, { token: t, events: [event('play')] })).status);
        expect(statuses).toEqual([202, 202, 202, 202, 429]);
        const perAddress = await send(limited, { token: c, events: [event('play')] });
        expect((await perAddress.json()).error.message).toContain('this address');
      },
    );
  });

  it('writes every accepted batch before a graceful shutdown completes, then refuses new ones', async () => {
    await withTestApi(
      { backend, label: 'analytics_shutdown', db: api.db, env: { EVENTS_FLUSH_MS: '1000', EVENTS_FLUSH_MAX_EVENTS: '10000' } },
      async (slow) => {
        const token = await newToken(slow, `shutdown-${backend}`);
        const view = randomUUID();
        const batches = Array.from({ length: 5 }, () => ({
          token,
          events: Array.from({ length: 20 }, () => ({ ...event('progress', { value: 10 }), viewId: view })),
        }));
        const answers = batches.map((b) => send(slow, b));
        await expect.poll(() => eventWriterOf(slow.ctx)!.pending, { interval: 5 }).toBe(100);
        const [{ n: before }] = (await slow.db.query<{ n: number }>('SELECT count(*) AS n FROM events WHERE view_id = $1', [view])) as [{ n: number }];
        expect(before).toBe(0);
        await closeEventIngestion(slow.ctx);
        const [{ n: after }] = (await slow.db.query<{ n: number }>('SELECT count(*) AS n FROM events WHERE view_id = $1', [view])) as [{ n: number }];
        expect(after).toBe(100);
        expect((await Promise.all(answers)).map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
        const late = await send(slow, { token, events: [event('play')] });
        expect(late.status).toBe(503);
        expect((await late.json()).error.code).toBe('shutting_down');
      },
    );
  });
});

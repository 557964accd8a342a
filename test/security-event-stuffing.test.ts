import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { call, tokenOf, type TestApi } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';

const event = (kind: string, viewId: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  viewId,
  kind,
  at: new Date().toISOString(),
  ...extra,
});
const post = (api: TestApi, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

// Issue #15, finding 4: one text/plain batch from a foreign Origin with 99 view_start events (fresh
// view ids) and a rating dated 9999-12-31 was accepted: 99 views, and a rating that outranked all.
describe('view and rating stuffing (PGlite)', () => {
  const api = useTestApi({ backend: 'pglite', label: 'security_stuffing' });

  const newToken = async (seed: string) =>
    tokenOf((await (await call(api, 'POST', '/api/guides', { body: [...generateEnvelopes('red', 1, seed)][0] })).json()).links.qr);
  const viewsOf = async (token: string) => {
    const [{ guide_id }] = (await api.db.query<{ guide_id: string }>(
      'SELECT guide_id FROM tokens t WHERE t.channel = $1 AND t.hash = sha256(convert_to($2, $3))',
      ['qr', token, 'UTF8'],
    )) as [{ guide_id: string }];
    const [{ n }] = (await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM analytics_views WHERE guide_id = $1', [guide_id])) as [{ n: number }];
    return n;
  };
  const stuffing = (token: string) => ({
    token,
    events: [
      ...Array.from({ length: 99 }, () => event('view_start', randomUUID(), { frame: 0 })),
      event('rating', randomUUID(), { value: 5, at: '9999-12-31T23:59:59Z' }),
    ],
  });

  it("refuses the issue's batch from another site's page, as a beacon (text/plain) or with fetch", async () => {
    const token = await newToken('stuff-origin');
    const forged: Record<string, string>[] = [
      { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://evil.example' },
      { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ];
    for (const headers of forged) {
      const res = await post(api, JSON.stringify(stuffing(token)), headers);
      expect(res.status).toBe(403);
      expect((await res.json()).error).toMatchObject({ code: 'cross_origin', field: 'Origin' });
    }
    expect(await viewsOf(token)).toBe(0);
    // This server's own pages (the citizen page and /embed, framed or not) are same-origin.
    const own = await post(api, { token, events: [event('play', randomUUID())] }, { 'sec-fetch-site': 'same-origin', origin: api.url });
    expect(own.status).toBe(202);
    expect((await post(api, { token, events: [event('play', randomUUID())] }, { 'content-type': 'text/plain', origin: api.url })).status).toBe(202);
  });

  it('lets a batch start at most 5 views, and refuses a rating dated 9999', async () => {
    const token = await newToken('stuff-batch');
    const batch = stuffing(token);
    const res = await post(api, batch);
    expect(res.status).toBe(202);
    const report = await res.json();
    expect(report.accepted).toBe(5);
    expect(report.rejected).toHaveLength(95);
    expect(report.rejected[0]).toEqual({
      index: 5,
      id: batch.events[5]!.id,
      field: 'viewId',
      message: 'at most 5 views per batch; this event belongs to a further one',
    });
    expect(report.rejected.at(-1)).toMatchObject({ index: 99, field: 'at', message: expect.stringContaining("after the server's clock") });
    expect(await viewsOf(token)).toBe(5);
  });

  it('lets one link record at most 20 views an hour; events of views already counted still pass, other links are not concerned', async () => {
    const token = await newToken('stuff-hour');
    const first = randomUUID();
    for (let b = 0; b < 4; b++) {
      const views = b === 0 ? [first, ...Array.from({ length: 4 }, () => randomUUID())] : Array.from({ length: 5 }, () => randomUUID());
      const res = await post(api, { token, events: views.map((v) => event('view_start', v)) });
      expect((await res.json()).accepted).toBe(5);
    }
    const over = await post(api, { token, events: [event('view_start', randomUUID()), event('view_start', randomUUID())] });
    expect(over.status).toBe(422);
    const { error } = await over.json();
    expect(error).toMatchObject({
      code: 'invalid_events',
      field: 'events.0.viewId',
      message: expect.stringContaining('at most 20 views per hour through one link'),
    });
    const mixed = await (await post(api, { token, events: [event('progress', first, { value: 50 }), event('view_start', randomUUID())] })).json();
    expect(mixed).toMatchObject({ accepted: 1, rejected: [{ index: 1, field: 'viewId' }] });
    expect(await viewsOf(token)).toBe(20);
    const other = await newToken('stuff-hour-other');
    expect((await (await post(api, { token: other, events: [event('view_start', randomUUID())] })).json()).accepted).toBe(1);
  });

  it('keeps at most 3 ratings per view, and a retried batch passes as the first time', async () => {
    const token = await newToken('stuff-rating');
    const view = randomUUID();
    const ratings = [1, 2, 3, 4, 5].map((value) => event('rating', view, { value }));
    const first = await (await post(api, { token, events: ratings.slice(0, 2) })).json();
    expect(first).toEqual({ accepted: 2, rejected: [] });
    const second = await (await post(api, { token, events: ratings.slice(2) })).json();
    expect(second).toMatchObject({
      accepted: 1,
      rejected: [
        { index: 1, field: 'kind', message: 'at most 3 ratings per view; this view has sent them' },
        { index: 2, field: 'kind' },
      ],
    });
    // The player sends the same batch again after a 503: the same events pass (and are stored once).
    expect(await (await post(api, { token, events: ratings.slice(0, 3) })).json()).toEqual({ accepted: 3, rejected: [] });
    const [{ n }] = (await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE view_id = $1 AND kind = 'rating'`, [view])) as [
      { n: number },
    ];
    expect(n).toBe(3);
    // A new view may rate again; the viewer's rating is the latest.
    expect((await (await post(api, { token, events: [event('rating', randomUUID(), { value: 4 })] })).json()).accepted).toBe(1);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKeyPair, signDemoToken } from '../api/auth/demo-keys';
import { generateEnvelopes } from '../compositions/generator/generate';
import { SIGNATURE_HEADER, signBody } from '../server/notify/signature';
import { call, startTestApi, tokenOf, type TestApi } from './helpers/api';

/**
 * Every public JSON, NDJSON and CSV entry point, fuzzed with fast-check: valid requests mutated
 * (a value replaced by anything JSON can carry — NUL, lone surrogates, year 0 and 9999, huge and
 * negative numbers, prototype keys, deep nesting —, keys dropped or added), arbitrary JSON, and raw
 * bytes that are not JSON or not UTF-8; query strings and path parameters likewise; Range headers.
 * Not one answer may be a 5xx: the client's mistakes are 4xx, named. Bounded (FUZZ_RUNS per
 * endpoint, default 100), so the file stays well under a minute; a failure prints the shrunk input.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
let api: TestApi;
let campaignId = '';
let guideId = '';
let token = '';
let citizenJwt = '';
let receiptSecret = '';
let notificationId = '';
/** A second guide, whose links the token routes may revoke and re-issue. */
let spareGuideId = '';
const envelope = [...generateEnvelopes('naspi', 1, 'fuzz-valid')][0] as Record<string, unknown>;
const redEnvelopes = [...generateEnvelopes('red', 3, 'fuzz-red')] as Record<string, unknown>[];
const fiscalCode = (envelope.citizen as { fiscalCode: string }).fiscalCode;

beforeAll(async () => {
  api = await startTestApi({
    backend: 'postgres',
    label: 'fuzz',
    env: { EVENTS_BATCHES_PER_MINUTE_PER_ADDRESS: '100000000', EVENTS_BATCHES_PER_MINUTE_PER_TOKEN: '100000000', EVENTS_VIEWS_PER_TOKEN_PER_HOUR: '100000' },
    rateLimits: { publicPerMinute: 100_000_000, tokenMisses: 100_000_000, keyFailures: 100_000_000 },
  });
  receiptSecret = api.ctx.secrets.notifyWebhookSecret!;
  const c = await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'fuzz' } });
  campaignId = ((await c.json()) as { id: string }).id;
  // A consenting citizen with a guide: receipts, history and the reserved area have something to find.
  await call(api, 'PUT', '/api/consents', {
    raw: JSON.stringify({ fiscalCode, proactive: true, email: 'fuzz@example.test' }),
    headers: { 'content-type': 'application/x-ndjson' },
  });
  const g = await call(api, 'POST', '/api/guides', { body: envelope });
  expect(g.status).toBe(201);
  const created = (await g.json()) as { id: string; links: { qr: string } };
  guideId = created.id;
  token = tokenOf(created.links.qr);
  notificationId = (await api.db.query<{ id: string }>(`SELECT id FROM notifications LIMIT 1`))[0]!.id;
  await api.db.query(`UPDATE notifications SET status = 'sent' WHERE id = $1`, [notificationId]);
  // A "rendered" video, so Range requests reach the file.
  const dir = path.join(api.config.videoDir, guideId);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'video.mp4'), Buffer.alloc(10_000, 7));
  fs.writeFileSync(path.join(dir, 'poster.jpg'), Buffer.alloc(500, 1));
  citizenJwt = await signDemoToken(demoKeyPair(api.config.dataDir), fiscalCode);
  const spare = await call(api, 'POST', '/api/guides', { body: { ...envelope, externalRef: 'fuzz-spare', notify: false } });
  spareGuideId = ((await spare.json()) as { id: string }).id;
}, 120_000);

afterAll(async () => {
  await api?.close();
});

// ---- values ----------------------------------------------------------------------------------

const oddStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff x',
  '\u202e',
  '\u200b',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-00-00',
  '2026-02-30',
  '1e309',
  '-0',
  'NaN',
  '__proto__',
  'constructor',
  'toString',
  '<script>',
  "'; DROP TABLE guides; --",
  '%00',
  '../../etc/passwd',
  'x'.repeat(5000),
  '🙂'.repeat(300),
);
const oddNumbers = fc.constantFrom(0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_VALUE, -Number.MAX_VALUE, 1e-320, 253402300800000);
const weird: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: oddStrings },
  { weight: 2, arbitrary: oddNumbers },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [[[[]]]], { __proto__: 1 }, JSON.parse('{"__proto__": {"polluted": 1}}')) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.integer().map((n) => String(n)) },
);

type Json = unknown;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** One mutation of `base`: at a path chosen by `picks`, replace, delete, or add a key. */
function mutate(base: Json, picks: number[], op: 'set' | 'delete' | 'add', value: unknown, key: string): Json {
  const root = clone(base);
  if (typeof root !== 'object' || root === null) return value;
  let node = root as Record<string, unknown>;
  for (const [depth, pick] of picks.entries()) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = keys[pick % keys.length]!;
    const child = node[k];
    if (depth === picks.length - 1 || typeof child !== 'object' || child === null) {
      if (op === 'set') node[k] = value;
      else if (op === 'delete') delete node[k];
      else Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true });
      return root;
    }
    node = child as Record<string, unknown>;
  }
  Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true });
  return root;
}

const mutation = (base: () => Json) =>
  fc
    .record({
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      op: fc.constantFrom('set', 'set', 'delete', 'add' as const),
      value: weird,
      key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'extra', '', '\u0000'), fc.string({ maxLength: 8 })),
      times: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ picks, op, value, key, times }) => {
      let v = base();
      for (let i = 0; i < times; i++)
        v = mutate(
          v,
          picks.map((p) => p + i),
          op as 'set' | 'delete' | 'add',
          value,
          key,
        );
      return v;
    });

/** A body: mostly mutated valid ones, some arbitrary JSON, some raw text or bytes. */
const jsonBody = (base: () => Json): fc.Arbitrary<string | Buffer> =>
  fc.oneof(
    { weight: 6, arbitrary: mutation(base).map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{', '[', '{"a":', '\ufeff{}', '{"a":1}{"b":2}', '['.repeat(5000) + ']'.repeat(5000), '{"x":"\\ud800"}', '{"x":"\\u0000"}'),
    },
  );

const ndjsonBody = (base: () => Json): fc.Arbitrary<string | Buffer> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .array(
          fc.oneof(
            { weight: 3, arbitrary: mutation(base).map((v) => JSON.stringify(v) ?? 'null') },
            { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
            { weight: 1, arbitrary: fc.constant(JSON.stringify(base())) },
          ),
          { minLength: 1, maxLength: 6 },
        )
        .map((lines) => lines.join('\n')),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
    { weight: 1, arbitrary: fc.constantFrom('\n\n\n', '\r\n', '{}\n{}', 'x'.repeat(300_000)) },
  );

/** Envelope leaves as CSV columns (dot paths, arrays and objects without keys as JSON cells). */
function flatten(v: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = v;
  return out;
}
const csvCell = (v: unknown) => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({
        rows: fc.array(
          mutation(() => redEnvelopes[0]!),
          { minLength: 1, maxLength: 4 },
        ),
        extraColumn: fc.option(
          fc.oneof(fc.constantFrom('__proto__', 'citizen.__proto__', 'benefit.constructor', 'a..b', '', '"', 'citizen'), fc.string({ maxLength: 10 })),
        ),
        dropColumn: fc.nat(),
      })
      .map(({ rows, extraColumn, dropColumn }) => {
        const columns = Object.keys(flatten(redEnvelopes[0]));
        if (dropColumn % 4 === 0) columns.splice(dropColumn % columns.length, 1);
        if (extraColumn !== null) columns.push(extraColumn);
        const lines = rows.map((r) => {
          const f = flatten(r);
          return columns.map((c) => csvCell(f[c] ?? '')).join(',');
        });
        return `${columns.map(csvCell).join(',')}\n${lines.join('\n')}\n`;
      }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom('externalRef\n', '\n', 'a,b\n"unterminated', 'externalRef,externalRef\nx,y\n', '\ufeffexternalRef,locale\n1,it\n') },
);

const queryValue = fc.oneof(
  oddStrings,
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '2026-01-01',
    '1999-12-31',
    '2100-01-01',
    'naspi',
    'red',
    'email',
    'RM',
    '00000000-0000-0000-0000-000000000000',
    'lazy',
    'csv',
    'ndjson',
    'qr',
    '-1',
    '1000000',
    '1e3',
    '30',
    '7,30,90',
    '0,400',
    '1,',
  ),
  fc.constant(0).map(() => campaignId),
);
/** Random parameters, half the time on top of a valid query (`base`) so checks past the first run. */
const queryString = (names: string[], base: () => string = () => '') =>
  fc
    .tuple(
      fc.boolean(),
      fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...names), fc.constantFrom('__proto__', 'x', '')),
          fc.oneof(queryValue, fc.array(queryValue, { minLength: 2, maxLength: 2 })),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([onBase, pairs]) => {
      const p = new URLSearchParams(onBase ? base() : '');
      for (const [k, v] of pairs) for (const x of Array.isArray(v) ? v : [v]) onBase ? p.set(k, x) : p.append(k, x);
      return p.toString();
    });
// Raw path segments: percent-encodings (valid or not), dots, long ones.
const segment = fc.oneof(
  fc.string({ maxLength: 60 }).map(encodeURIComponent),
  fc.constantFrom('%', '%E0%A4%A', '..', '%2e%2e', '%00', 'a'.repeat(3000), '%F0%9F%99%82'),
);

// ---- sending ---------------------------------------------------------------------------------

interface Sent {
  status: number;
  body: string;
  retryAfter?: string | null;
}
async function send(method: string, p: string, body: string | Buffer | undefined, headers: Record<string, string>): Promise<Sent> {
  const res = await fetch(`${api.url}${p}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: res.status, body: (await res.text()).slice(0, 300), retryAfter: res.headers.get('retry-after') };
}
const operator = () => ({ authorization: `Bearer ${api.operatorKey}` });
const analyst = () => ({ authorization: `Bearer ${api.analystKey}` });

async function no5xx<T>(what: string, arb: fc.Arbitrary<T>, request: (input: T) => Promise<Sent>, runs = RUNS): Promise<void> {
  const seen = new Map<number, number>();
  let retried = 0;
  await fc.assert(
    fc.asyncProperty(arb, async (input) => {
      let r = await request(input);
      // A 503 with Retry-After says Redis or the database did not answer in time (a loaded CI machine
      // once did so at the suite's start), not that the input broke something: the same input is
      // sent again after the pause, and must then be answered below 500 like any other.
      for (let retry = 0; retry < 3 && r.status === 503 && r.retryAfter; retry++) {
        retried += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.min(5, Number(r.retryAfter) || 1) * 1000));
        r = await request(input);
      }
      seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
      if (r.status >= 500) throw new Error(`${what}: ${r.status} ${r.body}`);
    }),
    { numRuns: runs, endOnFailure: false },
  );
  // Some inputs must have passed (else the fuzzing never got past the first check).
  console.info(
    `fuzz ${what}: ${[...seen.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')}${retried ? ` (${retried} sent again after a 503 with Retry-After)` : ''}`,
  );
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-ndjson',
  'text/csv',
  'application/octet-stream',
  'multipart/form-data; boundary=x',
  '',
);
const withType = (t: string) => (t ? { 'content-type': t } : ({} as Record<string, string>));

describe('fuzzing every public entry point finds no 5xx', () => {
  it('POST /api/guides, /api/triggers, /api/campaigns', async () => {
    let n = 0;
    const fresh = () => ({ ...envelope, externalRef: `fuzz-${n++}` });
    await no5xx('POST /api/guides', fc.tuple(jsonBody(fresh), fc.constantFrom('application/json', 'application/json', 'text/plain')), ([b, t]) =>
      send('POST', '/api/guides', b, { ...operator(), ...withType(t) }),
    );
    await no5xx(
      'POST /api/triggers',
      jsonBody(() => ({ event: 'naspi.accepted', occurredAt: '2026-01-01T10:00:00Z', envelope: fresh(), notify: false })),
      (b) => send('POST', '/api/triggers', b, { ...operator(), 'content-type': 'application/json' }),
    );
    await no5xx(
      'POST /api/campaigns',
      jsonBody(() => ({
        guideType: 'red',
        name: 'c',
        channels: ['email', 'qr'],
        renderPolicy: 'eager',
        printDate: '2027-01-15',
        expiresAt: '2027-06-30T23:59:59Z',
        holdoutShare: 0.1,
      })),
      (b) => send('POST', '/api/campaigns', b, { ...operator(), 'content-type': 'application/json' }),
    );
  }, 120_000);

  it('POST /api/campaigns/:id/guides, NDJSON and CSV', async () => {
    let n = 0;
    const fresh = () => ({ ...redEnvelopes[n++ % 3]!, externalRef: `fuzz-up-${n}` });
    await no5xx('POST /api/campaigns/:id/guides (NDJSON)', ndjsonBody(fresh), (b) =>
      send('POST', `/api/campaigns/${campaignId}/guides`, b, { ...operator(), 'content-type': 'application/x-ndjson' }),
    );
    await no5xx('POST /api/campaigns/:id/guides (CSV)', csvBody, (b) =>
      send('POST', `/api/campaigns/${campaignId}/guides`, b, { ...operator(), 'content-type': 'text/csv' }),
    );
    await no5xx(
      'POST /api/campaigns/:id/guides (any type, any id)',
      fc.tuple(contentType, segment, fc.string({ maxLength: 50 })),
      ([t, id, b]) => send('POST', `/api/campaigns/${id}/guides`, b, { ...operator(), ...withType(t) }),
      Math.ceil(RUNS / 2),
    );
  }, 120_000);

  it('POST /api/events', async () => {
    const batch = () => ({
      token,
      events: [
        { id: crypto.randomUUID(), viewId: crypto.randomUUID(), kind: 'rating', at: new Date().toISOString(), value: 4 },
        { id: crypto.randomUUID(), viewId: crypto.randomUUID(), kind: 'progress', at: new Date().toISOString(), frame: 30, value: 5 },
      ],
    });
    await no5xx('POST /api/events', fc.tuple(jsonBody(batch), fc.constantFrom('application/json', 'text/plain', 'text/plain;charset=UTF-8')), ([b, t]) =>
      send('POST', '/api/events', b, { 'content-type': t }),
    );
  }, 120_000);

  it('PUT /api/consents, GET and PUT /api/me/consents, POST /api/notifications/history', async () => {
    const line = () => ({ fiscalCode, proactive: true, email: 'a@example.test', mobile: '333 123 4567', pec: 'a@pec.it', app: true });
    await no5xx('PUT /api/consents', ndjsonBody(line), (b) => send('PUT', '/api/consents', b, { ...operator(), 'content-type': 'application/x-ndjson' }));
    await no5xx(
      'PUT /api/me/consents',
      jsonBody(() => ({ proactive: true, email: 'b@example.test', mobile: '+39 333-1234567', pec: null, app: false })),
      (b) => send('PUT', '/api/me/consents', b, { authorization: `Bearer ${citizenJwt}`, 'content-type': 'application/json' }),
    );
    await no5xx(
      'GET /api/me/consents (any bearer)',
      fc.oneof(fc.constant(citizenJwt), fc.string({ maxLength: 300 }), fc.constant(`${citizenJwt}x`), fc.constant(citizenJwt.split('.').slice(0, 2).join('.'))),
      (t) => send('GET', '/api/me/consents', undefined, { authorization: `Bearer ${t.replace(/[^\x21-\x7e]/g, '')}` }),
      Math.ceil(RUNS / 2),
    );
    await no5xx(
      'POST /api/notifications/history',
      jsonBody(() => ({ fiscalCode })),
      (b) => send('POST', '/api/notifications/history', b, { ...operator(), 'content-type': 'application/json' }),
    );
  }, 120_000);

  it('POST /api/notifications/receipts (signed)', async () => {
    const receipt = () => ({
      receipts: [
        { id: notificationId, status: 'delivered', at: new Date().toISOString(), reason: 'ok' },
        { id: crypto.randomUUID(), status: 'bounced', reason: 'x' },
      ],
    });
    await no5xx('POST /api/notifications/receipts', fc.tuple(jsonBody(receipt), fc.constantFrom('application/json', 'text/plain')), ([b, t]) =>
      send('POST', '/api/notifications/receipts', b, { 'content-type': t, [SIGNATURE_HEADER]: signBody(receiptSecret, b) }),
    );
    await no5xx(
      'POST /api/notifications/receipts (signature header)',
      fc.string({ maxLength: 120 }),
      (sig) =>
        send('POST', '/api/notifications/receipts', JSON.stringify(receipt()), {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: sig.replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, ''),
        }),
      Math.ceil(RUNS / 2),
    );
  }, 120_000);

  it('query parameters: statistics, impact, guide lists, exports, QR codes', async () => {
    const getters: [string, string[], () => Record<string, string>, () => string][] = [
      [
        '/api/stats',
        ['type', 'campaign', 'channel', 'province', 'from', 'to'],
        analyst,
        () => `type=red&campaign=${campaignId}&channel=email&province=RM&from=2026-01-01&to=2027-12-31`,
      ],
      ['/api/stats/campaigns', ['type', 'campaign', 'channel', 'province', 'from', 'to'], analyst, () => 'from=2026-01-01&to=2027-12-31'],
      ['/api/notifications/stats', ['from', 'to', 'province', 'campaignId'], analyst, () => `from=2026-01-01&to=2027-12-31&campaignId=${campaignId}`],
      ['/api/impact', ['campaign', 'type', 'windows'], analyst, () => `campaign=${campaignId}&windows=7,30`],
      ['/api/guides', ['campaignId', 'status', 'type', 'after', 'limit'], operator, () => `campaignId=${campaignId}&status=queued&limit=5`],
      [`/api/campaigns/${campaignId}/export`, ['format', 'channel'], operator, () => 'format=csv&channel=qr'],
      [`/api/guides/${guideId}/qr.svg`, ['channel', 'size'], operator, () => 'channel=qr'],
      [`/api/guides/${guideId}/qr.png`, ['channel', 'size'], operator, () => 'channel=qr'],
    ];
    for (const [p, names, auth, base] of getters) {
      await no5xx(`GET ${p}?…`, queryString(names, base), (q) => send('GET', `${p}?${q}`, undefined, auth()), Math.ceil(RUNS / 2));
    }
  }, 120_000);

  it('path parameters: /api/access/:token, /g/:token, /api/media, guides, tokens, campaigns', async () => {
    const paths: [string, (s: string) => string, string, () => Record<string, string>][] = [
      ['GET /api/access/:token', (s) => `/api/access/${s}`, 'GET', () => ({})],
      ['GET /g/:token', (s) => `/g/${s}`, 'GET', () => ({})],
      ['GET /api/media/:token/:file', (s) => `/api/media/${token}/${s}`, 'GET', () => ({})],
      ['GET /api/media/:token/video.mp4', (s) => `/api/media/${s}/video.mp4`, 'GET', () => ({})],
      ['GET /api/guides/:id', (s) => `/api/guides/${s}`, 'GET', operator],
      ['GET /api/campaigns/:id', (s) => `/api/campaigns/${s}`, 'GET', operator],
      ['POST /api/guides/:id/tokens/:channel', (s) => `/api/guides/${spareGuideId}/tokens/${s}`, 'POST', operator],
      ['DELETE /api/guides/:id/tokens/:channel', (s) => `/api/guides/${s === guideId ? spareGuideId : s}/tokens/sms`, 'DELETE', operator],
    ];
    for (const [what, url, method, auth] of paths) {
      await no5xx(
        what,
        fc.oneof(segment, fc.constantFrom(token, token.toUpperCase(), `${token}x`, guideId, 'video.mp4', 'poster.jpg', 'captions.vtt', 'email', 'qr')),
        (s) => send(method, url(s), undefined, auth()),
        Math.ceil(RUNS / 2),
      );
    }
  }, 120_000);

  it('Range headers on media', async () => {
    const range = fc.oneof(
      fc.tuple(fc.option(fc.integer({ min: -5, max: 20_000 })), fc.option(fc.integer({ min: -5, max: 20_000 }))).map(([a, b]) => `bytes=${a ?? ''}-${b ?? ''}`),
      fc.array(fc.tuple(fc.nat(12_000), fc.nat(12_000)), { minLength: 1, maxLength: 5 }).map((rs) => `bytes=${rs.map(([a, b]) => `${a}-${b}`).join(',')}`),
      fc.constantFrom(
        'bytes=5-1',
        'bytes=999999999-',
        'bytes=-0',
        'bytes=-',
        'bytes=',
        'bytes',
        'items=0-1',
        'bytes=0-1,',
        'bytes=1e3-',
        'bytes=0x10-',
        'bytes= 1-2',
        `bytes=0-${'9'.repeat(40)}`,
      ),
      fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, '')),
    );
    const ifRange = fc.option(fc.constantFrom('"x"', 'Wed, 21 Oct 2015 07:28:00 GMT', 'garbage'));
    await no5xx('GET /api/media/:token/video.mp4 Range', fc.tuple(range, ifRange, fc.constantFrom('video.mp4', 'poster.jpg')), ([r, i, file]) =>
      send('GET', `/api/media/${token}/${file}`, undefined, { range: r, ...(i ? { 'if-range': i } : {}) }),
    );
  }, 120_000);

  it('POST /api/outcomes (NDJSON)', async () => {
    const line = () => ({
      outcomeId: crypto.randomUUID(),
      campaignId,
      externalRef: 'fuzz-up-1',
      kind: 'online_service',
      serviceId: 'red-online',
      date: '2026-01-20',
    });
    await no5xx('POST /api/outcomes', ndjsonBody(line), (b) => send('POST', '/api/outcomes', b, { ...operator(), 'content-type': 'application/x-ndjson' }));
  }, 120_000);
});

import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKeyPair, signDemoToken } from '../api/auth/demo-keys';
import { generateEnvelopes } from '../compositions/generator/generate';
import { SIGNATURE_HEADER, signBody } from '../server/notify/signature';
import { CHANNELS } from '../server/db/token-derivation';
import { call, startTestApi, tokenOf, type TestApi } from './helpers/api';
import {
  contentType,
  csvBody,
  csvOf,
  flatten,
  jsonBody,
  ndjsonBody,
  no5xx,
  queryString,
  RUNS,
  segment,
  segmentOr,
  send as sendTo,
  withType,
} from './helpers/fuzz';

/**
 * Every public JSON, NDJSON and CSV entry point, fuzzed with fast-check (generators in
 * helpers/fuzz.ts): valid requests mutated, rewritten equivalently, arbitrary JSON, and raw bytes
 * that are not JSON or not UTF-8; query strings and path parameters likewise; Range headers. Not one
 * answer may be a 5xx: the client's mistakes are 4xx, named. Where a valid request exists it is sent
 * first and must be accepted, and so must at least one generated request: the fuzzing reaches the
 * handlers, not only the validators. Bounded (FUZZ_RUNS per endpoint, default 100); a failure prints
 * the shrunk input. The routes not fuzzed here, and those deliberately left out, are in
 * fuzz-entry-points-more.test.ts.
 */

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

const send = (method: string, p: string, body: string | Buffer | undefined, headers: Record<string, string>) => sendTo(api, method, p, body, headers);
const operator = () => ({ authorization: `Bearer ${api.operatorKey}` });
const analyst = () => ({ authorization: `Bearer ${api.analystKey}` });

const half = Math.ceil(RUNS / 2);

describe('fuzzing every public entry point finds no 5xx', () => {
  it('POST /api/guides, /api/triggers, /api/campaigns', async () => {
    let n = 0;
    const fresh = () => ({ ...envelope, externalRef: `fuzz-${n++}` });
    await no5xx(
      'POST /api/guides',
      fc.tuple(jsonBody(fresh), fc.constantFrom('application/json', 'application/json', 'text/plain')),
      ([b, t]) => send('POST', '/api/guides', b, { ...operator(), ...withType(t) }),
      { valid: [JSON.stringify(fresh()), 'application/json'] },
    );
    const trigger = () => ({ event: 'naspi.accepted', occurredAt: '2026-01-01T10:00:00Z', envelope: fresh(), notify: false });
    await no5xx('POST /api/triggers', jsonBody(trigger), (b) => send('POST', '/api/triggers', b, { ...operator(), 'content-type': 'application/json' }), {
      valid: JSON.stringify(trigger()),
    });
    const campaign = () => ({
      guideType: 'red',
      name: 'c',
      channels: ['email', 'qr'],
      renderPolicy: 'eager',
      printDate: '2027-01-15',
      expiresAt: '2027-06-30T23:59:59Z',
      holdoutShare: 0.1,
    });
    await no5xx('POST /api/campaigns', jsonBody(campaign), (b) => send('POST', '/api/campaigns', b, { ...operator(), 'content-type': 'application/json' }), {
      valid: JSON.stringify(campaign()),
    });
  }, 120_000);

  it('POST /api/campaigns/:id/guides, NDJSON and CSV', async () => {
    let n = 0;
    const fresh = () => ({ ...redEnvelopes[n++ % 3]!, externalRef: `fuzz-up-${n}` });
    const upload = (b: string | Buffer, type: string) => send('POST', `/api/campaigns/${campaignId}/guides`, b, { ...operator(), 'content-type': type });
    await no5xx('POST /api/campaigns/:id/guides (NDJSON)', ndjsonBody(fresh), (b) => upload(b, 'application/x-ndjson'), {
      valid: JSON.stringify(fresh()),
    });
    await no5xx('POST /api/campaigns/:id/guides (CSV)', csvBody(redEnvelopes[0], fresh), (b) => upload(b, 'text/csv'), {
      valid: csvOf(Object.keys(flatten(redEnvelopes[0])), [fresh()]),
    });
    await no5xx(
      'POST /api/campaigns/:id/guides (any type, any id)',
      fc.tuple(contentType, segment, fc.string({ maxLength: 50 })),
      ([t, id, b]) => send('POST', `/api/campaigns/${id}/guides`, b, { ...operator(), ...withType(t) }),
      { none: 'any id, type and text together: the typed properties above send the valid uploads', runs: half },
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
    await no5xx(
      'POST /api/events',
      fc.tuple(jsonBody(batch), fc.constantFrom('application/json', 'text/plain', 'text/plain;charset=UTF-8')),
      ([b, t]) => send('POST', '/api/events', b, { 'content-type': t }),
      { valid: [JSON.stringify(batch()), 'text/plain'] },
    );
  }, 120_000);

  it('PUT /api/consents, GET and PUT /api/me/consents, POST /api/notifications/history', async () => {
    const line = () => ({ fiscalCode, proactive: true, email: 'a@example.test', mobile: '333 123 4567', pec: 'a@pec.it', app: true });
    await no5xx('PUT /api/consents', ndjsonBody(line), (b) => send('PUT', '/api/consents', b, { ...operator(), 'content-type': 'application/x-ndjson' }), {
      valid: JSON.stringify(line()),
    });
    const mine = () => ({ proactive: true, email: 'b@example.test', mobile: '+39 333-1234567', pec: null, app: false });
    await no5xx(
      'PUT /api/me/consents',
      jsonBody(mine),
      (b) => send('PUT', '/api/me/consents', b, { authorization: `Bearer ${citizenJwt}`, 'content-type': 'application/json' }),
      {
        valid: JSON.stringify(mine()),
      },
    );
    await no5xx(
      'GET /api/me/consents (any bearer)',
      fc.oneof(fc.constant(citizenJwt), fc.string({ maxLength: 300 }), fc.constant(`${citizenJwt}x`), fc.constant(citizenJwt.split('.').slice(0, 2).join('.'))),
      (t) => send('GET', '/api/me/consents', undefined, { authorization: `Bearer ${t.replace(/[^\x21-\x7e]/g, '')}` }),
      { valid: citizenJwt, runs: half },
    );
    await no5xx(
      'POST /api/notifications/history',
      jsonBody(() => ({ fiscalCode })),
      (b) => send('POST', '/api/notifications/history', b, { ...operator(), 'content-type': 'application/json' }),
      { valid: JSON.stringify({ fiscalCode }) },
    );
  }, 120_000);

  it('POST /api/notifications/receipts (signed)', async () => {
    const receipt = () => ({
      receipts: [
        { id: notificationId, status: 'delivered', at: new Date().toISOString(), reason: 'ok' },
        { id: crypto.randomUUID(), status: 'bounced', reason: 'x' },
      ],
    });
    const post = (b: string | Buffer, t: string, sig: string) => send('POST', '/api/notifications/receipts', b, { 'content-type': t, [SIGNATURE_HEADER]: sig });
    await no5xx(
      'POST /api/notifications/receipts',
      fc.tuple(jsonBody(receipt), fc.constantFrom('application/json', 'application/json', 'text/plain')),
      ([b, t]) => post(b, t, signBody(receiptSecret, b)),
      { valid: [JSON.stringify(receipt()), 'application/json'] },
    );
    // "signed" stands for the body's true signature, computed when sent (the body is new each time).
    await no5xx(
      'POST /api/notifications/receipts (signature header)',
      fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 120 }) }, { weight: 1, arbitrary: fc.constant('signed') }),
      (sig) => {
        const b = JSON.stringify(receipt());
        return post(b, 'application/json', sig === 'signed' ? signBody(receiptSecret, b) : sig.replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, ''));
      },
      { valid: 'signed', runs: half },
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
      ['/api/campaigns', ['limit', 'after'], analyst, () => `limit=3&after=${campaignId}`],
      [`/api/campaigns/${campaignId}/export`, ['format', 'channel'], operator, () => 'format=csv&channel=qr'],
      [`/api/guides/${guideId}/qr.svg`, ['channel', 'size'], operator, () => 'channel=qr'],
      [`/api/guides/${guideId}/qr.png`, ['channel', 'size'], operator, () => 'channel=qr'],
    ];
    for (const [p, names, auth, base] of getters) {
      await no5xx(
        `GET ${p}?…`,
        queryString(names, base, () => [campaignId, guideId]),
        (q) => send('GET', `${p}?${q}`, undefined, auth()),
        { valid: base(), runs: half },
      );
    }
  }, 120_000);

  it('path parameters: /api/access/:token, /g/:token, /api/media, guides, tokens, campaigns', async () => {
    const near = () => [token.toUpperCase(), `${token}x`, token.slice(0, -1), guideId, spareGuideId, campaignId, 'video.mp4', 'captions.vtt', 'email', 'qr'];
    const paths: [string, (s: string) => string, string, () => Record<string, string>, () => string[], ((s: string) => Promise<unknown>)?][] = [
      ['GET /api/access/:token', (s) => `/api/access/${s}`, 'GET', () => ({}), () => [token]],
      ['GET /g/:token', (s) => `/g/${s}`, 'GET', () => ({}), () => [token]],
      ['GET /api/media/:token/:file', (s) => `/api/media/${token}/${s}`, 'GET', () => ({}), () => ['video.mp4', 'poster.jpg']],
      ['GET /api/media/:token/video.mp4', (s) => `/api/media/${s}/video.mp4`, 'GET', () => ({}), () => [token]],
      ['GET /api/guides/:id', (s) => `/api/guides/${s}`, 'GET', operator, () => [guideId, spareGuideId]],
      ['GET /api/campaigns/:id', (s) => `/api/campaigns/${s}`, 'GET', operator, () => [campaignId]],
      ['POST /api/guides/:id/tokens/:channel', (s) => `/api/guides/${spareGuideId}/tokens/${s}`, 'POST', operator, () => [...CHANNELS]],
      [
        'DELETE /api/guides/:id/tokens/:channel',
        (s) => `/api/guides/${s === guideId ? spareGuideId : s}/tokens/sms`,
        'DELETE',
        operator,
        () => [guideId],
        // A link revoked once is gone: the spare guide's SMS link is issued again before each valid revocation.
        (s) => (s === guideId ? send('POST', `/api/guides/${spareGuideId}/tokens/sms`, undefined, operator()) : Promise.resolve()),
      ],
    ];
    for (const [what, url, method, auth, valid, before] of paths) {
      await no5xx(
        what,
        segmentOr(valid, near),
        async (s) => {
          await before?.(s);
          return send(method, url(s), undefined, auth());
        },
        { valid: valid()[0]!, runs: half },
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
    await no5xx(
      'GET /api/media/:token/video.mp4 Range',
      fc.tuple(range, ifRange, fc.constantFrom('video.mp4', 'poster.jpg')),
      ([r, i, file]) => send('GET', `/api/media/${token}/${file}`, undefined, { range: r, ...(i ? { 'if-range': i } : {}) }),
      { valid: ['bytes=0-99', null, 'video.mp4'] },
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
    await no5xx('POST /api/outcomes', ndjsonBody(line), (b) => send('POST', '/api/outcomes', b, { ...operator(), 'content-type': 'application/x-ndjson' }), {
      valid: JSON.stringify(line()),
    });
  }, 120_000);
});

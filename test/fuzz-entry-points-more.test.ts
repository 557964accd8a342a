import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { SignJWT, type JWTPayload } from 'jose';
import type { AsyncMessage } from 'rabbitmq-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUDIENCE, DEMO_ISSUER, demoKeyPair, signDemoToken } from '../api/auth/demo-keys';
import { generateEnvelopes } from '../compositions/generator/generate';
import { decodeMessage, readBody, type BodyResult } from '../intake/message';
import { ClipCache } from '../speech/clip-cache';
import type { SpeechEngine } from '../speech/engine';
import { call, startTestApi, tokenOf, type TestApi } from './helpers/api';
import { equivalent, jsonBody, mutation, no5xx, oddStrings, queryString, RUNS, segment, segmentOr, send as sendTo, weird } from './helpers/fuzz';

/**
 * The rest of the public entry points (fuzz-entry-points.test.ts has the bodies, lists, exports,
 * tokens and Range): the reserved area's guide list under forged and odd JWTs, the narrated
 * manifest and its scene audio, guide deletion, the pages' query strings (/embed, /embed/example,
 * /g/, the staff pages, health, the API's documentation), unknown paths; and the AMQP intake's body
 * reader, called directly (it must never throw: every body is an envelope or named field errors).
 *
 * Every route registered in api/ (r.get / r.post / r.put / r.delete / r.use in each feature folder's routes
 * files and in api/ops) is fuzzed in one of the two files, except, deliberately:
 * - the static files: the built player's assets (api/ops/player-assets.ts, express-static-gzip)
 *   and Swagger UI's (/api/docs/assets, express.static): no parameter reaches our code, only a path
 *   the static middleware resolves (path traversal is tested in security-*.test.ts);
 * - Bull Board (/admin/queues, a third-party operators' UI behind the operator key and a same-origin
 *   check): not a public entry point, and its inputs are Bull Board's, not ours;
 * - GET /metrics, only served when METRICS_KEY is set: its key check is requireConfiguredKey, the same
 *   as the API keys' (fuzzed on every operator route); the figures take no parameter.
 * The intake has no outcome messages in this tree (no intake/outcomes.ts): only guide envelopes.
 */

let api: TestApi;
let token = '';
let citizenJwt = '';
let keys: ReturnType<typeof demoKeyPair>;
let audio: string[] = [];
let playerDir = '';
const send = (method: string, p: string, body: string | Buffer | undefined, headers: Record<string, string>) => sendTo(api, method, p, body, headers);
const operator = () => ({ authorization: `Bearer ${api.operatorKey}` });
const envelope = { ...[...generateEnvelopes('red', 1, 'fuzz-more')][0], locale: 'it' } as Record<string, unknown>;
const fiscalCode = (envelope.citizen as { fiscalCode: string }).fiscalCode;
const half = Math.ceil(RUNS / 2);

/** A speech engine that answers at once: a 440 Hz tone as long as the text takes to say, roughly. */
const toneEngine: SpeechEngine = {
  id: 'fuzz-tone-1',
  synthesize: ({ text }) => {
    const rate = 16_000;
    const samples = Math.round(rate * Math.min(3, 0.3 + text.length * 0.02));
    const wav = Buffer.alloc(44 + samples * 2);
    wav.write('RIFF', 0);
    wav.writeUInt32LE(36 + samples * 2, 4);
    wav.write('WAVEfmt ', 8);
    wav.writeUInt32LE(16, 16);
    wav.writeUInt16LE(1, 20);
    wav.writeUInt16LE(1, 22);
    wav.writeUInt32LE(rate, 24);
    wav.writeUInt32LE(rate * 2, 28);
    wav.writeUInt16LE(2, 32);
    wav.writeUInt16LE(16, 34);
    wav.write('data', 36);
    wav.writeUInt32LE(samples * 2, 40);
    for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
    return Promise.resolve({ audio: wav, durationMs: (samples / rate) * 1000 });
  },
};

beforeAll(async () => {
  // The pages exist (a stand-in build), so /g/, /embed and the staff pages answer 200 and not 404/503.
  playerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-fuzz-player-'));
  for (const page of ['index', 'embed', 'dashboard', 'console'])
    fs.writeFileSync(path.join(playerDir, `${page}.html`), `<!doctype html><title>${page}</title>`);
  api = await startTestApi({
    backend: 'postgres',
    label: 'fuzz_more',
    playerDir,
    rateLimits: { publicPerMinute: 100_000_000, tokenMisses: 100_000_000, keyFailures: 100_000_000 },
    speech: { cache: new ClipCache({ dir: path.join(playerDir, 'speech'), engine: toneEngine }) },
  });
  const g = await call(api, 'POST', '/api/guides', { body: { ...envelope, notify: false } });
  expect(g.status).toBe(201);
  token = tokenOf(((await g.json()) as { links: { qr: string } }).links.qr);
  // The first /narrated narrates the guide (the tone engine answers at once): its scene audio URLs.
  const narrated = await call(api, 'GET', `/api/access/${token}/narrated`, { key: null });
  const manifest = (await narrated.json()) as { narrationStatus: string; narration: { audio?: Record<string, string> } | null };
  expect(manifest.narrationStatus).toBe('ready');
  audio = Object.values(manifest.narration!.audio!).map((u) => u.slice(u.lastIndexOf('/') + 1));
  expect(audio.length).toBeGreaterThan(0);
  keys = demoKeyPair(api.config.dataDir);
  citizenJwt = await signDemoToken(keys, fiscalCode);
}, 120_000);

afterAll(async () => {
  await api?.close();
  if (playerDir) fs.rmSync(playerDir, { recursive: true, force: true });
});

/** The claims of a reserved-area token, mutated, then signed with the demo key: a valid signature over odd claims. */
const claims = () => ({
  sub: fiscalCode,
  iss: DEMO_ISSUER,
  aud: DEMO_AUDIENCE,
  iat: Math.floor(Date.now() / 1000) - 10,
  exp: Math.floor(Date.now() / 1000) + 600,
});
async function signed(payload: unknown, alg = 'ES256'): Promise<string> {
  const body = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as JWTPayload) : { sub: payload as string };
  return new SignJWT(body).setProtectedHeader({ alg, typ: 'JWT' }).sign(keys.privateKey);
}
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('fuzzing the remaining public entry points finds no 5xx', () => {
  it('GET /api/me/guides: signed odd claims, forged and malformed tokens, odd Authorization headers', async () => {
    const authorization = fc.oneof(
      // A valid signature over mutated claims (sub a number, exp in year 0, iat far ahead, aud an object…).
      { weight: 4, arbitrary: mutation(claims).map((c) => ({ kind: 'signed' as const, c })) },
      // The claims rewritten, or the sub replaced by an odd string: still a valid signature.
      { weight: 2, arbitrary: equivalent(claims).map((c) => ({ kind: 'signed' as const, c: JSON.parse(c) as unknown })) },
      { weight: 1, arbitrary: oddStrings.map((sub) => ({ kind: 'signed' as const, c: { ...claims(), sub } })) },
      // Forged: alg none, the claims of another citizen under the real signature, a truncated token.
      {
        weight: 2,
        arbitrary: fc.tuple(mutation(claims), fc.constantFrom('none', 'HS256', 'ES256', 'RS256', '')).map(([c, alg]) => {
          const [, , sig] = citizenJwt.split('.');
          return { kind: 'raw' as const, header: `Bearer ${b64({ alg, typ: 'JWT' })}.${b64(c)}.${alg === 'none' ? '' : sig}` };
        }),
      },
      {
        weight: 2,
        arbitrary: fc
          .oneof(
            fc.string({ maxLength: 200 }),
            fc.constantFrom(
              'Bearer',
              'Bearer ',
              'bearer  x',
              'Basic dXNlcjpwYXNz',
              'Bearer a.b.c',
              'Bearer ...',
              `Bearer ${'a'.repeat(9000)}`,
              'Bearer e30.e30.',
            ),
            fc.constant(0).map(() => `Bearer ${citizenJwt.slice(0, -3)}`),
            fc.constant(0).map(() => `BEARER ${citizenJwt}`),
          )
          .map((header) => ({ kind: 'raw' as const, header: header.replace(/[^\x20-\x7e]/g, '') })),
      },
    );
    await no5xx(
      'GET /api/me/guides (Authorization)',
      authorization,
      async (a) => {
        const header = a.kind === 'raw' ? a.header : `Bearer ${await signed(a.c)}`;
        return send('GET', '/api/me/guides', undefined, header ? { authorization: header } : {});
      },
      { valid: { kind: 'signed', c: claims() } },
    );
    await no5xx(
      'GET /api/me/guides?…',
      queryString(['sub', 'fiscalCode', 'limit', 'after'], () => ''),
      (q) => send('GET', `/api/me/guides?${q}`, undefined, { authorization: `Bearer ${citizenJwt}` }),
      { valid: '', runs: half },
    );
  }, 120_000);

  it('GET /api/access/:token/narrated and GET /api/media/:token/narration/:file', async () => {
    const near = () => [token.toUpperCase(), `${token}x`, token.slice(0, -1), 'video.mp4', ...audio.map((a) => a.replace(/[0-9a-f]{16}/, '0'.repeat(16)))];
    await no5xx(
      'GET /api/access/:token/narrated',
      segmentOr(() => [token], near),
      (s) => send('GET', `/api/access/${s}/narrated`, undefined, {}),
      {
        valid: token,
        runs: half,
      },
    );
    // Scene audio: every name the route's pattern allows (scene id, hash, wav / webm / m4a) and others.
    const sceneFile = fc.oneof(
      { weight: 3, arbitrary: segmentOr(() => [...audio, ...audio.map((a) => a.replace(/\.\w+$/, '.wav'))], near) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,70}$/), fc.stringMatching(/^[0-9a-f]{14,18}$/), fc.constantFrom('wav', 'webm', 'm4a', 'mp3', 'WAV'))
          .map(([id, hash, ext]) => `${id}-${hash}.${ext}`),
      },
    );
    await no5xx('GET /api/media/:token/narration/:file', sceneFile, (f) => send('GET', `/api/media/${token}/narration/${f}`, undefined, {}), {
      valid: audio[0]!,
      runs: half,
    });
    await no5xx(
      'GET /api/media/:token/narration/:file (token)',
      segmentOr(() => [token], near),
      (s) => send('GET', `/api/media/${s}/narration/${audio[0]}`, undefined, { range: 'bytes=0-99' }),
      { valid: token, runs: half },
    );
  }, 120_000);

  it('DELETE /api/guides/:id', async () => {
    // "fresh" stands for a guide created just before (one guide deleted per valid request).
    let n = 0;
    const fresh = async () => {
      const g = await call(api, 'POST', '/api/guides', { body: { ...envelope, externalRef: `fuzz-del-${n++}`, notify: false } });
      return ((await g.json()) as { id: string }).id;
    };
    await no5xx(
      'DELETE /api/guides/:id',
      segmentOr(
        () => ['fresh'],
        () => ['00000000-0000-0000-0000-000000000000', crypto.randomUUID(), crypto.randomUUID().toUpperCase(), `${crypto.randomUUID()}x`],
      ),
      async (s) => send('DELETE', `/api/guides/${s === 'fresh' ? await fresh() : s}`, undefined, operator()),
      { valid: 'fresh', runs: half },
    );
  }, 120_000);

  it('the pages and documents: query strings on /embed, /embed/example, /g/, the staff pages, health, the API docs', async () => {
    const pages = [
      '/embed',
      '/embed/example',
      `/g/${token}`,
      '/dashboard',
      '/console',
      '/healthz',
      '/readyz',
      '/api/openapi.json',
      '/api/docs',
      '/api/docs/init.js',
    ];
    // The embed reads its token from the fragment, never the query: any parameter, the token's included.
    const names = ['token', 't', 'autoplay', 'lang', 'locale', 'start', 'muted', 'captions', 'origin', 'v'];
    for (const p of pages) {
      await no5xx(
        `GET ${p}?…`,
        queryString(
          names,
          () => `lang=it&token=${token}`,
          () => [token],
        ),
        (q) => send('GET', `${p}?${q}`, undefined, {}),
        { valid: '', runs: Math.ceil(RUNS / 5) },
      );
    }
  }, 120_000);

  it('unknown paths, methods and path segments anywhere under /api and /g', async () => {
    await no5xx(
      'ANY /…',
      fc.tuple(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('/api/', '/g/', '/api/media/', '/'),
      ),
      ([m, segs, root]) =>
        send(m, `${root}${segs.join('/')}`, m === 'GET' || m === 'OPTIONS' ? undefined : '{}', { ...operator(), 'content-type': 'application/json' }),
      { none: 'paths nobody registered: 404 or 405, and the registered ones are fuzzed above and in the other file', runs: half },
    );
  }, 120_000);
});

describe('fuzzing the AMQP intake body (intake/message.ts readBody, decodeMessage) finds no exception', () => {
  const HMAC_KEY = 'h'.repeat(40);
  let n = 0;
  const fresh = () => ({ ...envelope, externalRef: `fuzz-amqp-${n++}`, notify: n % 2 === 0 });
  // A body as it reaches readBody: bytes (a worker thread's Uint8Array, a Buffer), a string, or a value
  // rabbitmq-client already parsed from application/json (any JSON, or undefined for an empty body).
  const bodies: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: jsonBody(fresh).map((b) => (typeof b === 'string' ? b : new Uint8Array(b))) },
    { weight: 3, arbitrary: mutation(fresh) },
    { weight: 1, arbitrary: equivalent(fresh).map((s) => Buffer.from(s)) },
    { weight: 1, arbitrary: equivalent(fresh).map((s) => JSON.parse(s) as unknown) },
    { weight: 1, arbitrary: fc.oneof(weird, fc.constantFrom(undefined, null, Buffer.alloc(0), new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))) },
  );
  const checkResult = (r: BodyResult) => {
    if (r.ok) {
      expect(typeof r.notify).toBe('boolean');
      expect(r.prepared).toBeTruthy();
    } else {
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) expect(typeof e.field === 'string' && typeof e.message === 'string').toBe(true);
    }
  };

  it('readBody(body, maxBytes, key) returns ok or named field errors, never throws', () => {
    let ok = 0;
    const valid = [JSON.stringify(fresh()), 256 * 1024] as [unknown, number];
    fc.assert(
      fc.property(bodies, fc.constantFrom(256 * 1024, 256 * 1024, 64 * 1024, 200), (body, maxBytes) => {
        const r = readBody(body, maxBytes, HMAC_KEY);
        checkResult(r);
        if (r.ok) ok += 1;
      }),
      { numRuns: RUNS * 3, examples: [valid] },
    );
    expect(readBody(valid[0], valid[1], HMAC_KEY).ok).toBe(true);
    // Some generated bodies (equivalent rewrites, mutations that stay valid) became guides.
    expect(ok).toBeGreaterThan(1);
  });

  it('decodeMessage(message, maxBytes, key) with odd properties', () => {
    const property = fc.oneof(oddStrings, fc.string({ maxLength: 30 }), fc.constantFrom(undefined, null, 42, 'application/json', 'text/plain', 'gzip', 'id-1'));
    let ok = 0;
    fc.assert(
      fc.property(bodies, property, property, property, (body, messageId, contentType, contentEncoding) => {
        const msg = { body, messageId, contentType, contentEncoding } as unknown as AsyncMessage;
        const d = decodeMessage(msg, 256 * 1024, HMAC_KEY);
        if (d.ok) {
          ok += 1;
          expect(typeof d.messageId).toBe('string');
        } else expect(d.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS * 3, examples: [[JSON.stringify(fresh()), 'id-1', 'application/json', undefined]] },
    );
    expect(ok).toBeGreaterThan(0);
  });
});

import { redType } from '../compositions/red';
import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { storyboardOf } from '../compositions/guide-types';
import { demoKeyPair, signDemoToken } from '../api/auth/demo-keys';
import { BACKENDS } from './helpers/databases';
import { call, startTestApi, tokenOf, type TestApi } from './helpers/api';
import { useTestApi, withTestApi, useTestDatabase } from './helpers/test-api-hooks';

const envelope = (type: Parameters<typeof generateEnvelopes>[0], seed: string) => [...generateEnvelopes(type, 1, seed)][0]! as Record<string, any>;
const create = async (api: TestApi, e: Record<string, unknown>) => (await call(api, 'POST', '/api/guides', { body: e })).json();

describe.each(BACKENDS)('access on %s', (backend) => {
  const api = useTestApi({ backend, label: 'api_access', rateLimits: { tokenMisses: 1000 } });

  it('answers the manifest: public data, chapters, no fiscal code or external reference', async () => {
    const e = envelope('pensione', `manifest-${backend}`);
    const { links } = await create(api, e);
    const res = await fetch(`${api.url}/api/access/${tokenOf(links.qr)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    const text = await res.text();
    expect(text).not.toContain(e.citizen.fiscalCode);
    expect(text).not.toContain(e.externalRef);
    const m = JSON.parse(text);
    expect(m).toMatchObject({ type: 'pensione', locale: e.locale, title: expect.any(String), status: 'queued', media: null, fps: 30 });
    expect(m.guide.citizen.givenName).toBe(e.citizen.givenName);
    expect(m.guide.benefit).toEqual(e.benefit);
    expect(m.chapters.length).toBeGreaterThan(2);
    expect(m.chapters[0]).toMatchObject({ id: expect.any(String), start: 0, title: expect.any(String) });
    expect(m.chapters.at(-1).end).toBeCloseTo(m.durationInFrames / m.fps, 2);
    expect(m.narration).toBeNull();
    expect(Date.parse(m.expiresAt)).toBeGreaterThan(Date.now() + 170 * 86_400_000);
    await expect
      .poll(
        async () => (await api.db.query<{ n: number }>('SELECT count(*) AS n FROM tokens WHERE first_access_at IS NOT NULL AND channel = $1', ['qr']))[0]!.n,
      )
      .toBeGreaterThan(0);
  });

  it('lays the manifest out on the measured narration once the worker stored it', async () => {
    const e = envelope('red', `narration-${backend}`);
    const { id, links } = await create(api, e);
    const before = await (await fetch(`${api.url}/api/access/${tokenOf(links.qr)}`)).json();
    const frames = Object.fromEntries(before.chapters.map((c: { id: string }) => [c.id, 45]));
    await api.db.query('UPDATE guides SET narration = $2 WHERE id = $1', [id, JSON.stringify({ frames })]);
    const after = await (await fetch(`${api.url}/api/access/${tokenOf(links.qr)}`)).json();
    expect(after.narration).toEqual({ frames });
    expect(after.durationInFrames).toBe(storyboardOf(after.guide, { narrationFrames: frames }).durationInFrames);
    expect(after.durationInFrames).not.toBe(before.durationInFrames);
  });

  it('serves the player page with noindex, no-store, no referrer and a strict CSP', async () => {
    const { links } = await create(api, envelope('red', `page-${backend}`));
    const res = await fetch(links.qr);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await res.text();
    expect(html).toContain('<html lang="it">');
    expect(html).toContain(redType.title.it);
    expect(html).toContain('lettore video non è ancora stato installato');
    const missing = await fetch(`${api.url}/g/${'x'.repeat(32)}`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Videoguida non disponibile');
  });

  it('serves the built player when player/dist exists', async () => {
    const dist = path.join(api.dataDir, 'player-dist');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>player</title><script type="module" src="/assets/app.js"></script>');
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    await withTestApi({ db: api.db, backend, label: 'api_access_player', playerDir: dist }, async (own) => {
      const { links } = await create(own, envelope('naspi', `player-${backend}`));
      const res = await fetch(links.qr);
      expect(await res.text()).toContain('<title>player</title>');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const js = await fetch(`${own.url}/assets/app.js`);
      expect(js.headers.get('content-type')).toMatch(/javascript/);
    });
  });

  it('streams rendered files under the token with Range support and the right types', async () => {
    const { id, links } = await create(api, envelope('naspi', `media-${backend}`));
    const token = tokenOf(links.app);
    const dir = path.join(api.config.videoDir, id);
    fs.mkdirSync(dir, { recursive: true });
    const video = Buffer.alloc(100_000, 7);
    fs.writeFileSync(path.join(dir, 'video.mp4'), video);
    fs.writeFileSync(path.join(dir, 'poster.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    fs.writeFileSync(path.join(dir, 'captions.vtt'), 'WEBVTT\n');
    fs.writeFileSync(path.join(dir, 'chapters.json'), '[]');
    await api.db.query(`UPDATE guides SET status = 'ready' WHERE id = $1`, [id]);
    const m = await (await fetch(`${api.url}/api/access/${token}`)).json();
    expect(m.media).toEqual({
      video: `/api/media/${token}/video.mp4`,
      poster: `/api/media/${token}/poster.jpg`,
      captions: `/api/media/${token}/captions.vtt`,
      captionsByLocale: { it: `/api/media/${token}/captions.it.vtt`, en: `/api/media/${token}/captions.en.vtt` },
      chapters: `/api/media/${token}/chapters.json`,
      audio: `/api/media/${token}/audio.m4a`,
    });
    const part = await fetch(`${api.url}${m.media.video}`, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${video.length}`);
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect(part.headers.get('cache-control')).toBe('no-store');
    expect((await part.arrayBuffer()).byteLength).toBe(1000);
    const whole = await fetch(`${api.url}${m.media.video}`);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect((await whole.arrayBuffer()).byteLength).toBe(video.length);
    expect((await fetch(`${api.url}${m.media.captions}`)).headers.get('content-type')).toMatch(/^text\/vtt/);
    expect((await fetch(`${api.url}${m.media.poster}`)).headers.get('content-type')).toBe('image/jpeg');
    expect((await fetch(`${api.url}/api/media/${token}/secrets.json`)).status).toBe(404);
    expect((await fetch(`${api.url}/api/media/${token}/..%2F..%2Fsecrets.json`)).status).toBe(404);
    expect((await fetch(`${api.url}/api/media/${'A'.repeat(32)}/video.mp4`)).status).toBe(404);
  });

  it("lists a reserved-area citizen's guides from a JWT with the fiscal code in sub", async () => {
    const e = envelope('auu', `me-${backend}`);
    const { links } = await create(api, e);
    const jwt = await signDemoToken(demoKeyPair(api.config.dataDir), e.citizen.fiscalCode);
    const res = await fetch(`${api.url}/api/me/guides`, { headers: { authorization: `Bearer ${jwt}` } });
    expect(res.status).toBe(200);
    const { guides } = await res.json();
    expect(guides).toEqual([expect.objectContaining({ type: 'auu', status: 'queued', link: links.app })]);
    const other = await signDemoToken(demoKeyPair(api.config.dataDir), 'RSSMRA79B11C566R');
    expect((await (await fetch(`${api.url}/api/me/guides`, { headers: { authorization: `Bearer ${other}` } })).json()).guides).toEqual([]);
    const unauthorized = async (authorization?: string) => {
      const r = await fetch(`${api.url}/api/me/guides`, { headers: authorization ? { authorization } : {} });
      expect(r.status).toBe(401);
      expect((await r.json()).error.code).toBe('unauthorized');
    };
    await unauthorized();
    await unauthorized(`Bearer ${jwt.slice(0, -4)}AAAA`);
    await unauthorized(`Bearer ${await signDemoToken(demoKeyPair(api.config.dataDir), e.citizen.fiscalCode, -120)}`);
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    await unauthorized(
      `Bearer ${await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setSubject(e.citizen.fiscalCode).setIssuer('videoguida-demo').setAudience('videoguida').setExpirationTime('1h').sign(stranger)}`,
    );
    await unauthorized(
      `Bearer ${await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setSubject('not-a-fiscal-code').setIssuer('videoguida-demo').setAudience('videoguida').setExpirationTime('1h').sign(demoKeyPair(api.config.dataDir).privateKey)}`,
    );
  });
});

describe('tokens and keys configured from the environment (PGlite)', () => {
  // One database for the several apps below, each with its own settings.
  const db = useTestDatabase('pglite', 'api_access_env');

  it('answers 404 to an expired token, the same body as an unknown one', async () => {
    await withTestApi({ db, backend: 'pglite', label: 'api_expiry', env: { TOKEN_TTL: '1' } }, async (api) => {
      const { links } = await create(api, envelope('naspi', 'expiry'));
      expect((await fetch(`${api.url}/api/access/${tokenOf(links.qr)}`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      const expired = await fetch(`${api.url}/api/access/${tokenOf(links.qr)}`);
      const unknown = await fetch(`${api.url}/api/access/${'Z'.repeat(32)}`);
      expect(expired.status).toBe(404);
      const unknownBody = await unknown.text();
      expect(await expired.text()).toBe(unknownBody);
      for (const odd of ['x'.repeat(400), "'%20OR%201=1--", '%F0%9F%98%80', '..%2F..%2Fetc%2Fpasswd']) {
        const r = await fetch(`${api.url}/api/access/${odd}`);
        expect(r.status).toBe(404);
        expect(await r.text()).toBe(unknownBody);
      }
      expect((await fetch(links.qr)).status).toBe(404);
    });
  });

  it('rate-limits token enumeration: misses exhaust a small budget, then 429; a found token is still served', async () => {
    await withTestApi({ db, backend: 'pglite', label: 'api_enum', rateLimits: { tokenMisses: 5 } }, async (api) => {
      const { links } = await create(api, envelope('red', 'enum'));
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await fetch(`${api.url}/api/access/guess${String(i).padStart(27, '0')}`)).status);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429, 429]);
      const limited = await fetch(`${api.url}/g/guess${'0'.repeat(27)}`);
      expect(limited.status).toBe(429);
      expect((await limited.json()).error.code).toBe('rate_limited');
      // Only misses are limited (issue #15): citizens behind the same address open their links.
      expect((await fetch(`${api.url}/g/${tokenOf(links.qr)}`)).status).toBe(200);
    });
  });

  it('rate-limits each address on the public routes', async () => {
    await withTestApi({ db, backend: 'pglite', label: 'api_general', rateLimits: { publicPerMinute: 3 } }, async (api) => {
      const { links } = await create(api, envelope('red', 'general'));
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${api.url}/api/access/${tokenOf(links.qr)}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    });
  });

  it('verifies reserved-area JWTs against JWT_PUBLIC_KEY (RS256)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await withTestApi(
      {
        db,
        backend: 'pglite',
        label: 'api_jwtkey',
        env: { JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }) as string, JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'videoguida' },
      },
      async (api) => {
        const e = envelope('invalidita', 'jwt-key');
        await create(api, e);
        const sign = (iss: string) =>
          new SignJWT({})
            .setProtectedHeader({ alg: 'RS256' })
            .setSubject(e.citizen.fiscalCode)
            .setIssuer(iss)
            .setAudience('videoguida')
            .setExpirationTime('5m')
            .sign(privateKey);
        const ok = await fetch(`${api.url}/api/me/guides`, { headers: { authorization: `Bearer ${await sign('https://idp.example')}` } });
        expect((await ok.json()).guides).toHaveLength(1);
        expect((await fetch(`${api.url}/api/me/guides`, { headers: { authorization: `Bearer ${await sign('https://evil.example')}` } })).status).toBe(401);
        const demo = await signDemoToken(demoKeyPair(api.config.dataDir), e.citizen.fiscalCode);
        expect((await fetch(`${api.url}/api/me/guides`, { headers: { authorization: `Bearer ${demo}` } })).status).toBe(401);
      },
    );
  });

  it('verifies reserved-area JWTs against a JWKS_URL key set', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const jwks = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const api = await startTestApi({
      db,
      backend: 'pglite',
      label: 'api_jwks',
      env: { JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json` },
    });
    try {
      const e = envelope('red', 'jwks');
      await create(api, e);
      const jwt = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject(e.citizen.fiscalCode)
        .setExpirationTime('5m')
        .sign(privateKey);
      const res = await fetch(`${api.url}/api/me/guides`, { headers: { authorization: `Bearer ${jwt}` } });
      expect((await res.json()).guides).toEqual([expect.objectContaining({ type: 'red' })]);
    } finally {
      await api.close();
      jwks.close();
    }
  });
});

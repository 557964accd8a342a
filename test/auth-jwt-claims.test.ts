import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { closeTestDatabase, openTestDatabase } from './helpers/databases';
import { call, startTestApi, type TestApi } from './helpers/api';
import type { Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';

/**
 * Issue #15, finding 2: the reserved area takes only tokens issued for it, by its identity provider,
 * that say when they expire, were not issued in the future and do not live longer than
 * JWT_MAX_LIFETIME. Every refusal is the same 401 as a token with a bad signature.
 */

const ISSUER = 'https://idp.istituto.example';
const AUDIENCE = 'videoguida';
const now = () => Math.floor(Date.now() / 1000);
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

interface Claims {
  iss?: string;
  aud?: string;
  sub?: string;
  iat?: number;
  nbf?: number;
  exp?: number;
}

const sign = (claims: Claims, key = privateKey) => new SignJWT({ ...claims }).setProtectedHeader({ alg: 'ES256', typ: 'JWT' }).sign(key);

describe('reserved-area JWT claims', () => {
  let db: Database;
  let api: TestApi;
  let fiscalCode: string;
  beforeAll(async () => {
    db = await openTestDatabase('pglite', 'auth_jwt_claims');
    await migrate(db);
    api = await startTestApi({
      backend: 'pglite',
      label: 'auth_jwt_claims',
      db,
      env: { JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }) as string, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE },
    });
    const e = [...generateEnvelopes('naspi', 1, 'jwt-claims')][0]!;
    fiscalCode = (e as { citizen: { fiscalCode: string } }).citizen.fiscalCode;
    expect((await call(api, 'POST', '/api/guides', { body: e })).status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
    if (db) await closeTestDatabase(db);
  });

  const me = (target: TestApi, jwt: string, path = '/api/me/guides') => fetch(`${target.url}${path}`, { headers: { authorization: `Bearer ${jwt}` } });
  const good = (): Claims => ({ iss: ISSUER, aud: AUDIENCE, sub: fiscalCode, iat: now(), exp: now() + 600 });

  it('accepts a token for this audience, from this issuer, within its lifetime', async () => {
    const res = await me(api, await sign(good()));
    expect(res.status).toBe(200);
    expect((await res.json()).guides).toHaveLength(1);
    // Without iat the lifetime is counted from now; an hour exactly is within the default cap.
    const { iat: _iat, ...noIat } = good();
    expect((await me(api, await sign({ ...noIat, exp: now() + 3600 }))).status).toBe(200);
    expect((await me(api, await sign({ ...good(), iat: now() - 1800, exp: now() + 1800 }))).status).toBe(200);
    // A few seconds of clock skew with the identity provider are tolerated.
    expect((await me(api, await sign({ ...good(), iat: now() + 10, nbf: now() + 10 }))).status).toBe(200);
  });

  it('answers every refused token with the same 401, on /api/me/guides and /api/me/consents', async () => {
    const reference = await me(api, await sign(good(), stranger));
    expect(reference.status).toBe(401);
    const body = await reference.json();
    expect(body).toEqual({ error: { code: 'unauthorized', message: 'invalid or expired reserved-area token', field: null } });
    const { exp: _exp, ...noExp } = good();
    const { iss: _iss, ...noIss } = good();
    const { aud: _aud, ...noAud } = good();
    const cases: [string, Claims][] = [
      ['no exp', noExp],
      ['no exp, no iat', { iss: ISSUER, aud: AUDIENCE, sub: fiscalCode }],
      ['iat a year in the future', { ...good(), iat: now() + 365 * 86_400, exp: now() + 365 * 86_400 + 600 }],
      ['iat ten minutes in the future', { ...good(), iat: now() + 600, exp: now() + 900 }],
      ['nbf in the future', { ...good(), nbf: now() + 600, exp: now() + 900 }],
      ['a lifetime of a year', { ...good(), exp: now() + 365 * 86_400 }],
      ['a lifetime of two hours', { ...good(), exp: now() + 7200 }],
      ['two hours left, no iat', { iss: ISSUER, aud: AUDIENCE, sub: fiscalCode, exp: now() + 7200 }],
      ['expired', { ...good(), iat: now() - 1200, exp: now() - 600 }],
      ['another audience', { ...good(), aud: 'another-application' }],
      ['another issuer', { ...good(), iss: 'https://idp.elsewhere.example' }],
      ['no issuer', noIss],
      ['no audience', noAud],
    ];
    for (const [name, claims] of cases) {
      const jwt = await sign(claims);
      for (const path of ['/api/me/guides', '/api/me/consents']) {
        const res = await me(api, jwt, path);
        expect(res.status, `${name} on ${path}`).toBe(401);
        expect(await res.json(), `${name} on ${path}`).toEqual(body);
      }
    }
  });

  it('JWT_MAX_LIFETIME sets the cap', async () => {
    const longer = await startTestApi({
      backend: 'pglite',
      label: 'auth_jwt_lifetime',
      db,
      env: { JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }) as string, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_MAX_LIFETIME: '8h' },
    });
    try {
      expect((await me(longer, await sign({ ...good(), exp: now() + 7200 }))).status).toBe(200);
      expect((await me(longer, await sign({ ...good(), exp: now() + 9 * 3600 }))).status).toBe(401);
    } finally {
      await longer.close();
    }
  });
});

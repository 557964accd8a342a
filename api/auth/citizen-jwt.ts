import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { fiscalCode } from '../../compositions/common/primitives';
import type { Config } from '../../server/config';
import { unauthorized } from '../errors';
import { DEMO_AUDIENCE, DEMO_ISSUER, demoKeyPair } from './demo-keys';

/** Verifies a reserved-area JWT and returns the citizen's fiscal code (from `sub`). */
export type CitizenVerifier = (jwt: string) => Promise<{ fiscalCode: string }>;

const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** Seconds the identity provider's clock and ours may disagree (exp, nbf, iat). */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * The time claims beyond what jose checks (exp and nbf against now): `iat` must not be in the future,
 * and the token must not live longer than `maxLifetime` (exp − iat; without iat, exp − now), so a
 * token minted to last a year, or dated ahead to outlive its lifetime, is refused.
 */
function lifetimeProblem(payload: { exp?: number; iat?: number }, maxLifetime: number, now = Math.floor(Date.now() / 1000)): string | null {
  if (typeof payload.exp !== 'number') return 'no exp';
  if (typeof payload.iat === 'number' && payload.iat > now + CLOCK_TOLERANCE_SECONDS) return 'iat in the future';
  const issued = typeof payload.iat === 'number' ? payload.iat : now;
  if (payload.exp - issued > maxLifetime + (typeof payload.iat === 'number' ? 0 : CLOCK_TOLERANCE_SECONDS)) return 'lifetime too long';
  return null;
}

function algorithmOf(key: KeyObject): string {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec') return key.asymmetricKeyDetails?.namedCurve === 'secp384r1' ? 'ES384' : 'ES256';
  throw new Error(`JWT_PUBLIC_KEY: unsupported key type ${key.asymmetricKeyType}`);
}

/**
 * JWKS_URL (the identity provider's key set) wins over JWT_PUBLIC_KEY (one PEM public key); with
 * neither, development and tests use the demo key pair; production gets no verifier (503).
 * Issuer and audience are checked whenever configured (config refuses production without them);
 * `exp` is required, `nbf` and `iat` must not be in the future, and the lifetime is capped at
 * JWT_MAX_LIFETIME. Every refusal is the same 401, whatever the reason.
 */
export function createCitizenVerifier(config: Config): CitizenVerifier | null {
  let key: KeyObject | JWTVerifyGetKey;
  let algorithms = ALGORITHMS;
  let issuer = config.jwt.issuer;
  let audience = config.jwt.audience;
  if (config.jwt.jwksUrl) {
    key = createRemoteJWKSet(new URL(config.jwt.jwksUrl));
  } else if (config.jwt.publicKey) {
    const publicKey = createPublicKey(config.jwt.publicKey.replace(/\\n/g, '\n'));
    key = publicKey;
    algorithms = [algorithmOf(publicKey)];
  } else if (config.env !== 'production') {
    key = demoKeyPair(config.dataDir).publicKey;
    algorithms = ['ES256'];
    issuer ??= DEMO_ISSUER;
    audience ??= DEMO_AUDIENCE;
  } else {
    return null;
  }
  const maxLifetime = config.jwt.maxLifetimeSeconds;
  return async (jwt) => {
    let sub: string | undefined;
    try {
      const { payload } = await jwtVerify(jwt, key as KeyObject, {
        algorithms,
        issuer,
        audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      });
      if (lifetimeProblem(payload, maxLifetime)) throw new Error('token lifetime');
      sub = payload.sub;
    } catch {
      throw unauthorized('invalid or expired reserved-area token');
    }
    const r = fiscalCode.safeParse(sub ?? '');
    if (!r.success) throw unauthorized('the token subject is not a valid fiscal code');
    return { fiscalCode: r.data };
  };
}

import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { fiscalCode } from '../../compositions/common/primitives';
import type { Config } from '../../server/config';
import { unauthorized } from '../errors';
import { DEMO_AUDIENCE, DEMO_ISSUER, demoKeyPair } from './demo-keys';

/** Verifies a reserved-area JWT and returns the citizen's fiscal code (from `sub`). */
export type CitizenVerifier = (jwt: string) => Promise<{ fiscalCode: string }>;

const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

function algorithmOf(key: KeyObject): string {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec') return key.asymmetricKeyDetails?.namedCurve === 'secp384r1' ? 'ES384' : 'ES256';
  throw new Error(`JWT_PUBLIC_KEY: unsupported key type ${key.asymmetricKeyType}`);
}

/**
 * JWKS_URL (the identity provider's key set) wins over JWT_PUBLIC_KEY (one PEM public key); with
 * neither, development and tests use the demo key pair; production gets no verifier (503).
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
  return async (jwt) => {
    let sub: string | undefined;
    try {
      const { payload } = await jwtVerify(jwt, key as KeyObject, { algorithms, issuer, audience, clockTolerance: 30 });
      sub = payload.sub;
    } catch {
      throw unauthorized('invalid or expired reserved-area token');
    }
    const r = fiscalCode.safeParse(sub ?? '');
    if (!r.success) throw unauthorized('the token subject is not a valid fiscal code');
    return { fiscalCode: r.data };
  };
}

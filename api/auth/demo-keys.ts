import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';

/**
 * Local stand-in for the institute's identity provider (SPID/CIE login): an ES256 key pair kept in
 * DATA_DIR/demo-jwt/. Used only when neither JWT_PUBLIC_KEY nor JWKS_URL is set and NODE_ENV is not
 * production; `npm run demo:jwt -- --fiscal-code X` signs a token with it.
 */
export const DEMO_ISSUER = 'videoguida-demo';
export const DEMO_AUDIENCE = 'videoguida';

export interface DemoKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function demoKeyPair(dataDir: string): DemoKeyPair {
  const dir = path.join(dataDir, 'demo-jwt');
  const privateFile = path.join(dir, 'private.pem');
  if (!fs.existsSync(privateFile)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fs.mkdirSync(dir, { recursive: true });
    // Written under a temporary name and renamed, so two processes starting together agree on one key.
    const tmp = `${privateFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    fs.renameSync(tmp, privateFile);
    fs.writeFileSync(path.join(dir, 'public.pem'), createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }));
  }
  const privateKey = createPrivateKey(fs.readFileSync(privateFile));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

export async function signDemoToken(keys: DemoKeyPair, fiscalCode: string, ttlSeconds = 3600): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setSubject(fiscalCode)
    .setIssuer(DEMO_ISSUER)
    .setAudience(DEMO_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(keys.privateKey);
}

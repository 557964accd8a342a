/**
 * npm run demo:jwt -- --fiscal-code RSSMRA79B11C566R [--ttl 3600]
 * Prints a reserved-area JWT signed with the demo key pair in DATA_DIR/demo-jwt/, accepted by
 * GET /api/me/guides when neither JWT_PUBLIC_KEY nor JWKS_URL is configured.
 */
import { parseArgs } from 'node:util';
import { fiscalCode } from '../compositions/common/primitives';
import { loadConfig } from '../server/config';
import { demoKeyPair, signDemoToken } from '../api/auth/demo-keys';

const { values } = parseArgs({ options: { 'fiscal-code': { type: 'string' }, ttl: { type: 'string', default: '3600' } } });
const code = fiscalCode.safeParse(values['fiscal-code'] ?? '');
const ttl = Number(values.ttl);
if (!code.success || !Number.isInteger(ttl) || ttl <= 0) {
  process.stderr.write(
    `usage: npm run demo:jwt -- --fiscal-code <16-character codice fiscale> [--ttl seconds]\n` +
      (code.success ? `--ttl: expected a positive number of seconds, got ${values.ttl}\n` : `--fiscal-code: ${code.error.issues[0]?.message}\n`),
  );
  process.exit(2);
}
const config = loadConfig(process.env);
if (ttl > config.jwt.maxLifetimeSeconds) {
  process.stderr.write(`--ttl: at most ${config.jwt.maxLifetimeSeconds} seconds (JWT_MAX_LIFETIME): the API refuses tokens that live longer\n`);
  process.exit(2);
}
process.stdout.write(`${await signDemoToken(demoKeyPair(config.dataDir), code.data, ttl)}\n`);

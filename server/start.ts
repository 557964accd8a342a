/**
 * npm start: the whole system on embedded defaults. Until the API lands (issue #5) it prepares the
 * database, stores one demo guide of each type and prints what it stored.
 */
import { publicPart } from '../compositions/common/envelope';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, guideSchema, storyboardOf, versionOf } from '../compositions/guide-types';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { insertGuide } from './db/guides';
import { migrate } from './db/migrate';
import { fiscalCodeHmac } from './fiscal-code-hmac';
import { createLogger } from './logger';
import { resolveSecrets } from './secrets';
import path from 'node:path';

const config = loadConfig();
const log = createLogger({ level: config.logLevel });
const secrets = resolveSecrets(config);
const db = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'db'), schema: config.databaseSchema });
const applied = await migrate(db);
log.info({ backend: db.kind, applied }, 'database ready');

for (const raw of generateEnvelopes('all', 6, 'demo')) {
  const envelope = envelopeSchema.parse(raw);
  const data = guideSchema.parse(publicPart(envelope));
  const sb = storyboardOf(data);
  const { row, created } = await insertGuide(db, {
    typeVersion: versionOf(data.type),
    externalRef: envelope.externalRef,
    fiscalCodeHmac: 'citizen' in envelope ? fiscalCodeHmac(secrets.fiscalCodeHmacKey, envelope.citizen.fiscalCode) : null,
    data,
    durationFrames: sb.durationInFrames,
    expiresAt: new Date(Date.now() + config.tokenTtlSeconds * 1000),
  });
  process.stdout.write(
    `${created ? 'created' : 'exists '} ${row.type.padEnd(10)} ${row.id}  ${(sb.durationInFrames / sb.fps).toFixed(0)} s, ${sb.scenes.length} scenes\n`,
  );
}
await db.close();

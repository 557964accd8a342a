/**
 * The narrator as its own process (`npm run narrator`): narrates guides ahead of their first access
 * on worker hosts (docs/narration.md, "Narration ahead of time"). Run it against PostgreSQL with the
 * API's SPEECH_CACHE_DIR (a shared disk); with the embedded PGlite database, `npm start` runs it
 * in-process instead.
 */
import path from 'node:path';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { createLogger } from '../server/logger';
import { refuseUnfitProduction } from '../server/production-check';
import { startNarrator } from '../narrator/start';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: 'narrator' });
// In production: refuses (exit 1, naming each variable or Redis setting) before opening anything.
await refuseUnfitProduction(config, 'narrator');
const db = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'db'), schema: config.databaseSchema, ...config.database });
await migrate(db);
const running = await startNarrator({ config, db, logger, redisUrl: config.redisUrl });

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'narrator stopping');
  // A hard bound on shutdown, whatever happens inside.
  const force = setTimeout(() => process.exit(1), running.settings.shutdownTimeoutMs + 10_000);
  force.unref();
  await running.close();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

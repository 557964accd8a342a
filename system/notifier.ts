/**
 * The notifier as its own process (`npx tsx notifier/main.ts`): scale out by starting more of them
 * against PostgreSQL; with the embedded PGlite database, `npm start` runs it in-process instead.
 */
import path from 'node:path';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { createLogger } from '../server/logger';
import { refuseUnfitProduction } from '../server/production-check';
import { startNotifier } from '../notifier/start';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: 'notifier' });
// In production: refuses (exit 1, naming each variable or Redis setting) before opening anything.
await refuseUnfitProduction(config, 'notifier');
const db = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'db'), schema: config.databaseSchema, ...config.database });
await migrate(db);
const running = await startNotifier({ config, db, logger, redisUrl: config.redisUrl });

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'notifier stopping');
  // A hard bound on shutdown, whatever happens inside.
  const force = setTimeout(() => process.exit(1), running.settings.shutdownTimeoutMs + 10_000);
  force.unref();
  await running.close();
  await db.close();
  logger.info('notifier stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

/**
 * npm run worker: a render worker process on its own (scale out by starting more of them against
 * PostgreSQL; with the embedded PGlite database use `npm start`, which runs the worker in-process).
 */
import path from 'node:path';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { createLogger } from '../server/logger';
import { refuseUnfitProduction } from '../server/production-check';
import { startRenderWorker } from '../render-worker/start';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: 'render-worker' });
// In production: refuses (exit 1, naming each variable or Redis setting) before opening anything.
await refuseUnfitProduction(config, 'worker');
const db = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'db'), schema: config.databaseSchema, ...config.database });
await migrate(db);
const running = await startRenderWorker({ config, db, logger, redisUrl: config.redisUrl });

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'render worker stopping');
  // A hard bound on shutdown, whatever happens inside.
  const force = setTimeout(() => process.exit(1), config.render.shutdownTimeoutSeconds * 1000 + 10_000);
  force.unref();
  await running.close();
  await db.close();
  logger.info('render worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

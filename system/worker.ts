/**
 * npm run worker: a render worker process on its own (scale out by starting more of them against
 * PostgreSQL; with the embedded PGlite database use `npm start`, which runs the worker in-process).
 */
import { openProcessDatabase, stopOnSignals } from './process-shell';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { refuseUnfitProduction } from '../server/production-check';
import { startRenderWorker } from '../render-worker/start';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: 'render-worker' });
// In production: refuses (exit 1, naming each variable or Redis setting) before opening anything.
await refuseUnfitProduction(config, 'worker');
const db = await openProcessDatabase(config);
const running = await startRenderWorker({ config, db, logger, redisUrl: config.redisUrl });

stopOnSignals({
  logger,
  name: 'render worker',
  // A hard bound on shutdown, whatever happens inside.
  boundMs: config.render.shutdownTimeoutSeconds * 1000 + 10_000,
  close: async () => {
    await running.close();
    await db.close();
  },
});

/**
 * The notifier as its own process (`npm run notifier`): scale out by starting more of them
 * against PostgreSQL; with the embedded PGlite database, `npm start` runs it in-process instead.
 */
import { openProcessDatabase, stopOnSignals } from './process-shell';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { refuseUnfitProduction } from '../server/production-check';
import { startNotifier } from '../notifier/start';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: 'notifier' });
// In production: refuses (exit 1, naming each variable or Redis setting) before opening anything.
await refuseUnfitProduction(config, 'notifier');
const db = await openProcessDatabase(config);
const running = await startNotifier({ config, db, logger, redisUrl: config.redisUrl });

stopOnSignals({
  logger,
  name: 'notifier',
  // A hard bound on shutdown, whatever happens inside.
  boundMs: running.settings.shutdownTimeoutMs + 10_000,
  close: async () => {
    await running.close();
    await db.close();
  },
});

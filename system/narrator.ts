/**
 * The narrator as its own process (`npm run narrator`): narrates guides ahead of their first access
 * on worker hosts (docs/narration.md, "Narration ahead of time"). Run it against PostgreSQL with the
 * API's SPEECH_CACHE_DIR (a shared disk); with the embedded PGlite database, `npm start` runs it
 * in-process instead.
 */
import { openProcessDatabase, stopOnSignals } from './process-shell';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { refuseUnfitProduction } from '../server/production-check';
import { startNarrator } from '../narrator/start';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: 'narrator' });
// In production: refuses (exit 1, naming each variable or Redis setting) before opening anything.
await refuseUnfitProduction(config, 'narrator');
const db = await openProcessDatabase(config);
const running = await startNarrator({ config, db, logger, redisUrl: config.redisUrl });

stopOnSignals({
  logger,
  name: 'narrator',
  // A hard bound on shutdown, whatever happens inside.
  boundMs: running.settings.shutdownTimeoutMs + 10_000,
  close: async () => {
    await running.close();
    await db.close();
  },
});

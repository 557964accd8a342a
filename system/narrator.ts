/**
 * The narrator as its own process (`npm run narrator`): narrates guides ahead of their first access
 * on worker hosts (docs/narration.md, "Narration ahead of time"). Run it against PostgreSQL; its
 * clips reach the API hosts through the S3 store's cache (MEDIA_STORE=s3), or, with the local store,
 * through the API's SPEECH_CACHE_DIR on a shared disk. With the embedded PGlite database,
 * `npm start` runs it in-process instead.
 */
import { openProcessDatabase, stopOnSignals } from './process-shell';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { refuseUnfitProduction } from '../server/production-check';
import { startNarrator } from '../narrator/start';
import { createMediaStore } from '../server/media';
import { ClipCache, createEngine } from '../speech';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: 'narrator' });
// In production: refuses (exit 1, naming each variable or Redis setting) before opening anything.
await refuseUnfitProduction(config, 'narrator');
const db = await openProcessDatabase(config);
const media = createMediaStore(config.mediaStore, config.videoDir);
const speech = { cache: new ClipCache({ dir: config.speech.cacheDir, engine: createEngine(config.speech), shared: media.sharedCache }) };
const running = await startNarrator({ config, db, logger, redisUrl: config.redisUrl, speech });

stopOnSignals({
  logger,
  name: 'narrator',
  // A hard bound on shutdown, whatever happens inside.
  boundMs: running.settings.shutdownTimeoutMs + 10_000,
  close: async () => {
    await running.close();
    media.close();
    await db.close();
  },
});

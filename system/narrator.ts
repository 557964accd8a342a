/**
 * The narrator as its own process (`npm run narrator`): narrates guides ahead of their first access
 * on worker hosts (docs/narration.md, "Narration ahead of time"). Run it against PostgreSQL; its
 * clips reach the API hosts through the S3 store's cache (MEDIA_STORE=s3), or, with the local store,
 * through the API's SPEECH_CACHE_DIR on a shared disk. With the embedded PGlite database,
 * `npm start` runs it in-process instead.
 */
import { runServiceProcess } from './process-shell';
import { startNarrator } from '../narrator/start';
import { createMediaStore } from '../server/media';
import { processClipCache } from '../speech';

await runServiceProcess({
  process: 'narrator',
  loggerName: 'narrator',
  // Its clip cache shares the media store's cache area; the store closes after the narrator.
  start: async (deps) => {
    const media = createMediaStore(deps.config.mediaStore, deps.config.videoDir);
    const speech = {
      cache: processClipCache(deps.config.speech, deps.logger, media.sharedCache),
    };
    const narrator = await startNarrator({ ...deps, speech });
    return {
      settings: narrator.settings,
      close: async () => {
        await narrator.close();
        media.close();
      },
    };
  },
  shutdownMs: (narrator) => narrator.settings.shutdownTimeoutMs,
});

import type { SpeechConfig } from '../server/config';
import type { Logger } from '../server/logger';
import { ClipCache, type SharedClipStore } from './clip-cache';
import { routeByLocale, type SpeechEngine } from './engine';
import { espeakEngine } from './espeak';
import { festivalEngine } from './festival';
import { httpEngine } from './http-engine';

export type { SpeechConfig };

/** The offline default: Festival's Italian diphone voices for Italian, eSpeak NG for English. */
export const defaultEngine = (): SpeechEngine => routeByLocale({ it: festivalEngine(), en: espeakEngine() });

/** The engine config.speech names: entry points (composition roots, benches) pass their config's. */
export function createEngine(config: SpeechConfig): SpeechEngine {
  if (config.engine === 'espeak') return espeakEngine();
  if (config.engine === 'http' && config.http) return httpEngine(config.http);
  return defaultEngine();
}

/**
 * A process's clip cache: config.speech's directory and engine, the media store's shared area
 * behind it (S3: what one host synthesised, the others fetch), bounded by SPEECH_CACHE_MAX_GB, logging
 * as the process's speech child.
 */
export function processClipCache(speech: SpeechConfig, logger: Logger, shared?: SharedClipStore | null): ClipCache {
  return new ClipCache({
    dir: speech.cacheDir,
    maxBytes: speech.cacheMaxBytes,
    engine: createEngine(speech),
    shared,
    logger: logger.child({ component: 'speech' }),
  });
}

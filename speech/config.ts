import type { SpeechConfig } from '../server/config';
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

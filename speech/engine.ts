import type { Locale } from '../compositions/common/locale';

/** The presenter's voice: the figure on screen is a woman (F) or a man (M). */
export type PresenterVoice = 'F' | 'M';

export interface SynthesisRequest {
  /** Speakable text (see speakable.ts): numbers, dates and acronyms already written as words. */
  text: string;
  locale: Locale;
  voice: PresenterVoice;
  signal?: AbortSignal;
}

/** Timing of a word or sentence inside the returned audio, when the engine reports it. */
export interface SpeechMark {
  text: string;
  startMs: number;
  endMs: number;
}

export interface SynthesisResult {
  /** The audio as the engine produced it: WAV for the local engines, any ffmpeg-readable format otherwise. */
  audio: Buffer;
  durationMs: number;
  words?: SpeechMark[];
  sentences?: SpeechMark[];
}

export interface SpeechEngine {
  /**
   * Identity of the engine, its version and every setting that changes the sound (voice, rate,
   * pitch). It is part of each clip's cache key: change it whenever the output would change.
   */
  readonly id: string;
  /**
   * The id of what actually speaks a given locale and voice. Routing engines answer for the engine
   * they delegate to, so retuning the English voice keeps every cached Italian clip.
   */
  idFor?(locale: Locale, voice: PresenterVoice): string;
  synthesize(request: SynthesisRequest): Promise<SynthesisResult>;
}

export const engineIdFor = (engine: SpeechEngine, locale: Locale, voice: PresenterVoice): string => engine.idFor?.(locale, voice) ?? engine.id;

/** Sends each locale to its own engine: the default speaks Italian with Festival and English with eSpeak NG. */
export function routeByLocale(engines: Record<Locale, SpeechEngine>): SpeechEngine {
  return {
    id: `route(it=${engines.it.id};en=${engines.en.id})`,
    idFor: (locale, voice) => engineIdFor(engines[locale], locale, voice),
    synthesize: (request) => engines[request.locale].synthesize(request),
  };
}

/** Wraps an engine and counts its calls: tests and the benchmark use it to prove the cache works. */
export function countingEngine(engine: SpeechEngine): SpeechEngine & { calls: number } {
  const counted = {
    id: engine.id,
    calls: 0,
    idFor: (locale: Locale, voice: PresenterVoice) => engineIdFor(engine, locale, voice),
    synthesize(request: SynthesisRequest) {
      counted.calls += 1;
      return engine.synthesize(request);
    },
  };
  return counted;
}

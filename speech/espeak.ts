import type { Locale } from '../compositions/common/locale';
import type { PresenterVoice, SpeechEngine, SynthesisRequest, SynthesisResult } from './engine';
import { run } from './process';
import { parseWav } from './wav';

export interface EspeakVoice {
  /** espeak-ng voice and variant, e.g. "it+f3". */
  name: string;
  /** Words per minute (espeak-ng's default is 175). */
  rate: number;
  /** 0–99, default 50. */
  pitch: number;
  /** Extra pause between words, in units of 10 ms. */
  wordGap: number;
}

// Calm and clear for elderly listeners: about 20% slower than espeak-ng's default, a slightly lower
// pitch (less shrill on phone speakers) and a hair of space between words. Measured in docs/narration.md.
export const ESPEAK_VOICES: Record<Locale, Record<PresenterVoice, EspeakVoice>> = {
  it: {
    F: { name: 'it+f3', rate: 145, pitch: 45, wordGap: 1 },
    M: { name: 'it+m3', rate: 145, pitch: 40, wordGap: 1 },
  },
  en: {
    F: { name: 'en-gb+f3', rate: 150, pitch: 45, wordGap: 1 },
    M: { name: 'en-gb+m3', rate: 150, pitch: 40, wordGap: 1 },
  },
};

const ESPEAK_VERSION = '1.51';
const SENTENCE_TIMEOUT_MS = 30_000;

export const voiceKey = (v: EspeakVoice): string => `${v.name}/s${v.rate}/p${v.pitch}/g${v.wordGap}`;

export function wavDurationMs(wav: Buffer): number {
  const w = parseWav(wav);
  return (w.data.length / (w.channels * (w.bitsPerSample / 8)) / w.sampleRate) * 1000;
}

export function espeakEngine(voices: Record<Locale, Record<PresenterVoice, EspeakVoice>> = ESPEAK_VOICES): SpeechEngine {
  const idFor = (locale: Locale, voice: PresenterVoice) => `espeak-ng@${ESPEAK_VERSION}:${voiceKey(voices[locale][voice])}`;
  return {
    id: `espeak-ng@${ESPEAK_VERSION}`,
    idFor,
    async synthesize({ text, locale, voice, signal }: SynthesisRequest): Promise<SynthesisResult> {
      const v = voices[locale][voice];
      // Text goes through stdin, never argv: it may start with "-" and it is personal data.
      const args = ['-v', v.name, '-s', String(v.rate), '-p', String(v.pitch), '-g', String(v.wordGap), '-b', '1', '--stdin', '--stdout'];
      // One sentence takes espeak-ng tens of milliseconds; 30 s means it is wedged.
      const { stdout } = await run('espeak-ng', args, { input: text, signal, timeoutMs: SENTENCE_TIMEOUT_MS });
      return { audio: stdout, durationMs: wavDurationMs(stdout) };
    },
  };
}

import type { Locale } from '../compositions/common/locale';
import type { PresenterVoice, SpeechEngine, SynthesisRequest, SynthesisResult } from './engine';
import { wavDurationMs } from './espeak';
import { FestivalSession } from './festival-session';

export interface FestivalVoice {
  /** A Festival voice function, e.g. voice_lp_diphone (Debian's festvox-italp16k). */
  voice: string;
  /** Multiplies every segment's duration: above 1 is slower. */
  durationStretch: number;
}

// Debian ships Italian diphone voices only (lp female, pc male); English has no Festival voice here,
// so the default engine routes English to eSpeak NG (see config.ts).
export const FESTIVAL_ITALIAN: Record<PresenterVoice, FestivalVoice> = {
  F: { voice: 'voice_lp_diphone', durationStretch: 1.1 },
  M: { voice: 'voice_pc_diphone', durationStretch: 1.1 },
};

/**
 * Festival reads ISO-8859-1 and its Italian letter-to-sound rules stop on anything outside plain
 * letters, Italian accents and basic punctuation («», curly quotes, ë...). Speakable text is brought
 * into that alphabet here, not in speakable.ts, because the limit is Festival's own.
 */
export function festivalText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[‘’‛`´]/g, "'")
    .replace(/[«»“”„"]/g, '')
    .replace(/[–—]/g, ', ')
    .replace(/…/g, '.')
    .replace(/[()[\]]/g, ', ')
    .replace(/[^A-Za-z0-9 .,;:!?'\-àèéìíòóùúÀÈÉÌÍÒÓÙÚ]/g, (c) => c.normalize('NFD').replace(/[^A-Za-z]/g, '') || ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .trim();
}

/** Sessions per voice: two, so the clip cache's two parallel syntheses do not queue behind each other. */
const SESSIONS_PER_VOICE = 2;

export function festivalEngine(voices: Record<PresenterVoice, FestivalVoice> = FESTIVAL_ITALIAN): SpeechEngine {
  const idFor = (_locale: Locale, voice: PresenterVoice) => `festival@2.5+utt:${voices[voice].voice}/x${voices[voice].durationStretch}`;
  const pools = new Map<PresenterVoice, FestivalSession[]>();
  const session = (voice: PresenterVoice): FestivalSession => {
    let pool = pools.get(voice);
    if (!pool) {
      const v = voices[voice];
      pool = Array.from({ length: SESSIONS_PER_VOICE }, () => new FestivalSession([`(${v.voice})`, `(Parameter.set 'Duration_Stretch ${v.durationStretch})`]));
      pools.set(voice, pool);
    }
    return pool.reduce((a, b) => (b.busy < a.busy ? b : a));
  };
  return {
    id: 'festival@2.5+utt',
    idFor,
    async synthesize({ text, locale, voice }: SynthesisRequest): Promise<SynthesisResult> {
      if (locale !== 'it') throw new Error(`the Festival engine speaks Italian only (Debian's voices), got locale "${locale}"`);
      const safe = festivalText(text);
      if (!/[A-Za-zÀ-ú]/.test(safe)) throw new Error('expected Italian text with letters for Festival');
      const audio = await session(voice).synthesize(safe);
      return { audio, durationMs: wavDurationMs(audio) };
    },
  };
}

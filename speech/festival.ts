import type { Locale } from '../compositions/common/locale';
import type { PresenterVoice, SpeechEngine, SynthesisRequest, SynthesisResult } from './engine';
import { wavDurationMs } from './espeak';
import { run } from './process';

export interface FestivalVoice {
  /** A Festival voice function, e.g. voice_lp_diphone (Debian's festvox-italp16k). */
  voice: string;
  /** Multiplies every segment's duration: above 1 is slower. */
  durationStretch: number;
}

// Debian ships Italian diphone voices only (lp female, pc male); English has no Festival voice here,
// so the default engine routes English to eSpeak NG (see default-engine.ts).
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

export function festivalEngine(voices: Record<PresenterVoice, FestivalVoice> = FESTIVAL_ITALIAN): SpeechEngine {
  const idFor = (_locale: Locale, voice: PresenterVoice) => `festival@2.5:${voices[voice].voice}/x${voices[voice].durationStretch}`;
  return {
    id: 'festival@2.5',
    idFor,
    async synthesize({ text, locale, voice, signal }: SynthesisRequest): Promise<SynthesisResult> {
      if (locale !== 'it') throw new Error(`the Festival engine speaks Italian only (Debian's voices), got locale "${locale}"`);
      const v = voices[voice];
      // Festival scales every utterance to full scale; decodeToFloat keeps the peaks that resampling adds.
      const args = ['-eval', `(${v.voice})`, '-eval', `(Parameter.set 'Duration_Stretch ${v.durationStretch})`, '-o', '-'];
      const { stdout } = await run('text2wave', args, { input: Buffer.from(festivalText(text), 'latin1'), signal });
      return { audio: stdout, durationMs: wavDurationMs(stdout) };
    },
  };
}

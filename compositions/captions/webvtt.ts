import type { Locale } from '../common/locale';
import type { Storyboard } from '../common/storyboard-types';
import { captionCues, type SentenceTimings } from './cues';

/** 95 frames at 30 fps → "00:00:03.167". */
export function vttTime(frame: number, fps: number): string {
  const ms = Math.round((frame * 1000) / fps);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

// Cue text is parsed for tags and entities: escape what would be read as markup.
const escapeCue = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The guide's captions in `locale` as a WebVTT file (one per locale: the storyboard holds both texts). */
export function webvtt(storyboard: Storyboard, locale: Locale = storyboard.locale, sentences?: SentenceTimings): string {
  const cues = captionCues(storyboard, locale, sentences);
  const body = cues.map((c) => `${c.id}\n${vttTime(c.startFrame, storyboard.fps)} --> ${vttTime(c.endFrame, storyboard.fps)}\n${escapeCue(c.text)}\n`);
  // "Kind:" and "Language:" header lines are not WebVTT (the W3C parser reports "No blank line after
  // the signature"): the language goes on the <track srclang>, and a NOTE block keeps it readable.
  return [`WEBVTT\n`, `NOTE captions, language: ${locale}\n`, ...body].join('\n');
}

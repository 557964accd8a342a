/**
 * Caption cues from the storyboard: each scene's narration, sentence by sentence, placed inside
 * that scene. Pure (no DOM, no Node): the player builds them in the browser, the renderer in Node.
 */
import type { Locale } from '../common/locale';
import { splitSentences } from '../common/sentences';
import { LEAD_IN_FRAMES, PAUSE_FRAMES } from '../common/storyboard-build';
import type { Scene, Storyboard } from '../common/storyboard-types';
import type { NarrationTrack } from '../common/video-props';

export interface Cue {
  /** `<scene id>-<n>`: stable, so a player can map a cue back to its scene. */
  id: string;
  sceneId: string;
  /** Guide frames, end exclusive. */
  startFrame: number;
  endFrame: number;
  /** One or two lines, joined by "\n". */
  text: string;
}

/** Longer sentences are split into several cues: two lines of about 42 characters each. */
export const MAX_CUE_CHARS = 84;
const MAX_LINE_CHARS = 42;

export type SentenceTimings = NonNullable<NarrationTrack['sentences']>;

/** Splits a sentence into pieces of at most MAX_CUE_CHARS (a single longer word stays whole), evenly. */
export function chunkSentence(sentence: string): string[] {
  const words = sentence.split(/\s+/).filter(Boolean);
  const n = Math.max(1, Math.ceil(sentence.length / MAX_CUE_CHARS));
  const target = sentence.length / n;
  const chunks: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (current && (next.length > MAX_CUE_CHARS || (current.length >= target && chunks.length < n - 1))) {
      chunks.push(current);
      current = word;
    } else current = next;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Breaks a cue into two lines at the space nearest its middle, when it is long. */
export function lineBreak(text: string): string {
  if (text.length <= MAX_LINE_CHARS) return text;
  const mid = text.length / 2;
  let best = -1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
    if (best === -1 || Math.abs(i - mid) < Math.abs(best - mid)) best = i;
  }
  return best === -1 ? text : `${text.slice(0, best)}\n${text.slice(best + 1)}`;
}

/** Divides [start, end) among the pieces in proportion to their length; every piece gets a frame. */
function spread(pieces: string[], start: number, end: number): [number, number][] {
  const total = pieces.reduce((t, p) => t + p.length, 0) || 1;
  const out: [number, number][] = [];
  let used = 0;
  let from = start;
  pieces.forEach((p, i) => {
    used += p.length;
    const ideal = i === pieces.length - 1 ? end : Math.round(start + ((end - start) * used) / total);
    const to = Math.min(end, Math.max(from + 1, ideal));
    out.push([from, to]);
    from = to;
  });
  return out;
}

function sceneCues(scene: Scene, locale: Locale, timed: SentenceTimings[string] | undefined): Cue[] {
  const pieces: { text: string; from: number; to: number }[] = [];
  const end = scene.durationInFrames;
  if (timed?.length) {
    for (const s of timed) {
      const from = Math.min(end - 1, s.startFrame);
      const to = Math.min(end, Math.max(from + 1, s.endFrame));
      const chunks = chunkSentence(s.text.trim());
      spread(chunks, from, to).forEach(([a, b], i) => pieces.push({ text: chunks[i]!, from: a, to: b }));
    }
  } else {
    const chunks = splitSentences(scene.narration[locale]).flatMap(chunkSentence);
    if (!chunks.length) return [];
    // Speech starts after the lead-in and stops before the closing pause.
    const lo = LEAD_IN_FRAMES < end - PAUSE_FRAMES ? LEAD_IN_FRAMES : 0;
    const hi = LEAD_IN_FRAMES < end - PAUSE_FRAMES ? end - PAUSE_FRAMES : end;
    spread(chunks, lo, Math.max(lo + chunks.length, hi)).forEach(([a, b], i) => pieces.push({ text: chunks[i]!, from: a, to: Math.min(end, b) }));
  }
  return pieces
    .filter((p) => p.to > p.from)
    .map((p, i) => ({ id: `${scene.id}-${i + 1}`, sceneId: scene.id, startFrame: scene.from + p.from, endFrame: scene.from + p.to, text: lineBreak(p.text) }));
}

/**
 * Every scene's narration in `locale`, in order. Sentence timings from speech synthesis are used
 * when they describe this locale (the storyboard's own); otherwise sentences are spread over the
 * scene's speaking window in proportion to their length.
 */
export function captionCues(storyboard: Storyboard, locale: Locale = storyboard.locale, sentences?: SentenceTimings): Cue[] {
  const timings = locale === storyboard.locale ? sentences : undefined;
  return storyboard.scenes.flatMap((scene) => sceneCues(scene, locale, timings?.[scene.id]));
}

import { chapters, type Chapter } from '../../compositions/captions';
import type { NarrationTrack } from '../../compositions/common/video-props';
import { storyboardOf, type Guide } from '../../compositions/guide-types';

export interface LiveTimeline {
  fps: number;
  durationInFrames: number;
  /** The same chapters the renderer writes to chapters.json (seconds, one per scene). */
  chapters: Chapter[];
}

// Storyboards are pure functions of immutable guide data (and, once synthesised, its stored narration
// timing): computed once per guide and kept, bounded, because building one costs ~0.1 ms and the
// access endpoint is the hot path.
const cache = new Map<string, LiveTimeline>();
const MAX_ENTRIES = 20_000;

/**
 * The guide laid out as the player will play it: on the measured narration when the worker has
 * synthesised it (so sound, captions and pictures agree), on estimated speech lengths before that.
 */
export function liveTimeline(guideId: string, typeVersion: string, data: Guide, narration: NarrationTrack | null): LiveTimeline {
  const key = `${guideId}:${typeVersion}:${narration ? 'narrated' : 'estimated'}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const sb = storyboardOf(data, narration ? { narrationFrames: narration.frames } : undefined);
  const timeline: LiveTimeline = { fps: sb.fps, durationInFrames: sb.durationInFrames, chapters: chapters(sb) };
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, timeline);
  return timeline;
}

import type { Locale } from '../../compositions/common/locale';
import { storyboardOf, type Guide } from '../../compositions/guide-types';

export interface Chapter {
  id: string;
  title: string;
  startFrame: number;
  endFrame: number;
  startSeconds: number;
}

export interface LiveTimeline {
  fps: number;
  durationInFrames: number;
  chapters: Chapter[];
}

// Storyboards are pure functions of immutable guide data: computed once per guide and kept, bounded,
// because building one costs ~0.1 ms and the access endpoint must stay well under that per request.
const cache = new Map<string, LiveTimeline>();
const MAX_ENTRIES = 20_000;

/**
 * Chapters of the live composition, one per storyboard scene. (When compositions/captions/ lands, its
 * chapter builder should replace this; the rendered guide's own chapters.json is linked separately.)
 */
export function liveTimeline(guideId: string, typeVersion: string, data: Guide): LiveTimeline {
  const key = `${guideId}:${typeVersion}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const sb = storyboardOf(data);
  const locale = sb.locale as Locale;
  const timeline: LiveTimeline = {
    fps: sb.fps,
    durationInFrames: sb.durationInFrames,
    chapters: sb.scenes.map((s) => ({
      id: s.id,
      title: s.title[locale],
      startFrame: s.from,
      endFrame: s.from + s.durationInFrames,
      startSeconds: Math.round((s.from / sb.fps) * 100) / 100,
    })),
  };
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, timeline);
  return timeline;
}

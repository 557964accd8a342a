import type { Locale } from '../common/locale';
import type { Storyboard } from '../common/storyboard-types';

export interface Chapter {
  /** The scene id: stable across citizens, so analytics and the player key on it. */
  id: string;
  title: string;
  /** Seconds from the start of the guide; end is exclusive. */
  start: number;
  end: number;
}

const seconds = (frames: number, fps: number): number => Math.round((frames / fps) * 1000) / 1000;

/** One chapter per scene, titled in `locale`. */
export function chapters(storyboard: Storyboard, locale: Locale = storyboard.locale): Chapter[] {
  return storyboard.scenes.map((s) => ({
    id: s.id,
    title: s.title[locale],
    start: seconds(s.from, storyboard.fps),
    end: seconds(s.from + s.durationInFrames, storyboard.fps),
  }));
}

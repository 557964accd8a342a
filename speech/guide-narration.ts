import type { NarrationTrack } from '../compositions/common/video-props';
import type { Guide } from '../compositions/guide-types';
import type { Queryable } from '../server/db/database';
import type { ClipCache } from './clip-cache';
import { narrateGuide, type GuideNarration } from './narrate';

export interface SpeechContext {
  cache: ClipCache;
  /** Where scene WAVs are kept (default beside the clips). */
  sceneDir?: string;
}

/** The track as stored and sent to browsers: timings only, no file paths. */
export function publicTrack(track: NarrationTrack): NarrationTrack {
  const { audio: _audio, ...rest } = track;
  return rest;
}

/**
 * Narrates a stored guide and records its timing on the row, so the API, the player and the
 * renderer lay the guide out identically. Synthesis is deterministic and cached per sentence,
 * so calling this again is cheap and writes the same values.
 */
export async function narrateStoredGuide(db: Queryable, guideId: string, guide: Guide, ctx: SpeechContext): Promise<GuideNarration> {
  const narration = await narrateGuide(guide, { cache: ctx.cache, ...(ctx.sceneDir ? { sceneDir: ctx.sceneDir } : {}) });
  await db.query(
    `UPDATE guides SET narration = $2, duration_frames = $3
      WHERE id = $1 AND (narration IS DISTINCT FROM $2::jsonb OR duration_frames <> $3)`,
    [guideId, JSON.stringify(publicTrack(narration.track)), narration.storyboard.durationInFrames],
  );
  return narration;
}

import path from 'node:path';
import type { NarrationTrack } from '../compositions/common/video-props';
import { versionOf, type Guide } from '../compositions/guide-types';
import type { Queryable } from '../server/db/database';
import type { NarrationAudio } from '../server/db/tokens';
import type { ClipCache } from './clip-cache';
import { narrateGuide, type GuideNarration } from './narrate';

export type { NarrationAudio } from '../server/db/tokens';

export interface SpeechContext {
  cache: ClipCache;
  /** Where scene WAVs are kept (default beside the clips). */
  sceneDir?: string;
}

/** The directory this context's scene WAVs are written to and read from (as narrateGuide resolves it). */
export function sceneDirOf(ctx: SpeechContext): string {
  return path.resolve(ctx.sceneDir ?? path.join(ctx.cache.dir, 'scenes'));
}

/** A scene WAV's stored name: its content hash (speech/narrate.ts writeSceneAudio), nothing else. */
export const SCENE_AUDIO_NAME = /^[0-9a-f]{64}\.wav$/;

/** The track as stored and sent to browsers: timings only, no file paths. */
export function publicTrack(track: NarrationTrack): NarrationTrack {
  const { audio: _audio, ...rest } = track;
  return rest;
}

/**
 * What is stored beside the public track (guides.narration_audio): each scene's WAV by file name
 * only, since hosts resolve it against their own scene directory, and the type version narrated.
 */
export function narrationAudioOf(guide: Guide, narration: GuideNarration): NarrationAudio {
  return { typeVersion: versionOf(guide.type), scenes: Object.fromEntries(narration.scenes.map((s) => [s.sceneId, path.basename(s.audioPath)])) };
}

/**
 * Narrates a stored guide and records its timing on the row, with its scene WAVs' names, so the API,
 * the player and the renderer lay the guide out identically and an API process that did not narrate
 * it can serve it from the row (api/access/live-narration.ts). Synthesis is deterministic and cached
 * per sentence, so calling this again is cheap and writes the same values.
 */
export async function narrateStoredGuide(db: Queryable, guideId: string, guide: Guide, ctx: SpeechContext): Promise<GuideNarration> {
  const narration = await narrateGuide(guide, { cache: ctx.cache, ...(ctx.sceneDir ? { sceneDir: ctx.sceneDir } : {}) });
  // One statement: the timing and the files it was measured with always describe the same narration.
  await db.query(
    `UPDATE guides SET narration = $2, duration_frames = $3, narration_audio = $4
      WHERE id = $1 AND (narration IS DISTINCT FROM $2::jsonb OR duration_frames <> $3 OR narration_audio IS DISTINCT FROM $4::jsonb)`,
    [guideId, JSON.stringify(publicTrack(narration.track)), narration.storyboard.durationInFrames, JSON.stringify(narrationAudioOf(guide, narration))],
  );
  return narration;
}

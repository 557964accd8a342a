import { z } from 'zod';

/**
 * Narration timing and audio for a guide, produced by speech synthesis (speech/). Without it the
 * storyboard estimates each scene's speech length from its text.
 */
export const narrationTrack = z.strictObject({
  /** Spoken length of each scene's narration, in frames at 30 fps, by scene id. */
  frames: z.record(z.string(), z.number().int().min(0)),
  /** Sentence timings inside each scene (scene-relative frames), for captions aligned to speech. */
  sentences: z
    .record(z.string(), z.array(z.strictObject({ text: z.string(), startFrame: z.number().int().min(0), endFrame: z.number().int().min(0) })))
    .optional(),
  /** URL (or staticFile path) of each scene's narration audio, by scene id. */
  audio: z.record(z.string(), z.string()).optional(),
});
export type NarrationTrack = z.infer<typeof narrationTrack>;

/** Props of every guide composition: the guide itself (the type's own schema) and optional narration. */
export function videoProps<G extends z.ZodType>(guide: G) {
  return z.strictObject({ guide, narration: narrationTrack.optional() });
}

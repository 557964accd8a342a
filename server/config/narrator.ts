import { z } from 'zod';

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
    .default(fallback)
    .transform((s) => s === 'true' || s === '1');

/**
 * Narration ahead of time (docs/narration.md, "Narration ahead of time"): guides whose video is not
 * rendered at once get a narration job when they are created; the narrator (narrator/, `npm run
 * narrator`, or in-process under `npm start`) synthesises their clips and scene WAVs into
 * SPEECH_CACHE_DIR, so the API's first access finds them cached.
 */
export const narratorSchema = z.object({
  /** false: guide creation enqueues no narration job and `npm start` runs no narrator (the API narrates at first access, as before). */
  NARRATE_AHEAD: flag('true'),
  /** The BullMQ queue of narration jobs (under QUEUE_PREFIX); producers and narrators must agree. */
  NARRATOR_QUEUE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected letters, digits, - or _ (at most 64)')
    .default('narrate'),
  /** Guides narrated at once per narrator process; the clip cache runs at most two syntheses at a time whatever this is. */
  NARRATOR_CONCURRENCY: z.coerce.number().int().min(1, 'at least 1').max(16, 'at most 16').default(1),
  /** Tries per job; a lost or failed job is harmless (the API narrates at first access). */
  NARRATOR_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /** A job whose narrator stops renewing its lock this long is taken over by another narrator. */
  NARRATOR_LOCK_DURATION_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  /** On SIGTERM, a narration in progress may run this long before the narrator exits (its job is retried). */
  NARRATOR_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
});

export interface NarratorSettings {
  /** Producers enqueue narration jobs; npm start runs a narrator in-process. */
  ahead: boolean;
  queue: string;
  concurrency: number;
  attempts: number;
  lockDurationMs: number;
  shutdownTimeoutMs: number;
}

export function narratorSection(e: z.infer<typeof narratorSchema>): NarratorSettings {
  return {
    ahead: e.NARRATE_AHEAD,
    queue: e.NARRATOR_QUEUE,
    concurrency: e.NARRATOR_CONCURRENCY,
    attempts: e.NARRATOR_ATTEMPTS,
    lockDurationMs: e.NARRATOR_LOCK_DURATION_MS,
    shutdownTimeoutMs: e.NARRATOR_SHUTDOWN_TIMEOUT_MS,
  };
}

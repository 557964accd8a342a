import type { Queue } from 'bullmq';
import type { Logger } from '../logger';
import { enqueueNarrations, type NarrationJobData, type NarrationRequest } from '../queues';

/**
 * Narration ahead of time (docs/narration.md): after the guides' transaction committed, one job per
 * guide whose video is not rendered at once (the render narrates; so does the API at first access).
 * An optimisation, so no outbox: a job lost to a Redis outage or never enqueued costs only the
 * synthesis at first access. A failure never reaches the caller, and after one the queue is left
 * alone for a while, so an upload of a million rows does not wait on a dead Redis batch after batch.
 */
const PAUSE_AFTER_FAILURE_MS = 30_000;
// Above the queue client's command timeout (REDIS_COMMAND_TIMEOUT_MS, 2 s by default) with its one retry.
const ENQUEUE_TIMEOUT_MS = 5_000;
const pausedUntil = new WeakMap<Queue<NarrationJobData>, number>();

export async function requestNarrations(
  queue: Queue<NarrationJobData> | undefined,
  logger: Logger,
  requests: readonly NarrationRequest[],
  /** Ids for the warning (campaign id); never personal data. */
  context: Record<string, string | number> = {},
  timeoutMs = ENQUEUE_TIMEOUT_MS,
): Promise<number> {
  if (!queue || requests.length === 0) return 0;
  const until = pausedUntil.get(queue);
  if (until !== undefined && Date.now() < until) return 0;
  let timer: NodeJS.Timeout | undefined;
  try {
    // Bounded: a queue whose connection never became ready waits for it without any command timeout.
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`no answer from Redis within ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs);
    });
    await Promise.race([enqueueNarrations(queue, requests), late]);
    pausedUntil.delete(queue);
    return requests.length;
  } catch (err) {
    pausedUntil.set(queue, Date.now() + PAUSE_AFTER_FAILURE_MS);
    // Counts and ids only: the guides' ids are enough to find them, and the error is Redis's.
    logger.warn(
      { ...context, guides: requests.length, pausedMs: PAUSE_AFTER_FAILURE_MS, err: { type: (err as Error).name, message: (err as Error).message } },
      'narration enqueue failed; the API will narrate these guides at first access',
    );
    return 0;
  } finally {
    clearTimeout(timer);
  }
}

import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';

/**
 * Where api/ and render-worker/ meet: the queue's name, its job payload and its job ids.
 * A job carries ids only; the worker reads the guide from the database, so no personal data
 * ever sits in Redis.
 */
export const RENDER_QUEUE = 'render';

export interface RenderJobData {
  guideId: string;
}

/**
 * Same guide, same guide-type version → same job id, so enqueueing twice renders once.
 * BullMQ refuses custom ids containing ':', hence the '_'.
 */
export function renderJobId(guideId: string, typeVersion: string): string {
  return `${guideId}_${typeVersion}`.replace(/:/g, '-');
}

// BullMQ: priority 0 (none) runs before any prioritised job; among prioritised jobs a lower
// number runs first, up to 2,097,151.
const MAX_PRIORITY = 2_097_151;
const EPOCH = Date.UTC(2020, 0, 1);
const UNDATED = 1_000_000;

/**
 * Event-triggered guides (a citizen is being notified now) carry no priority and run first;
 * letter campaigns run by print date, earliest first; campaigns without a print date run last.
 */
export function renderPriority(source: { immediate: true } | { printDate: string | null }): number {
  if ('immediate' in source) return 0;
  if (!source.printDate) return UNDATED + 1;
  const days = Math.floor((Date.parse(`${source.printDate}T00:00:00Z`) - EPOCH) / 86_400_000);
  return Math.min(Math.max(1, days + 1), UNDATED);
}

export interface RenderRequest {
  guideId: string;
  typeVersion: string;
  priority: number;
}

const JOB_DEFAULTS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 86_400, count: 10_000 },
  removeOnFail: { age: 7 * 86_400 },
};

export function createRenderQueue(connection: ConnectionOptions, prefix: string): Queue<RenderJobData> {
  return new Queue<RenderJobData>(RENDER_QUEUE, { connection, prefix, defaultJobOptions: JOB_DEFAULTS });
}

/**
 * Bounds an enqueue. A BullMQ Queue whose connection never became ready (Redis down at start) waits
 * for it with no command timeout: a guide's creation would hang. Above the queue client's command
 * timeout (REDIS_COMMAND_TIMEOUT_MS, 2 s by default) with its one retry. A late add still lands, and
 * the job id absorbs it if the reconcile enqueued the guide meanwhile.
 */
export const ENQUEUE_TIMEOUT_MS = 5_000;
async function bounded(add: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer from Redis within ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs);
  });
  try {
    await Promise.race([add, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Enqueues renders in one round trip; duplicates are absorbed by the job ids. */
export async function enqueueRenders(queue: Queue<RenderJobData>, requests: readonly RenderRequest[], timeoutMs = ENQUEUE_TIMEOUT_MS): Promise<void> {
  if (requests.length === 0) return;
  const add = queue.addBulk(
    requests.map((r) => ({
      name: 'render',
      data: { guideId: r.guideId },
      opts: { jobId: renderJobId(r.guideId, r.typeVersion), ...(r.priority > 0 ? { priority: Math.min(r.priority, MAX_PRIORITY) } : {}) },
    })),
  );
  add.catch(() => {}); // its failure after the bound is the caller's logged warning already
  await bounded(add, timeoutMs);
}

/**
 * Narration ahead of time (narrator/, docs/narration.md): the job names the guide and its type
 * version, nothing else. The narrator reads the guide from the database.
 */
export interface NarrationJobData {
  guideId: string;
  typeVersion: string;
}

export interface NarrationRequest {
  guideId: string;
  typeVersion: string;
  /** renderPriority's scale: 0 first (a citizen told now), then by print date. */
  priority: number;
}

/** Same guide, same type version → same job id: a second enqueue while the first is kept is absorbed. */
export const narrationJobId = renderJobId;

export function createNarrationQueue(connection: ConnectionOptions, prefix: string, name: string, attempts = 3): Queue<NarrationJobData> {
  return new Queue<NarrationJobData>(name, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts,
      backoff: { type: 'exponential', delay: 10_000 },
      removeOnComplete: { age: 86_400, count: 10_000 },
      removeOnFail: { age: 86_400, count: 10_000 },
    },
  });
}

/** Enqueues narrations in one round trip; duplicates are absorbed by the job ids. */
export async function enqueueNarrations(queue: Queue<NarrationJobData>, requests: readonly NarrationRequest[]): Promise<void> {
  if (requests.length === 0) return;
  await queue.addBulk(
    requests.map((r) => ({
      name: 'narrate',
      data: { guideId: r.guideId, typeVersion: r.typeVersion },
      opts: { jobId: narrationJobId(r.guideId, r.typeVersion), ...(r.priority > 0 ? { priority: Math.min(r.priority, MAX_PRIORITY) } : {}) },
    })),
  );
}

import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { NotifyChannel } from './channels';

/**
 * Where the API's outbox relay and the notifier meet. A job carries the notification's id only:
 * addresses are read from the consent registry at send time, so no personal datum sits in Redis.
 */
export const NOTIFY_QUEUE = 'notify';

export interface NotifyJobData {
  notificationId: string;
  /** Set by the per-channel rate limiter: the send slot this job holds (epoch ms). */
  slot?: number;
  slotAttempt?: number;
}

/** One job per guide and channel: enqueueing twice sends once (BullMQ refuses ':' in ids). */
export function notifyJobId(guideId: string, channel: NotifyChannel): string {
  return `${guideId}_${channel}`;
}

export interface NotifyQueueOptions {
  attempts: number;
  backoffMs: number;
}

export function createNotifyQueue(connection: ConnectionOptions, prefix: string, o: NotifyQueueOptions): Queue<NotifyJobData> {
  const defaultJobOptions: JobsOptions = {
    attempts: o.attempts,
    backoff: { type: 'exponential', delay: o.backoffMs },
    // The database, not Redis, remembers what was sent; finished jobs are only kept for inspection.
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 7 * 86_400 },
  };
  return new Queue<NotifyJobData>(NOTIFY_QUEUE, { connection, prefix, defaultJobOptions });
}

export interface NotifyRequest {
  notificationId: string;
  guideId: string;
  channel: NotifyChannel;
}

export async function enqueueNotifications(queue: Queue<NotifyJobData>, requests: readonly NotifyRequest[]): Promise<void> {
  if (requests.length === 0) return;
  await queue.addBulk(
    requests.map((r) => ({ name: r.channel, data: { notificationId: r.notificationId }, opts: { jobId: notifyJobId(r.guideId, r.channel) } })),
  );
}

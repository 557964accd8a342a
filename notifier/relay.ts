import type { Queue } from 'bullmq';
import type { Database } from '../server/db/database';
import type { Logger } from '../server/logger';
import { relayOutboxBatch } from '../server/notify/outbox';
import type { NotifyJobData } from '../server/notify/queue';
import { startPeriodic } from '../server/periodic';

export interface OutboxRelay {
  /** Runs one pass now (tests, and the API process right after a write if it wants). */
  drain(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The outbox relay: polls the notification outbox and moves what it finds onto the queue, a batch
 * at a time, until it is empty. A failed pass (Redis or the database away) is logged and retried at
 * the next tick: rows stay in the outbox until a pass commits them as enqueued.
 */
export function startOutboxRelay(o: { db: Database; queue: Queue<NotifyJobData>; logger: Logger; pollMs: number; batchSize?: number }): OutboxRelay {
  const batchSize = o.batchSize ?? 500;
  let closed = false;

  const pass = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await relayOutboxBatch(o.db, o.queue, batchSize);
      total += n;
      if (n < batchSize || closed) break;
    }
    if (total) o.logger.debug({ enqueued: total }, 'outbox relayed');
    return total;
  };
  const periodic = startPeriodic('outbox relay pass', pass, o.pollMs, o.logger, { immediate: true, keepAlive: true });
  return {
    drain: periodic.runNow,
    async close() {
      closed = true;
      await periodic.close();
    },
  };
}

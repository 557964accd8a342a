import { setTimeout as sleep } from 'node:timers/promises';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Database } from '../server/db/database';
import { deriveToken, linkOf } from '../server/db/token-derivation';
import type { Logger } from '../server/logger';
import { FINISHED, type NotifyChannel } from '../server/notify/channels';
import { claimForSend, loadSendContext, markFinal, markRetrying, markSent, recipientOf, type SendContext } from '../server/notify/notifications';
import { NOTIFY_QUEUE, type NotifyJobData } from '../server/notify/queue';
import { scrub } from '../server/notify/scrub';
import { PermanentFailure, type ChannelAdapter, type SendResult } from './adapters';
import type { ChannelRateLimiter } from './rate-limit';
import { renderMessage } from './templates/render';

export interface NotifyWorkerOptions {
  /** Queue connection; also where commit markers are written (see process()). */
  connection: Redis;
  prefix: string;
  db: Database;
  logger: Logger;
  adapters: Partial<Record<NotifyChannel, ChannelAdapter>>;
  limiter: ChannelRateLimiter;
  tokenSecret: string;
  publicBaseUrl: string;
  concurrency: number;
  lockDurationMs: number;
  shutdownTimeoutMs: number;
}

/** Waits up to this long for a rate-limit slot in place; longer waits give the job back as delayed. */
const MAX_INLINE_WAIT_MS = 1000;
const MARKER_TTL_SECONDS = 7 * 86_400;

export type Outcome = 'sent' | 'delivered' | 'bounced' | 'failed' | 'skipped' | 'duplicate' | 'recovered';

/**
 * One job = one notification (payload: its id). Consent is read again right before each send, so a
 * revocation stops whatever is still queued. BullMQ delivers jobs at least once; the row's status
 * makes that safe: a finished notification is never sent again.
 *
 * The one case a status cannot settle is a worker dying between SMTP's final "." and the write of
 * "sent": the server has the message, the row still says "sending" (RFC 1047). So right before the
 * final "." the worker writes a commit marker to Redis (a synchronous socket write, ahead of the
 * "." in the same tick). A worker that finds a row left "sending" by a dead one looks for the
 * marker: present, the message went out and the row is just marked sent; absent, the "." never
 * left, and the message is sent (the server had discarded the unfinished one).
 */
export class NotifyWorker {
  readonly worker: Worker<NotifyJobData>;
  readonly outcomes: Record<Outcome, number> = { sent: 0, delivered: 0, bounced: 0, failed: 0, skipped: 0, duplicate: 0, recovered: 0 };

  constructor(private readonly o: NotifyWorkerOptions) {
    this.worker = new Worker<NotifyJobData>(NOTIFY_QUEUE, (job, token) => this.process(job, token), {
      connection: o.connection,
      prefix: o.prefix,
      concurrency: o.concurrency,
      lockDuration: o.lockDurationMs,
      stalledInterval: Math.max(1000, Math.round(o.lockDurationMs / 2)),
      maxStalledCount: 3,
      autorun: true,
    });
    this.worker.on('failed', (job, err) => void this.onFailed(job, err));
    this.worker.on('error', (err) => o.logger.error({ err: scrub(err.message) }, 'notify worker error'));
  }

  private markerKey(id: string): string {
    return `${this.o.prefix}:notify:committed:${id}`;
  }

  private count(outcome: Outcome): { outcome: Outcome } {
    this.outcomes[outcome] += 1;
    return { outcome };
  }

  private async process(job: Job<NotifyJobData>, token?: string): Promise<{ outcome: Outcome }> {
    const { db, logger } = this.o;
    const id = job.data?.notificationId;
    if (typeof id !== 'string') throw new UnrecoverableError('job payload has no notificationId');
    const ctx = await loadSendContext(db, id);
    if (!ctx) throw new UnrecoverableError('the notification does not exist');
    if (FINISHED.has(ctx.status)) return this.count('duplicate');
    const adapter = this.o.adapters[ctx.channel];
    if (!adapter) {
      await markFinal(db, id, 'failed', 'channel_not_configured');
      return this.count('failed');
    }
    if (ctx.status === 'sending') {
      const committed = await this.o.connection.get(this.markerKey(id));
      if (committed !== null) {
        await markSent(db, id, { providerId: null, delivered: adapter.acceptIsDelivery, consentHistoryId: Number(committed) });
        await this.o.connection.del(this.markerKey(id));
        logger.info({ notificationId: id, channel: ctx.channel }, 'notification found committed after a crash: marked sent');
        return this.count('recovered');
      }
      logger.warn({ notificationId: id, channel: ctx.channel }, 'previous attempt died before its point of no return: sending again');
    }

    // The consent in force now decides, and is recorded with the outcome.
    const skipped = await this.skipIfNotSendable(ctx);
    if (skipped) return skipped;
    if (!(await claimForSend(db, id))) return this.count('duplicate');

    // The rate-limit slot is taken last, so the channel's rate holds at the moment of sending. A job
    // woken from a delay already holds its slot.
    const held = job.data.slot !== undefined && Math.abs(Date.now() - job.data.slot) < 5000;
    if (!held) {
      const { waitMs, slot } = await this.o.limiter.reserve(ctx.channel);
      logger.debug({ notificationId: id, channel: ctx.channel, waitMs }, 'rate slot reserved');
      if (waitMs > MAX_INLINE_WAIT_MS && token) {
        await markRetrying(db, id, 'rate_limited');
        await job.updateData({ notificationId: id, slot });
        await job.moveToDelayed(slot, token);
        throw new DelayedError();
      }
      // No database read after the wait: a slow read would bunch the sends the slots spread out.
      // The consent read above is at most about a second old when the message leaves.
      if (waitMs > 0) await sleep(waitMs);
    }
    const consentId = ctx.consent!.history_id;
    const to = (recipientOf(ctx) as { to: string }).to;
    const link = linkOf(this.o.publicBaseUrl, deriveToken(this.o.tokenSecret, ctx.nonce!));
    const expiresAt = ctx.token_expires_at && ctx.guide_expires_at && ctx.token_expires_at < ctx.guide_expires_at ? ctx.token_expires_at : ctx.guide_expires_at!;
    const rendered = renderMessage({ channel: ctx.channel, guide: ctx.data!, locale: ctx.locale!, link, expiresAt });
    let committed = false;
    const commit = () => {
      committed = true;
      // Not awaited on purpose: ioredis writes the command to the socket now, before the final ".".
      this.o.connection.set(this.markerKey(id), String(consentId), 'EX', MARKER_TTL_SECONDS).catch(() => undefined);
    };
    let result: SendResult;
    try {
      result = await adapter.send({ notificationId: id, channel: ctx.channel, to, guideType: ctx.data!.type, locale: ctx.locale!, link, expiresAt, ...rendered }, commit);
    } catch (err) {
      // The server refused after the body (or the line dropped): not sent, whatever the marker says.
      if (committed) await this.o.connection.del(this.markerKey(id));
      if (err instanceof PermanentFailure) {
        await markFinal(db, id, err.outcome, err.message, consentId);
        logger.warn({ notificationId: id, channel: ctx.channel, outcome: err.outcome, reason: err.message }, 'notification refused');
        return this.count(err.outcome);
      }
      const reason = scrub((err as Error).message);
      await markRetrying(db, id, `retrying: ${reason}`);
      // Scrubbed again on purpose: BullMQ keeps the failure reason in Redis.
      throw new Error(reason);
    }
    // If this write fails the job is retried, finds the row "sending" and the marker: recorded, not re-sent.
    await markSent(db, id, { ...result, consentHistoryId: consentId });
    if (committed) await this.o.connection.del(this.markerKey(id));
    logger.info({ notificationId: id, guideId: ctx.guide_id, channel: ctx.channel, outcome: result.delivered ? 'delivered' : 'sent' }, 'notification sent');
    return this.count(result.delivered ? 'delivered' : 'sent');
  }

  private async skipIfNotSendable(ctx: SendContext): Promise<{ outcome: Outcome } | undefined> {
    const r = recipientOf(ctx);
    if (!('skip' in r)) return undefined;
    await markFinal(this.o.db, ctx.id, 'skipped', r.skip, ctx.consent?.history_id ?? null);
    this.o.logger.info({ notificationId: ctx.id, channel: ctx.channel, reason: r.skip }, 'notification skipped');
    return this.count('skipped');
  }

  private async onFailed(job: Job<NotifyJobData> | undefined, err: Error): Promise<void> {
    if (!job || err instanceof DelayedError || err.name === 'DelayedError') return;
    const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.o.logger.warn({ notificationId: job.data.notificationId, attemptsMade: job.attemptsMade, final, err: scrub(err.message) }, 'notification attempt failed');
    if (final && (await markFinal(this.o.db, job.data.notificationId, 'failed', scrub(err.message)).catch(() => false))) this.outcomes.failed += 1;
  }

  /** Stop taking jobs; give the sends in flight shutdownTimeoutMs, then drop them (their jobs return). */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.o.shutdownTimeoutMs);
    });
    const closed = await Promise.race([this.worker.close().then(() => 'closed' as const), timeout]);
    clearTimeout(timer);
    if (closed === 'timeout') await this.worker.close(true);
    await Promise.all(Object.values(this.o.adapters).map((a) => a.close()));
  }
}

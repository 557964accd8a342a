import { setTimeout as sleep } from 'node:timers/promises';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Database } from '../server/db/database';
import { deriveToken, linkOf } from '../server/db/token-derivation';
import type { Logger } from '../server/logger';
import { FINISHED, type NotifyChannel } from '../server/notify/channels';
import { loadSendContext, markFinal, recipientOf, type SendContext } from '../server/notify/notifications';
import {
  claimAttempt,
  holdBeforeFinalDot,
  isCommitted,
  type FinalDotHold,
  recoverCommitted,
  settleRefused,
  settleRetry,
  settleSent,
} from '../server/notify/send-attempt';
import { NOTIFY_QUEUE, type NotifyJobData } from '../server/notify/queue';
import { scrub } from '../server/notify/scrub';
import { PermanentFailure, type ChannelAdapter, type SendResult } from './adapters';
import { SendAbandoned } from './adapters/smtp-pool';
import type { ChannelRateLimiter } from './rate-limit';
import { renderMessage } from './templates/render';

export interface NotifyWorkerOptions {
  /** Queue connection. */
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

export type Outcome = 'sent' | 'delivered' | 'bounced' | 'failed' | 'skipped' | 'duplicate' | 'recovered';

/**
 * One job = one notification (payload: its id). Consent is read again right before each send, so a
 * revocation stops whatever is still queued. BullMQ delivers jobs at least once (and a job Redis
 * lost is enqueued again by the reconcile); the row makes that safe: a finished notification is
 * never sent again, and each attempt claims the row with its own id.
 *
 * The one case a status cannot settle is a worker dying between SMTP's final "." and the write of
 * "sent": the server has the message, the row still says "sending" (RFC 1047). So right before the
 * final "." the attempt commits in PostgreSQL (send-attempt.ts): only the attempt that holds the
 * row can, and the "." waits for the commit. An attempt that finds a row left "sending" and
 * committed records it as sent; left "sending" and not committed, the "." never left and the
 * message is sent (the server discarded the unfinished one). Redis holds nothing of this.
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
    // Left 'sending' past its point of no return by an attempt that died after the ".": the message
    // went out, it is recorded, not sent again.
    if (ctx.status === 'sending' && (await isCommitted(db, id))) {
      if (await recoverCommitted(db, id, adapter.acceptIsDelivery)) {
        logger.info({ notificationId: id, channel: ctx.channel }, 'notification found committed after a crash: marked sent');
        return this.count('recovered');
      }
      return this.count('duplicate');
    }

    // A fresh attempt id and lease: only this attempt may pass the point of no return from now on
    // (and decide a skip: another attempt may be about to send).
    const claim = await claimAttempt(db, id, this.o.lockDurationMs);
    if (!claim) return this.count('duplicate');
    if (!claim.attempt) {
      // Another attempt holds the row (this job is a copy the reconcile enqueued while it runs, or a
      // stalled job taken over too early): come back when its lease ends; by then it is finished,
      // or its attempt is dead and this one sends.
      logger.info({ notificationId: id, channel: ctx.channel }, 'another attempt holds the notification: waiting for its lease to end');
      if (!token) return this.count('duplicate');
      await job.moveToDelayed(Math.max(Date.now(), claim.heldUntil!.getTime()) + 250, token);
      throw new DelayedError();
    }
    const attempt = claim.attempt;
    // The consent in force now decides, and is recorded with the outcome.
    const skipped = await this.skipIfNotSendable(ctx);
    if (skipped) return skipped;
    if (ctx.status === 'sending')
      logger.warn({ notificationId: id, channel: ctx.channel }, 'previous attempt died before its point of no return: sending again');

    // The rate-limit slot is taken last, so the channel's rate holds at the moment of sending. A job
    // woken from a delay already holds its slot.
    const held = job.data.slot !== undefined && Math.abs(Date.now() - job.data.slot) < 5000;
    if (!held) {
      const { waitMs, slot } = await this.o.limiter.reserve(ctx.channel);
      logger.debug({ notificationId: id, channel: ctx.channel, waitMs }, 'rate slot reserved');
      if (waitMs > MAX_INLINE_WAIT_MS && token) {
        await settleRetry(db, id, attempt, 'rate_limited');
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
    const expiresAt =
      ctx.token_expires_at && ctx.guide_expires_at && ctx.token_expires_at < ctx.guide_expires_at ? ctx.token_expires_at : ctx.guide_expires_at!;
    const rendered = renderMessage({ channel: ctx.channel, guide: ctx.data!, locale: ctx.locale!, link, expiresAt });
    // The point of no return, in PostgreSQL: only the attempt that still holds the row passes it, and
    // its commit is on the database's socket right before the final "." is on the SMTP one (send-attempt.ts).
    let committed: Promise<void> = Promise.resolve();
    let hold: FinalDotHold | undefined;
    const gate = async () => {
      hold = await holdBeforeFinalDot(db, id, attempt, this.o.lockDurationMs, consentId);
      const h = hold;
      return h ? () => void (committed = h.commit()) : null;
    };
    let result: SendResult;
    try {
      result = await adapter
        .send({ notificationId: id, channel: ctx.channel, to, guideType: ctx.data!.type, locale: ctx.locale!, link, expiresAt, ...rendered }, gate)
        // A send that failed between the hold and the "." committed nothing: its connection goes back.
        .finally(() => hold?.release());
      await committed.catch((err: Error) =>
        logger.warn({ notificationId: id, err: { type: err.name, message: scrub(err.message) } }, 'commit write failed after the final "."'),
      );
    } catch (err) {
      // Settled after the commit's own write, never before it.
      await committed.catch(() => undefined);
      if (err instanceof SendAbandoned) {
        logger.info({ notificationId: id, channel: ctx.channel }, 'another attempt holds the notification: abandoned before the final "."');
        return this.count('duplicate');
      }
      // The server refused (before or after the body), or the line dropped before the ".": not sent.
      if (err instanceof PermanentFailure) {
        await settleRefused(db, id, attempt, err.outcome, err.message, consentId);
        logger.warn({ notificationId: id, channel: ctx.channel, outcome: err.outcome, reason: err.message }, 'notification refused');
        return this.count(err.outcome);
      }
      const reason = scrub((err as Error).message);
      await settleRetry(db, id, attempt, `retrying: ${reason}`);
      // Scrubbed again on purpose: BullMQ keeps the failure reason in Redis.
      throw new Error(reason);
    }
    // If this write fails the job is retried, finds the row "sending" and committed: recorded, not re-sent.
    await settleSent(db, id, attempt, { ...result, consentHistoryId: consentId });
    if (result.unconfirmed)
      logger.warn({ notificationId: id, channel: ctx.channel, reason: result.unconfirmed }, 'notification sent, unconfirmed: not sent again');
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
    this.o.logger.warn(
      { notificationId: job.data.notificationId, attemptsMade: job.attemptsMade, final, err: scrub(err.message) },
      'notification attempt failed',
    );
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

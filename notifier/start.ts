import { closeInOrder } from '../server/close-in-order';
import type { Config, NotifierSettings } from '../server/config';
import type { Database } from '../server/db/database';
import type { Logger } from '../server/logger';
import type { Periodic } from '../server/periodic';
import { createRedis } from '../server/redis';
import { recoverLostJobs } from '../server/notify/outbox';
import { createNotifyQueue } from '../server/notify/queue';
import { resolveSecrets } from '../server/secrets';
import { buildAdapters } from './adapters';
import { ChannelRateLimiter } from './rate-limit';
import { startNotifyReconcile } from './reconcile';
import { startOutboxRelay, type OutboxRelay } from './relay';
import { NotifyWorker } from './worker';

export interface StartNotifierDeps {
  config: Config;
  db: Database;
  logger: Logger;
  redisUrl: string;
  /** Overrides of config.notify (npm start points SMTP at its local sink; tests shorten delays). */
  settings?: Partial<NotifierSettings>;
}

export interface RunningNotifier {
  worker: NotifyWorker;
  relay: OutboxRelay;
  reconcile: Periodic<number>;
  settings: NotifierSettings;
  close(): Promise<void>;
}

/**
 * Starts the notifier: used by `system/notifier.ts` (its own process) and in-process by `npm start`.
 * Start-up recovery first: unfinished notifications whose jobs Redis lost go back to the outbox;
 * then the worker on the `notify` queue, and the relay that drains the outbox into it.
 */
export async function startNotifier(deps: StartNotifierDeps): Promise<RunningNotifier> {
  const { config, db, logger } = deps;
  const settings = { ...config.notify, ...deps.settings };
  const secrets = resolveSecrets(config);

  // BullMQ's worker connection (server/redis.ts): maxRetriesPerRequest null, a timeout above its blocking waits.
  const connection = createRedis({ ...config.redis, url: deps.redisUrl }, 'worker', 'notifier', logger);
  const queue = createNotifyQueue(connection, config.queuePrefix, { attempts: settings.attempts, backoffMs: settings.backoffMs });
  const recovered = await recoverLostJobs(db, queue);
  if (recovered) logger.info({ recovered }, 'notifications whose jobs were lost are back in the outbox');

  const adapters = buildAdapters(settings, { secret: secrets.notifyWebhookSecret, receiptUrl: `${config.publicBaseUrl}/api/notifications/receipts` });
  const worker = new NotifyWorker({
    connection,
    prefix: config.queuePrefix,
    db,
    logger,
    adapters,
    limiter: new ChannelRateLimiter(connection, config.queuePrefix, settings.ratePerSecond),
    tokenSecret: secrets.tokenSecret,
    publicBaseUrl: config.publicBaseUrl,
    concurrency: settings.concurrency,
    lockDurationMs: settings.lockDurationMs,
    shutdownTimeoutMs: settings.shutdownTimeoutMs,
  });
  const relay = startOutboxRelay({ db, queue, logger, pollMs: settings.outboxPollMs });
  // The start-up recovery again, periodically: jobs Redis loses while the notifier runs come back.
  const reconcile = startNotifyReconcile({ db, queue, logger, intervalMs: settings.reconcileIntervalMs });
  // Channel names only: the URLs may carry credentials.
  logger.info({ channels: Object.keys(adapters), concurrency: settings.concurrency }, 'notifier started');
  if (Object.keys(adapters).length === 0) logger.warn('no notification channel is configured (SMTP_URL, SMS_WEBHOOK_URL, APP_WEBHOOK_URL, PEC_SMTP_URL)');

  return {
    worker,
    relay,
    reconcile,
    settings,
    async close() {
      await closeInOrder([reconcile, relay, worker, queue]);
      connection.disconnect();
    },
  };
}

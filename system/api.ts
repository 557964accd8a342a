/**
 * npm run api: the HTTP API on its own, for the API hosts of a deployment on several machines
 * (docs/deployment.md), beside `npm run worker`, `notifier`, `intake` and `narrator` hosts on one
 * PostgreSQL, one Redis and one media store. What npm start wires for the API (Redis clients with
 * their timeouts, the database and its migrations, the media store, the live-narration clip cache,
 * the event writer, the retention purge), without a render worker, notifier, intake, demo guides,
 * a Redis of its own or generated API keys (each host keeps the keys the others stored; OPERATOR_KEY
 * and ANALYST_KEY, when set, are stored and the previous ones from the environment revoked).
 * Prints `api listening <url>` once it answers.
 */
import type { Server } from 'node:http';
import { createApp, contextOf, tuneServer } from '../api/app';
import { closeEventIngestion } from '../api/analytics/registry';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createMediaStore } from '../server/media';
import { refuseUnfitProduction } from '../server/production-check';
import { scheduleRetention } from '../server/purge';
import { createNarrationQueue, createRenderQueue } from '../server/queues';
import { createRedis } from '../server/redis';
import { resolveSecrets } from '../server/secrets';
import { processClipCache } from '../speech';
import { openProcessDatabase, stopOnSignals } from './process-shell';
import { ensureApiKeys } from './start-demo';

const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel, name: 'api' });
// In production: refuses (exit 1, naming each variable or Redis setting) before opening anything.
await refuseUnfitProduction(config, 'api');
const secrets = resolveSecrets(config);
const db = await openProcessDatabase(config);
const redis = createRedis(config.redis, 'commands', 'api', logger);
const queueConnection = createRedis(config.redis, 'queue', 'render-queue', logger);
const renderQueue = createRenderQueue(queueConnection, config.queuePrefix);
const narrationQueue = config.narrator.ahead
  ? createNarrationQueue(queueConnection, config.queuePrefix, config.narrator.queue, config.narrator.attempts)
  : undefined;
const media = createMediaStore(config.mediaStore, config.videoDir);
await ensureApiKeys(db, { operator: config.operatorKey, analyst: config.analystKey }, { generate: false });
const speech = {
  cache: processClipCache(config.speech, logger, media.sharedCache),
};
const app = createApp({ config, db, redis, renderQueue, narrationQueue, logger, secrets, speech, media });

const server: Server = await new Promise((resolve, reject) => {
  const s = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(s)));
  tuneServer(s);
});
// Every API host purges, as npm start does: objects of guides past expiry and grace first, rows
// second; two hosts at it at once only remove the same objects twice (a no-op on the store).
const stopPurge = scheduleRetention(db, media, { graceSeconds: config.retentionGraceSeconds, intervalSeconds: config.api.purgeIntervalSeconds, logger });
logger.info({ port: config.port, host: config.host, backend: db.kind, mediaStore: media.kind }, 'api listening');
process.stdout.write(`api listening http://${config.host}:${config.port} (database: ${db.kind}, media store: ${media.kind})\n`);

stopOnSignals({
  logger,
  name: 'api',
  boundMs: 30_000,
  close: async () => {
    // Requests first, then what they use; every accepted event batch is written before the database closes.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    stopPurge();
    await closeEventIngestion(contextOf(app));
    await renderQueue.close();
    await narrationQueue?.close();
    media.close();
    redis.disconnect();
    queueConnection.disconnect();
    await db.close();
  },
});

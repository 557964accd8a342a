/**
 * npm start: the whole system on embedded defaults, in one process, after the doctor (prestart).
 * Redis (launched when none answers), the database (PGlite in DATA_DIR/db, or PostgreSQL), migrations,
 * API keys, demo guides, the API, the retention purge, the render worker, and the notifier (with a
 * local SMTP sink when SMTP_URL is unset). Ctrl-C or SIGTERM stops everything in reverse order.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createApp, contextOf, tuneServer } from '../api/app';
import { closeEventIngestion } from '../api/analytics/registry';
import { QUEUE_BOARD_PATH } from '../api/routes/queue-board';
import { loadConfig, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { createLogger, type Logger } from './logger';
import { purgeExpired, schedulePurge } from './purge';
import { createRenderQueue } from './queues';
import { resolveSecrets } from './secrets';
import { ensureApiKeys, ensureDemoGuides } from './start-demo';
import { ensureRedis } from './start-redis';
import { startRenderWorker } from '../render-worker/start';
import { startSmtpSink, type SmtpSink } from '../notifier/smtp-sink';
import { startNotifier } from '../notifier/start';
import { ClipCache, createEngine } from '../speech';

/**
 * The render worker runs in this process (PGlite allows one process; with PostgreSQL, more workers
 * can run beside it with `npm run worker`). Shutdown awaits it before the queue, Redis and the
 * database close.
 */
export type StartWorker = (deps: { config: Config; db: Database; logger: Logger; redisUrl: string }) => Promise<{ close(): Promise<void> }>;
const startWorker: StartWorker | undefined = startRenderWorker;

const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const say = (line = '') => process.stdout.write(`${line}\n`);
const stops: { name: string; stop: () => Promise<unknown> | void }[] = [];

async function shutdown(signal: string, code = 0): Promise<never> {
  logger.info({ signal }, 'stopping');
  // A bound on the whole shutdown: the render worker may take its own grace period first.
  const force = setTimeout(() => process.exit(1), config.render.shutdownTimeoutSeconds * 1000 + 15_000);
  force.unref();
  for (const { name, stop } of stops.reverse()) {
    await Promise.resolve(stop()).catch((err: Error) => logger.warn({ component: name, err: { message: err.message } }, 'stop failed'));
  }
  process.exit(code);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

try {
  const secrets = resolveSecrets(config);
  const redisServer = await ensureRedis(config.redisUrl, config.dataDir, logger);
  stops.push({ name: 'redis-server', stop: () => redisServer.stop() });

  const db = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'db'), schema: config.databaseSchema });
  stops.push({ name: 'database', stop: () => db.close() });
  const applied = await migrate(db);
  logger.info({ backend: db.kind, applied }, 'database ready');

  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
  stops.push({ name: 'redis', stop: () => redis.quit() });
  const queueConnection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  stops.push({ name: 'queue connection', stop: () => queueConnection.quit() });
  const renderQueue = createRenderQueue(queueConnection, config.queuePrefix);
  stops.push({ name: 'render queue', stop: () => renderQueue.close() });

  const keys = await ensureApiKeys(db, { operator: config.operatorKey, analyst: config.analystKey });
  const speech = { cache: new ClipCache({ dir: config.speech.cacheDir, engine: createEngine(config.speech) }) };
  const app = createApp({ config, db, redis, renderQueue, logger, secrets, speech });
  // Runs after the HTTP server stopped (stops go in reverse): every accepted batch is written.
  stops.push({ name: 'event ingestion', stop: () => closeEventIngestion(contextOf(app)) });
  const demo = await ensureDemoGuides(contextOf(app));

  if (startWorker) {
    const worker = await startWorker({ config, db, logger, redisUrl: config.redisUrl });
    stops.push({ name: 'render worker', stop: () => worker.close() });
  }

  // Notifications (issue #10). Without SMTP_URL, mail goes to a local SMTP sink that files every
  // message under DATA_DIR/mail, so a new user sees what a citizen would receive.
  let mailSink: SmtpSink | undefined;
  if (!config.notify.smtpUrl) {
    mailSink = await startSmtpSink({ dir: path.join(config.dataDir, 'mail'), logger });
    const sink = mailSink;
    stops.push({ name: 'mail sink', stop: () => sink.stop() });
  }
  const notifier = await startNotifier({ config, db, logger, redisUrl: config.redisUrl, settings: mailSink ? { smtpUrl: mailSink.url, smtpAcceptIsDelivery: true } : {} });
  stops.push({ name: 'notifier', stop: () => notifier.close() });

  const stopPurge = schedulePurge(
    () => purgeExpired(db, { videoDir: config.videoDir, graceSeconds: config.retentionGraceSeconds, logger }),
    config.api.purgeIntervalSeconds,
    logger,
  );
  stops.push({ name: 'purge', stop: stopPurge });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    tuneServer(s);
    s.once('error', reject);
  });
  stops.push({
    name: 'http',
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  });

  const base = config.publicBaseUrl;
  say();
  say(`Videoguida is running at ${base}  (database: ${db.kind}${db.kind === 'pglite' ? ` in ${path.join(config.dataDir, 'db')}` : ''}, Redis: ${config.redisUrl}${redisServer.started ? ', started here' : ''})`);
  say();
  say('Demo guides (open a link in a browser; each is what a QR code on a letter holds):');
  for (const d of demo) say(`  ${d.type.padEnd(11)} ${d.title.padEnd(38)} ${d.link}`);
  say();
  const keyLine = (role: 'operator' | 'analyst', env: string) =>
    keys[role].generated ? `${keys[role].key}   (generated for this run; set ${env} to keep one)` : `from ${env}`;
  say(`Operator key: ${keyLine('operator', 'OPERATOR_KEY')}`);
  say(`Analyst key:  ${keyLine('analyst', 'ANALYST_KEY')}`);
  say();
  say(`API docs:     ${base}/api/docs          Render queue: ${base}${QUEUE_BOARD_PATH} (user any, password = operator key)`);
  const citizen = demo.find((d) => d.fiscalCode);
  if (citizen) say(`Reserved area: curl -H "Authorization: Bearer $(npm run -s demo:jwt -- --fiscal-code ${citizen.fiscalCode})" ${base}/api/me/guides`);
  say(`Dashboard:    ${base}/dashboard (analyst key)   Notifications console: ${base}/console (analyst key; operator key for a citizen's history)`);
  say(`Notifications: ${mailSink ? `email to consenting citizens lands in ${mailSink.dir}/*.eml (local SMTP sink ${mailSink.url}; the demo citizen above opted in, so their guide's email is there)` : 'email through SMTP_URL'}; docs/notifications.md`);
  say('Ctrl-C stops everything.');
  say();
} catch (err) {
  logger.fatal({ err: { type: (err as Error).name, message: (err as Error).message } }, 'start failed');
  process.stderr.write(`npm start failed: ${(err as Error).message}\n`);
  await shutdown('error', 1);
}

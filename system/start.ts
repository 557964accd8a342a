/**
 * npm start: the whole system on embedded defaults, in one process, after the doctor (prestart).
 * Redis (launched when none answers), the database (PGlite in DATA_DIR/db, or PostgreSQL), migrations,
 * API keys, demo guides, the API, the retention purge, the render worker, and the notifier (with a
 * local SMTP sink when SMTP_URL is unset). Ctrl-C or SIGTERM stops everything in reverse order.
 *
 * With NODE_ENV=production (docs/operations.md) it first refuses what production cannot run with
 * (productionProblems: secrets, keys, an https PUBLIC_BASE_URL; a Redis that would lose or evict the
 * queues), launches no Redis and no SMTP sink, creates no demo guide or consent, and prints no link,
 * key or personal datum.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import { createApp, contextOf, tuneServer } from '../api/app';
import { closeEventIngestion } from '../api/analytics/registry';
import { QUEUE_BOARD_PATH } from '../api/ops/queue-board';
import { ConfigError, loadConfig, productionProblems, type Config } from '../server/config';
import { openDatabase, type Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { createLogger, type Logger } from '../server/logger';
import { scheduleRetention } from '../server/purge';
import { createMediaStore, type MediaStore } from '../server/media';
import { createNarrationQueue, createRenderQueue } from '../server/queues';
import { assertProductionRedis, createRedis, readRedisSettings, redisAddress } from '../server/redis';
import { resolveSecrets } from '../server/secrets';
import { ensureApiKeys, ensureDemoGuides } from './start-demo';
import { ensureRedis } from '../server/start-redis';
import { checkServesBase } from '../server/start-self-check';
import { startRenderWorker } from '../render-worker/start';
import { startSmtpSink, type SmtpSink } from '../notifier/smtp-sink';
import { startNotifier } from '../notifier/start';
import { startIntake } from '../intake/start';
import { startNarrator } from '../narrator/start';
import { amqpAddress } from '../server/config/intake';
import { processClipCache } from '../speech';

/**
 * The render worker runs in this process (PGlite allows one process; with PostgreSQL, more workers
 * can run beside it with `npm run worker`). Shutdown awaits it before the queue, Redis and the
 * database close.
 */
export type StartWorker = (deps: { config: Config; db: Database; logger: Logger; redisUrl: string; media: MediaStore }) => Promise<{ close(): Promise<void> }>;
const startWorker: StartWorker | undefined = startRenderWorker;

const config = loadConfig(process.env);
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

const production = config.env === 'production';

try {
  const problems = productionProblems(config);
  if (problems.length) throw new ConfigError(problems);
  const secrets = resolveSecrets(config);
  const redisServer = await ensureRedis(config.redisUrl, config.dataDir, logger, { launch: !production });
  stops.push({ name: 'redis-server', stop: () => redisServer.stop() });

  // Every client with its command timeout (server/redis.ts): a stalled Redis fails a request's
  // budget (503) or its queue write (the database keeps it), it never hangs it.
  const redis = createRedis(config.redis, 'commands', 'api', logger);
  stops.push({ name: 'redis', stop: () => redis.quit() });
  const queueConnection = createRedis(config.redis, 'queue', 'render-queue', logger);
  stops.push({ name: 'queue connection', stop: () => queueConnection.quit() });
  const renderQueue = createRenderQueue(queueConnection, config.queuePrefix);
  stops.push({ name: 'render queue', stop: () => renderQueue.close() });
  await renderQueue.waitUntilReady();
  // Narration ahead of time (docs/narration.md): the producer side, for guides not rendered at once.
  const narrationQueue = config.narrator.ahead
    ? createNarrationQueue(queueConnection, config.queuePrefix, config.narrator.queue, config.narrator.attempts)
    : undefined;
  if (narrationQueue) stops.push({ name: 'narration queue', stop: () => narrationQueue.close() });
  if (production) await assertProductionRedis(redis, config.redis);
  else {
    const settings = await readRedisSettings(redis).catch(() => null);
    if (settings?.problems.length) {
      logger.warn(
        { redis: redisAddress(config.redisUrl), problems: settings.problems.map((p) => `${p.setting}: expected ${p.expected}, got ${p.got}`) },
        'this Redis would not do for production (npm start refuses it there; docs/operations.md)',
      );
    }
  }

  const db = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'db'), schema: config.databaseSchema, ...config.database });
  stops.push({ name: 'database', stop: () => db.close() });
  const applied = await migrate(db);
  logger.info({ backend: db.kind, applied }, 'database ready');

  // One media store for the API, the worker and the purge (docs/deployment.md, "Media store").
  const media = createMediaStore(config.mediaStore, config.videoDir);
  stops.push({ name: 'media store', stop: () => media.close() });

  const keys = await ensureApiKeys(db, { operator: config.operatorKey, analyst: config.analystKey });
  const speech = {
    cache: processClipCache(config.speech, logger, media.sharedCache),
  };
  const app = createApp({ config, db, redis, renderQueue, narrationQueue, logger, secrets, speech, media });
  // Runs after the HTTP server stopped (stops go in reverse): every accepted batch is written.
  stops.push({ name: 'event ingestion', stop: () => closeEventIngestion(contextOf(app)) });
  // Demo guides and the demo citizen's consent (which sends an email) only outside production.
  const demo = production ? [] : await ensureDemoGuides(contextOf(app));

  // Listen before the render worker starts: its Remotion bundle server takes the first free port
  // from 3000, and a render starting first would take ours (docs/operations.md).
  // Express 5 hands a listen error to this callback (not as an 'error' event): a port already in
  // use once went unnoticed, the banner printed and its links answered from another program.
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, (err?: NodeJS.ErrnoException) => {
      if (!err) return resolve(s);
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${config.port} on ${config.host} is already in use (set PORT, or stop what holds it: ss -ltnp | grep ${config.port})`)
          : err,
      );
    });
    tuneServer(s);
  });
  if (!production) {
    const self = await checkServesBase(server, config.publicBaseUrl);
    if (!self.ok && self.fatal) throw new Error(self.reason);
    if (!self.ok) logger.warn({ reason: self.reason }, 'could not check that the printed links reach this server');
  }

  if (startWorker) {
    const worker = await startWorker({ config, db, logger, redisUrl: config.redisUrl, media });
    stops.push({ name: 'render worker', stop: () => worker.close() });
  }

  // The narrator, on the API's clip cache (one process: a clip asked for by both is synthesised once).
  // With PostgreSQL, more narrators can run beside it on worker hosts: `npm run narrator`.
  if (narrationQueue) {
    const narrator = await startNarrator({ config, db, logger, redisUrl: config.redisUrl, speech });
    stops.push({ name: 'narrator', stop: () => narrator.close() });
  }

  // Notifications (issue #10). Without SMTP_URL, mail goes to a local SMTP sink that files every
  // message under DATA_DIR/mail, so a new user sees what a citizen would receive.
  // Production files no mail locally: without SMTP_URL, email notifications are off.
  let mailSink: SmtpSink | undefined;
  if (!config.notify.smtpUrl && !production) {
    mailSink = await startSmtpSink({ dir: path.join(config.dataDir, 'mail'), logger });
    const sink = mailSink;
    stops.push({ name: 'mail sink', stop: () => sink.stop() });
  }
  const notifier = await startNotifier({
    config,
    db,
    logger,
    redisUrl: config.redisUrl,
    settings: mailSink ? { smtpUrl: mailSink.url, smtpAcceptIsDelivery: true } : {},
  });
  stops.push({ name: 'notifier', stop: () => notifier.close() });

  // Guides from the institute's broker (issue #18, docs/intake.md), when AMQP_URL is set.
  if (config.intake.url) {
    const intake = startIntake({ settings: config.intake, creation: { config, db, secrets, renderQueue, narrationQueue, logger }, logger });
    stops.push({ name: 'intake', stop: () => intake.close() });
  }

  const stopPurge = scheduleRetention(db, media, { graceSeconds: config.retentionGraceSeconds, intervalSeconds: config.api.purgeIntervalSeconds, logger });
  stops.push({ name: 'purge', stop: stopPurge });

  // The HTTP server's stop goes last on the list, so it stops first: no request meets a closed part.
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
  // Redis by host and port only: REDIS_URL may carry a password.
  say(
    `Videoguida is running at ${base}  (database: ${db.kind}${db.kind === 'pglite' ? ` in ${path.join(config.dataDir, 'db')}` : ''}, Redis: ${redisAddress(config.redisUrl)}${redisServer.started ? ', started here' : ''})`,
  );
  say();
  if (demo.length) {
    say('Demo guides (open a link in a browser; each is what a QR code on a letter holds):');
    for (const d of demo) say(`  ${d.type.padEnd(11)} ${d.title.padEnd(38)} ${d.link}`);
    say();
  }
  const keyLine = (role: 'operator' | 'analyst', env: string) =>
    keys[role]!.generated ? `${keys[role]!.key}   (generated for this run; set ${env} to keep one)` : `from ${env}`;
  say(`Operator key: ${keyLine('operator', 'OPERATOR_KEY')}`);
  say(`Analyst key:  ${keyLine('analyst', 'ANALYST_KEY')}`);
  say();
  say(`API docs:     ${base}/api/docs          Render queue: ${base}${QUEUE_BOARD_PATH} (user any, password = operator key)`);
  const citizen = demo.find((d) => d.fiscalCode);
  if (citizen) say(`Reserved area: curl -H "Authorization: Bearer $(npm run -s demo:jwt -- --fiscal-code ${citizen.fiscalCode})" ${base}/api/me/guides`);
  say(`Dashboard:    ${base}/dashboard (analyst key)   Notifications console: ${base}/console (analyst key; operator key for a citizen's history)`);
  const mail = mailSink
    ? `email to consenting citizens lands in ${mailSink.dir}/*.eml (local SMTP sink ${mailSink.url}; the demo citizen above opted in, so their guide's email is there)`
    : config.notify.smtpUrl
      ? 'email through SMTP_URL'
      : 'SMTP_URL is unset: email notifications are off (they fail as channel_not_configured)';
  say(`Notifications: ${mail}; docs/notifications.md`);
  if (config.intake.url) say(`Intake:       guides from ${config.intake.queue} at ${amqpAddress(config.intake.url)}; docs/intake.md`);
  say('Ctrl-C stops everything.');
  say();
} catch (err) {
  logger.fatal({ err: { type: (err as Error).name, message: (err as Error).message } }, 'start failed');
  process.stderr.write(`npm start failed: ${(err as Error).message}\n`);
  await shutdown('error', 1);
}

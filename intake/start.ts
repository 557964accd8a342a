import { Connection, type AsyncMessage, type Consumer, type Publisher } from 'rabbitmq-client';
import type { FieldError } from '../compositions/common/validation';
import { amqpAddress } from '../server/config/intake';
import type { IntakeSettings } from '../server/config';
import { dataErrorReason, isDataError, sqlStateOf } from '../server/db/sql-errors';
import type { GuideCreation } from '../server/guides/create-guide';
import { createGuidesOnce, type MessageOutcome, type MessageRequest } from '../server/guides/create-guides-once';
import type { Logger } from '../server/logger';
import { createBackoff } from './backoff';
import { Batcher } from './batcher';
import { createBodyReader } from './body-reader';
import { checkProperties, combine, type DecodedMessage } from './message';
import { startOutcomeIntake, type RunningOutcomeIntake } from './outcomes';
import { deadLetterOf, rejectionOf, resultOf } from './results';

export interface StartIntakeDeps {
  settings: IntakeSettings;
  /** The database, secrets, link base, token lifetime, holdout and render queue guides are made with. */
  creation: GuideCreation;
  logger: Logger;
}

export interface IntakeStats {
  /** Deliveries received (a redelivered message counts again). */
  delivered: number;
  created: number;
  existing: number;
  duplicate: number;
  rejected: number;
  batches: number;
  /** Batches put back on the queue after a database or broker failure. */
  retried: number;
}

export interface RunningIntake {
  stats: IntakeStats;
  /** Resolves when the consumer first consumes (tests and benches wait for it). */
  ready: Promise<void>;
  /** The outcomes consumer beside it (INTAKE_OUTCOMES, on by default). */
  outcomes: RunningOutcomeIntake | undefined;
  close(): Promise<void>;
}

interface Item {
  msg: AsyncMessage;
  decoded: DecodedMessage;
}

/** Errors in logs: the kind and the SQLSTATE; a data error's message may quote a value, so not that. */
function logged(err: unknown): Record<string, unknown> {
  const e = err as Error & { code?: unknown };
  const code = sqlStateOf(err) ?? (typeof e?.code === 'string' || typeof e?.code === 'number' ? e.code : undefined);
  return { type: e?.name ?? typeof err, code, ...(isDataError(err) ? {} : { message: String(e?.message ?? err).slice(0, 300) }) };
}

/**
 * The intake (issue #18, docs/intake.md): consumes guide envelopes from INTAKE_QUEUE and creates each
 * guide exactly once. Deliveries are gathered into batches; a batch's valid messages are written in
 * one transaction (server/guides/create-guides-once.ts), their results published to the reply
 * exchange with publisher confirms, and only then is each message acknowledged. An invalid message
 * is published to the dead-letter exchange with its reasons in headers (confirmed), answered with a
 * "rejected" result, then acknowledged; nothing of it is written. A failure of the database or the
 * broker puts the batch back on the queue (after a growing pause, so a database outage is not a hot
 * loop); the duplicate check makes the redelivery harmless. rabbitmq-client reconnects, declares
 * again and resumes consuming by itself when the broker restarts.
 */
export function startIntake(deps: StartIntakeDeps): RunningIntake {
  const { settings, creation, logger } = deps;
  if (!settings.url) throw new Error('AMQP_URL: expected the broker URL such as amqp://user:password@broker.example.org:5672/videoguida, got nothing');
  const log = logger.child({ component: 'intake', broker: amqpAddress(settings.url), queue: settings.queue });
  const stats: IntakeStats = { delivered: 0, created: 0, existing: 0, duplicate: 0, rejected: 0, batches: 0, retried: 0 };
  let closing = false;

  const connection = new Connection({
    url: settings.url,
    connectionName: `videoguida-intake ${settings.source}`,
    retryLow: Math.min(1000, settings.reconnectMaxMs),
    retryHigh: settings.reconnectMaxMs,
  });
  // The library reconnects by itself; these say so in the log (never the URL, which holds the password).
  connection.on('error', (err) => log.warn({ err: logged(err) }, 'broker connection error (reconnecting)'));
  connection.on('connection', () => log.info('broker connected'));
  connection.on('connection.blocked', (reason) => log.warn({ reason }, 'broker blocked publishing (resource alarm)'));

  const durable = { durable: true };
  const exchanges = settings.declare
    ? [
        { exchange: settings.deadLetterExchange, type: 'fanout', ...durable },
        { exchange: settings.replyExchange, type: 'topic', ...durable },
      ]
    : [];
  const publisher: Publisher = connection.createPublisher({
    confirm: true,
    maxAttempts: 3,
    exchanges,
    queues: settings.declare ? [{ queue: settings.deadLetterQueue, ...durable }] : [],
    queueBindings: settings.declare ? [{ queue: settings.deadLetterQueue, exchange: settings.deadLetterExchange }] : [],
  });
  publisher.on('retry', (err) => log.warn({ err: logged(err) }, 'publish retried'));
  // The dead-letter queue exists from the first connection on, not only from the first refusal: the
  // main queue dead-letters there too (x-dead-letter-exchange), e.g. a message nacked by another tool.
  if (settings.declare) {
    connection.on('connection', () => {
      void (async () => {
        await connection.exchangeDeclare({ exchange: settings.deadLetterExchange, type: 'fanout', durable: true });
        await connection.queueDeclare({ queue: settings.deadLetterQueue, durable: true });
        await connection.queueBind({ queue: settings.deadLetterQueue, exchange: settings.deadLetterExchange });
      })().catch((err: unknown) => log.warn({ err: logged(err) }, 'dead-letter queue not declared (retried at the next connection)'));
    });
  }

  // A growing pause after a failed batch, reset by the next good one; close() cuts it short.
  const backoff = createBackoff(settings.reconnectMaxMs);

  async function deadLetter(item: Item, errors: readonly FieldError[]): Promise<void> {
    const { envelope, body } = deadLetterOf(settings, item.msg, errors);
    await publisher.send(envelope, body);
    const reply = rejectionOf(settings, item.decoded.messageId, errors);
    await publisher.send(reply.envelope, reply.body);
    stats.rejected += 1;
    log.info({ messageId: item.decoded.messageId ?? null, field: errors[0]?.field, errors: errors.length }, 'message refused to the dead-letter queue');
  }

  async function answer(o: MessageOutcome): Promise<void> {
    const { envelope, body } = resultOf(settings, o);
    await publisher.send(envelope, body);
    stats[o.outcome] += 1;
  }

  const settle = (ps: Promise<void>[]) =>
    Promise.all(
      ps.map((p) =>
        p.then(
          () => undefined,
          (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
        ),
      ),
    );

  /** Writes valid messages; a batch a value of which the database refuses is split to find it. */
  async function write(items: Item[]): Promise<(undefined | Error)[]> {
    const requests = items
      .map((i) => i.decoded as Extract<DecodedMessage, { ok: true }>)
      .map((d): MessageRequest => ({ messageId: d.messageId, prepared: d.prepared, notify: d.notify }));
    let outcomes: MessageOutcome[];
    try {
      outcomes = await createGuidesOnce(creation, requests, { source: settings.source, render: settings.renderPolicy });
    } catch (err) {
      if (isDataError(err) && items.length > 1) {
        const out: (undefined | Error)[] = [];
        for (const i of items) out.push(...(await write([i])));
        return out;
      }
      if (isDataError(err)) {
        // Valid by its schema, refused by the database: the same values would fail again.
        return settle([deadLetter(items[0]!, [{ field: '(envelope)', message: `the database refused a value of the envelope: ${dataErrorReason(err)}` }])]);
      }
      throw err;
    }
    return settle(outcomes.map(answer));
  }

  const reader = createBodyReader({
    threads: settings.threads,
    maxMessageBytes: settings.maxMessageBytes,
    fiscalCodeHmacKey: creation.secrets.fiscalCodeHmacKey,
    onFallback: (reason) =>
      log.error({ reason: reason.slice(0, 300) }, 'body reader threads keep failing: reading bodies on the consumer thread (INTAKE_THREADS=0)'),
  });

  /** Reads the batch's deliveries: properties here, bodies on the reader's threads. */
  async function decode(msgs: AsyncMessage[]): Promise<Item[]> {
    const props = msgs.map((m) => checkProperties(m));
    const readable = msgs.filter((_, i) => props[i]!.readable);
    const bodies = readable.length ? await reader.read(readable.map((m) => m.body)) : [];
    let k = 0;
    return msgs.map((msg, i) => ({ msg, decoded: combine(props[i]!, props[i]!.readable ? bodies[k++] : undefined) }));
  }

  /** A batch that failed as a whole: counted, logged, and the error its messages are nacked with once the pause is over. */
  async function backOnQueue(err: unknown, messages: number, not: 'read' | 'written'): Promise<Error> {
    backoff.failed();
    stats.retried += 1;
    log.warn({ err: logged(err), messages }, `batch not ${not}: back on the queue after a pause`);
    if (!closing) await backoff.pause();
    return err instanceof Error ? err : new Error(String(err));
  }

  async function run(msgs: AsyncMessage[]): Promise<(undefined | Error)[]> {
    const t0 = performance.now();
    let items: Item[];
    try {
      items = await decode(msgs);
    } catch (err) {
      // A reader thread failed: nothing was decided about these messages, they go back on the queue.
      const e = await backOnQueue(err, msgs.length, 'read');
      return msgs.map(() => e);
    }
    stats.batches += 1;
    const t1 = performance.now();
    const valid = items.filter((i) => i.decoded.ok);
    const invalid = items.filter((i) => !i.decoded.ok);
    const [written, refused] = await Promise.all([
      valid.length
        ? write(valid).catch(async (err: unknown) => {
            // Nothing of the batch was committed: its messages go back on the queue, after a pause.
            const e = await backOnQueue(err, valid.length, 'written');
            return valid.map(() => e);
          })
        : Promise.resolve([]),
      settle(invalid.map((i) => deadLetter(i, (i.decoded as Extract<DecodedMessage, { ok: false }>).errors))),
    ]);
    if (written.every((w) => w === undefined)) backoff.succeeded();
    log.debug({ messages: msgs.length, readMs: Math.round(t1 - t0), writeMs: Math.round(performance.now() - t1) }, 'batch done');
    const byItem = new Map<Item, undefined | Error>();
    valid.forEach((i, k) => byItem.set(i, written[k]));
    invalid.forEach((i, k) => byItem.set(i, refused[k]));
    return items.map((i) => byItem.get(i));
  }

  const batcher = new Batcher<AsyncMessage, undefined>({ size: settings.batchSize, waitMs: settings.batchWaitMs, maxInFlight: 3, run });

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const consumer: Consumer = connection.createConsumer(
    {
      queue: settings.queue,
      queueOptions: settings.declare ? { durable: true, arguments: { 'x-dead-letter-exchange': settings.deadLetterExchange } } : { passive: true },
      exchanges,
      // Unacknowledged deliveries held at once: the bound on memory; all of them may wait in batches.
      qos: { prefetchCount: settings.prefetch },
      concurrency: settings.prefetch,
      requeue: true,
    },
    async (msg) => {
      stats.delivered += 1;
      // A thrown error (failed batch, failed publish) is a nack with requeue; returning acks.
      await batcher.add(msg);
    },
  );
  consumer.on('ready', () => {
    log.info({ prefetch: settings.prefetch, batch: settings.batchSize, threads: settings.threads }, 'intake consuming');
    markReady();
  });
  // Every message of a failed batch comes back here as its own error: one line per 5 s, with a count.
  let lastLogged = 0;
  let unlogged = 0;
  consumer.on('error', (err) => {
    if (Date.now() - lastLogged < 5000) {
      unlogged += 1;
      return;
    }
    log.warn({ err: logged(err), alike: unlogged }, 'intake consumer error');
    lastLogged = Date.now();
    unlogged = 0;
  });

  const outcomes = settings.outcomes ? startOutcomeIntake({ settings, outcomes: settings.outcomes, db: creation.db, logger }) : undefined;

  let closed: Promise<void> | undefined;
  return {
    stats,
    ready: outcomes ? Promise.all([ready, outcomes.ready]).then(() => undefined) : ready,
    outcomes,
    close() {
      closed ??= (async () => {
        closing = true;
        await outcomes?.close();
        backoff.wakeAll();
        batcher.drain();
        await consumer.close();
        await publisher.close();
        await connection.close();
        await reader.close();
        log.info({ ...stats }, 'intake stopped');
      })();
      return closed;
    },
  };
}

import { Readable } from 'node:stream';
import { Connection, type AsyncMessage, type Consumer, type Publisher } from 'rabbitmq-client';
import { amqpAddress } from '../server/config/intake';
import type { IntakeSettings, OutcomeIntakeSettings } from '../server/config';
import type { Queryable } from '../server/db/database';
import { ingestOutcomes, type OutcomeReport } from '../server/impact/ingest-outcomes';
import type { Logger } from '../server/logger';
import { ndjsonRows } from '../server/uploads/ndjson';
import type { SourceRow } from '../server/uploads/source-row';
import { createBackoff } from './backoff';
import { HEADERS, MAX_ERRORS, RESULT_VERSION } from './results';

/** One outcome line is ~150 bytes; a line near this is not an outcome (as POST /api/outcomes). */
const MAX_LINE_BYTES = 64 * 1024;

export interface OutcomeIntakeStats {
  messages: number;
  created: number;
  existing: number;
  /** Lines refused (each message with one goes to the dead-letter queue too). */
  rejected: number;
  /** Messages put back on the queue after a database failure. */
  retried: number;
}

export interface RunningOutcomeIntake {
  stats: OutcomeIntakeStats;
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface OutcomeResultBody {
  version: typeof RESULT_VERSION;
  source: string;
  messageId: string | null;
  outcome: 'stored' | 'rejected';
  rows: number;
  created: number;
  existing: number;
  rejected: number;
  /** The first refused lines, each with its line, field and reason. */
  errors: OutcomeReport['errors'];
}

/**
 * An outcome message's records: NDJSON text (any content type but JSON), or with application/json
 * one outcome object or an array of them (rabbitmq-client hands that body over parsed).
 */
async function rowsOf(body: unknown, maxBytes: number): Promise<SourceRow[] | { field: string; message: string }> {
  const bytes = Buffer.isBuffer(body) ? body : typeof body === 'string' ? Buffer.from(body, 'utf8') : undefined;
  const size = bytes ? bytes.byteLength : Buffer.byteLength(JSON.stringify(body ?? null));
  if (size > maxBytes) return { field: '(body)', message: `expected at most ${maxBytes} bytes, got ${size}` };
  if (!bytes) return Array.isArray(body) ? body.map((value, i) => ({ line: i + 1, value })) : [{ line: 1, value: body }];
  const rows: SourceRow[] = [];
  for await (const row of ndjsonRows(Readable.from([bytes]), MAX_LINE_BYTES, 'one outcome object')) rows.push(row);
  return rows;
}

async function* each(rows: SourceRow[]): AsyncGenerator<SourceRow> {
  yield* rows;
}

/**
 * Outcomes from the broker (issue #17, docs/impact.md "Outcomes from the broker"): each message on
 * INTAKE_OUTCOMES_QUEUE is NDJSON, one outcome per line, exactly the lines POST /api/outcomes takes,
 * stored by the same code (server/impact/ingest-outcomes.ts). Outcomes are idempotent by their id, so
 * a message delivered again stores nothing twice and needs no claim of its own. The order is that of
 * the guide intake: write, publish the result (and the dead letter of a message with refused lines)
 * with confirms, then acknowledge; a database failure puts the message back after a growing pause.
 */
export function startOutcomeIntake(deps: { settings: IntakeSettings; outcomes: OutcomeIntakeSettings; db: Queryable; logger: Logger }): RunningOutcomeIntake {
  const { settings, outcomes, db } = deps;
  if (!settings.url) throw new Error('AMQP_URL: expected the broker URL, got nothing');
  const log = deps.logger.child({ component: 'outcome-intake', broker: amqpAddress(settings.url), queue: outcomes.queue });
  const stats: OutcomeIntakeStats = { messages: 0, created: 0, existing: 0, rejected: 0, retried: 0 };
  const connection = new Connection({
    url: settings.url,
    connectionName: `videoguida-outcomes ${outcomes.queue}`,
    retryLow: Math.min(1000, settings.reconnectMaxMs),
    retryHigh: settings.reconnectMaxMs,
  });
  connection.on('error', (err) => log.warn({ err: { type: err.name, code: (err as { code?: unknown }).code } }, 'broker connection error (reconnecting)'));

  const dead = { exchange: outcomes.deadLetterExchange, type: 'fanout', durable: true };
  const reply = { exchange: settings.replyExchange, type: 'topic', durable: true };
  const publisher: Publisher = connection.createPublisher({
    confirm: true,
    maxAttempts: 3,
    exchanges: settings.declare ? [dead, reply] : [],
    queues: settings.declare ? [{ queue: outcomes.deadLetterQueue, durable: true }] : [],
    queueBindings: settings.declare ? [{ queue: outcomes.deadLetterQueue, exchange: outcomes.deadLetterExchange }] : [],
  });

  const backoff = createBackoff(settings.reconnectMaxMs);
  let closing = false;

  async function handle(msg: AsyncMessage): Promise<void> {
    stats.messages += 1;
    const messageId = typeof msg.messageId === 'string' && msg.messageId ? msg.messageId : null;
    let report: OutcomeReport;
    const rows = msg.contentEncoding
      ? { field: 'properties.contentEncoding', message: 'expected none (an uncompressed NDJSON body)' }
      : await rowsOf(msg.body, outcomes.maxMessageBytes);
    if (!Array.isArray(rows)) {
      report = {
        format: 'ndjson',
        rows: 0,
        created: 0,
        existing: 0,
        rejected: 1,
        errors: [{ line: 0, ...rows }],
        errorsTruncated: false,
        complete: false,
        fatal: null,
        seconds: 0,
      };
    } else {
      try {
        report = await ingestOutcomes(db, each(rows), { maxErrors: MAX_ERRORS });
      } catch (err) {
        // Nothing is lost: the outcomes written so far are skipped by their id when it comes back.
        backoff.failed();
        stats.retried += 1;
        log.warn(
          { err: { type: (err as Error).name, code: (err as { code?: unknown }).code }, messageId },
          'outcome message not stored: back on the queue after a pause',
        );
        if (!closing) await backoff.pause();
        throw err;
      }
    }
    backoff.succeeded();
    const outcome = report.rejected > 0 ? 'rejected' : 'stored';
    const errors = report.errors.slice(0, MAX_ERRORS);
    if (report.rejected > 0) {
      const first = errors[0];
      await publisher.send(
        {
          exchange: outcomes.deadLetterExchange,
          routingKey: outcomes.queue,
          durable: true,
          contentType: msg.contentType,
          messageId: msg.messageId,
          correlationId: msg.correlationId,
          appId: msg.appId,
          type: msg.type,
          headers: {
            ...(msg.headers ?? {}),
            [HEADERS.field]: first ? `line ${first.line}: ${first.field}` : '(body)',
            [HEADERS.reason]: first?.message ?? 'refused',
            [HEADERS.errors]: JSON.stringify(errors),
            [HEADERS.count]: report.rejected,
            [HEADERS.source]: outcomes.queue,
            [HEADERS.rejectedAt]: new Date().toISOString(),
          },
        },
        Buffer.isBuffer(msg.body) ? msg.body : Buffer.from(typeof msg.body === 'string' ? msg.body : JSON.stringify(msg.body ?? null), 'utf8'),
      );
    }
    const body: OutcomeResultBody = {
      version: RESULT_VERSION,
      source: outcomes.queue,
      messageId,
      outcome,
      rows: report.rows,
      created: report.created,
      existing: report.existing,
      rejected: report.rejected,
      errors,
    };
    await publisher.send(
      {
        exchange: settings.replyExchange,
        routingKey: `outcomes.${outcome}`,
        messageId: messageId === null ? undefined : `${messageId}/result`,
        correlationId: messageId ?? undefined,
        contentType: 'application/json',
        durable: true,
        appId: 'videoguida',
        type: `outcomes.${outcome}`,
        headers: { [HEADERS.source]: outcomes.queue, [HEADERS.outcome]: outcome },
      },
      body,
    );
    stats.created += report.created;
    stats.existing += report.existing;
    stats.rejected += report.rejected;
    log.info({ messageId, rows: report.rows, created: report.created, existing: report.existing, rejected: report.rejected }, 'outcome message stored');
  }

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const consumer: Consumer = connection.createConsumer(
    {
      queue: outcomes.queue,
      queueOptions: settings.declare ? { durable: true, arguments: { 'x-dead-letter-exchange': outcomes.deadLetterExchange } } : { passive: true },
      exchanges: settings.declare ? [dead, reply] : [],
      qos: { prefetchCount: outcomes.concurrency * 2 },
      concurrency: outcomes.concurrency,
      requeue: true,
    },
    handle,
  );
  consumer.on('ready', () => markReady());
  consumer.on('error', (err) => log.warn({ err: { type: err.name } }, 'outcome consumer error'));

  let closed: Promise<void> | undefined;
  return {
    stats,
    ready,
    close() {
      closed ??= (async () => {
        closing = true;
        backoff.wakeAll();
        await consumer.close();
        await publisher.close();
        await connection.close();
        log.info({ ...stats }, 'outcome intake stopped');
      })();
      return closed;
    },
  };
}

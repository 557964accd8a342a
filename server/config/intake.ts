import os from 'node:os';
import { z } from 'zod';
import { optionalString, optionalUrl } from './parse';

/**
 * The intake's settings (issue #18, docs/intake.md): the AMQP broker guides come from, the queue it
 * reads, where refused messages and results go, and how much it holds in memory. AMQP_URL unset:
 * no intake (`npm start` runs none; `npm run intake` refuses to start).
 */

/** RabbitMQ takes almost any name; these are the ones an operator can type and read in a log. */
const amqpName = (fallback: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/, 'expected a queue or exchange name of letters, digits and . _ : / - (at most 200 characters)')
    .refine((s) => !s.startsWith('amq.'), 'names starting with "amq." are reserved by the broker')
    .default(fallback);
const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
    .default(fallback)
    .transform((s) => s === 'true' || s === '1');
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export const intakeSchema = z.object({
  /** amqp://user:password@host:5672/vhost (amqps:// for TLS); the password never reaches a log. */
  AMQP_URL: optionalUrl(/^amqps?:\/\//, 'amqp://user:password@broker.example.org:5672/videoguida'),
  /** The queue the upstream system's envelopes arrive on. */
  INTAKE_QUEUE: amqpName('videoguida.guides'),
  /** The name messages are deduplicated under, with their message id (default: the queue's name). */
  INTAKE_SOURCE: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/, 'expected letters, digits and . _ : / - (at most 100 characters)')
      .optional(),
  ),
  /** Refused messages are published here (fanout) with the field and the reason in their headers. */
  INTAKE_DEAD_LETTER_EXCHANGE: amqpName('videoguida.guides.dead-letter'),
  INTAKE_DEAD_LETTER_QUEUE: amqpName('videoguida.guides.dead'),
  /** Each message's result (guide id, links) is published here (topic, routing key guide.<outcome>). */
  INTAKE_REPLY_EXCHANGE: amqpName('videoguida.results'),
  /** Results carry the guide's links (they are capabilities: docs/intake.md says who may read them). */
  INTAKE_REPLY_LINKS: flag('true'),
  /** Declare the queues and exchanges (durable) at start; false: they must exist, made by the broker's operators. */
  INTAKE_DECLARE: flag('true'),
  /** Unacknowledged messages held at once: with INTAKE_MAX_MESSAGE_BYTES, what bounds the intake's memory. */
  INTAKE_PREFETCH: int(1, 10_000, 600),
  /** Messages written per database transaction (at most INTAKE_PREFETCH). */
  INTAKE_BATCH_SIZE: int(1, 5000, 200),
  /** How long a batch waits to fill before it is written anyway. */
  INTAKE_BATCH_WAIT_MS: int(0, 10_000, 20),
  /** A larger message is refused to the dead-letter queue (an envelope is 1–5 KB). */
  INTAKE_MAX_MESSAGE_BYTES: int(1024, 64 * 1024 * 1024, 256 * 1024),
  /** eager: each new guide's render is queued at once, ahead of campaigns (as POST /api/triggers); lazy: at its first opening. */
  INTAKE_RENDER_POLICY: z.enum(['eager', 'lazy'], { error: 'expected eager or lazy' }).default('eager'),
  /**
   * Worker threads that validate envelopes and prepare their guides (most of the intake's CPU);
   * 0: on the consumer's own thread. Default: the cores but one, from 1 to 4.
   */
  INTAKE_THREADS: optionalString.pipe(
    z
      .string()
      .regex(/^\d{1,2}$/, 'expected a whole number of threads from 0 to 32')
      .transform(Number)
      .pipe(z.number().max(32, 'expected a whole number of threads from 0 to 32'))
      .optional(),
  ),
  /** Longest wait between two reconnection attempts while the broker is away. */
  INTAKE_RECONNECT_MAX_MS: int(100, 600_000, 30_000),
  /** Also read outcomes (issue #17, docs/impact.md) from INTAKE_OUTCOMES_QUEUE: contact-center calls, visits, services used. */
  INTAKE_OUTCOMES: flag('true'),
  INTAKE_OUTCOMES_QUEUE: amqpName('videoguida.outcomes'),
  /** Outcome messages part or wholly refused are copied here (fanout) with each refused line's field and reason. */
  INTAKE_OUTCOMES_DEAD_LETTER_EXCHANGE: amqpName('videoguida.outcomes.dead-letter'),
  INTAKE_OUTCOMES_DEAD_LETTER_QUEUE: amqpName('videoguida.outcomes.dead'),
  /** An outcome message is NDJSON, ~150 bytes a line: the default takes about 50,000 outcomes. */
  INTAKE_OUTCOMES_MAX_MESSAGE_BYTES: int(1024, 256 * 1024 * 1024, 8 * 1024 * 1024),
  /** Outcome messages written at once (each in its own statements; prefetch is twice this). */
  INTAKE_OUTCOMES_CONCURRENCY: int(1, 64, 2),
});

export interface IntakeSettings {
  /** undefined: no intake. */
  url: string | undefined;
  queue: string;
  source: string;
  deadLetterExchange: string;
  deadLetterQueue: string;
  replyExchange: string;
  replyLinks: boolean;
  declare: boolean;
  prefetch: number;
  batchSize: number;
  batchWaitMs: number;
  maxMessageBytes: number;
  renderPolicy: 'eager' | 'lazy';
  threads: number;
  reconnectMaxMs: number;
  /** undefined: outcomes are not read from the broker. */
  outcomes: OutcomeIntakeSettings | undefined;
}

export interface OutcomeIntakeSettings {
  queue: string;
  deadLetterExchange: string;
  deadLetterQueue: string;
  maxMessageBytes: number;
  concurrency: number;
}

/** A batch larger than the prefetch would never fill: the broker stops delivering first. */
export function requireIntakeBatchWithinPrefetch(e: z.infer<typeof intakeSchema>, ctx: z.RefinementCtx): void {
  if (e.INTAKE_BATCH_SIZE > e.INTAKE_PREFETCH) {
    ctx.addIssue({
      code: 'custom',
      path: ['INTAKE_BATCH_SIZE'],
      message: `must be at most INTAKE_PREFETCH (${e.INTAKE_PREFETCH}), got ${e.INTAKE_BATCH_SIZE}`,
    });
  }
}

export function intakeSection(e: z.infer<typeof intakeSchema>): IntakeSettings {
  return {
    url: e.AMQP_URL,
    queue: e.INTAKE_QUEUE,
    source: e.INTAKE_SOURCE ?? e.INTAKE_QUEUE,
    deadLetterExchange: e.INTAKE_DEAD_LETTER_EXCHANGE,
    deadLetterQueue: e.INTAKE_DEAD_LETTER_QUEUE,
    replyExchange: e.INTAKE_REPLY_EXCHANGE,
    replyLinks: e.INTAKE_REPLY_LINKS,
    declare: e.INTAKE_DECLARE,
    prefetch: e.INTAKE_PREFETCH,
    batchSize: e.INTAKE_BATCH_SIZE,
    batchWaitMs: e.INTAKE_BATCH_WAIT_MS,
    maxMessageBytes: e.INTAKE_MAX_MESSAGE_BYTES,
    renderPolicy: e.INTAKE_RENDER_POLICY,
    threads: e.INTAKE_THREADS ?? Math.max(1, Math.min(4, os.availableParallelism() - 1)),
    reconnectMaxMs: e.INTAKE_RECONNECT_MAX_MS,
    outcomes: e.INTAKE_OUTCOMES
      ? {
          queue: e.INTAKE_OUTCOMES_QUEUE,
          deadLetterExchange: e.INTAKE_OUTCOMES_DEAD_LETTER_EXCHANGE,
          deadLetterQueue: e.INTAKE_OUTCOMES_DEAD_LETTER_QUEUE,
          maxMessageBytes: e.INTAKE_OUTCOMES_MAX_MESSAGE_BYTES,
          concurrency: e.INTAKE_OUTCOMES_CONCURRENCY,
        }
      : undefined,
  };
}

/** The broker's address for logs and start-up lines: host, port and vhost, never the credentials. */
export function amqpAddress(url: string): string {
  try {
    const u = new URL(url);
    const vhost = decodeURIComponent(u.pathname.replace(/^\//, '')) || '/';
    return `${u.protocol}//${u.hostname}:${u.port || (u.protocol === 'amqps:' ? '5671' : '5672')} vhost ${vhost}`;
  } catch {
    return '(unparsable AMQP_URL)';
  }
}

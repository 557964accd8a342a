import type { AsyncMessage, Envelope } from 'rabbitmq-client';
import type { FieldError } from '../compositions/common/validation';
import type { IntakeSettings } from '../server/config';
import type { MessageOutcome } from '../server/guides/create-guides-once';

/**
 * What the intake publishes (docs/intake.md): a result for every message, to the reply exchange, and
 * a refused message's copy to the dead-letter exchange. Neither carries personal data: ids, links
 * (when INTAKE_REPLY_LINKS), field paths and reasons that quote no value.
 */

export const RESULT_VERSION = 1;
/** At most this many field errors travel in a header or a result. */
export const MAX_ERRORS = 10;

export const HEADERS = {
  /** The first refused field's path, e.g. "benefit.monthlyAmountCents" or "properties.messageId". */
  field: 'x-videoguida-error-field',
  /** Why, naming what was expected and the kind of what was received. */
  reason: 'x-videoguida-error-reason',
  /** Every refused field (up to MAX_ERRORS) as a JSON array of {field, message}. */
  errors: 'x-videoguida-errors',
  count: 'x-videoguida-error-count',
  source: 'x-videoguida-source',
  rejectedAt: 'x-videoguida-rejected-at',
  outcome: 'x-videoguida-outcome',
} as const;

export type ResultOutcome = MessageOutcome['outcome'] | 'rejected';

export interface ResultBody {
  version: typeof RESULT_VERSION;
  source: string;
  /** The message's own id (its AMQP message-id); null when it had none (then it was rejected). */
  messageId: string | null;
  outcome: ResultOutcome;
  guideId: string | null;
  status: string | null;
  heldOut: boolean;
  /** Channel → link; absent with INTAKE_REPLY_LINKS=false, empty for a held-out guide. */
  links?: Record<string, string>;
  errors?: FieldError[];
}

type Topology = Pick<IntakeSettings, 'source' | 'queue' | 'replyExchange' | 'deadLetterExchange' | 'replyLinks'>;

function resultEnvelope(t: Topology, messageId: string | undefined, outcome: ResultOutcome): Envelope {
  return {
    exchange: t.replyExchange,
    routingKey: `guide.${outcome}`,
    // Deterministic: a result published again (after a redelivery) has the same id, for the upstream to skip.
    messageId: messageId === undefined ? undefined : `${messageId}/result`,
    correlationId: messageId,
    contentType: 'application/json',
    durable: true,
    appId: 'videoguida',
    type: `guide.${outcome}`,
    timestamp: Math.floor(Date.now() / 1000),
    headers: { [HEADERS.source]: t.source, [HEADERS.outcome]: outcome },
  };
}

export function resultOf(t: Topology, o: MessageOutcome): { envelope: Envelope; body: ResultBody } {
  const body: ResultBody = {
    version: RESULT_VERSION,
    source: t.source,
    messageId: o.messageId,
    outcome: o.outcome,
    guideId: o.guideId,
    status: o.status,
    heldOut: o.heldOut,
  };
  if (t.replyLinks) body.links = o.links;
  return { envelope: resultEnvelope(t, o.messageId, o.outcome), body };
}

export function rejectionOf(t: Topology, messageId: string | undefined, errors: readonly FieldError[]): { envelope: Envelope; body: ResultBody } {
  const body: ResultBody = {
    version: RESULT_VERSION,
    source: t.source,
    messageId: messageId ?? null,
    outcome: 'rejected',
    guideId: null,
    status: null,
    heldOut: false,
    errors: errors.slice(0, MAX_ERRORS),
  };
  return { envelope: resultEnvelope(t, messageId, 'rejected'), body };
}

/** The original body's bytes: rabbitmq-client hands a JSON body over parsed, and it goes back as JSON. */
function originalBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.from(JSON.stringify(body ?? null), 'utf8');
}

/**
 * The refused message as it goes to the dead-letter exchange: its body and properties, its own
 * headers, and the reason in the HEADERS above. user-id and expiration are not copied (the broker
 * checks the one, and the other would expire the dead letter).
 */
export function deadLetterOf(t: Topology, msg: AsyncMessage, errors: readonly FieldError[], now = new Date()): { envelope: Envelope; body: Buffer } {
  const first = errors[0] ?? { field: '(message)', message: 'refused' };
  return {
    envelope: {
      exchange: t.deadLetterExchange,
      routingKey: t.queue,
      durable: true,
      contentType: msg.contentType,
      contentEncoding: msg.contentEncoding,
      messageId: msg.messageId,
      correlationId: msg.correlationId,
      appId: msg.appId,
      type: msg.type,
      timestamp: msg.timestamp,
      headers: {
        ...(msg.headers ?? {}),
        [HEADERS.field]: first.field,
        [HEADERS.reason]: first.message,
        [HEADERS.errors]: JSON.stringify(errors.slice(0, MAX_ERRORS)),
        [HEADERS.count]: errors.length,
        [HEADERS.source]: t.source,
        [HEADERS.rejectedAt]: now.toISOString(),
      },
    },
    body: originalBytes(msg.body),
  };
}

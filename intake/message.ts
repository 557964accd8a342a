import type { AsyncMessage } from 'rabbitmq-client';
import type { FieldError } from '../compositions/common/validation';
import { checkEnvelope, prepareGuide, type PreparedGuide } from '../server/guides/prepare';

/**
 * One broker message read as the intake's contract says (docs/intake.md): the AMQP message-id
 * property identifies it at its source; the body is one guide envelope as JSON, the object
 * POST /api/guides takes, with the same optional "notify". Every refusal names the field and the
 * reason, and shows what was received by its kind only (a string of 12 characters, a number): these
 * messages travel in dead-letter headers and result messages, which must carry no personal data.
 *
 * Two halves: the properties (cheap, read where the delivery arrives) and the body (validation and
 * the guide's preparation, the costly part: intake/body-reader.ts runs it on worker threads).
 */
export type DecodedMessage =
  { ok: true; messageId: string; notify: boolean; prepared: PreparedGuide } | { ok: false; messageId: string | undefined; errors: FieldError[] };

export type BodyResult = { ok: true; notify: boolean; prepared: PreparedGuide } | { ok: false; errors: FieldError[] };

/** The field of the AMQP property, as client libraries name it (message_id on the wire). */
export const MESSAGE_ID_FIELD = 'properties.messageId';
const MESSAGE_ID_MAX = 200;
// Printable: no control characters, no spaces at either end (an id pasted with a line break would
// never match its retry).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export interface PropertiesResult {
  messageId: string | undefined;
  errors: FieldError[];
  /** False when the body cannot be read as the contract says (an encoding, another content type). */
  readable: boolean;
}

/** The message id, and whether the body is plain JSON. */
export function checkProperties(msg: Pick<AsyncMessage, 'messageId' | 'contentEncoding' | 'contentType'>): PropertiesResult {
  const errors: FieldError[] = [];
  let messageId: string | undefined;
  const id: unknown = msg.messageId;
  if (typeof id !== 'string' || id.length === 0) {
    errors.push({
      field: MESSAGE_ID_FIELD,
      message: 'expected the message-id property (the upstream id that makes a redelivered message create nothing), got none',
    });
  } else if ([...id].length > MESSAGE_ID_MAX)
    errors.push({ field: MESSAGE_ID_FIELD, message: `expected at most ${MESSAGE_ID_MAX} characters, got ${[...id].length}` });
  else if (CONTROL.test(id) || id.trim() !== id)
    errors.push({ field: MESSAGE_ID_FIELD, message: 'expected printable characters without spaces at either end, got control characters or edge spaces' });
  else messageId = id;
  let readable = true;
  if (msg.contentEncoding) {
    errors.push({
      field: 'properties.contentEncoding',
      message: `expected none (an uncompressed JSON body), got ${JSON.stringify(String(msg.contentEncoding).slice(0, 40))}`,
    });
    readable = false;
  } else if (msg.contentType && msg.contentType !== 'application/json' && msg.contentType !== 'text/plain') {
    errors.push({ field: 'properties.contentType', message: `expected application/json, got ${JSON.stringify(String(msg.contentType).slice(0, 60))}` });
    readable = false;
  }
  return { messageId, errors, readable };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const NOT_JSON = { field: '(body)', message: 'expected a JSON object (a guide envelope), got text that is not JSON' };

function parsedBody(body: unknown, maxBytes: number): { value: unknown } | { error: FieldError } {
  // rabbitmq-client parses an application/json body itself (and leaves the bytes when it is not JSON);
  // bytes arrive as a Uint8Array when they crossed to a worker thread.
  const bytes = body instanceof Uint8Array ? body : undefined;
  const parsed = !bytes && typeof body !== 'string';
  const size = parsed ? Buffer.byteLength(JSON.stringify(body ?? null)) : bytes ? bytes.byteLength : Buffer.byteLength(body as string);
  if (size > maxBytes) return { error: { field: '(body)', message: `expected at most ${maxBytes} bytes, got ${size}` } };
  if (parsed) return { value: body };
  let text: string;
  try {
    text = bytes ? utf8.decode(bytes) : (body as string);
  } catch {
    return { error: { field: '(body)', message: 'expected UTF-8 JSON text, got bytes that are not UTF-8' } };
  }
  try {
    // The parser's own message would quote the text: only the fact is reported.
    return { value: JSON.parse(text) };
  } catch {
    return { error: NOT_JSON };
  }
}

/** Validates a body and prepares its guide (public data, the fiscal code's HMAC, the duration). */
export function readBody(body: unknown, maxBytes: number, fiscalCodeHmacKey: string): BodyResult {
  const parsed = parsedBody(body, maxBytes);
  if ('error' in parsed) return { ok: false, errors: [parsed.error] };
  const errors: FieldError[] = [];
  let input = parsed.value;
  let notify = true;
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && 'notify' in input) {
    const { notify: flag, ...rest } = input as Record<string, unknown>;
    if (typeof flag === 'boolean') notify = flag;
    else errors.push({ field: 'notify', message: `expected true or false, got ${flag === null ? 'null' : `a ${typeof flag}`}` });
    input = rest;
  }
  const checked = checkEnvelope(input, undefined, { shown: 'kind' });
  if (!checked.ok) errors.push(...checked.errors);
  if (errors.length || !checked.ok) return { ok: false, errors };
  return { ok: true, notify, prepared: prepareGuide(checked.envelope, fiscalCodeHmacKey) };
}

/** Both halves together: what a delivery amounts to. Nothing is written, whatever the outcome. */
export function combine(props: PropertiesResult, body: BodyResult | undefined): DecodedMessage {
  const errors = [...props.errors, ...(body && !body.ok ? body.errors : [])];
  if (errors.length || !body?.ok || props.messageId === undefined) return { ok: false, messageId: props.messageId, errors };
  return { ok: true, messageId: props.messageId, notify: body.notify, prepared: body.prepared };
}

export function decodeMessage(msg: AsyncMessage, maxBytes: number, fiscalCodeHmacKey: string): DecodedMessage {
  const props = checkProperties(msg);
  return combine(props, props.readable ? readBody(msg.body, maxBytes, fiscalCodeHmacKey) : undefined);
}

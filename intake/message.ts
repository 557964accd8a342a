import type { AsyncMessage } from 'rabbitmq-client';
import type { FieldError } from '../compositions/common/validation';
import type { Envelope } from '../compositions/guide-types';
import { checkEnvelope } from '../server/guides/prepare';

/**
 * One broker message read as the intake's contract says (docs/intake.md): the AMQP message-id
 * property identifies it at its source; the body is one guide envelope as JSON, the object
 * POST /api/guides takes, with the same optional "notify". Every refusal names the field and the
 * reason, and shows what was received by its kind only (a string of 12 characters, a number): these
 * messages travel in dead-letter headers and result messages, which must carry no personal data.
 */
export type DecodedMessage =
  | { ok: true; messageId: string; envelope: Envelope; notify: boolean }
  | { ok: false; messageId: string | undefined; errors: FieldError[] };

/** The field of the AMQP property, as client libraries name it (message_id on the wire). */
export const MESSAGE_ID_FIELD = 'properties.messageId';
const MESSAGE_ID_MAX = 200;
// Printable: no control characters, no spaces at either end (an id pasted with a line break would
// never match its retry).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function messageIdOf(msg: AsyncMessage): { id: string } | { error: FieldError } {
  const id: unknown = msg.messageId;
  if (typeof id !== 'string' || id.length === 0) {
    return { error: { field: MESSAGE_ID_FIELD, message: 'expected the message-id property (the upstream id that makes a redelivered message create nothing), got none' } };
  }
  if ([...id].length > MESSAGE_ID_MAX) return { error: { field: MESSAGE_ID_FIELD, message: `expected at most ${MESSAGE_ID_MAX} characters, got ${[...id].length}` } };
  if (CONTROL.test(id) || id.trim() !== id) return { error: { field: MESSAGE_ID_FIELD, message: 'expected printable characters without spaces at either end, got control characters or edge spaces' } };
  return { id };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const NOT_JSON = { field: '(body)', message: 'expected a JSON object (a guide envelope), got text that is not JSON' };

function bodyOf(msg: AsyncMessage, maxBytes: number): { value: unknown } | { error: FieldError } {
  if (msg.contentEncoding) {
    return { error: { field: 'properties.contentEncoding', message: `expected none (an uncompressed JSON body), got ${JSON.stringify(String(msg.contentEncoding).slice(0, 40))}` } };
  }
  if (msg.contentType && msg.contentType !== 'application/json' && msg.contentType !== 'text/plain') {
    return { error: { field: 'properties.contentType', message: `expected application/json, got ${JSON.stringify(String(msg.contentType).slice(0, 60))}` } };
  }
  const body: unknown = msg.body;
  // rabbitmq-client parses an application/json body itself (and leaves a Buffer when it is not JSON).
  const parsed = !Buffer.isBuffer(body) && typeof body !== 'string';
  const bytes = parsed ? Buffer.byteLength(JSON.stringify(body ?? null)) : Buffer.byteLength(body as Buffer | string);
  if (bytes > maxBytes) return { error: { field: '(body)', message: `expected at most ${maxBytes} bytes, got ${bytes}` } };
  if (parsed) return { value: body };
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.decode(body as Buffer);
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

/** Reads and validates one delivery; nothing is written, whatever the outcome. */
export function decodeMessage(msg: AsyncMessage, maxBytes: number): DecodedMessage {
  const id = messageIdOf(msg);
  const messageId = 'id' in id ? id.id : undefined;
  const errors: FieldError[] = 'error' in id ? [id.error] : [];
  const body = bodyOf(msg, maxBytes);
  if ('error' in body) return { ok: false, messageId, errors: [...errors, body.error] };
  let input = body.value;
  let notify = true;
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && 'notify' in input) {
    const { notify: flag, ...rest } = input as Record<string, unknown>;
    if (typeof flag === 'boolean') notify = flag;
    else errors.push({ field: 'notify', message: `expected true or false, got ${flag === null ? 'null' : `a ${typeof flag}`}` });
    input = rest;
  }
  const checked = checkEnvelope(input, undefined, { shown: 'kind' });
  if (!checked.ok) errors.push(...checked.errors);
  if (errors.length || !checked.ok || messageId === undefined) return { ok: false, messageId, errors };
  return { ok: true, messageId, envelope: checked.envelope, notify };
}

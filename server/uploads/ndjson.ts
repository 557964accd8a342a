import type { Readable } from 'node:stream';
import type { SourceRow } from './source-row';

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into NDJSON records without holding more than one line (at most maxLineBytes)
 * in memory. Pulling with for-await is what gives back-pressure: while the caller is busy writing a
 * batch, nothing more is read from the socket.
 */
export async function* ndjsonRows(stream: Readable, maxLineBytes: number, what = 'one envelope object'): AsyncGenerator<SourceRow> {
  let parts: Buffer[] = [];
  let size = 0;
  let oversized = false;
  let line = 0;

  function* finish(): Generator<SourceRow> {
    line += 1;
    const wasOversized = oversized;
    const text = wasOversized || size === 0 ? '' : Buffer.concat(parts, size).toString('utf8').trim();
    parts = [];
    size = 0;
    oversized = false;
    if (wasOversized) {
      yield { line, errors: [{ field: '(line)', message: `line longer than ${maxLineBytes} bytes; skipped` }] };
      return;
    }
    if (!text) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // The parser's own message quotes the input; the line number is what the operator needs.
      yield { line, errors: [{ field: '(line)', message: `malformed JSON: expected ${what} on this line` }] };
      return;
    }
    yield { line, value };
  }

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      const end = nl === -1 ? chunk.length : nl;
      if (!oversized) {
        if (size + (end - start) > maxLineBytes) {
          oversized = true;
          parts = [];
          size = 0;
        } else if (end > start) {
          parts.push(chunk.subarray(start, end));
          size += end - start;
        }
      }
      if (nl === -1) break;
      yield* finish();
      start = nl + 1;
    }
  }
  if (size > 0 || oversized) yield* finish();
}

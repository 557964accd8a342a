import { ApiError } from '../errors';

// The Range header of a media request, checked against the file's size before `send` sees it
// (RFC 9110 §14). `send` answers an unsatisfiable range with an error, which used to become a 500 and
// a stack trace in the log, and serves a malformed one as if it were absent. Here:
// - no Range, or a unit other than bytes: the whole file (a server must ignore units it does not know);
// - a bytes range that is malformed (`bytes=5-1`, `bytes=abc`, `5-1` without a unit) or that no byte
//   of the file can satisfy (`bytes=999999999-` past the end, `bytes=-0`, any range of an empty
//   file): 416 with `Content-Range: bytes */<size>`, the message naming what was expected;
// - several ranges: `send` serves them as one when they overlap or touch (206), otherwise the whole
//   file (200, as RFC 9110 §14.2 permits; multipart/byteranges is not offered). A range whose end
//   lies past the file is clamped to it (206), and a suffix longer than the file means the whole file
//   (206 `bytes 0-<size-1>`), as the RFC says (`send` would refuse the latter: it is rewritten `0-`).
const RANGES = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=(.*)$/s;
const SPEC = /^(?:(\d{1,20})-(\d{1,20})?|-(\d{1,20}))$/;
const MAX_RANGES = 100;
const SYNTAX = 'expected bytes=<first>-<last>, bytes=<first>- or bytes=-<suffix length>, ranges separated by commas';

export type RangeCheck = { ok: true; header: string | undefined } | { ok: false; problem: string };

/** The header as `send` should see it, or why the file cannot serve it. */
export function normaliseRange(header: string | undefined, size: number): RangeCheck {
  const refuse = (problem: string): RangeCheck => ({ ok: false, problem });
  if (header === undefined) return { ok: true, header };
  const m = RANGES.exec(header);
  if (!m) return refuse(SYNTAX);
  if (m[1]!.toLowerCase() !== 'bytes') return { ok: true, header };
  const specs = m[2]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (specs.length === 0) return refuse(SYNTAX);
  if (specs.length > MAX_RANGES) return refuse(`expected at most ${MAX_RANGES} ranges`);
  let satisfiable = false;
  const out: string[] = [];
  for (const spec of specs) {
    const r = SPEC.exec(spec);
    if (!r) return refuse(SYNTAX);
    if (r[3] !== undefined) {
      const suffix = Number(r[3]);
      if (suffix > 0 && size > 0) satisfiable = true;
      out.push(suffix >= size && size > 0 ? '0-' : spec);
      continue;
    }
    const first = Number(r[1]);
    if (r[2] !== undefined && Number(r[2]) < first) return refuse('expected the last byte of a range not before its first');
    if (first < size) satisfiable = true;
    out.push(spec);
  }
  return satisfiable ? { ok: true, header: `bytes=${out.join(',')}` } : refuse(`no byte of the range lies in the file (${size} bytes)`);
}

/** Throws the 416 for a Range the file cannot serve; otherwise returns the header `send` should get. */
export function checkRange(header: string | undefined, size: number): string | undefined {
  const r = normaliseRange(header, size);
  if (r.ok) return r.header;
  const problem = r.problem;
  const got = JSON.stringify(header ?? '');
  throw new ApiError(416, 'range_not_satisfiable', `Range: ${problem}; got ${got.length > 60 ? `${got.slice(0, 57)}...` : got}`, 'Range', undefined, {
    'Content-Range': `bytes */${size}`,
  });
}

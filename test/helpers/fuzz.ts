import fc from 'fast-check';
import { expect } from 'vitest';
import type { TestApi } from './api';

/**
 * The generators and the property runner of the entry-point fuzz tests (test/fuzz-entry-points*.test.ts):
 * valid requests mutated (a value replaced by anything JSON can carry — NUL, lone surrogates, year 0
 * and 9999, huge and negative numbers, prototype keys, deep nesting —, keys dropped or added),
 * equivalent rewrites of the valid request (key order, whitespace, \u escapes), arbitrary JSON, and
 * raw bytes that are not JSON or not UTF-8; query strings and path segments likewise.
 */

export const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

// ---- values ----------------------------------------------------------------------------------

export const oddStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff x',
  '\u202e',
  '\u200b',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-00-00',
  '2026-02-30',
  '1e309',
  '-0',
  'NaN',
  '__proto__',
  'constructor',
  'toString',
  '<script>',
  "'; DROP TABLE guides; --",
  '%00',
  '../../etc/passwd',
  'x'.repeat(5000),
  '🙂'.repeat(300),
);
const oddNumbers = fc.constantFrom(0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_VALUE, -Number.MAX_VALUE, 1e-320, 253402300800000);
export const weird: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: oddStrings },
  { weight: 2, arbitrary: oddNumbers },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [[[[]]]], { __proto__: 1 }, JSON.parse('{"__proto__": {"polluted": 1}}')) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.integer().map((n) => String(n)) },
);

export type Json = unknown;
export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** One mutation of `base`: at a path chosen by `picks`, replace, delete, or add a key. */
function mutate(base: Json, picks: number[], op: 'set' | 'delete' | 'add', value: unknown, key: string): Json {
  const root = clone(base);
  if (typeof root !== 'object' || root === null) return value;
  let node = root as Record<string, unknown>;
  for (const [depth, pick] of picks.entries()) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = keys[pick % keys.length]!;
    const child = node[k];
    if (depth === picks.length - 1 || typeof child !== 'object' || child === null) {
      if (op === 'set') node[k] = value;
      else if (op === 'delete') delete node[k];
      else Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true });
      return root;
    }
    node = child as Record<string, unknown>;
  }
  Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true });
  return root;
}

export const mutation = (base: () => Json) =>
  fc
    .record({
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      op: fc.constantFrom('set', 'set', 'delete', 'add' as const),
      value: weird,
      key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'extra', '', '\u0000'), fc.string({ maxLength: 8 })),
      times: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ picks, op, value, key, times }) => {
      let v = base();
      for (let i = 0; i < times; i++)
        v = mutate(
          v,
          picks.map((p) => p + i),
          op as 'set' | 'delete' | 'add',
          value,
          key,
        );
      return v;
    });

/** Reorders every object's keys by a permutation drawn from `seed` (the same value, other bytes). */
function shuffled(v: Json, seed: number): Json {
  if (Array.isArray(v)) return v.map((x, i) => shuffled(x, seed + i));
  if (!v || typeof v !== 'object') return v;
  const entries = Object.entries(v);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = (seed * 31 + i * 17) % (i + 1);
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, x], i) => [k, shuffled(x, seed + i + 1)]));
}

/**
 * The valid request written another way JSON allows: keys reordered, indented or not, non-ASCII and
 * "/" escaped. The server must accept it as it accepts the original: the property asserts that some
 * generated requests are accepted, so the fuzzing is shown to reach the handlers past the validators.
 */
export const equivalent = (base: () => Json): fc.Arbitrary<string> =>
  fc.record({ seed: fc.nat(1000), indent: fc.constantFrom(0, 1, 2, '\t'), escape: fc.boolean() }).map(({ seed, indent, escape }) => {
    const text = JSON.stringify(shuffled(base(), seed), null, indent) ?? 'null';
    return escape ? text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\//g, '\\/') : text;
  });

/** A body: mostly mutated valid ones, some equivalent to the valid one, some arbitrary JSON, some raw text or bytes. */
export const jsonBody = (base: () => Json): fc.Arbitrary<string | Buffer> =>
  fc.oneof(
    { weight: 6, arbitrary: mutation(base).map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 3, arbitrary: equivalent(base) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{', '[', '{"a":', '\ufeff{}', '{"a":1}{"b":2}', '['.repeat(5000) + ']'.repeat(5000), '{"x":"\\ud800"}', '{"x":"\\u0000"}'),
    },
  );

export const ndjsonBody = (base: () => Json): fc.Arbitrary<string | Buffer> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .array(
          fc.oneof(
            { weight: 3, arbitrary: mutation(base).map((v) => JSON.stringify(v) ?? 'null') },
            { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
            { weight: 1, arbitrary: equivalent(base).map((s) => s.replace(/\n\s*/g, '')) },
          ),
          { minLength: 1, maxLength: 6 },
        )
        .map((lines) => lines.join('\n')),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
    { weight: 1, arbitrary: fc.constantFrom('\n\n\n', '\r\n', '{}\n{}', 'x'.repeat(300_000)) },
  );

/** Envelope leaves as CSV columns (dot paths, arrays and objects without keys as JSON cells). */
export function flatten(v: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = v;
  return out;
}
const csvCell = (v: unknown) => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csvOf = (columns: string[], rows: Json[]) =>
  `${columns.map(csvCell).join(',')}\n${rows
    .map((r) => {
      const f = flatten(r);
      return columns.map((c) => csvCell(f[c] ?? '')).join(',');
    })
    .join('\n')}\n`;

/** A CSV upload of rows like `sample` (whose fresh() gives a valid row with a new externalRef). */
export const csvBody = (sample: Json, fresh: () => Json): fc.Arbitrary<string | Buffer> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .record({
          rows: fc.array(mutation(fresh), { minLength: 1, maxLength: 4 }),
          extraColumn: fc.option(
            fc.oneof(fc.constantFrom('__proto__', 'citizen.__proto__', 'benefit.constructor', 'a..b', '', '"', 'citizen'), fc.string({ maxLength: 10 })),
          ),
          dropColumn: fc.nat(),
        })
        .map(({ rows, extraColumn, dropColumn }) => {
          const columns = Object.keys(flatten(sample));
          if (dropColumn % 4 === 0) columns.splice(dropColumn % columns.length, 1);
          if (extraColumn !== null) columns.push(extraColumn);
          return csvOf(columns, rows);
        }),
    },
    // Valid rows, the columns in another order: an upload the server must accept.
    {
      weight: 2,
      arbitrary: fc.record({ n: fc.integer({ min: 1, max: 3 }), seed: fc.nat(1000) }).map(({ n, seed }) => {
        const columns = Object.keys(shuffled(flatten(sample), seed) as object);
        return csvOf(
          columns,
          [...Array(n)].map(() => fresh()),
        );
      }),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('externalRef\n', '\n', 'a,b\n"unterminated', 'externalRef,externalRef\nx,y\n', '\ufeffexternalRef,locale\n1,it\n'),
    },
  );

const queryValue = (dynamic: () => string[]) =>
  fc.oneof(
    oddStrings,
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      '2026-01-01',
      '1999-12-31',
      '2100-01-01',
      'naspi',
      'red',
      'email',
      'RM',
      '00000000-0000-0000-0000-000000000000',
      'lazy',
      'csv',
      'ndjson',
      'qr',
      '-1',
      '1000000',
      '1e3',
      '30',
      '7,30,90',
      '0,400',
      '1,',
    ),
    fc.nat().map((i) => {
      const d = dynamic();
      return d.length ? d[i % d.length]! : '';
    }),
  );

/**
 * Random parameters, often on top of a valid query (`base`) so checks past the first run; a quarter
 * of the time the valid query alone, its parameters reordered (an answer that must be 2xx).
 */
export const queryString = (names: string[], base: () => string = () => '', dynamic: () => string[] = () => []) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.boolean(),
          fc.array(
            fc.tuple(
              fc.oneof(fc.constantFrom(...names), fc.constantFrom('__proto__', 'x', '')),
              fc.oneof(queryValue(dynamic), fc.array(queryValue(dynamic), { minLength: 2, maxLength: 2 })),
            ),
            { maxLength: 4 },
          ),
        )
        .map(([onBase, pairs]) => {
          const p = new URLSearchParams(onBase ? base() : '');
          for (const [k, v] of pairs) for (const x of Array.isArray(v) ? v : [v]) onBase ? p.set(k, x) : p.append(k, x);
          return p.toString();
        }),
    },
    {
      weight: 1,
      arbitrary: fc
        .nat(1000)
        .map((seed) => new URLSearchParams(Object.entries(shuffled(Object.fromEntries(new URLSearchParams(base())), seed) as object)).toString()),
    },
  );

/** Raw path segments: percent-encodings (valid or not), dots, long ones. */
export const segment = fc.oneof(
  fc.string({ maxLength: 60 }).map(encodeURIComponent),
  fc.constantFrom('%', '%E0%A4%A', '..', '%2e%2e', '%00', 'a'.repeat(3000), '%F0%9F%99%82'),
);

/** A path segment: a fifth of the time one of `valid` (each must be answered 2xx), else anything. */
export const segmentOr = (valid: () => string[], near: () => string[] = () => []) =>
  fc.oneof(
    { weight: 3, arbitrary: segment },
    { weight: 1, arbitrary: fc.nat().map((i) => near()[i % Math.max(1, near().length)] ?? '') },
    { weight: 1, arbitrary: fc.nat().map((i) => valid()[i % valid().length]!) },
  );

export const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-ndjson',
  'text/csv',
  'application/octet-stream',
  'multipart/form-data; boundary=x',
  '',
);
export const withType = (t: string) => (t ? { 'content-type': t } : ({} as Record<string, string>));

// ---- sending ---------------------------------------------------------------------------------

export interface Sent {
  status: number;
  body: string;
  retryAfter?: string | null;
}

export async function send(api: TestApi, method: string, p: string, body: string | Buffer | undefined, headers: Record<string, string>): Promise<Sent> {
  const res = await fetch(`${api.url}${p}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: res.status, body: (await res.text()).slice(0, 300), retryAfter: res.headers.get('retry-after') };
}

/**
 * What a property expects besides "no 5xx": `valid`, a request the server must accept (sent first,
 * as fast-check's example), and then at least one generated request answered 2xx — proof that the
 * generated inputs reach the handler, past the validators; or `none`, why no valid base exists.
 */
export type Accepting<T> = { valid: T; runs?: number } | { none: string; runs?: number };

const is2xx = (s: number) => s >= 200 && s < 300;

export async function no5xx<T>(what: string, arb: fc.Arbitrary<T>, request: (input: T) => Promise<Sent>, o: Accepting<NoInfer<T>>): Promise<void> {
  const seen = new Map<number, number>();
  let retried = 0;
  let calls = 0;
  let generatedAccepted = 0;
  let example: Sent | undefined;
  const hasValid = 'valid' in o;
  await fc.assert(
    fc.asyncProperty(arb, async (input) => {
      // fast-check runs the examples first: the first call is the valid request.
      const isExample = hasValid && calls++ === 0;
      let r = await request(input);
      // A 503 with Retry-After says Redis or the database did not answer in time (a loaded CI machine
      // once did so at the suite's start), not that the input broke something: the same input is
      // sent again after the pause, and must then be answered below 500 like any other.
      for (let retry = 0; retry < 3 && r.status === 503 && r.retryAfter; retry++) {
        retried += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.min(5, Number(r.retryAfter) || 1) * 1000));
        r = await request(input);
      }
      if (r.status >= 500) throw new Error(`${what}: ${r.status} ${r.body}`);
      if (isExample) example = r;
      else {
        seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
        if (is2xx(r.status)) generatedAccepted += 1;
      }
    }),
    { numRuns: o.runs ?? RUNS, endOnFailure: false, ...(hasValid ? { examples: [[o.valid]] as [T][] } : {}) },
  );
  console.info(
    `fuzz ${what}: ${[...seen.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')}${example ? ` (valid request: ${example.status})` : ''}${retried ? ` (${retried} sent again after a 503 with Retry-After)` : ''}`,
  );
  if (hasValid) {
    expect(example, `${what}: the valid request was not sent`).toBeDefined();
    expect(is2xx(example!.status), `${what}: the valid request was answered ${example!.status} ${example!.body}`).toBe(true);
    expect(generatedAccepted, `${what}: no generated request was accepted (2xx): the fuzzing never got past the validators`).toBeGreaterThan(0);
  }
}

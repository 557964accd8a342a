import { describe, expect, it } from 'vitest';
import { parseWith } from '../compositions/common/validation';
import { GUIDE_TYPES } from '../compositions/common/envelope';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema } from '../compositions/guide-types';

// The fuzz test once found a 500: a NASpI jobEndDate of "0" failed its format check, yet the
// cross-field checks still ran on it and threw. Every leaf of every type is tried here with values
// of the wrong shape: each must come back as field errors, never as an exception.
const BAD_VALUES: unknown[] = ['0', '', '2026-02-30', '9999-99-99', 0, -1, 1e308, null, true, [], {}];

function* leaves(value: unknown, path: (string | number)[] = []): Generator<(string | number)[]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* leaves(value[i], [...path, i]);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* leaves(v, [...path, k]);
  }
  if (path.length) yield path;
}

function withValue(envelope: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(envelope) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

describe('envelope validation with malformed fields', () => {
  for (const type of GUIDE_TYPES) {
    it(`answers field errors, never throws, for any ${type} field of the wrong shape`, () => {
      const thrown: string[] = [];
      let tried = 0;
      for (const envelope of generateEnvelopes(type, 4, `malformed-${type}`)) {
        for (const path of leaves(envelope)) {
          for (const bad of BAD_VALUES) {
            tried++;
            try {
              const r = parseWith(envelopeSchema, withValue(envelope, path, bad));
              if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
            } catch (e) {
              thrown.push(`${path.join('.')} = ${JSON.stringify(bad)}: ${(e as Error).message}`);
            }
          }
        }
      }
      expect(tried).toBeGreaterThan(100);
      expect(thrown.slice(0, 20)).toEqual([]);
    });
  }
});

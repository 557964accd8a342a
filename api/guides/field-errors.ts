import { z } from 'zod';
import { fieldErrors, type FieldError } from '../../compositions/common/validation';

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  const shown = JSON.stringify(v);
  return `${typeof v} ${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown}`;
}

/**
 * The shared fieldErrors, plus what was received where a schema's own message only says what it
 * expected ("expected an amount in integer euro cents" → "…, got string \"lots\""). The answer goes to
 * the operator who sent the value; nothing of it is logged.
 */
export function explain(schema: z.ZodType, input: unknown): { ok: true; value: unknown } | { ok: false; errors: FieldError[] } {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  const errors: FieldError[] = [];
  for (const issue of r.error.issues) {
    const own = fieldErrors(new z.ZodError([issue]), input);
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && !/received|got /.test(issue.message)) {
      const got = describe(valueAt(input, issue.path));
      for (const e of own) errors.push({ ...e, message: `${e.message}, got ${got}` });
    } else errors.push(...own);
  }
  return { ok: false, errors };
}

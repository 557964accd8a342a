import type { z } from 'zod';
import { explain } from '../server/guides/field-errors';
import { ApiError, invalid } from './errors';
import { storableTextProblems } from '../server/guides/storable-text';

/**
 * The schema, then what the database could still refuse in what it let through (NUL characters and
 * invalid Unicode in strings; see storable-text.ts): every value that reaches SQL passed both.
 */
function check<S extends z.ZodType>(schema: S, input: unknown, text: boolean): ReturnType<typeof explain> {
  const r = explain(schema, input);
  if (!r.ok || !text) return r;
  const problems = storableTextProblems(r.value);
  return problems.length ? { ok: false, errors: problems } : r;
}

/**
 * A request body checked at the edge: 422 naming the field, what was expected and what came.
 * `text: false` only where the parsed value holds raw parts validated one by one later (event batches).
 */
export function body<S extends z.ZodType>(schema: S, input: unknown, code = 'invalid_body', options: { text?: boolean } = {}): z.infer<S> {
  const r = check(schema, input, options.text ?? true);
  if (!r.ok) throw invalid(code, r.errors);
  return r.value as z.infer<S>;
}

/** Query strings and path parameters: 400, same shape. */
export function query<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = check(schema, input, true);
  if (!r.ok) {
    const e = invalid('invalid_query', r.errors);
    throw new ApiError(400, e.code, e.message, e.field, e.details);
  }
  return r.value as z.infer<S>;
}

export function param<S extends z.ZodType>(schema: S, value: unknown, name: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError(400, 'invalid_parameter', `${name}: ${r.error.issues[0]?.message ?? 'invalid'}`, name);
  return r.data;
}

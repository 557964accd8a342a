import type { z } from 'zod';
import { explain } from './guides/field-errors';
import { ApiError, invalid } from './errors';

/** A request body checked at the edge: 422 naming the field, what was expected and what came. */
export function body<S extends z.ZodType>(schema: S, input: unknown, code = 'invalid_body'): z.infer<S> {
  const r = explain(schema, input);
  if (!r.ok) throw invalid(code, r.errors);
  return r.value as z.infer<S>;
}

/** Query strings and path parameters: 400, same shape. */
export function query<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = explain(schema, input);
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

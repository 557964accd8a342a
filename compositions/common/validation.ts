import type { z } from 'zod';

export interface FieldError {
  /** Dot path of the offending field, e.g. "citizen.fiscalCode" or "benefit.payments.3.date". */
  field: string;
  message: string;
}

/** Turns zod issues into field errors that name where and why, for API answers and CLI output. */
export function fieldErrors(error: z.ZodError, input?: unknown): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'invalid_union' && issue.path.join('.') === 'type') {
      const got = input && typeof input === 'object' ? (input as { type?: unknown }).type : undefined;
      const received = got === undefined ? 'nothing' : JSON.stringify(got).slice(0, 40);
      out.push({ field: 'type', message: `unknown guide type: expected one of naspi, pensione, red, auu, sfl, invalidita (got ${received})` });
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: field ? `${field}.${key}` : key, message: 'unknown field' });
      continue;
    }
    out.push({ field: field || '(root)', message: issue.message });
  }
  return out;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: fieldErrors(r.error, input) };
}

/**
 * Wraps a cross-field check (a superRefine). Zod still runs it when a field has already failed its
 * own format check (a date of "0"), and date arithmetic on such a field throws: the input would get
 * a 500 instead of its field errors. A throw is swallowed only when the input already has issues,
 * which say what is wrong; on an input with none it is a defect and goes on.
 */
export function crossChecks<T>(check: (value: T, ctx: z.RefinementCtx<T>) => void): (value: T, ctx: z.RefinementCtx<T>) => void {
  return (value, ctx) => {
    try {
      check(value, ctx);
    } catch (e) {
      if (!(ctx as unknown as { issues?: unknown[] }).issues?.length) throw e;
    }
  };
}

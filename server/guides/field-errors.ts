import { z } from 'zod';
import { fieldErrors, type FieldError } from '../../compositions/common/validation';

/**
 * How much of a refused value a message may show. 'value': the value itself, up to 40 characters
 * (the API answers the operator who sent it). 'kind': its type and size only, and no rule's own
 * message, since those quote the citizen's figures, dates and verdicts: for messages other people
 * read (the intake's dead-letter headers and replies, docs/intake.md).
 */
export type Shown = 'value' | 'kind';

export interface ExplainOptions {
  shown?: Shown;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function describe(v: unknown, shown: Shown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (shown === 'kind') return typeof v === 'string' ? `a string of ${[...v].length} characters` : `a ${typeof v}`;
  const text = JSON.stringify(v);
  return `${typeof v} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}

/** What a rule's refusal says when its own message may not be shown (it quotes the data). */
export const RULE_REFUSED = 'fails a rule of its guide type (the full reason quotes the data it checks: npm run -s intake:explain shows it)';

/**
 * The shared fieldErrors, plus what was received where a schema's own message only says what it
 * expected ("expected an amount in integer euro cents" → "…, got string \"lots\""). The answer goes to
 * the operator who sent the value; nothing of it is logged. With `shown: 'kind'`, no value appears:
 * "got a string of 4 characters", and a rule's message (a custom issue) becomes RULE_REFUSED.
 */
export function explain(schema: z.ZodType, input: unknown, options: ExplainOptions = {}): { ok: true; value: unknown } | { ok: false; errors: FieldError[] } {
  const shown = options.shown ?? 'value';
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  const errors: FieldError[] = [];
  for (const issue of r.error.issues) {
    const own = fieldErrors(new z.ZodError([issue]), input);
    if (shown === 'kind' && issue.code === 'custom') {
      for (const e of own) errors.push({ ...e, message: RULE_REFUSED });
    } else if (shown === 'kind' && issue.code === 'invalid_union' && own.some((e) => e.field === 'type')) {
      // compositions' message for an unknown type quotes it; say what was received without it.
      for (const e of own) errors.push({ ...e, message: e.message.replace(/ \(got .*\)$/s, `, got ${describe(valueAt(input, ['type']), shown)}`) });
    } else if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && !/received|got /.test(issue.message)) {
      const got = describe(valueAt(input, issue.path), shown);
      for (const e of own) errors.push({ ...e, message: `${e.message}, got ${got}` });
    } else errors.push(...own);
  }
  return { ok: false, errors };
}

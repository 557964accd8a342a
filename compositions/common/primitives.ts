import { z } from 'zod';
import { fiscalCodeProblem } from './fiscal-code';
import { PROVINCES } from './provinces';

/** Calendar date, ISO YYYY-MM-DD, that really exists (no 31 April). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

/** Month, ISO YYYY-MM. */
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

/** Money in integer euro cents, never negative, at most ten million euro. */
export const cents = z
  .number({ error: 'expected an amount in integer euro cents' })
  .int('expected an amount in integer euro cents')
  .min(0, 'amount must not be negative')
  .max(1_000_000_000, 'amount is implausibly large');

// Control characters (C0, DEL, C1), Unicode line/paragraph separators and bidirectional
// overrides (they can make a name display as something else).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

export const NAME_MAX = 60;

/**
 * A personal name as the institute's registry holds it: any script, accents, apostrophes, hyphens,
 * several given names. Other printable characters are accepted and stored verbatim (registries hold
 * odd data); every output escapes them. Control characters and oversize strings are refused.
 */
export const personName = z
  .string()
  .superRefine((s, ctx) => {
    if (CONTROL.test(s)) ctx.addIssue({ code: 'custom', message: 'must not contain control characters' });
    else if (s.trim().length === 0) ctx.addIssue({ code: 'custom', message: 'must not be empty' });
    else if ([...s].length > NAME_MAX)
      ctx.addIssue({ code: 'custom', message: `must be at most ${NAME_MAX} characters (got ${[...s].length})` });
    else if (s !== s.trim()) ctx.addIssue({ code: 'custom', message: 'must not start or end with a space' });
    else if (!/\p{L}/u.test(s)) ctx.addIssue({ code: 'custom', message: 'must contain at least one letter' });
  });

export const fiscalCode = z.string().superRefine((s, ctx) => {
  const problem = fiscalCodeProblem(s);
  if (problem === 'length') ctx.addIssue({ code: 'custom', message: `expected 16 characters (got ${s.length})` });
  else if (problem === 'format')
    ctx.addIssue({ code: 'custom', message: 'expected the codice fiscale layout in capital letters, e.g. RSSMRA79B11C566R' });
  else if (problem === 'check-character')
    ctx.addIssue({ code: 'custom', message: 'wrong check character (16th character)' });
});

export const province = z.enum(PROVINCES, { error: 'expected an Italian province code such as RM, or EE for abroad' });

/** Free text shown to the citizen or operators: bounded, no control characters. */
export const safeText = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');

/** Identifiers chosen by upstream systems (externalRef, application numbers). */
export const reference = (max = 64) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'may contain only letters, digits and . _ : / -');

export const ibanLast4 = z.string().regex(/^[0-9A-Z]{4}$/, 'expected the last 4 characters of the IBAN');

/** Adds an issue when dates are not strictly increasing. */
export function checkAscending(
  dates: string[],
  ctx: z.RefinementCtx,
  pathOf: (i: number) => (string | number)[],
  what = 'dates',
): void {
  for (let i = 1; i < dates.length; i++) {
    if (dates[i]! <= dates[i - 1]!) {
      ctx.addIssue({ code: 'custom', path: pathOf(i), message: `${what} must be in ascending order (${dates[i]} after ${dates[i - 1]})` });
      return;
    }
  }
}

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
// Directional marks: invisible, and they reorder what follows (U+200E/U+200F, the Arabic letter mark).
const DIRECTIONAL = /[\u061c\u200e\u200f]/u;
// Invisible characters (Unicode's Default_Ignorable_Code_Point: zero-width space and joiners, word
// joiner, soft hyphen, BOM, Hangul fillers, variation selectors, tag characters…).
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const ZWNJ_ZWJ = /^[\u200c\u200d]$/u;
const VARIATION_SELECTOR = /^[\u180b-\u180d\u180f\ufe00-\ufe0f\u{e0100}-\u{e01ef}]$/u;
// Scripts whose spelling needs the zero-width non-joiner and joiner between letters (Persian and
// Urdu names in Arabic script, conjunct control in the Indic scripts, Sinhala, Myanmar, Khmer…).
const JOINING_SCRIPTS = [
  'Arabic',
  'Syriac',
  'Nko',
  'Mongolian',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Myanmar',
  'Khmer',
  'Tibetan',
].map((script) => new RegExp(`^\\p{scx=${script}}$`, 'u'));
const HAN = /^\p{scx=Han}$/u;
const MONGOLIAN = /^\p{scx=Mongolian}$/u;
// Latin look-alikes: fullwidth Latin letters, and letters of no script (mathematical alphanumerics
// such as 𝐑, letterlike symbols such as ℝ) other than modifier letters (ʼ ʻ in Ukrainian or Hawaiian names).
const STYLED = /[\uff21-\uff3a\uff41-\uff5a]|(?![\p{Lm}])(?=\p{L})\p{Script=Common}/u;
// The scripts whose letters pass for each other (а/a, о/o, р/p, е/e; ο/o, ν/v): never mixed in one word.
const CONFUSABLE_SCRIPTS = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
] as const;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Characters that can make text display as something other than what it is: control characters and
 * line breaks, directional marks and overrides, invisible characters. The zero-width (non-)joiner is
 * kept between two letters of a script that spells with it, a variation selector after a Han
 * ideograph (registries write name kanji variants so) or a Mongolian letter. Positions count code
 * points; the message never quotes the text (it may be a name).
 */
export function hiddenCharacterProblem(s: string): string | null {
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const at = `${codePoint(ch)} at position ${i}`;
    if (CONTROL.test(ch)) return `must not contain control characters, line breaks or direction overrides (got ${at})`;
    if (DIRECTIONAL.test(ch)) return `must not contain directional marks (got ${at})`;
    if (!INVISIBLE.test(ch)) continue;
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    if (ZWNJ_ZWJ.test(ch) && JOINING_SCRIPTS.some((script) => script.test(before) && script.test(after))) continue;
    if (VARIATION_SELECTOR.test(ch) && (HAN.test(before) || MONGOLIAN.test(before))) continue;
    return `must not contain invisible characters such as zero-width spaces or joiners (got ${at})`;
  }
  return null;
}

/** Look-alike letters in a name: styled Latin, or one word mixing Latin, Cyrillic and Greek letters. */
function lookAlikeProblem(s: string): string | null {
  const chars = [...s];
  const styled = chars.findIndex((ch) => STYLED.test(ch));
  if (styled !== -1)
    return `must be written in plain letters, not styled look-alikes such as fullwidth or mathematical letters (got ${codePoint(chars[styled]!)} at position ${styled})`;
  const words = s.split(/[^\p{L}\p{M}]+/u).filter(Boolean);
  for (let w = 0; w < words.length; w++) {
    const scripts = CONFUSABLE_SCRIPTS.filter(([, re]) => re.test(words[w]!)).map(([name]) => name);
    if (scripts.length > 1)
      return `must not mix ${scripts.join(' and ')} letters in one word (word ${w + 1}): their look-alikes (Cyrillic "а", Greek "ο", Latin "a", "o") make a name display as another`;
  }
  return null;
}

export const NAME_MAX = 60;

/**
 * A personal name as the institute's registry holds it: any script, accents, apostrophes, hyphens,
 * several given names. Other printable characters are accepted and stored verbatim (registries hold
 * odd data); every output escapes them. Refused: control characters, directional marks, invisible
 * characters (hiddenCharacterProblem), styled look-alike letters and words mixing Latin with
 * Cyrillic or Greek letters (a name that displays as another), oversize strings.
 */
export const personName = z.string().superRefine((s, ctx) => {
  const hidden = CONTROL.test(s) ? 'must not contain control characters' : hiddenCharacterProblem(s);
  const problem =
    hidden ??
    (s.trim().length === 0
      ? 'must not be empty'
      : [...s].length > NAME_MAX
        ? `must be at most ${NAME_MAX} characters (got ${[...s].length})`
        : s !== s.trim()
          ? 'must not start or end with a space'
          : !/\p{L}/u.test(s)
            ? 'must contain at least one letter'
            : lookAlikeProblem(s));
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const fiscalCode = z.string().superRefine((s, ctx) => {
  const problem = fiscalCodeProblem(s);
  if (problem === 'length') ctx.addIssue({ code: 'custom', message: `expected 16 characters (got ${s.length})` });
  else if (problem === 'format') ctx.addIssue({ code: 'custom', message: 'expected the codice fiscale layout in capital letters, e.g. RSSMRA79B11C566R' });
  else if (problem === 'check-character') ctx.addIssue({ code: 'custom', message: 'wrong check character (16th character)' });
});

export const province = z.enum(PROVINCES, { error: 'expected an Italian province code such as RM, or EE for abroad' });

/** Free text shown to the citizen or operators: bounded, no control, directional or invisible characters. */
export const safeText = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .superRefine((s, ctx) => {
      const problem = hiddenCharacterProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** Identifiers chosen by upstream systems (externalRef, application numbers). */
export const reference = (max = 64) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'may contain only letters, digits and . _ : / -');

export const ibanLast4 = z.string().regex(/^[0-9A-Z]{4}$/, 'expected the last 4 characters of the IBAN');

/** Adds an issue when dates are not strictly increasing. */
export function checkAscending(dates: string[], ctx: z.RefinementCtx, pathOf: (i: number) => (string | number)[], what = 'dates'): void {
  for (let i = 1; i < dates.length; i++) {
    if (dates[i]! <= dates[i - 1]!) {
      ctx.addIssue({ code: 'custom', path: pathOf(i), message: `${what} must be in ascending order (${dates[i]} after ${dates[i - 1]})` });
      return;
    }
  }
}

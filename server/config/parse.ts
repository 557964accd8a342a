import { z } from 'zod';

/** "180d", "12h", "30m", "45s" or plain seconds → seconds. */
export function parseDuration(value: string): number | null {
  const m = /^(\d+)\s*(s|m|h|d)?$/.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = { s: 1, m: 60, h: 3600, d: 86_400 }[(m[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  return n * unit;
}

export const duration = z.string().transform((s, ctx) => {
  const seconds = parseDuration(s);
  if (seconds === null || seconds <= 0) {
    ctx.addIssue({ code: 'custom', message: `expected a duration such as 180d, 12h or 3600, got "${s}"` });
    return z.NEVER;
  }
  return seconds;
});

/** .env.example lists every variable with an empty value: empty means unset. */
export const optionalString = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : undefined));

export const secret = (name: string) => optionalString.refine((s) => s === undefined || s.length >= 32, `${name} must be at least 32 characters`);

/**
 * A key given in the environment (OPERATOR_KEY, ANALYST_KEY, METRICS_KEY): stored as a plain SHA-256
 * (no stretching), so it must be long enough that guessing it is pointless — at least 32 characters,
 * as generated keys are (vg_op_ + 32); at most 200 (longer keys are refused at the door); no spaces
 * or control characters (a key pasted with a line break would never match).
 */
export const apiKeyVariable = (name: string) =>
  optionalString.superRefine((s, ctx) => {
    if (s === undefined) return;
    if (s.length < 32)
      ctx.addIssue({ code: 'custom', message: `${name} must be at least 32 characters (got ${s.length}); generate one with: openssl rand -base64 32` });
    else if (s.length > 200) ctx.addIssue({ code: 'custom', message: `${name} must be at most 200 characters (got ${s.length})` });
    else if (/[\s\u0000-\u001f\u007f]/.test(s)) ctx.addIssue({ code: 'custom', message: `${name} must not contain spaces or control characters` });
  });

/** An optional URL whose scheme is checked first, so the message shows the URL expected. */
export const optionalUrl = (protocols: RegExp, example: string) =>
  optionalString.pipe(z.string().regex(protocols, `expected a URL such as ${example}`).pipe(z.url()).optional());

import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Which sites may frame the embeddable player. Read here until api/settings.ts takes it over:
 * EMBED_FRAME_ANCESTORS is a space-separated list of origins (https://www.istituto.example) or
 * `*`; by default only this server itself (its example page). Everything else the API serves keeps
 * `frame-ancestors 'none'`.
 */
const origin = z
  .string()
  .regex(/^(\*|'self'|https?:\/\/[a-z0-9.-]+(:\d{1,5})?)$/i, "expected an origin like https://www.example.org, 'self' or *");
const env = z.object({
  EMBED_FRAME_ANCESTORS: z
    .string()
    .optional()
    .transform((s) => (s?.trim() ? s.trim().split(/\s+/) : ["'self'"]))
    .pipe(z.array(origin)),
});

export function embedFrameAncestors(vars: Record<string, string | undefined> = process.env): string[] {
  const r = env.safeParse(vars);
  if (!r.success) throw new Error(`EMBED_FRAME_ANCESTORS: ${r.error.issues[0]?.message ?? 'invalid'}`);
  const list = r.data.EMBED_FRAME_ANCESTORS;
  // This server's own example page frames the player too.
  return list.includes('*') || list.includes("'self'") ? list : ["'self'", ...list];
}

const BASE_DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // data: for the silent clip @remotion/player plays on its shared audio tags to unlock sound on phones.
  "media-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/**
 * The player's pages: the API's strict policy (same-origin scripts only, no inline script) plus
 * data: media; the citizen page is framable by no one, the embed by `ancestors`.
 */
export function playerCsp(ancestors: string[] = ["'none'"]): string {
  return [...BASE_DIRECTIVES, "script-src 'self'", `frame-ancestors ${ancestors.join(' ')}`].join('; ');
}

/** The example host page: its one inline script allowed by hash, never 'unsafe-inline'; frames only us. */
export function exampleCsp(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  return [...BASE_DIRECTIVES, `script-src 'self' ${hashes.join(' ')}`, "frame-src 'self'", "frame-ancestors 'none'"].join('; ');
}

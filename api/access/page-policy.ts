import { createHash } from 'node:crypto';

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
 * data: media; the citizen page is framable by no one, the embed by `ancestors`
 * (config.embed, from EMBED_FRAME_ANCESTORS).
 */
export function playerCsp(ancestors: string[] = ["'none'"]): string {
  return [...BASE_DIRECTIVES, "script-src 'self'", `frame-ancestors ${ancestors.join(' ')}`].join('; ');
}

/** The example host page: its one inline script allowed by hash, never 'unsafe-inline'; frames only us. */
export function exampleCsp(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  return [...BASE_DIRECTIVES, `script-src 'self' ${hashes.join(' ')}`, "frame-src 'self'", "frame-ancestors 'none'"].join('; ');
}

import { z } from 'zod';

const origin = z.string().regex(/^(\*|'self'|https?:\/\/[a-z0-9.-]+(:\d{1,5})?)$/i, "expected an origin like https://www.example.org, 'self' or *");

export const apiSchema = z.object({
  /** Requests per minute and client address on the public routes (/g, /api/access, /api/media, /api/me). */
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /** Unknown, expired or revoked tokens one address may try per window before it gets 429. */
  RATE_LIMIT_TOKEN_MISSES: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_TOKEN_MISS_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  /** Failed API-key attempts one address may make per window before every key check from it gets 429. */
  RATE_LIMIT_KEY_FAILURES: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_KEY_FAILURE_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  /** Express "trust proxy": set to the number of proxies in front (1 behind one reverse proxy). */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** How often npm start runs the retention purge. */
  PURGE_INTERVAL_SECONDS: z.coerce.number().int().positive().default(3600),
  /**
   * Which sites may frame the embeddable player: space-separated origins (https://www.istituto.example)
   * or `*`. Everything else the API serves keeps `frame-ancestors 'none'`.
   */
  EMBED_FRAME_ANCESTORS: z
    .string()
    .optional()
    .transform((s) => (s?.trim() ? s.trim().split(/\s+/) : ["'self'"]))
    .pipe(z.array(origin)),
});

export interface RateLimitSettings {
  publicPerMinute: number;
  tokenMisses: number;
  tokenMissWindowSeconds: number;
  keyFailures: number;
  keyFailureWindowSeconds: number;
}

export interface ApiSettings {
  rateLimits: RateLimitSettings;
  trustProxy: number;
  purgeIntervalSeconds: number;
}

export interface EmbedSettings {
  /** The `frame-ancestors` sources of /embed. */
  frameAncestors: string[];
}

export function apiSection(e: z.infer<typeof apiSchema>): ApiSettings {
  return {
    rateLimits: {
      publicPerMinute: e.RATE_LIMIT_PUBLIC_PER_MINUTE,
      tokenMisses: e.RATE_LIMIT_TOKEN_MISSES,
      tokenMissWindowSeconds: e.RATE_LIMIT_TOKEN_MISS_WINDOW_SECONDS,
      keyFailures: e.RATE_LIMIT_KEY_FAILURES,
      keyFailureWindowSeconds: e.RATE_LIMIT_KEY_FAILURE_WINDOW_SECONDS,
    },
    trustProxy: e.TRUST_PROXY,
    purgeIntervalSeconds: e.PURGE_INTERVAL_SECONDS,
  };
}

export function embedSection(e: z.infer<typeof apiSchema>): EmbedSettings {
  const list = e.EMBED_FRAME_ANCESTORS;
  // This server's own example page frames the player too.
  return { frameAncestors: list.includes('*') || list.includes("'self'") ? list : ["'self'", ...list] };
}

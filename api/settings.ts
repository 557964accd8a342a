import { z } from 'zod';

/**
 * API settings that server/config.ts does not carry yet (asked for in the issue #5 report).
 * Read here with the same rules: zod at the edge, errors naming the variable.
 */
const schema = z.object({
  /** Requests per minute and client address on the public routes (/g, /api/access, /api/media, /api/me). */
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /** Unknown, expired or revoked tokens one address may try per window before it gets 429. */
  RATE_LIMIT_TOKEN_MISSES: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_TOKEN_MISS_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  /** Express "trust proxy": set to the number of proxies in front (1 behind one reverse proxy). */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** How often npm start runs the retention purge. */
  PURGE_INTERVAL_SECONDS: z.coerce.number().int().positive().default(3600),
});

export interface RateLimitSettings {
  publicPerMinute: number;
  tokenMisses: number;
  tokenMissWindowSeconds: number;
}

export interface ApiSettings {
  rateLimits: RateLimitSettings;
  trustProxy: number;
  purgeIntervalSeconds: number;
}

export function loadApiSettings(env: Record<string, string | undefined> = process.env): ApiSettings {
  const r = schema.safeParse(env);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const e = r.data;
  return {
    rateLimits: {
      publicPerMinute: e.RATE_LIMIT_PUBLIC_PER_MINUTE,
      tokenMisses: e.RATE_LIMIT_TOKEN_MISSES,
      tokenMissWindowSeconds: e.RATE_LIMIT_TOKEN_MISS_WINDOW_SECONDS,
    },
    trustProxy: e.TRUST_PROXY,
    purgeIntervalSeconds: e.PURGE_INTERVAL_SECONDS,
  };
}

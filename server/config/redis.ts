import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
  .default('false')
  .transform((s) => s === 'true' || s === '1');

export const redisSchema = z.object({
  /**
   * The longest any Redis command of a request (budgets, rate limits, receipts' replay slots, queue
   * writes) may take before it fails: the route then answers 503 with Retry-After, fails open, or
   * falls back on the database (docs/operations.md). Redis answers in well under a millisecond; a
   * fork for an RDB snapshot or an AOF rewrite can stall it for tens of milliseconds.
   */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50, 'at least 50 ms').max(60_000, 'at most 60000 ms').default(2000),
  /**
   * Production checks at start that Redis keeps its data (appendonly yes, or RDB save points) and
   * never evicts keys (maxmemory-policy noeviction). Only for a managed Redis that disables CONFIG,
   * once those settings were verified with its provider.
   */
  REDIS_SKIP_SETTINGS_CHECK: flag,
});

export interface RedisSettings {
  url: string;
  commandTimeoutMs: number;
  skipSettingsCheck: boolean;
}

export function redisSection(e: z.infer<typeof redisSchema>, url: string): RedisSettings {
  return { url, commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS, skipSettingsCheck: e.REDIS_SKIP_SETTINGS_CHECK };
}

import path from 'node:path';
import { z } from 'zod';

/** "180d", "12h", "30m", "45s" or plain seconds → seconds. */
export function parseDuration(value: string): number | null {
  const m = /^(\d+)\s*(s|m|h|d)?$/.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = { s: 1, m: 60, h: 3600, d: 86_400 }[(m[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  return n * unit;
}

const duration = z.string().transform((s, ctx) => {
  const seconds = parseDuration(s);
  if (seconds === null || seconds <= 0) {
    ctx.addIssue({ code: 'custom', message: `expected a duration such as 180d, 12h or 3600, got "${s}"` });
    return z.NEVER;
  }
  return seconds;
});

const optionalString = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : undefined));

const secret = (name: string) =>
  optionalString.refine((s) => s === undefined || s.length >= 32, `${name} must be at least 32 characters`);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_BASE_URL: optionalString.pipe(z.url({ error: 'expected an absolute URL such as https://guide.example.org' }).optional()),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL')
      .optional(),
  ),
  /** A PostgreSQL schema to work in (tests give each file its own). */
  DATABASE_SCHEMA: optionalString.pipe(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'expected a lower-case SQL identifier').optional()),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// URL').default('redis://127.0.0.1:6379'),
  /** Prefix for BullMQ keys, so several installations (or test files) can share one Redis. */
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_:-]+$/).default('videoguida'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TOKEN_TTL: duration.default(180 * 86_400),
  /** Days after expiry before guide data, tokens and videos are purged. */
  RETENTION_GRACE: duration.default(30 * 86_400),
  FISCAL_CODE_HMAC_KEY: secret('FISCAL_CODE_HMAC_KEY'),
  TOKEN_SECRET: secret('TOKEN_SECRET'),
  OPERATOR_KEY: optionalString,
  ANALYST_KEY: optionalString,
  JWT_PUBLIC_KEY: optionalString,
  JWKS_URL: optionalString.pipe(z.url().optional()),
  JWT_ISSUER: optionalString,
  JWT_AUDIENCE: optionalString,
  BROWSER_EXECUTABLE: optionalString,
  VIDEO_DIR: optionalString,
  /** Narration: the offline default (Festival Italian, eSpeak NG English), eSpeak NG only, or a cloud engine. */
  SPEECH_ENGINE: z.enum(['default', 'espeak', 'http'], { error: 'expected default, espeak or http' }).default('default'),
  SPEECH_CACHE_DIR: optionalString,
  SPEECH_HTTP_URL: optionalString.pipe(z.url({ error: 'expected the speech service URL, e.g. https://tts.example/v1/speak' }).optional()),
  SPEECH_HTTP_KEY: optionalString,
  SPEECH_HTTP_VOICES: optionalString,
  /** Render worker: where bundles, base loops and scene segments are cached, and how much disk they may use. */
  RENDER_CACHE_DIR: optionalString,
  /** Remotion bundles (by content hash); default $RENDER_CACHE_DIR/bundles. */
  BUNDLE_CACHE_DIR: optionalString,
  RENDER_CACHE_MAX_GB: z.coerce.number().positive().default(20),
  RENDER_RESOLUTION: z.enum(['720p', '1080p'], { error: 'expected 720p or 1080p' }).default('720p'),
  RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /** Chromium is closed and reopened after this many guides. */
  BROWSER_RECYCLE_AFTER: z.coerce.number().int().min(1).default(50),
  /** On SIGTERM a render in progress may run this long before it is aborted and requeued. */
  RENDER_SHUTDOWN_TIMEOUT: duration.default(20),
  /** A render job whose worker stops renewing its lock this long is taken over by another worker. */
  RENDER_LOCK_DURATION: duration.default(60),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicBaseUrl: string;
  dataDir: string;
  videoDir: string;
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
  redisUrl: string;
  queuePrefix: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  tokenTtlSeconds: number;
  retentionGraceSeconds: number;
  fiscalCodeHmacKey: string | undefined;
  tokenSecret: string | undefined;
  operatorKey: string | undefined;
  analystKey: string | undefined;
  jwt: { publicKey?: string; jwksUrl?: string; issuer?: string; audience?: string };
  browserExecutable: string | undefined;
  speech: { engine: 'default' | 'espeak' | 'http'; cacheDir: string };
  render: {
    cacheDir: string;
    bundleDir: string;
    cacheMaxBytes: number;
    resolution: '720p' | '1080p';
    concurrency: number;
    browserRecycleAfter: number;
    shutdownTimeoutSeconds: number;
    lockDurationSeconds: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; every error names the variable and what was expected. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })));
  }
  const e = r.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir,
    videoDir: path.resolve(e.VIDEO_DIR ?? path.join(dataDir, 'videos')),
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    logLevel: e.LOG_LEVEL,
    tokenTtlSeconds: e.TOKEN_TTL,
    retentionGraceSeconds: e.RETENTION_GRACE,
    fiscalCodeHmacKey: e.FISCAL_CODE_HMAC_KEY,
    tokenSecret: e.TOKEN_SECRET,
    operatorKey: e.OPERATOR_KEY,
    analystKey: e.ANALYST_KEY,
    jwt: { publicKey: e.JWT_PUBLIC_KEY, jwksUrl: e.JWKS_URL, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE },
    browserExecutable: e.BROWSER_EXECUTABLE,
    speech: { engine: e.SPEECH_ENGINE, cacheDir: path.resolve(e.SPEECH_CACHE_DIR ?? path.join(dataDir, 'speech-cache')) },
    render: {
      cacheDir: path.resolve(e.RENDER_CACHE_DIR ?? path.join(dataDir, 'cache')),
      bundleDir: path.resolve(e.BUNDLE_CACHE_DIR ?? path.join(e.RENDER_CACHE_DIR ?? path.join(dataDir, 'cache'), 'bundles')),
      cacheMaxBytes: Math.round(e.RENDER_CACHE_MAX_GB * 1024 ** 3),
      resolution: e.RENDER_RESOLUTION,
      concurrency: e.RENDER_CONCURRENCY,
      browserRecycleAfter: e.BROWSER_RECYCLE_AFTER,
      shutdownTimeoutSeconds: e.RENDER_SHUTDOWN_TIMEOUT,
      lockDurationSeconds: e.RENDER_LOCK_DURATION,
    },
  };
}

import path from 'node:path';
import { z } from 'zod';
import { apiSchema, apiSection, embedSection, type ApiSettings, type EmbedSettings } from './config/api';
import { databaseBoundsSchema, databaseSection, type DatabaseSettings } from './config/database';
import { eventsSchema, eventsSection, type IngestSettings } from './config/events';
import { impactSchema, impactSection, type ImpactSettings } from './config/impact';
import { intakeSchema, intakeSection, requireIntakeBatchWithinPrefetch, type IntakeSettings } from './config/intake';
import { mediaStoreSchema, mediaStoreSection, requireS3Settings, type MediaStoreSettings } from './config/media-store';
import { renderSchema, renderSection, requireHttpSpeech, speechSchema, speechSection, type RenderSettings, type SpeechConfig } from './config/media';
import { narratorSchema, narratorSection, type NarratorSettings } from './config/narrator';
import { notifySchema, notifySection, type NotifierSettings } from './config/notify';
import { redisSchema, redisSection, type RedisSettings } from './config/redis';
import { apiKeyVariable, duration, optionalString, secret } from './config/parse';

export { parseDuration } from './config/parse';
export type { ApiSettings, EmbedSettings, RateLimitSettings } from './config/api';
export type { DatabaseSettings } from './config/database';
export type { IngestSettings } from './config/events';
export type { ImpactSettings } from './config/impact';
export type { IntakeSettings, OutcomeIntakeSettings } from './config/intake';
export type { RenderSettings, SpeechConfig } from './config/media';
export type { MediaStoreSettings, S3StoreSettings } from './config/media-store';
export type { NarratorSettings } from './config/narrator';
export type { NotifierSettings, SmtpTimeouts } from './config/notify';
export type { RedisSettings } from './config/redis';
export { productionProblems } from './config/production';

const coreSchema = z.object({
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
  DATABASE_SCHEMA: optionalString.pipe(
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'expected a lower-case SQL identifier')
      .optional(),
  ),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'expected a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  /** Prefix for BullMQ keys, so several installations (or test files) can share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:-]+$/)
    .default('videoguida'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TOKEN_TTL: duration.default(180 * 86_400),
  /** Days after expiry before guide data, tokens and videos are purged. */
  RETENTION_GRACE: duration.default(30 * 86_400),
  FISCAL_CODE_HMAC_KEY: secret('FISCAL_CODE_HMAC_KEY'),
  TOKEN_SECRET: secret('TOKEN_SECRET'),
  /** Signs webhooks and verifies delivery receipts; server/secrets.ts derives one outside production. */
  NOTIFY_WEBHOOK_SECRET: secret('NOTIFY_WEBHOOK_SECRET'),
  OPERATOR_KEY: apiKeyVariable('OPERATOR_KEY'),
  ANALYST_KEY: apiKeyVariable('ANALYST_KEY'),
  /** The Prometheus scraper's key for GET /metrics (Bearer); unset: /metrics answers 404. */
  METRICS_KEY: apiKeyVariable('METRICS_KEY'),
  JWT_PUBLIC_KEY: optionalString,
  JWKS_URL: optionalString.pipe(z.url().optional()),
  JWT_ISSUER: optionalString,
  JWT_AUDIENCE: optionalString,
  /**
   * The longest a reserved-area JWT may live (exp − iat, or exp − now without iat). The portal hands
   * the browser a fresh token at login and on refresh and /api/me/* is read when a page opens, so an
   * hour covers a session; a token that leaks stays useful at most this long.
   */
  JWT_MAX_LIFETIME: duration.refine((s) => s <= 86_400, 'at most 24h: a reserved-area token is a session credential, not a long-lived key').default(3600),
  VIDEO_DIR: optionalString,
});

/**
 * Production with a reserved-area key (JWT_PUBLIC_KEY or JWKS_URL) must say whose tokens it takes:
 * without an issuer and an audience, a token the same identity provider issued for any other
 * application (same keys, other `aud`) would open this one's reserved area.
 */
function requireJwtClaimsInProduction(e: z.infer<typeof coreSchema>, ctx: z.RefinementCtx): void {
  if (e.NODE_ENV !== 'production' || (!e.JWT_PUBLIC_KEY && !e.JWKS_URL)) return;
  const key = e.JWKS_URL ? 'JWKS_URL' : 'JWT_PUBLIC_KEY';
  if (!e.JWT_ISSUER)
    ctx.addIssue({
      code: 'custom',
      path: ['JWT_ISSUER'],
      message: `required in production when ${key} is set: the identity provider's issuer (iss) the reserved-area tokens must carry`,
    });
  if (!e.JWT_AUDIENCE)
    ctx.addIssue({
      code: 'custom',
      path: ['JWT_AUDIENCE'],
      message: `required in production when ${key} is set: this application's audience (aud), so tokens issued for other applications are refused`,
    });
}

/** One key, one role: the same value for two roles would leave one of them without its key. */
function requireDistinctKeys(e: z.infer<typeof coreSchema>, ctx: z.RefinementCtx): void {
  if (e.ANALYST_KEY && e.ANALYST_KEY === e.OPERATOR_KEY)
    ctx.addIssue({ code: 'custom', path: ['ANALYST_KEY'], message: 'ANALYST_KEY must differ from OPERATOR_KEY (a key holds one role)' });
  if (e.METRICS_KEY && (e.METRICS_KEY === e.OPERATOR_KEY || e.METRICS_KEY === e.ANALYST_KEY)) {
    ctx.addIssue({ code: 'custom', path: ['METRICS_KEY'], message: 'METRICS_KEY must differ from OPERATOR_KEY and ANALYST_KEY (the scraper gets no role)' });
  }
}

/** Every section in one schema, so one parse reports every malformed variable at once. */
const envSchema = z
  .object({
    ...coreSchema.shape,
    ...databaseBoundsSchema.shape,
    ...redisSchema.shape,
    ...apiSchema.shape,
    ...eventsSchema.shape,
    ...notifySchema.shape,
    ...impactSchema.shape,
    ...intakeSchema.shape,
    ...speechSchema.shape,
    ...renderSchema.shape,
    ...mediaStoreSchema.shape,
    ...narratorSchema.shape,
  })
  .superRefine(requireHttpSpeech)
  .superRefine(requireS3Settings)
  .superRefine(requireJwtClaimsInProduction)
  .superRefine(requireDistinctKeys)
  .superRefine(requireIntakeBatchWithinPrefetch);

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
  /** PostgreSQL's statement, migration and connect bounds (docs/operations.md). */
  database: DatabaseSettings;
  redisUrl: string;
  /** Every Redis client's URL, command timeout and the production settings check (server/redis.ts). */
  redis: RedisSettings;
  queuePrefix: string;
  logLevel: z.infer<typeof coreSchema>['LOG_LEVEL'];
  tokenTtlSeconds: number;
  retentionGraceSeconds: number;
  fiscalCodeHmacKey: string | undefined;
  tokenSecret: string | undefined;
  notifyWebhookSecret: string | undefined;
  operatorKey: string | undefined;
  analystKey: string | undefined;
  /** Bearer key of GET /metrics; undefined: /metrics is not served. */
  metricsKey: string | undefined;
  jwt: { publicKey?: string; jwksUrl?: string; issuer?: string; audience?: string; maxLifetimeSeconds: number };
  browserExecutable: string | undefined;
  /** Public rate limits, proxies, purge interval. */
  api: ApiSettings;
  /** Who may frame /embed. */
  embed: EmbedSettings;
  /** Viewing-event ingestion. */
  events: IngestSettings;
  notify: NotifierSettings;
  /** Impact evaluation: holdout of guides created one at a time, holdout key (docs/impact.md). */
  impact: ImpactSettings;
  /** Event intake from the AMQP broker (docs/intake.md); url undefined: none. */
  intake: IntakeSettings;
  speech: SpeechConfig;
  render: RenderSettings;
  /** Where rendered files live: videoDir (local) or an S3-compatible bucket; videoDir stays the workers' staging area. */
  mediaStore: MediaStoreSettings;
  /** Narration ahead of time: the narration queue and the narrator (docs/narration.md). */
  narrator: NarratorSettings;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; every error names the variable and what was expected. */
export function loadConfig(env: Record<string, string | undefined>): Config {
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
    database: databaseSection(e),
    redisUrl: e.REDIS_URL,
    redis: redisSection(e, e.REDIS_URL),
    queuePrefix: e.QUEUE_PREFIX,
    logLevel: e.LOG_LEVEL,
    tokenTtlSeconds: e.TOKEN_TTL,
    retentionGraceSeconds: e.RETENTION_GRACE,
    fiscalCodeHmacKey: e.FISCAL_CODE_HMAC_KEY,
    tokenSecret: e.TOKEN_SECRET,
    notifyWebhookSecret: e.NOTIFY_WEBHOOK_SECRET,
    operatorKey: e.OPERATOR_KEY,
    analystKey: e.ANALYST_KEY,
    metricsKey: e.METRICS_KEY,
    jwt: { publicKey: e.JWT_PUBLIC_KEY, jwksUrl: e.JWKS_URL, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE, maxLifetimeSeconds: e.JWT_MAX_LIFETIME },
    browserExecutable: e.BROWSER_EXECUTABLE,
    api: apiSection(e),
    embed: embedSection(e),
    events: eventsSection(e, e.TOKEN_TTL),
    notify: notifySection(e),
    impact: impactSection(e),
    intake: intakeSection(e),
    speech: speechSection(e, dataDir),
    render: renderSection(e, dataDir),
    mediaStore: mediaStoreSection(e),
    narrator: narratorSection(e),
  };
}

import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config, RateLimitSettings } from '../server/config';
import type { Database } from '../server/db/database';
import type { Logger } from '../server/logger';
import type { MediaStore } from '../server/media';
import type { NarrationJobData, RenderJobData } from '../server/queues';
import type { Secrets } from '../server/secrets';
import type { SpeechContext } from '../speech/guide-narration';
import type { CitizenVerifier } from './auth/citizen-jwt';
import type { Metrics } from './ops/metrics';
import type { TokenMissBudget } from './middleware/rate-limit';
import type { KeyAttempts } from './middleware/api-key';

/** What createApp needs from the outside; tests and benches build each with their own schema and prefixes. */
export interface AppDeps {
  config: Config;
  db: Database;
  redis: Redis;
  renderQueue: Queue<RenderJobData>;
  /** Narration jobs for guides not rendered at once (narrator/); unset: the API narrates at first access only. */
  narrationQueue?: Queue<NarrationJobData>;
  logger: Logger;
  /** Defaults to resolveSecrets(config) (environment, or DATA_DIR/secrets.json outside production). */
  secrets?: Secrets;
  /** Overrides of the RATE_LIMIT_* settings (benches raise the per-address limit). */
  rateLimits?: Partial<RateLimitSettings>;
  /** Key prefix of the rate-limit counters in Redis; one per test file. */
  rateLimitPrefix?: string;
  /** Where the built player lives; defaults to player/dist in the repository. */
  playerDir?: string;
  /** Reserved-area JWT verification; defaults to one built from config (or the demo key pair). */
  citizenVerifier?: CitizenVerifier | null;
  /** Speech synthesis for live playback before a render (issue #9); without it the manifest has no audio. */
  speech?: SpeechContext;
  /** Where rendered files are read and deleted; defaults to the one config.mediaStore names. */
  media?: MediaStore;
}

/** What route handlers read: the deps, resolved. */
export interface AppContext extends Omit<AppDeps, 'secrets' | 'rateLimits' | 'citizenVerifier' | 'media'> {
  secrets: Secrets;
  media: MediaStore;
  citizenVerifier: CitizenVerifier | null;
  metrics: Metrics;
  /** config.api.rateLimits with createApp's overrides (deps.rateLimits): what every limiter uses. */
  rateLimits: RateLimitSettings;
  /** Key prefix of every rate-limit counter in Redis. */
  rateLimitPrefix: string;
  /** The per-address budget of token misses, shared by the public routes and /api/events. */
  tokenMisses: TokenMissBudget;
  /** The per-address budget of failed API-key attempts. */
  keyAttempts: KeyAttempts;
}

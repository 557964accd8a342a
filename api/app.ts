import type { Server } from 'node:http';
import express, { type Express } from 'express';
import { createMediaStore } from '../server/media';
import { DEFAULT_PLAYER_DIR } from './built-page';
import { resolveSecrets } from '../server/secrets';
import { createCitizenVerifier } from './auth/citizen-jwt';
import type { AppContext, AppDeps } from './deps';
import { keyAttempts } from './middleware/api-key';
import { createMetrics, timeRequests } from './ops/metrics';
import { errorHandler, notFoundRoute } from './middleware/error-handler';
import { publicRateLimits, tokenMissBudget } from './middleware/rate-limit';
import { requestLog } from './middleware/request-log';
import { securityHeaders } from './middleware/security';
import { accessRoutes } from './access/routes';
import { analyticsRoutes } from './analytics/routes';
import { notificationRoutes } from './notify/routes';
import { campaignExportRoutes } from './campaigns/export-routes';
import { campaignUploadRoutes } from './campaigns/upload-routes';
import { campaignRoutes } from './campaigns/routes';
import { docsRoutes } from './openapi/docs-routes';
import { guideRoutes } from './guides/routes';
import { healthRoutes } from './ops/health';
import { impactRoutes } from './impact/routes';
import { meRoutes } from './access/me-routes';
import { playerAssets } from './ops/player-assets';
import { qrRoutes } from './access/qr-routes';
import { queueBoardRoutes } from './ops/queue-board';
import { triggerRoutes } from './guides/trigger-routes';

/**
 * The whole HTTP API from its dependencies. No globals: a test builds one with its own database
 * schema, queue prefix and rate-limit prefix, a bench with raised limits, npm start with the real ones.
 */
export function createApp(deps: AppDeps): Express {
  const settings = deps.config.api;
  // One set of limits for every limiter, createApp's overrides included (the events' miss budget
  // used to read config alone and ignored a test's or a bench's override).
  const rateLimits = { ...settings.rateLimits, ...deps.rateLimits };
  const rateLimitPrefix = deps.rateLimitPrefix ?? `${deps.config.queuePrefix}:rl:`;
  const ctx: AppContext = {
    ...deps,
    secrets: deps.secrets ?? resolveSecrets(deps.config),
    media: deps.media ?? createMediaStore(deps.config.mediaStore, deps.config.videoDir),
    citizenVerifier: deps.citizenVerifier === undefined ? createCitizenVerifier(deps.config) : deps.citizenVerifier,
    metrics: createMetrics(),
    rateLimits,
    rateLimitPrefix,
    tokenMisses: tokenMissBudget(deps.redis, rateLimitPrefix, rateLimits.tokenMisses, rateLimits.tokenMissWindowSeconds),
    keyAttempts: keyAttempts(deps.redis, rateLimitPrefix, rateLimits.keyFailures, rateLimits.keyFailureWindowSeconds),
  };
  const playerDir = deps.playerDir ?? DEFAULT_PLAYER_DIR;
  const limits = publicRateLimits(deps.redis, rateLimitPrefix, rateLimits, deps.logger);

  const app = express();
  app.disable('x-powered-by');
  // Answers behind tokens are no-store: ETags would only cost a hash per response.
  app.set('etag', false);
  app.set('trust proxy', settings.trustProxy);
  app.locals.ctx = ctx;

  app.use(requestLog(deps.logger), timeRequests(ctx.metrics), securityHeaders);
  app.use(healthRoutes(ctx), docsRoutes(deps.config.publicBaseUrl));

  // Public surface: every address has a request budget; token misses spend a much smaller one
  // (resolveToken), and a found token never does.
  app.use(['/g', '/api/access', '/api/media'], limits.general);
  app.use('/api/me', limits.general);
  app.use(accessRoutes(ctx, playerDir), meRoutes(ctx));

  // Operators and analysts.
  app.use(guideRoutes(ctx), qrRoutes(ctx), campaignRoutes(ctx), campaignUploadRoutes(ctx), campaignExportRoutes(ctx), triggerRoutes(ctx));
  app.use(queueBoardRoutes(ctx));
  app.use(analyticsRoutes(ctx), notificationRoutes(ctx), impactRoutes(ctx));

  // The built player's static files (JS, CSS, fonts), when present.
  app.use(playerAssets(playerDir));
  app.use(notFoundRoute);
  app.use(errorHandler(deps.logger));
  return app;
}

export const contextOf = (app: Express): AppContext => app.locals.ctx as AppContext;

/**
 * Node's HTTP server drops a request whose body takes longer than 5 minutes to arrive; a million-row
 * campaign upload takes longer. Headers must still arrive within a minute (slow-header attacks).
 */
export function tuneServer(server: Server): void {
  server.requestTimeout = 2 * 3600_000;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 65_000;
}

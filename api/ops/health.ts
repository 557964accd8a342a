import { Router } from 'express';
import type { z } from 'zod';
import type { liveness, Readiness } from '../../contract/health';
import type { AppContext } from '../deps';
import { requireConfiguredKey } from '../middleware/api-key';

/** Liveness says the process answers; readiness says it can do its job (database and Redis reachable). */
export function healthRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' } satisfies z.infer<typeof liveness>);
  });
  r.get('/readyz', async (_req, res) => {
    const timeout = <T>(p: Promise<T>) => Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    const [db, redis] = await Promise.all([
      timeout(ctx.db.query('SELECT 1')).then(
        () => true,
        () => false,
      ),
      timeout(ctx.redis.ping()).then(
        (p) => p === 'PONG',
        () => false,
      ),
    ]);
    res.status(db && redis ? 200 : 503).json({ status: db && redis ? 'ready' : 'not ready', checks: { database: db, redis } } satisfies Readiness);
  });
  // Prometheus behind its own key (METRICS_KEY, Bearer): the figures say how many guides, uploads and
  // token misses there are and how the process is doing, which is nobody's business but the
  // operator's monitoring. No key configured: not served at all.
  const metricsKey = ctx.config.metricsKey;
  if (metricsKey) {
    r.get('/metrics', requireConfiguredKey(ctx, metricsKey, 'GET /metrics'), async (_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
    });
  }
  return r;
}

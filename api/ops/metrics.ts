import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per app, so tests can build several apps in one process. Labels never hold tokens. */
export interface Metrics {
  registry: Registry;
  guidesCreated: Counter<'source'>;
  uploadRows: Counter<'outcome'>;
  tokenLookups: Counter<'outcome'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'videoguida_' });
  return {
    registry,
    guidesCreated: new Counter({ name: 'videoguida_guides_created_total', help: 'Guides created', labelNames: ['source'], registers: [registry] }),
    uploadRows: new Counter({ name: 'videoguida_upload_rows_total', help: 'Bulk upload rows by outcome', labelNames: ['outcome'], registers: [registry] }),
    tokenLookups: new Counter({
      name: 'videoguida_token_lookups_total',
      help: 'Token lookups by outcome (found or miss)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'videoguida_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
  };
}

/** Times every request under its route pattern (/g/:token), never its concrete URL. */
export function timeRequests(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ route, status: String(res.statusCode) });
    });
    next();
  };
}

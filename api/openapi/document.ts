import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { liveness, readiness } from '../../contract/health';
import { registerImpactPaths } from '../impact/openapi';
import { registerNotificationPaths } from '../notify/openapi';
import { registerAccessPaths } from '../access/openapi';
import { registerGuidePaths } from '../guides/openapi';
import { json, refusals, type PathFn } from './responses';

/** OpenAPI 3.1, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(publicBaseUrl: string): object {
  return new OpenApiGeneratorV31(apiRegistry().definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Videoguida API', version: '1.0.0', description: 'Personalised interactive video guides: guides, campaigns, links, access.' },
    servers: [{ url: publicBaseUrl }],
  });
}

/** Every documented route with its zod schemas: the document above, and the response-contract test. */
export function apiRoutes(): RouteConfig[] {
  return apiRegistry().definitions.flatMap((d) => (d.type === 'route' ? [d.route] : []));
}

function apiRegistry(): OpenAPIRegistry {
  const reg = new OpenAPIRegistry();
  reg.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'operator or analyst API key' });
  reg.registerComponent('securitySchemes', 'citizenJwt', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });

  const path: PathFn = (method, p, summary, { refuses = [], ...rest }) =>
    reg.registerPath({ method, path: p, summary, ...rest, responses: { ...rest.responses, ...refusals(...refuses) } });

  registerGuidePaths(path);
  registerAccessPaths(path);
  registerNotificationPaths(path);
  registerImpactPaths(path);
  path('get', '/healthz', 'Liveness', { responses: { 200: json(liveness, 'ok') } });
  path('get', '/readyz', 'Readiness: database and Redis', {
    responses: { 200: json(readiness, 'ready'), 503: json(readiness, 'not ready: the check that failed is false') },
  });
  path('get', '/metrics', 'Prometheus metrics (Bearer METRICS_KEY; not served without one)', {
    security: [{ apiKey: [] }],
    responses: { 200: { description: 'text exposition format' } },
    refuses: [
      {
        401: 'missing or wrong METRICS_KEY',
        404: 'METRICS_KEY not configured',
        429: 'too many failed key attempts from this address',
        503: 'Redis did not answer the failed-key budget',
      },
    ],
  });
  return reg;
}

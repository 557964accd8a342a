import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { eventBatch, viewingEvent } from '../../compositions/common/events';
import { envelopeSchema } from '../../compositions/guide-types';
import { accessManifest } from '../../contract/access-manifest';
import { myGuides } from '../../contract/reserved-area';
import { campaignStatsAnswer, statsAnswer } from '../../contract/stats';
import { campaignDetail, campaignList } from '../../contract/campaigns';
import { guideDetail, guideList, reissuedLink } from '../../contract/guides';
import { ingestReport, statsQuery } from '../analytics/stats-params';
import { MEDIA_FILES, type MediaFile } from '../access/manifest';
import { registerImpactPaths } from '../impact/openapi';
import { registerNotificationPaths } from '../notify/openapi';
import * as s from '../schemas';

type Method = RouteConfig['method'];

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(s.errorBody, description);
const tokenParam = z.object({ token: z.string().meta({ description: 'the opaque token of a link (never personal data)' }) });
const idParam = z.object({ id: s.uuid });

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
  const envelope = envelopeSchema.meta({ id: 'Envelope', description: 'Guide data envelope; add "notify": false to skip notifications' });
  const created = s.createdGuide.meta({ id: 'CreatedGuide' });
  const campaign = s.campaign.meta({ id: 'Campaign' });
  const op = [{ apiKey: [] }];

  const path = (method: Method, p: string, summary: string, rest: Partial<RouteConfig>) =>
    reg.registerPath({ method, path: p, summary, responses: {}, ...rest } as RouteConfig);

  path('post', '/api/guides', 'Create one guide (operator)', {
    security: op,
    request: { body: { content: { 'application/json': { schema: envelope } } } },
    responses: {
      201: json(created, 'created'),
      200: json(created, 'this externalRef exists: the existing guide'),
      413: error('body over 1 MB'),
      422: error('invalid envelope'),
    },
  });
  path('get', '/api/guides', 'List guides (operator)', {
    security: op,
    request: { query: s.guideListQuery },
    responses: { 200: json(guideList, 'guides, no personal data'), 400: error('invalid filter') },
  });
  path('get', '/api/guides/{id}', 'Status and links of a guide (operator)', {
    security: op,
    request: { params: idParam },
    responses: { 200: json(guideDetail, 'the guide and its links'), 400: error('not a UUID'), 404: error('no such guide') },
  });
  path('delete', '/api/guides/{id}', 'Delete a guide, its tokens and video (operator)', {
    security: op,
    request: { params: idParam },
    responses: { 204: { description: 'deleted' } },
  });
  path('get', '/api/guides/{id}/qr.png', 'QR code PNG (operator)', {
    security: op,
    request: { params: idParam, query: s.qrQuery },
    responses: { 200: { description: 'PNG', content: { 'image/png': { schema: z.string() } } } },
  });
  path('get', '/api/guides/{id}/qr.svg', 'QR code SVG (operator)', {
    security: op,
    request: { params: idParam, query: s.qrQuery },
    responses: { 200: { description: 'SVG', content: { 'image/svg+xml': { schema: z.string() } } } },
  });
  path('post', '/api/guides/{id}/tokens/{channel}', 'Re-issue a channel link (operator)', {
    security: op,
    request: { params: idParam.extend({ channel: s.channel }) },
    responses: {
      201: json(reissuedLink, 'new link; the old one answers 404'),
      404: error('no such guide'),
      409: error('held out of the impact evaluation: no links'),
    },
  });
  path('delete', '/api/guides/{id}/tokens/{channel}', 'Revoke a channel link (operator)', {
    security: op,
    request: { params: idParam.extend({ channel: s.channel }) },
    responses: { 204: { description: 'revoked' } },
  });
  path('post', '/api/campaigns', 'Create a campaign (operator)', {
    security: op,
    request: { body: { content: { 'application/json': { schema: s.newCampaign } } } },
    responses: { 201: json(campaign, 'created'), 422: error('invalid campaign') },
  });
  path('get', '/api/campaigns', 'List campaigns (operator, analyst)', {
    security: op,
    responses: { 200: json(campaignList, 'campaigns, newest first'), 400: error('invalid limit or after') },
  });
  path('get', '/api/campaigns/{id}', 'A campaign with guide counts per status (operator, analyst)', {
    security: op,
    request: { params: idParam },
    responses: { 200: json(campaignDetail, 'campaign with its guides per status'), 400: error('not a UUID'), 404: error('no such campaign') },
  });
  path('post', '/api/campaigns/{id}/guides', 'Bulk upload, streamed (operator)', {
    security: op,
    description:
      'NDJSON (application/x-ndjson, one envelope per line) or CSV (text/csv, header of envelope dot paths, JSON in cells for arrays). Idempotent by externalRef; answers a per-row report.',
    request: { params: idParam, body: { content: { 'application/x-ndjson': { schema: z.string() }, 'text/csv': { schema: z.string() } } } },
    responses: {
      200: { description: 'report: rows, created, existing, rejected, errors [{line, field, message}]' },
      415: error('other content type'),
      422: error('CSV header lacks a required column'),
    },
  });
  path('get', '/api/campaigns/{id}/export', 'Print-shop export: externalRef, link, QR SVG per guide (operator)', {
    security: op,
    request: { params: idParam, query: s.exportQuery },
    responses: { 200: { description: 'NDJSON or CSV stream' } },
  });
  path('post', '/api/triggers', 'Upstream event creating one guide (operator)', {
    security: op,
    request: { body: { content: { 'application/json': { schema: s.trigger } } } },
    responses: { 201: json(created, 'created') },
  });
  path('get', '/g/{token}', 'Player page (public)', {
    request: { params: tokenParam },
    responses: { 200: { description: 'HTML' }, 404: { description: 'unknown, expired or revoked (one answer)' } },
  });
  path('get', '/api/access/{token}', 'Guide manifest for the player (public)', {
    request: { params: tokenParam },
    responses: { 200: json(accessManifest, 'manifest'), 404: error('unknown, expired or revoked (one answer)'), 429: error('too many requests or misses') },
  });
  path('get', '/api/media/{token}/{file}', 'Rendered video, poster, captions, chapters; Range supported (public)', {
    request: { params: tokenParam.extend({ file: z.enum(Object.keys(MEDIA_FILES) as [MediaFile, ...MediaFile[]]) }) },
    responses: {
      200: { description: 'file (also for disjoint ranges: no multipart)' },
      206: { description: 'partial content' },
      404: error('not found'),
      416: error('malformed or unsatisfiable bytes range; Content-Range: bytes */<size>'),
      429: error('too many requests or misses'),
    },
  });
  path('get', '/api/access/{token}/narrated', 'The manifest once live narration is synthesised or has failed; waits a bounded time (public)', {
    request: { params: tokenParam },
    responses: {
      200: json(
        accessManifest,
        'the manifest: narrationStatus ready (its audio plays in sync), unavailable (captions only) or pending (still synthesising after the bounded wait)',
      ),
      404: error('unknown, expired or revoked (one answer)'),
    },
  });
  path(
    'get',
    '/api/media/{token}/narration/{file}',
    "One scene's live narration, named <scene>-<content hash>.webm as the manifest lists it (Opus, 32 kb/s); the same name in .m4a is AAC (64 kb/s, for browsers without Opus) and in .wav the 48 kHz source; Range supported (public)",
    {
      request: { params: tokenParam.extend({ file: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}-[0-9a-f]{16}\.(webm|m4a|wav)$/) }) },
      responses: {
        200: { description: 'audio/wav, private cache' },
        206: { description: 'partial content' },
        404: error('unknown scene, stale hash or token'),
      },
    },
  );
  path('get', '/embed', 'Embeddable player page for an iframe; the token travels in the fragment (/embed#<token>), never to a server (public)', {
    responses: { 200: { description: 'HTML (frame-ancestors from EMBED_FRAME_ANCESTORS)' } },
  });
  path('get', '/embed/example', 'An example host page embedding the player (docs/embed-example.html)', { responses: { 200: { description: 'HTML' } } });
  path('get', '/api/me/guides', "The reserved-area citizen's guides (JWT, fiscal code in sub)", {
    security: [{ citizenJwt: [] }],
    responses: { 200: json(myGuides, 'guides with their app links'), 401: error('invalid token'), 503: error('reserved area not configured') },
  });
  // Issue #7: viewing events and statistics (docs/metrics.md defines every figure).
  const batch = eventBatch.extend({ events: z.array(viewingEvent).min(1).max(100) }).meta({ id: 'EventBatch' });
  path('post', '/api/events', 'Viewing events from the player (public; the token is in the body)', {
    description:
      "Up to 100 events, as application/json or text/plain (sendBeacon), from this server's own pages only (a browser request from another site is 403). Each event is validated on its own: malformed ones are reported with field and reason, the others stored; an event's `at` must lie within EVENTS_MAX_AGE before and EVENTS_MAX_AHEAD after the server's clock. Events of more than EVENTS_VIEWS_PER_BATCH views in the batch, of views past EVENTS_VIEWS_PER_TOKEN_PER_HOUR for the link, or a view's ratings past 3 are rejected one by one (field viewId or kind). Answered once stored; a replayed event id is stored once.",
    request: { body: { content: { 'application/json': { schema: batch }, 'text/plain': { schema: batch } } } },
    responses: {
      202: json(ingestReport, 'stored; rejected events listed'),
      403: error("sent by another site's page (cross_origin)"),
      404: error('unknown, expired or revoked token'),
      413: error('body over 64 KB'),
      422: error('not a batch (invalid_batch), no valid event in it (invalid_events), or a value the database refused (events_refused): do not send again'),
      429: error('too many batches from this address or link, or too many token misses from this address'),
      503: error('not stored: send again'),
    },
  });
  const an = [{ apiKey: [] }];
  path('get', '/api/stats', 'Viewing statistics of the guides produced in a period (analyst)', {
    security: an,
    request: { query: statsQuery },
    responses: {
      200: json(statsAnswer, 'every figure of docs/metrics.md for the guides produced in the period'),
      400: error('invalid filter'),
    },
  });
  path('get', '/api/stats/campaigns', 'Per campaign and channel: notified, links issued, notifications sent, opened, viewers (analyst)', {
    security: an,
    request: { query: statsQuery },
    responses: { 200: json(campaignStatsAnswer, 'campaigns'), 400: error('invalid filter') },
  });
  path('get', '/dashboard', "Analysts' dashboard (HTML; the key is typed in the page)", {
    responses: { 200: { description: 'HTML' }, 503: { description: 'dashboard not built' } },
  });
  registerNotificationPaths(path, json, error);
  registerImpactPaths(path, json, error);
  path('get', '/healthz', 'Liveness', { responses: { 200: { description: 'ok' } } });
  path('get', '/readyz', 'Readiness: database and Redis', { responses: { 200: { description: 'ready' }, 503: { description: 'not ready' } } });
  path('get', '/metrics', 'Prometheus metrics (Bearer METRICS_KEY; not served without one)', {
    security: [{ apiKey: [] }],
    responses: {
      200: { description: 'text exposition format' },
      401: error('missing or wrong METRICS_KEY'),
      404: error('METRICS_KEY not configured'),
      429: error('too many failed key attempts from this address'),
    },
  });

  return reg;
}

import { z } from 'zod';
import { eventBatch, viewingEvent } from '../../compositions/common/events';
import { accessManifest } from '../../contract/access-manifest';
import { eventsReport } from '../../contract/reports';
import { myGuides } from '../../contract/reserved-area';
import { campaignStatsAnswer, statsAnswer } from '../../contract/stats';
import { MEDIA_FILES, type MediaFile } from './manifest';
import { statsQuery } from '../analytics/stats-params';
import { citizenJwt, json, keyed, linkBudget, tokenRefusals, type PathFn } from '../openapi/responses';

const tokenParam = z.object({ token: z.string().meta({ description: 'the opaque token of a link (never personal data)' }) });
const range = { 412: 'If-Match or If-Unmodified-Since does not hold', 416: 'malformed or unsatisfiable bytes range; Content-Range: bytes */<size>' };

/** The citizens' side (links, media, the reserved area, viewing events) and the analysts' statistics. */
export function registerAccessPaths(path: PathFn): void {
  path('get', '/g/{token}', 'Player page (public)', {
    request: { params: tokenParam },
    responses: { 200: { description: 'HTML' }, 404: { description: 'unknown, expired or revoked (one answer, an HTML page)' } },
    refuses: [linkBudget],
  });
  path('get', '/api/access/{token}', 'Guide manifest for the player (public)', {
    request: { params: tokenParam },
    responses: { 200: json(accessManifest, 'manifest') },
    refuses: [tokenRefusals],
  });
  path('get', '/api/media/{token}/{file}', 'Rendered video, poster, captions, chapters; Range supported (public)', {
    request: { params: tokenParam.extend({ file: z.enum(Object.keys(MEDIA_FILES) as [MediaFile, ...MediaFile[]]) }) },
    responses: { 200: { description: 'file (also for disjoint ranges: no multipart)' }, 206: { description: 'partial content' } },
    refuses: [tokenRefusals, { 404: 'no such file (not rendered)' }, range, { 503: 'the media store did not answer' }],
  });
  path('get', '/api/access/{token}/narrated', 'The manifest once live narration is synthesised or has failed; waits a bounded time (public)', {
    request: { params: tokenParam },
    responses: {
      200: json(
        accessManifest,
        'the manifest: narrationStatus ready (its audio plays in sync), unavailable (captions only) or pending (still synthesising after the bounded wait)',
      ),
    },
    refuses: [tokenRefusals],
  });
  path(
    'get',
    '/api/media/{token}/narration/{file}',
    "One scene's live narration, named <scene>-<content hash>.webm as the manifest lists it (Opus, 32 kb/s); the same name in .m4a is AAC (64 kb/s, for browsers without Opus) and in .wav the 48 kHz source; Range supported (public)",
    {
      request: { params: tokenParam.extend({ file: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}-[0-9a-f]{16}\.(webm|m4a|wav)$/) }) },
      responses: { 200: { description: 'audio/wav, private cache' }, 206: { description: 'partial content' } },
      refuses: [tokenRefusals, { 404: 'unknown scene, stale hash, or no speech engine' }, range],
    },
  );
  path('get', '/embed', 'Embeddable player page for an iframe; the token travels in the fragment (/embed#<token>), never to a server (public)', {
    responses: { 200: { description: 'HTML (frame-ancestors from EMBED_FRAME_ANCESTORS)' } },
    refuses: [{ 404: 'the player is not built' }],
  });
  path('get', '/embed/example', 'An example host page embedding the player (docs/embed-example.html)', {
    responses: { 200: { description: 'HTML' } },
    refuses: [{ 404: 'no example page in this installation' }],
  });
  path('get', '/api/me/guides', "The reserved-area citizen's guides (JWT, fiscal code in sub)", {
    security: [{ citizenJwt: [] }],
    responses: { 200: json(myGuides, 'guides with their app links') },
    refuses: [citizenJwt],
  });
  // Issue #7: viewing events and statistics (docs/metrics.md defines every figure).
  const batch = eventBatch.extend({ events: z.array(viewingEvent).min(1).max(100) }).meta({ id: 'EventBatch' });
  path('post', '/api/events', 'Viewing events from the player (public; the token is in the body)', {
    description:
      "Up to 100 events, as application/json or text/plain (sendBeacon), from this server's own pages only (a browser request from another site is 403). Each event is validated on its own: malformed ones are reported with field and reason, the others stored; an event's `at` must lie within EVENTS_MAX_AGE before and EVENTS_MAX_AHEAD after the server's clock. Events of more than EVENTS_VIEWS_PER_BATCH views in the batch, of views past EVENTS_VIEWS_PER_TOKEN_PER_HOUR for the link, or a view's ratings past 3 are rejected one by one (field viewId or kind). Answered once stored; a replayed event id is stored once.",
    request: { body: { content: { 'application/json': { schema: batch }, 'text/plain': { schema: batch } } } },
    responses: { 202: json(eventsReport, 'stored; rejected events listed') },
    refuses: [
      {
        400: 'malformed JSON',
        403: "sent by another site's page (cross_origin)",
        404: 'unknown, expired or revoked token',
        413: 'body over 64 KB',
        415: 'neither application/json nor text/plain',
        422: 'not a batch (invalid_batch), no valid event in it (invalid_events), or a value the database refused (events_refused): do not send again',
        429: 'too many batches from this address or link, or too many token misses from this address',
        503: 'not stored (the database or Redis did not answer, or the server is restarting): send again',
      },
    ],
  });
  const analyst = [keyed('analyst'), { 400: 'invalid filter' }];
  path('get', '/api/stats', 'Viewing statistics of the guides produced in a period (analyst)', {
    security: [{ apiKey: [] }],
    request: { query: statsQuery },
    responses: { 200: json(statsAnswer, 'every figure of docs/metrics.md for the guides produced in the period') },
    refuses: analyst,
  });
  path('get', '/api/stats/campaigns', 'Per campaign and channel: notified, links issued, notifications sent, opened, viewers (analyst)', {
    security: [{ apiKey: [] }],
    request: { query: statsQuery },
    responses: { 200: json(campaignStatsAnswer, 'campaigns') },
    refuses: analyst,
  });
  path('get', '/dashboard', "Analysts' dashboard (HTML; the key is typed in the page)", {
    responses: { 200: { description: 'HTML' }, 503: { description: 'dashboard not built (an HTML page)' } },
  });
}

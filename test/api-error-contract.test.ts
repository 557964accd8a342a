import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { generateEnvelopes } from '../compositions/generator/generate';
import { errorBody } from '../contract/errors';
import { apiRoutes } from '../api/openapi/document';
import { call, tokenOf } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';

/**
 * The refusals of the contract (issue #19): each route's document lists the error statuses the code
 * can answer, each with the one error body of contract/errors.ts. Here a sample of routes is made to
 * refuse, as a client would make them, and each answer must carry the status expected, be a status
 * the document lists for that route with the shared schema, and parse with it.
 */

type Init = Parameters<typeof call>[3];
type Provoked = { route: string; path: string; init?: Init; status: number; method?: string; times?: number };
type Documented = { content?: Record<string, { schema?: z.ZodType }> } | undefined;
const key = (r: Pick<RouteConfig, 'method' | 'path'>) => `${r.method.toUpperCase()} ${r.path}`;
const routes = new Map(apiRoutes().map((r) => [key(r), r]));
/** Answers of an error status that are not the error body: HTML pages and the readiness figures. */
const NOT_ERROR_BODIES = new Set(['GET /g/{token} 404', 'GET /dashboard 503', 'GET /console 503', 'GET /readyz 503']);

describe('the error statuses the document lists are the ones the routes answer', () => {
  const samples: Provoked[] = [];

  // A tiny failed-key budget, so the 429 of a guessing address is reached in three requests.
  const api = useTestApi({ backend: 'postgres', label: 'api_error_contract', rateLimits: { keyFailures: 2 } }, async () => {
    const [envelope] = [...generateEnvelopes('red', 1, 'api-error-contract')];
    const guide = await (await call(api, 'POST', '/api/guides', { body: envelope })).json();
    const campaign = await (await call(api, 'POST', '/api/campaigns', { body: { name: 'Errors', guideType: 'red', holdoutShare: 0.5 } })).json();
    const rows = [...generateEnvelopes('red', 16, 'api-error-contract-holdout')].map((e) => `${JSON.stringify(e)}\n`).join('');
    await call(api, 'POST', `/api/campaigns/${campaign.id}/guides`, { raw: rows, headers: { 'content-type': 'application/x-ndjson' } });
    const list = await (await call(api, 'GET', `/api/guides?campaignId=${campaign.id}`)).json();
    const heldOut = (list.guides as { id: string; heldOut: boolean }[]).find((g) => g.heldOut)!;
    const missing = crypto.randomUUID();
    const an = { key: api.analystKey };
    const json = (raw: string, type = 'application/json') => ({ raw, headers: { 'content-type': type } });
    const add = (route: string, status: number, path: string, init?: Init, extra: Partial<Provoked> = {}) =>
      samples.push({ route, status, path, init, ...extra });

    add('POST /api/guides', 401, '/api/guides', { key: null, body: envelope });
    add('POST /api/guides', 403, '/api/guides', { ...an, body: envelope });
    add('POST /api/guides', 400, '/api/guides', json('{"citizen":'));
    add('POST /api/guides', 413, '/api/guides', json(JSON.stringify({ pad: 'x'.repeat(1_100_000) })));
    add('POST /api/guides', 415, '/api/guides', json(JSON.stringify(envelope), 'text/plain'));
    add('POST /api/guides', 422, '/api/guides', { body: { type: 'red' } });
    add('GET /api/guides', 400, '/api/guides?limit=0');
    add('GET /api/guides/{id}', 400, '/api/guides/not-a-uuid');
    add('GET /api/guides/{id}', 404, `/api/guides/${missing}`);
    add('GET /api/guides', 429, '/api/guides', { key: 'k'.repeat(40) }, { times: 3 });
    add('POST /api/guides/{id}/tokens/{channel}', 409, `/api/guides/${heldOut.id}/tokens/sms`);
    add('POST /api/guides/{id}/tokens/{channel}', 400, `/api/guides/${guide.id}/tokens/fax`);
    add('POST /api/campaigns', 422, '/api/campaigns', { body: { name: 'a<b>', guideType: 'red' } });
    add('GET /api/campaigns/{id}', 404, `/api/campaigns/${missing}`);
    add('POST /api/campaigns/{id}/guides', 415, `/api/campaigns/${campaign.id}/guides`, json('<guides/>', 'application/xml'));
    add('POST /api/campaigns/{id}/guides', 422, `/api/campaigns/${campaign.id}/guides`, json('externalRef\nX-1\n', 'text/csv'));
    add('GET /api/campaigns/{id}/export', 400, `/api/campaigns/${campaign.id}/export?format=xml`);
    add('POST /api/triggers', 422, '/api/triggers', { body: { event: 'naspi.accepted', envelope } });
    add('GET /api/access/{token}', 404, `/api/access/${'x'.repeat(32)}`, { key: null });
    add('GET /api/media/{token}/{file}', 404, `/api/media/${tokenOf(guide.links.qr)}/video.mp4`, { key: null });
    const event = { id: crypto.randomUUID(), viewId: crypto.randomUUID(), kind: 'view_start', at: new Date().toISOString(), frame: 0 };
    const batch = { token: tokenOf(guide.links.qr), events: [event] };
    add('POST /api/events', 403, '/api/events', { key: null, headers: { origin: 'https://elsewhere.example' }, body: batch });
    add('POST /api/events', 422, '/api/events', { key: null, headers: { origin: api.url }, body: { token: batch.token, events: [{ kind: 'nope' }] } });
    add('POST /api/events', 404, '/api/events', { key: null, headers: { origin: api.url }, body: { ...batch, token: 'y'.repeat(32) } });
    add('GET /api/stats', 400, '/api/stats?from=yesterday', an);
    add('GET /api/stats', 403, '/api/stats');
    add('GET /api/me/guides', 401, '/api/me/guides', { key: null });
    add('PUT /api/me/consents', 401, '/api/me/consents', { key: null, body: { proactive: true } });
    add('PUT /api/consents', 415, '/api/consents', json('{}', 'text/plain'));
    add('PUT /api/consents', 403, '/api/consents', { ...an, ...json('{}\n', 'application/x-ndjson') });
    add('POST /api/notifications/history', 422, '/api/notifications/history', { body: { fiscalCode: 'RSSMRA80A01H501' } });
    add('POST /api/notifications/history', 403, '/api/notifications/history', { ...an, body: { fiscalCode: 'RSSMRA80A01H501U' } });
    add('POST /api/notifications/receipts', 401, '/api/notifications/receipts', { key: null, body: { id: missing, status: 'delivered' } });
    add('GET /api/notifications/stats', 400, '/api/notifications/stats?province=Roma', an);
    add('POST /api/outcomes', 403, '/api/outcomes', { ...an, ...json('{}\n', 'application/x-ndjson') });
    add('GET /api/impact', 400, '/api/impact', an);
    add('GET /api/impact', 404, `/api/impact?campaign=${missing}`, an);
    add('GET /metrics', 404, '/metrics', { key: null });
  });

  it('gives every error status of every route the shared error body', () => {
    const other: string[] = [];
    for (const [k, route] of routes)
      for (const [status, response] of Object.entries(route.responses)) {
        if (Number(status) < 400 || NOT_ERROR_BODIES.has(`${k} ${status}`)) continue;
        if ((response as Documented)?.content?.['application/json']?.schema !== errorBody) other.push(`${k} ${status}`);
      }
    expect(other).toEqual([]);
  });

  it('answers each provoked refusal with its documented status and the shared error body', async () => {
    const failures: string[] = [];
    for (const s of samples) {
      const route = routes.get(s.route);
      if (!route) {
        failures.push(`${s.route}: not in the document`);
        continue;
      }
      let res = await call(api, s.method ?? route.method.toUpperCase(), s.path, s.init);
      for (let i = 1; i < (s.times ?? 1); i += 1) res = await call(api, s.method ?? route.method.toUpperCase(), s.path, s.init);
      const body = await res.json().catch(() => null);
      const where = `${s.route} (${s.path.slice(0, 60)})`;
      if (res.status !== s.status) failures.push(`${where}: expected ${s.status}, got ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      const documented = route.responses[res.status] as Documented;
      if (!documented) failures.push(`${where}: ${res.status} is not a documented status (${Object.keys(route.responses).join(', ')})`);
      else if (documented.content?.['application/json']?.schema !== errorBody) failures.push(`${where}: ${res.status} is documented without the error schema`);
      const parsed = errorBody.safeParse(body);
      if (!parsed.success) failures.push(`${where}: ${JSON.stringify(parsed.error.issues.slice(0, 2))}`);
    }
    expect(failures).toEqual([]);
    expect(new Set(samples.map((s) => s.status))).toEqual(new Set([400, 401, 403, 404, 409, 413, 415, 422, 429]));
  });
});

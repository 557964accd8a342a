import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { generateEnvelopes } from '../compositions/generator/generate';
import { demoKeyPair, signDemoToken } from '../api/auth/demo-keys';
import { apiRoutes } from '../api/openapi/document';
import { romeToday } from '../server/impact/ingest-outcomes';
import { SIGNATURE_HEADER, signBody } from '../server/notify/signature';
import { call, tokenOf } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';

/**
 * The response contract (issue #19): every route the OpenAPI document lists is requested as a client
 * would, against the real API on PostgreSQL, and its answer must carry a status the document lists
 * for it and, where the document gives that status a JSON schema, parse with that very zod schema
 * (the one the player and the staff pages parse with). A route added to the document without a
 * request here fails the last test, so the contract cannot silently grow untested.
 */

type Sample = { path: string; init?: Parameters<typeof call>[3] };
const key = (r: Pick<RouteConfig, 'method' | 'path'>) => `${r.method.toUpperCase()} ${r.path}`;
const ndjson = (rows: unknown[]): Sample['init'] => ({
  raw: rows.map((r) => `${JSON.stringify(r)}\n`).join(''),
  headers: { 'content-type': 'application/x-ndjson' },
});

/** Routes not requested here, and why (each is tested in its own file). */
const NOT_REQUESTED: Record<string, string> = {
  'GET /api/media/{token}/{file}': 'needs a rendered guide (media-store-s3-render.test.ts, player-delivery.test.ts)',
  'GET /api/media/{token}/narration/{file}': 'needs a speech engine (player-narration.test.ts)',
  'GET /metrics': 'served only with METRICS_KEY (security-operators.test.ts)',
  'GET /dashboard': 'a built page (analytics-dashboard.test.ts)',
  'GET /console': 'a built page (notify-console.test.ts)',
  'GET /embed': 'a built page (player-embed.test.ts)',
  'GET /embed/example': 'a built page (player-embed.test.ts)',
  'GET /g/{token}': 'a built page (player-citizen.test.ts)',
};

describe('every documented route answers as the contract says', () => {
  const samples = new Map<string, Sample>();
  const routes = apiRoutes();

  const api = useTestApi({ backend: 'postgres', label: 'api_contract' }, async () => {
    const [envelope, other] = [...generateEnvelopes('red', 2, 'api-contract')];
    const { fiscalCode } = (envelope as { citizen: { fiscalCode: string } }).citizen;
    // Consent first, so the guide's notification is queued and the citizen's history lists it.
    await call(api, 'PUT', '/api/consents', ndjson([{ fiscalCode, proactive: true, email: 'citizen@example.org' }]));
    const guide = await (await call(api, 'POST', '/api/guides', { body: envelope })).json();
    const spare = await (await call(api, 'POST', '/api/guides', { body: other })).json();
    const campaign = await (await call(api, 'POST', '/api/campaigns', { body: { name: 'Contract', guideType: 'red' } })).json();
    const token = tokenOf(guide.links.qr);
    // The citizen of the first guide, signed in to the reserved area (the demo key pair outside production).
    const citizen = {
      key: null,
      headers: {
        authorization: `Bearer ${await signDemoToken(demoKeyPair(api.config.dataDir), fiscalCode)}`,
      },
    };
    const an = { key: api.analystKey };
    const add = (k: string, s: Sample) => samples.set(k, s);
    add('POST /api/guides', { path: '/api/guides', init: { body: [...generateEnvelopes('red', 1, 'api-contract-new')][0] } });
    add('GET /api/guides', { path: '/api/guides' });
    add('GET /api/guides/{id}', { path: `/api/guides/${guide.id}` });
    add('DELETE /api/guides/{id}', { path: `/api/guides/${spare.id}` });
    add('GET /api/guides/{id}/qr.png', { path: `/api/guides/${guide.id}/qr.png` });
    add('GET /api/guides/{id}/qr.svg', { path: `/api/guides/${guide.id}/qr.svg` });
    add('POST /api/guides/{id}/tokens/{channel}', { path: `/api/guides/${guide.id}/tokens/sms` });
    add('DELETE /api/guides/{id}/tokens/{channel}', { path: `/api/guides/${guide.id}/tokens/email` });
    add('POST /api/campaigns', { path: '/api/campaigns', init: { body: { name: 'Contract 2', guideType: 'naspi' } } });
    add('GET /api/campaigns', { path: '/api/campaigns' });
    add('GET /api/campaigns/{id}', { path: `/api/campaigns/${campaign.id}` });
    const uploaded = [...generateEnvelopes('red', 2, 'api-contract-upload')];
    add('POST /api/campaigns/{id}/guides', { path: `/api/campaigns/${campaign.id}/guides`, init: ndjson(uploaded) });
    add('GET /api/campaigns/{id}/export', { path: `/api/campaigns/${campaign.id}/export` });
    add('POST /api/triggers', {
      path: '/api/triggers',
      init: { body: { event: 'red.reminder', envelope: [...generateEnvelopes('red', 1, 'api-contract-trigger')][0] } },
    });
    add('GET /api/access/{token}', { path: `/api/access/${token}` });
    add('GET /api/access/{token}/narrated', { path: `/api/access/${token}/narrated` });
    add('POST /api/events', {
      path: '/api/events',
      init: {
        key: null,
        headers: { origin: api.url },
        body: { token, events: [{ id: crypto.randomUUID(), viewId: crypto.randomUUID(), kind: 'view_start', at: new Date().toISOString(), frame: 0 }] },
      },
    });
    add('GET /api/stats', { path: '/api/stats', init: an });
    add('GET /api/stats/campaigns', { path: '/api/stats/campaigns', init: an });
    add('GET /api/notifications/stats', { path: '/api/notifications/stats', init: an });
    add('GET /api/impact', { path: `/api/impact?campaign=${campaign.id}`, init: an });
    add('GET /api/me/guides', { path: '/api/me/guides', init: citizen });
    add('GET /api/me/consents', { path: '/api/me/consents', init: citizen });
    add('PUT /api/me/consents', { path: '/api/me/consents', init: { ...citizen, body: { proactive: true, email: 'citizen@example.org' } } });
    add('PUT /api/consents', { path: '/api/consents', init: ndjson([{ fiscalCode, proactive: true, email: 'citizen@example.org', app: true }]) });
    add('POST /api/notifications/history', { path: '/api/notifications/history', init: { body: { fiscalCode } } });
    const receipt = JSON.stringify({ id: crypto.randomUUID(), status: 'delivered' });
    const signature = signBody(api.ctx.secrets.notifyWebhookSecret!, receipt);
    add('POST /api/notifications/receipts', {
      path: '/api/notifications/receipts',
      init: { key: null, raw: receipt, headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature } },
    });
    const { externalRef } = uploaded[0] as { externalRef: string };
    add('POST /api/outcomes', {
      path: '/api/outcomes',
      init: ndjson([{ outcomeId: 'api-contract-1', campaignId: campaign.id, externalRef, kind: 'branch_visit', date: romeToday() }]),
    });
    add('GET /healthz', { path: '/healthz' });
    add('GET /readyz', { path: '/readyz' });
    add('GET /api/openapi.json', { path: '/api/openapi.json', init: { key: null } });
    add('GET /api/docs', { path: '/api/docs', init: { key: null } });
  });

  it('lists a request, or the reason for none, for every route of the document', () => {
    const missing = routes.map(key).filter((k) => !samples.has(k) && !(k in NOT_REQUESTED));
    expect(missing).toEqual([]);
  });

  it('answers each request with a documented status, and a JSON answer that parses with its schema', async () => {
    const failures: string[] = [];
    const parsedWith: string[] = [];
    for (const route of routes) {
      const sample = samples.get(key(route));
      if (!sample) continue;
      const res = await call(api, route.method.toUpperCase(), sample.path, sample.init);
      const documented = route.responses[res.status] as { content?: Record<string, { schema?: z.ZodType }> } | undefined;
      if (!documented) {
        failures.push(`${key(route)}: ${res.status} is not a documented status (${Object.keys(route.responses).join(', ')})`);
        continue;
      }
      const schema = documented.content?.['application/json']?.schema;
      if (!schema || !(res.headers.get('content-type') ?? '').startsWith('application/json')) continue;
      const parsed = schema.safeParse(await res.json());
      parsedWith.push(key(route));
      if (!parsed.success) failures.push(`${key(route)} ${res.status}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
    }
    expect(failures).toEqual([]);
    // The player's own answer is among those checked against their schema.
    expect(parsedWith).toEqual(
      expect.arrayContaining([
        'GET /api/access/{token}',
        'GET /api/access/{token}/narrated',
        'POST /api/guides',
        'GET /api/guides',
        'GET /api/guides/{id}',
        'POST /api/guides/{id}/tokens/{channel}',
        'GET /api/campaigns',
        'GET /api/campaigns/{id}',
        'GET /api/notifications/stats',
        'GET /api/impact',
        'GET /api/stats',
        'GET /api/stats/campaigns',
        'GET /api/me/guides',
        'GET /api/me/consents',
        'PUT /api/me/consents',
        'POST /api/campaigns/{id}/guides',
        'POST /api/triggers',
        'PUT /api/consents',
        'POST /api/notifications/history',
        'POST /api/notifications/receipts',
        'POST /api/outcomes',
        'POST /api/events',
        'GET /healthz',
        'GET /readyz',
      ]),
    );
  });
});

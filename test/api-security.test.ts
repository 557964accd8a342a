import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { demoKeyPair, signDemoToken } from '../api/auth/demo-keys';
import { errorHandler } from '../api/middleware/error-handler';
import { call, tokenOf } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';

describe('logs, documentation, health and operations (PGlite)', () => {
  const api = useTestApi({ backend: 'pglite', label: 'api_security', env: { METRICS_KEY: 'm'.repeat(40) } });

  it('logs no token, fiscal code, name, JWT or API key while serving every kind of request', async () => {
    const envs = [...generateEnvelopes('all', 6, 'log-capture')] as Record<string, any>[];
    const secrets: string[] = [api.operatorKey, api.analystKey];
    const created = [];
    for (const e of envs) {
      const body = await (await call(api, 'POST', '/api/guides', { body: e })).json();
      created.push(body);
      secrets.push(...Object.values<string>(body.links).map(tokenOf));
      if (e.citizen) secrets.push(e.citizen.fiscalCode, e.citizen.givenName, e.citizen.familyName);
    }
    const bad = { ...envs[0], externalRef: 'LOG-BAD', citizen: { ...envs[0]!.citizen, fiscalCode: 'RSSMRA79B11C566X' } };
    await call(api, 'POST', '/api/guides', { body: bad });
    const campaign = await (await call(api, 'POST', '/api/campaigns', { body: { guideType: 'naspi', name: 'log', renderPolicy: 'lazy' } })).json();
    await call(api, 'POST', `/api/campaigns/${campaign.id}/guides`, {
      raw: `${JSON.stringify(envs[0])}\n${JSON.stringify(bad)}\n{oops\n`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    for (const g of created) {
      await fetch(g.links.qr);
      await fetch(`${api.url}/api/access/${tokenOf(g.links.sms)}`);
      await fetch(`${api.url}/api/media/${tokenOf(g.links.app)}/video.mp4`);
      await call(api, 'GET', `/api/guides/${g.id}/qr.png`);
    }
    await call(api, 'GET', `/api/campaigns/${campaign.id}/export`).then((r) => r.text());
    const jwt = await signDemoToken(demoKeyPair(api.config.dataDir), envs[0]!.citizen.fiscalCode);
    secrets.push(jwt);
    await fetch(`${api.url}/api/me/guides`, { headers: { authorization: `Bearer ${jwt}` } });
    await fetch(`${api.url}/api/access/${'Q'.repeat(32)}?token=${tokenOf(created[0].links.email)}`);
    await call(api, 'POST', '/api/triggers', { body: { event: 'naspi.accepted', envelope: envs[0] } });

    const logs = api.logs.join('');
    expect(api.logs.length).toBeGreaterThan(30);
    expect(logs).toContain('/api/access/[token]');
    expect(logs).toContain('/g/[token]');
    for (const s of secrets) expect(logs, `log mentions ${s.slice(0, 6)}…`).not.toContain(s);
    expect(logs).not.toContain('RSSMRA79B11C566X');
    expect(logs).not.toMatch(/"(body|headers)"/);
  });

  it('publishes OpenAPI 3.1 generated from the schemas and a local docs page', async () => {
    const doc = await (await fetch(`${api.url}/api/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/guides', '/api/campaigns/{id}/guides', '/api/access/{token}', '/api/guides/{id}/qr.png', '/api/me/guides'])
      expect(doc.paths[p]).toBeDefined();
    expect(doc.components.schemas.Envelope.oneOf).toHaveLength(6);
    const page = await fetch(`${api.url}/api/docs`);
    const html = await page.text();
    expect(html).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>[^<]/);
    const bundle = await fetch(`${api.url}/api/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers health, readiness and Prometheus metrics without tokens in labels', async () => {
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${api.url}/readyz`)).json()).toEqual({ status: 'ready', checks: { database: true, redis: true } });
    // Behind METRICS_KEY (issue #15): the scraper sends it as Bearer.
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    const metrics = await (await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${'m'.repeat(40)}` } })).text();
    expect(metrics).toContain('videoguida_http_request_duration_seconds_bucket');
    expect(metrics).toContain('route="/api/access/:token"');
    expect(metrics).toMatch(/videoguida_guides_created_total\{source="single"\} \d+/);
    expect(metrics).not.toMatch(/\/g\/[A-Za-z0-9_-]{32}/);
  });

  it('puts Bull Board behind the operator key (Basic auth for browsers)', async () => {
    const none = await fetch(`${api.url}/admin/queues`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`operator:${key}`).toString('base64')}` });
    expect((await fetch(`${api.url}/admin/queues`, { headers: basic(api.analystKey) })).status).toBe(403);
    const ok = await fetch(`${api.url}/admin/queues/api/queues`, { headers: basic(api.operatorKey) });
    expect(ok.status).toBe(200);
    expect((await ok.json()).queues[0].name).toBe('render');
  });

  it('answers unknown routes and internal failures with the error shape only', async () => {
    const res = await fetch(`${api.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'not found', field: null } });
    const app = express();
    app.get('/boom', () => {
      throw new Error('relation "guides" does not exist at /srv/app/db.ts:12');
    });
    app.use(errorHandler(api.ctx.logger));
    const server = app.listen(0);
    try {
      const boom = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/boom`);
      expect(boom.status).toBe(500);
      expect(await boom.json()).toEqual({ error: { code: 'internal', message: 'internal error', field: null } });
    } finally {
      server.close();
    }
  });
});

import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { BACKENDS } from './helpers/databases';
import { call, tokenOf } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';
import type { RefusedEnvelope } from './golden/golden';
import { refused as auuRefused } from './golden/auu';
import { refused as naspiRefused } from './golden/naspi';
import { refused as pensioneRefused } from './golden/pensione';
import { refused as redRefused } from './golden/red';

/** Cross-check contradictions (issue #14), one per type, from the golden refused lists. */
const pick = (list: RefusedEnvelope[], start: string) => list.find((r) => r.name.startsWith(start))!;
const CROSS_CHECKS = [
  pick(redRefused, 'an assegno sociale of €2,000'),
  pick(pensioneRefused, 'a first payment whose net equals its gross'),
  pick(auuRefused, 'a block in 2024 with no amounts'),
  pick(naspiRefused, 'a payment dated 2029'),
];

const envelope = (type: Parameters<typeof generateEnvelopes>[0], seed: string, i = 0) => [...generateEnvelopes(type, i + 1, seed)][i]! as Record<string, any>;

describe.each(BACKENDS)('guides API on %s', (backend) => {
  const api = useTestApi({ backend, label: 'api_guides' });

  it('creates a guide with one link per channel and stores no fiscal code', async () => {
    const e = envelope('naspi', `create-${backend}`);
    const res = await call(api, 'POST', '/api/guides', { body: e });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ id: expect.any(String), status: 'queued' });
    expect(Object.keys(body.links).sort()).toEqual(['app', 'email', 'qr', 'sms']);
    const tokens = Object.values<string>(body.links).map(tokenOf);
    expect(new Set(tokens).size).toBe(4);
    for (const link of Object.values<string>(body.links)) {
      expect(link).toMatch(new RegExp(`^${api.url}/g/[A-Za-z0-9_-]{32}$`));
      expect(link).not.toContain(e.citizen.fiscalCode);
      expect(link).not.toContain(e.externalRef);
    }
    const [row] = await api.db.query<{ data: unknown; fiscal_code_hmac: string }>('SELECT data, fiscal_code_hmac FROM guides WHERE id = $1', [body.id]);
    expect(JSON.stringify(row)).not.toContain(e.citizen.fiscalCode);
    const stored = await api.db.query<{ hash: Uint8Array }>('SELECT hash FROM tokens WHERE guide_id = $1', [body.id]);
    expect(stored).toHaveLength(4);
    for (const t of tokens) expect(JSON.stringify(await api.db.query('SELECT * FROM tokens'))).not.toContain(t);
  });

  it('returns the existing guide and the same links for a repeated externalRef', async () => {
    const e = envelope('pensione', `repeat-${backend}`);
    const first = await (await call(api, 'POST', '/api/guides', { body: e })).json();
    const again = await call(api, 'POST', '/api/guides', { body: e });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    expect(await api.db.query('SELECT count(*) AS n FROM guides WHERE external_ref = $1', [e.externalRef])).toEqual([{ n: 1 }]);
  });

  it('refuses an unknown guide type, naming the field and what was expected', async () => {
    const res = await call(api, 'POST', '/api/guides', { body: { ...envelope('naspi', 'wrong-type'), type: 'bonus' } });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'invalid_envelope', field: 'type' });
    expect(error.message).toMatch(/expected one of naspi, pensione.*got "bonus"/);
  });

  it.each(CROSS_CHECKS.map((r) => [r.name, r] as const))('answers 422 with the field path to a contradiction: %s', async (_name, r) => {
    const e = { ...(r.envelope as Record<string, unknown>), externalRef: `XCHECK-${backend}-${r.field}` };
    const res = await call(api, 'POST', '/api/guides', { body: e });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('invalid_envelope');
    expect(error.field).toBe(r.field);
    expect(error.message).toMatch(r.reason);
    expect(await api.db.query('SELECT 1 FROM guides WHERE external_ref = $1', [e.externalRef])).toEqual([]);
  });

  it('refuses a fiscal code with a wrong check character and writes nothing', async () => {
    const e = envelope('red', `bad-cf-${backend}`);
    const fc: string = e.citizen.fiscalCode;
    e.citizen.fiscalCode = fc.slice(0, 15) + (fc[15] === 'A' ? 'B' : 'A');
    const res = await call(api, 'POST', '/api/guides', { body: e });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.field).toBe('citizen.fiscalCode');
    expect(error.message).toContain('check character');
    expect(await api.db.query('SELECT 1 FROM guides WHERE external_ref = $1', [e.externalRef])).toEqual([]);
  });

  it('answers 413 with the error shape to a 2 MB body', async () => {
    const e = envelope('naspi', 'big');
    const res = await call(api, 'POST', '/api/guides', { body: { ...e, padding: 'x'.repeat(2 * 1024 * 1024) } });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: 'payload_too_large', field: '(body)' });
  });

  it('checks credentials, content type, JSON syntax and the notify flag', async () => {
    const e = envelope('auu', `auth-${backend}`);
    expect((await call(api, 'POST', '/api/guides', { body: e, key: null })).status).toBe(401);
    expect((await call(api, 'POST', '/api/guides', { body: e, key: 'vg_op_not-a-key' })).status).toBe(401);
    const analyst = await call(api, 'POST', '/api/guides', { body: e, key: api.analystKey });
    expect(analyst.status).toBe(403);
    expect((await analyst.json()).error.code).toBe('forbidden');
    const malformed = await call(api, 'POST', '/api/guides', { raw: '{"type": "naspi",', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('malformed_json');
    expect((await call(api, 'POST', '/api/guides', { raw: 'type=naspi', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    const badNotify = await call(api, 'POST', '/api/guides', { body: { ...e, notify: 'no' } });
    expect(badNotify.status).toBe(422);
    expect((await badNotify.json()).error).toMatchObject({ field: 'notify', message: expect.stringContaining('true or false') });
    const ok = await call(api, 'POST', '/api/guides', { body: { ...e, notify: false } });
    expect(ok.status).toBe(201);
    const [row] = await api.db.query<{ notify: boolean }>('SELECT notify FROM guides WHERE id = $1', [(await ok.json()).id]);
    expect(row!.notify).toBe(false);
  });

  it('stores SQL and HTML in names verbatim and returns them inert', async () => {
    const e = envelope('naspi', `inject-${backend}`);
    e.citizen.givenName = "Robert'); DROP TABLE guides;--";
    e.citizen.familyName = '<script>alert(1)</script>';
    const res = await call(api, 'POST', '/api/guides', { body: e });
    expect(res.status).toBe(201);
    const { links } = await res.json();
    const manifest = await fetch(`${api.url}/api/access/${tokenOf(links.qr)}`);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/json/);
    expect(manifest.headers.get('x-content-type-options')).toBe('nosniff');
    const m = await manifest.json();
    expect(m.guide.citizen.givenName).toBe("Robert'); DROP TABLE guides;--");
    expect(m.guide.citizen.familyName).toBe('<script>alert(1)</script>');
    const page = await (await fetch(links.qr)).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect((await api.db.query<{ n: number }>('SELECT count(*) AS n FROM guides'))[0]!.n).toBeGreaterThan(0);
  });

  it('reads a guide with its links, and lists guides without personal data', async () => {
    const e = envelope('invalidita', `read-${backend}`);
    const created = await (await call(api, 'POST', '/api/guides', { body: e })).json();
    const one = await (await call(api, 'GET', `/api/guides/${created.id}`)).json();
    expect(one).toMatchObject({ id: created.id, type: 'invalidita', status: 'queued', externalRef: e.externalRef, links: created.links });
    const list = await call(api, 'GET', '/api/guides?type=invalidita&limit=10');
    const text = await list.text();
    expect(JSON.parse(text).guides.map((g: { id: string }) => g.id)).toContain(created.id);
    expect(text).not.toContain(e.citizen.givenName);
    expect((await call(api, 'GET', '/api/guides/not-a-uuid')).status).toBe(400);
    expect((await call(api, 'GET', '/api/guides/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const badQuery = await call(api, 'GET', '/api/guides?limit=5000');
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json()).error.field).toBe('limit');
  });

  it('draws a QR code whose PNG decodes back to the link, and an SVG', async () => {
    const created = await (await call(api, 'POST', '/api/guides', { body: envelope('red', `qr-${backend}`) })).json();
    const res = await call(api, 'GET', `/api/guides/${created.id}/qr.png?size=300`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect(png.width).toBe(300);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(created.links.qr);
    const sms = PNG.sync.read(Buffer.from(await (await call(api, 'GET', `/api/guides/${created.id}/qr.png?channel=sms`)).arrayBuffer()));
    expect(jsQR(new Uint8ClampedArray(sms.data), sms.width, sms.height)?.data).toBe(created.links.sms);
    const svg = await call(api, 'GET', `/api/guides/${created.id}/qr.svg`);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg[^>]*xmlns/);
    expect((await call(api, 'GET', `/api/guides/${created.id}/qr.png`, { key: api.analystKey })).status).toBe(403);
    expect((await call(api, 'GET', `/api/guides/${created.id}/qr.png?channel=fax`)).status).toBe(400);
  });

  it('revokes and re-issues a link: the old one answers the same 404 as an unknown token', async () => {
    const created = await (await call(api, 'POST', '/api/guides', { body: envelope('auu', `revoke-${backend}`) })).json();
    const unknown = await fetch(`${api.url}/api/access/${'A'.repeat(32)}`);
    const unknownBody = await unknown.text();
    expect((await call(api, 'DELETE', `/api/guides/${created.id}/tokens/email`)).status).toBe(204);
    const revoked = await fetch(`${api.url}/api/access/${tokenOf(created.links.email)}`);
    expect(revoked.status).toBe(404);
    expect(await revoked.text()).toBe(unknownBody);
    expect((await fetch(`${api.url}/api/access/${tokenOf(created.links.qr)}`)).status).toBe(200);
    const reissued = await call(api, 'POST', `/api/guides/${created.id}/tokens/qr`);
    expect(reissued.status).toBe(201);
    const { link } = await reissued.json();
    expect(link).not.toBe(created.links.qr);
    expect((await fetch(`${api.url}/api/access/${tokenOf(created.links.qr)}`)).status).toBe(404);
    expect((await fetch(`${api.url}/api/access/${tokenOf(link)}`)).status).toBe(200);
    const now = await (await call(api, 'GET', `/api/guides/${created.id}`)).json();
    expect(now.links).toEqual({ qr: link, sms: created.links.sms, app: created.links.app });
  });

  it('deletes a guide with its tokens', async () => {
    const created = await (await call(api, 'POST', '/api/guides', { body: envelope('red', `delete-${backend}`) })).json();
    expect((await call(api, 'DELETE', `/api/guides/${created.id}`)).status).toBe(204);
    expect((await fetch(`${api.url}/api/access/${tokenOf(created.links.qr)}`)).status).toBe(404);
    expect(await api.db.query('SELECT 1 FROM tokens WHERE guide_id = $1', [created.id])).toEqual([]);
    expect((await call(api, 'DELETE', `/api/guides/${created.id}`)).status).toBe(404);
  });

  it('creates a guide from an upstream event, refusing an envelope of another type', async () => {
    const e = envelope('naspi', `trigger-${backend}`);
    const res = await call(api, 'POST', '/api/triggers', { body: { event: 'naspi.accepted', occurredAt: '2026-03-01T10:00:00Z', envelope: e } });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ event: 'naspi.accepted', status: 'queued', links: { qr: expect.any(String) } });
    expect((await call(api, 'POST', '/api/triggers', { body: { event: 'naspi.accepted', envelope: e } })).status).toBe(200);
    const wrong = await call(api, 'POST', '/api/triggers', { body: { event: 'red.reminder', envelope: e } });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.field).toBe('envelope.type');
    const unknown = await call(api, 'POST', '/api/triggers', { body: { event: 'lottery.won', envelope: e } });
    expect((await unknown.json()).error.field).toBe('event');
  });
});

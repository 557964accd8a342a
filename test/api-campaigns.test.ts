import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { versionOf } from '../compositions/guide-types';
import { renderJobId } from '../server/queues';
import { BACKENDS } from './helpers/databases';
import { call, tokenOf, type TestApi } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';

const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const upload = (api: TestApi, id: string, body: string, type = 'application/x-ndjson') =>
  call(api, 'POST', `/api/campaigns/${id}/guides`, { raw: body, headers: { 'content-type': type } });

async function newCampaign(api: TestApi, body: Record<string, unknown>): Promise<string> {
  const res = await call(api, 'POST', '/api/campaigns', { body: { name: 'test', ...body } });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

/** NASpI rows as CSV: dot-path header, JSON in the payments cell, ibanLast4 with a leading zero. */
function naspiCsv(seed: string, count: number, drop?: string): string {
  const columns = [
    'externalRef',
    'locale',
    'citizen.givenName',
    'citizen.familyName',
    'citizen.gender',
    'citizen.fiscalCode',
    'citizen.province',
    'benefit.jobEndDate',
    'benefit.applicationDate',
    'benefit.startDate',
    'benefit.endDate',
    'benefit.averageMonthlyPayCents',
    'benefit.firstMonthlyAmountCents',
    'benefit.reductionFromMonth',
    'benefit.payments',
    'benefit.ibanLast4',
    'benefit.employmentDeduction',
    'benefit.contributionWeeks',
    'benefit.capCents',
    'benefit.capped',
  ].filter((c) => c !== drop);
  const cell = (v: unknown) => {
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [...generateEnvelopes('naspi', count, seed)].map((e: any, i) => {
    if (i === 0) e.benefit.ibanLast4 = '0071';
    return columns.map((c) => cell(c.split('.').reduce((o, k) => o[k], e))).join(',');
  });
  return `${columns.join(',')}\n${rows.join('\n')}\n`;
}

describe.each(BACKENDS)('campaigns API on %s', (backend) => {
  const api = useTestApi({ backend, label: 'api_campaigns' });

  it('creates a campaign and refuses bad ones field by field', async () => {
    const res = await call(api, 'POST', '/api/campaigns', {
      body: { guideType: 'red', name: 'RED 2026', renderPolicy: 'eager', printDate: '2026-12-01', channels: ['qr', 'sms'] },
    });
    expect(res.status).toBe(201);
    const c = await res.json();
    expect(c).toMatchObject({ guideType: 'red', name: 'RED 2026', renderPolicy: 'eager', printDate: '2026-12-01', channels: ['qr', 'sms'] });
    const bad = async (body: unknown, field: string) => {
      const r = await call(api, 'POST', '/api/campaigns', { body });
      expect(r.status).toBe(422);
      expect((await r.json()).error.field).toBe(field);
    };
    await bad({ guideType: 'bonus', name: 'x' }, 'guideType');
    await bad({ guideType: 'red', name: '' }, 'name');
    await bad({ guideType: 'red', name: 'x', printDate: '2026-02-30' }, 'printDate');
    await bad({ guideType: 'red', name: 'x', channels: ['fax'] }, 'channels.0');
    await bad({ guideType: 'red', name: 'x', renderPolicy: 'sometimes' }, 'renderPolicy');
    await bad({ guideType: 'red', name: 'x', expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt');
    expect((await call(api, 'GET', `/api/campaigns/${c.id}`, { key: api.analystKey })).status).toBe(200);
    const list = await (await call(api, 'GET', '/api/campaigns', { key: api.analystKey })).json();
    expect(list.campaigns.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it('uploads NDJSON: good rows stored, bad rows reported by line and field, a re-upload creates nothing', async () => {
    const id = await newCampaign(api, { guideType: 'red', renderPolicy: 'eager', printDate: '2026-12-01' });
    const good = [...generateEnvelopes('red', 5, `nd-${backend}`)] as any[];
    const badCf = { ...good[0], externalRef: 'RED-BAD-CF', citizen: { ...good[0].citizen, fiscalCode: 'RSSMRA79B11C566X' } };
    const body = ndjson([good[0], good[1], '{"type": "red", "externalRef": ', '', good[2], { ...good[3], type: 'naspi' }, badCf, good[3], good[4]]);
    const res = await upload(api, id, body);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ rows: 8, created: 5, existing: 0, rejected: 3, enqueued: 5, complete: true, errorsTruncated: false });
    expect(report.errors).toEqual([
      { line: 3, field: '(line)', message: expect.stringContaining('malformed JSON') },
      { line: 6, field: 'type', message: expect.stringContaining('expected "red"') },
      { line: 7, field: 'citizen.fiscalCode', message: expect.stringContaining('check character') },
    ]);
    const tokens = await api.db.query('SELECT count(*) AS n FROM tokens t JOIN guides g ON g.id = t.guide_id WHERE g.campaign_id = $1', [id]);
    expect(tokens).toEqual([{ n: 20 }]);

    const again = await (await upload(api, id, body)).json();
    expect(again).toMatchObject({ rows: 8, created: 0, existing: 5, rejected: 3, enqueued: 0 });
    expect(await api.db.query('SELECT count(*) AS n FROM guides WHERE campaign_id = $1', [id])).toEqual([{ n: 5 }]);
    expect(await api.db.query('SELECT count(*) AS n FROM tokens t JOIN guides g ON g.id = t.guide_id WHERE g.campaign_id = $1', [id])).toEqual([{ n: 20 }]);

    const detail = await (await call(api, 'GET', `/api/campaigns/${id}`)).json();
    expect(detail.guides).toMatchObject({ total: 5, queued: 5 });
  });

  it('refuses contradictory rows by line with the cross-check that failed, storing the consistent ones', async () => {
    const id = await newCampaign(api, { guideType: 'naspi' });
    const rows = [...generateEnvelopes('naspi', 4, `contra-${backend}`)] as any[];
    rows[1].benefit.firstMonthlyAmountCents += 5000; // does not follow the average pay
    rows[2].benefit.payments[0].netCents = rows[2].benefit.payments[0].grossCents + 100; // net above gross
    rows[3].benefit.endDate = '2030-01-01'; // not half the contribution weeks
    const report = await (await upload(api, id, ndjson(rows))).json();
    expect(report).toMatchObject({ rows: 4, created: 1, rejected: 3 });
    // A row may fail several checks (a wrong first amount makes every payment wrong): each is listed.
    const first = (line: number) => report.errors.find((e: { line: number }) => e.line === line);
    expect([first(2)?.field, first(3)?.field, first(4)?.field]).toEqual(['benefit.firstMonthlyAmountCents', 'benefit.payments.0.netCents', 'benefit.endDate']);
    expect(new Set(report.errors.map((e: { line: number }) => e.line))).toEqual(new Set([2, 3, 4]));
    expect(first(4).message).toContain('half of');
    expect(await api.db.query('SELECT external_ref FROM guides WHERE campaign_id = $1', [id])).toEqual([{ external_ref: rows[0].externalRef }]);
  });

  it('enqueues eager renders by print date, ids only; lazy renders wait for the first access', async () => {
    const eager = await newCampaign(api, { guideType: 'naspi', renderPolicy: 'eager', printDate: '2026-12-01' });
    const later = await newCampaign(api, { guideType: 'naspi', renderPolicy: 'eager', printDate: '2027-03-01' });
    await upload(api, eager, ndjson([...generateEnvelopes('naspi', 1, `eager-${backend}`)]));
    await upload(api, later, ndjson([...generateEnvelopes('naspi', 1, `later-${backend}`)]));
    const ids = async (c: string) => (await api.db.query<{ id: string }>('SELECT id FROM guides WHERE campaign_id = $1', [c])).map((r) => r.id);
    const [a] = await ids(eager);
    const [b] = await ids(later);
    const jobA = await api.ctx.renderQueue.getJob(renderJobId(a!, versionOf('naspi')));
    const jobB = await api.ctx.renderQueue.getJob(renderJobId(b!, versionOf('naspi')));
    expect(jobA?.data).toEqual({ guideId: a });
    expect(jobA!.opts.priority!).toBeGreaterThan(0);
    expect(jobA!.opts.priority!).toBeLessThan(jobB!.opts.priority!);

    const lazy = await newCampaign(api, { guideType: 'naspi', renderPolicy: 'lazy' });
    await upload(api, lazy, ndjson([...generateEnvelopes('naspi', 1, `lazy-${backend}`)]));
    const [c] = await ids(lazy);
    expect(await api.db.query('SELECT status FROM guides WHERE id = $1', [c])).toEqual([{ status: 'pending' }]);
    expect(await api.ctx.renderQueue.getJob(renderJobId(c!, versionOf('naspi')))).toBeUndefined();
    const { links } = await (await call(api, 'GET', `/api/guides/${c}`)).json();
    expect((await fetch(`${api.url}/api/access/${tokenOf(links.sms)}`)).status).toBe(200);
    await expect.poll(async () => (await api.ctx.renderQueue.getJob(renderJobId(c!, versionOf('naspi'))))?.data).toEqual({ guideId: c });
    expect(await api.db.query('SELECT status FROM guides WHERE id = $1', [c])).toEqual([{ status: 'queued' }]);
  });

  it('uploads CSV with dot-path columns, JSON cells and strings kept as strings', async () => {
    const id = await newCampaign(api, { guideType: 'naspi' });
    const csv = naspiCsv(`csv-${backend}`, 4);
    const report = await (await upload(api, id, csv, 'text/csv')).json();
    expect(report).toMatchObject({ format: 'csv', rows: 4, created: 4, rejected: 0 });
    const first = [...generateEnvelopes('naspi', 1, `csv-${backend}`)][0]!;
    const rows = await api.db.query<{ data: any }>('SELECT data FROM guides WHERE campaign_id = $1 AND external_ref = $2', [id, first.externalRef]);
    expect(rows[0]!.data.benefit.ibanLast4).toBe('0071');
    expect(typeof rows[0]!.data.benefit.averageMonthlyPayCents).toBe('number');
    expect(Array.isArray(rows[0]!.data.benefit.payments)).toBe(true);
    const again = await (await upload(api, id, csv, 'text/csv')).json();
    expect(again).toMatchObject({ created: 0, existing: 4 });
  });

  it('reports a CSV missing a required column once, before writing anything', async () => {
    const id = await newCampaign(api, { guideType: 'naspi' });
    const res = await upload(api, id, naspiCsv(`csv-missing-${backend}`, 50, 'citizen.fiscalCode'), 'text/csv');
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'missing_columns', field: 'citizen.fiscalCode' });
    expect(error.message).toBe('CSV header lacks required column: citizen.fiscalCode');
    expect(await api.db.query('SELECT count(*) AS n FROM guides WHERE campaign_id = $1', [id])).toEqual([{ n: 0 }]);
    const unknown = await upload(api, id, 'externalRef,citizen.shoeSize\nX,42\n', 'text/csv');
    expect((await unknown.json()).error).toMatchObject({ code: 'unknown_column', field: 'citizen.shoeSize' });
  });

  it('reports CSV rows with bad cells or a broken quote by line and keeps going', async () => {
    const id = await newCampaign(api, { guideType: 'naspi' });
    const lines = naspiCsv(`csv-bad-${backend}`, 6).trimEnd().split('\n');
    lines[2] = lines[2]!.replace(/,(\d+),(\d+),(6|8),/, ',lots,$2,$3,');
    lines[3] = lines[3]!.split(',').slice(0, 5).join(',');
    lines.splice(5, 0, 'X-1,it,Anna,"Ro"ssi,F');
    const report = await (await upload(api, id, `${lines.join('\n')}\n`, 'text/csv')).json();
    expect(report.errors[0]).toEqual({
      line: 3,
      field: 'benefit.averageMonthlyPayCents',
      message: 'expected an amount in integer euro cents, got string "lots"',
    });
    expect(report.errors[1]).toEqual({ line: 4, field: '(line)', message: 'expected 20 cells as in the header, got 5' });
    expect(report.errors[2]).toEqual({ line: 6, field: '(line)', message: expect.stringContaining('CSV syntax error') });
    // CSV cannot always resync right after a stray quote; the rows before and the last row are stored.
    expect(report.created).toBeGreaterThanOrEqual(3);
    expect(report.created + report.rejected).toBe(report.rows);
    const last = [...generateEnvelopes('naspi', 6, `csv-bad-${backend}`)][5]!;
    expect(await api.db.query('SELECT count(*) AS n FROM guides WHERE campaign_id = $1 AND external_ref = $2', [id, last.externalRef])).toEqual([{ n: 1 }]);
  });

  it('refuses other content types, unknown campaigns and analysts', async () => {
    const id = await newCampaign(api, { guideType: 'red' });
    expect((await upload(api, id, '[]', 'application/json')).status).toBe(415);
    expect((await upload(api, '00000000-0000-4000-8000-000000000000', '{}')).status).toBe(404);
    const r = await call(api, 'POST', `/api/campaigns/${id}/guides`, { raw: '{}', key: api.analystKey, headers: { 'content-type': 'application/x-ndjson' } });
    expect(r.status).toBe(403);
  });

  it('streams the print-shop export: externalRef, link and QR SVG for every guide', async () => {
    const id = await newCampaign(api, { guideType: 'red' });
    const envs = [...generateEnvelopes('red', 7, `export-${backend}`)];
    await upload(api, id, ndjson(envs));
    const res = await call(api, 'GET', `/api/campaigns/${id}/export`);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const records = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.externalRef)).toEqual(envs.map((e) => e.externalRef).sort());
    for (const r of records) {
      expect(r.qrSvg).toMatch(/^<svg/);
      expect(r.link).toMatch(/\/g\/[A-Za-z0-9_-]{32}$/);
    }
    expect((await fetch(records[3].link)).status).toBe(200);
    const csv = await (await call(api, 'GET', `/api/campaigns/${id}/export?format=csv&channel=sms`)).text();
    const csvLines = csv.trim().split('\n');
    expect(csvLines[0]).toBe('externalRef,guideId,link,qrSvg,heldOut');
    expect(csvLines).toHaveLength(8);
  });
});

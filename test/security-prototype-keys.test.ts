import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { buildRow, planColumns } from '../api/campaigns/csv-columns';
import { GUIDE_TYPE_DEFINITIONS } from '../compositions/guide-types';
import { call, type TestApi } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';

const upload = (api: TestApi, id: string, body: string, type: string) =>
  call(api, 'POST', `/api/campaigns/${id}/guides`, { raw: body, headers: { 'content-type': type } });
const cell = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const polluted = () => (({}) as Record<string, unknown>).polluted !== undefined || Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted');

// Issue #15, finding 8: a CSV header naming a prototype member answered 503 "upload the same file again".
describe('client keys never reach an object prototype (PGlite)', () => {
  let campaign: string;
  const api = useTestApi({ backend: 'pglite', label: 'security_proto' }, async () => {
    campaign = (await (await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'proto' } })).json()).id;
  });

  it.each([
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'citizen.constructor',
    'citizen.__proto__',
    'citizen.__proto__.polluted',
    'benefit.hasOwnProperty',
    'externalRef.length',
  ])('refuses the CSV header column %s with 422 naming it, before any row', async (column) => {
    const res = await upload(api, campaign, `externalRef,${column}\nPROTO-1,x\n`, 'text/csv');
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'unknown_column', field: column });
    expect(error.message).toContain(`unknown column "${column}"`);
    expect(polluted()).toBe(false);
  });

  it('plans columns from the schema’s own keys only, and builds rows without prototypes', () => {
    const envelope = GUIDE_TYPE_DEFINITIONS.red.envelope;
    expect(() => planColumns(envelope, ['externalRef', 'citizen.__proto__'])).toThrow(/unknown column "citizen.__proto__"/);
    const e = [...generateEnvelopes('red', 1, 'proto-plan')][0] as Record<string, any>;
    const header = ['externalRef', 'locale', 'citizen', 'benefit'];
    const row = buildRow(planColumns(envelope, header), [e.externalRef, e.locale, JSON.stringify(e.citizen), JSON.stringify(e.benefit)]);
    expect('value' in row && Object.getPrototypeOf(row.value)).toBe(null);
  });

  it('refuses __proto__ and constructor keys inside rows (NDJSON, JSON cells, consents) as unknown fields, and stores the good rows', async () => {
    const [good, bad, cellBad] = [...generateEnvelopes('red', 3, 'proto-rows')] as Record<string, any>[];
    const badLine = JSON.stringify(bad).replace('"citizen":{', '"citizen":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},');
    const report = await (await upload(api, campaign, `${JSON.stringify(good)}\n${badLine}\n`, 'application/x-ndjson')).json();
    expect(report).toMatchObject({ rows: 2, created: 1, rejected: 1 });
    expect(report.errors).toEqual(
      expect.arrayContaining([
        { line: 2, field: 'citizen.__proto__', message: 'unknown field' },
        { line: 2, field: 'citizen.constructor', message: 'unknown field' },
      ]),
    );

    const citizen = `{"__proto__":{"polluted":1},${JSON.stringify(cellBad!.citizen).slice(1)}`;
    const csv = `externalRef,locale,citizen,benefit\n${[cellBad!.externalRef, cellBad!.locale, citizen, JSON.stringify(cellBad!.benefit)].map(cell).join(',')}\n`;
    const csvReport = await (await upload(api, campaign, csv, 'text/csv')).json();
    expect(csvReport).toMatchObject({ rows: 1, created: 0, rejected: 1, errors: [{ line: 2, field: 'citizen.__proto__', message: 'unknown field' }] });

    const consent = await call(api, 'PUT', '/api/consents', {
      raw: `{"fiscalCode":"${good!.citizen.fiscalCode}","proactive":true,"__proto__":{"polluted":1}}\n`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(await consent.json()).toMatchObject({ rows: 1, updated: 0, rejected: 1, errors: [{ line: 1, field: '__proto__', message: 'unknown field' }] });

    const events = await fetch(`${api.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"token":"AAAAAAAAAAAAAAAAAAAAAAAA","events":[{}],"__proto__":{"polluted":1}}',
    });
    expect(events.status).toBe(422);
    expect((await events.json()).error.field).toBe('__proto__');
    expect(polluted()).toBe(false);
  });
});

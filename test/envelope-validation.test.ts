import { describe, expect, it } from 'vitest';
import { parseWith, type FieldError } from '../compositions/common/validation';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema } from '../compositions/guide-types';

const sample = (type: Parameters<typeof generateEnvelopes>[0], seed = 'validation') => structuredClone([...generateEnvelopes(type, 1, seed)][0]!) as any;

function errorsOf(input: unknown): FieldError[] {
  const r = parseWith(envelopeSchema, input);
  if (r.ok) throw new Error('expected the envelope to be rejected');
  return r.errors;
}

function expectRejected(input: unknown, field: string, reason: RegExp) {
  const errors = errorsOf(input);
  const hit = errors.find((e) => e.field === field);
  expect(hit, `errors were ${JSON.stringify(errors)}`).toBeDefined();
  expect(hit!.message).toMatch(reason);
}

describe('envelope validation', () => {
  it('accepts generated envelopes of every type', () => {
    for (const type of ['naspi', 'pensione', 'red', 'auu', 'sfl', 'invalidita'] as const) {
      expect(parseWith(envelopeSchema, sample(type)).ok).toBe(true);
    }
  });

  it('rejects a wrong fiscal-code check character', () => {
    const e = sample('naspi');
    const fc: string = e.citizen.fiscalCode;
    e.citizen.fiscalCode = fc.slice(0, 15) + (fc[15] === 'A' ? 'B' : 'A');
    expectRejected(e, 'citizen.fiscalCode', /check character/);
  });

  it('rejects a negative amount', () => {
    const e = sample('naspi');
    e.benefit.averageMonthlyPayCents = -100;
    expectRejected(e, 'benefit.averageMonthlyPayCents', /negative/);
  });

  it('rejects amounts that are not whole cents', () => {
    const e = sample('pensione');
    e.benefit.monthly.grossCents = 1234.5;
    expectRejected(e, 'benefit.monthly.grossCents', /integer euro cents/);
  });

  it('rejects an end date before the start date', () => {
    const e = sample('naspi');
    e.benefit.endDate = '2020-01-01';
    expectRejected(e, 'benefit.endDate', /before the start date/);
  });

  it('rejects unsorted payment dates', () => {
    const e = sample('naspi', 'unsorted');
    e.benefit.payments = [
      { period: '2025-03', date: '2025-05-10', grossCents: 100000, netCents: 90000 },
      { period: '2025-04', date: '2025-04-30', grossCents: 100000, netCents: 90000 },
    ];
    expectRejected(e, 'benefit.payments.1.date', /ascending order/);
  });

  it('rejects an unknown AUU block reason', () => {
    const e = sample('auu');
    e.benefit.blockReason = 'lost-in-the-post';
    expectRejected(e, 'benefit.blockReason', /missing-information, missing-documents, iban-error/);
  });

  it('rejects a name of 200 characters', () => {
    const e = sample('red');
    e.citizen.givenName = 'A'.repeat(200);
    expectRejected(e, 'citizen.givenName', /at most 60 characters \(got 200\)/);
  });

  it('rejects a name with a control character', () => {
    const e = sample('red');
    e.citizen.familyName = 'Rossi\u0000';
    expectRejected(e, 'citizen.familyName', /control characters/);
    e.citizen.familyName = 'Ros\u0085si';
    expectRejected(e, 'citizen.familyName', /control characters/);
  });

  it('rejects a missing benefit', () => {
    const e = sample('invalidita');
    delete e.benefit;
    expectRejected(e, 'benefit', /expected object/);
  });

  it('rejects an unknown type, saying what it got', () => {
    const e = sample('naspi');
    e.type = 'bonus-vacanze';
    expectRejected(e, 'type', /unknown guide type.*naspi.*got "bonus-vacanze"/);
  });

  it('rejects an impossible calendar date and unknown fields', () => {
    const e = sample('red');
    e.benefit.deadline = '2026-02-30';
    e.citizen.nickname = 'x';
    const errors = errorsOf(e);
    expect(errors).toContainEqual({ field: 'benefit.deadline', message: 'not a calendar date' });
    expect(errors).toContainEqual({ field: 'citizen.nickname', message: 'unknown field' });
  });

  it('rejects a citizen on the public SFL guide', () => {
    const e = sample('sfl');
    e.citizen = sample('red').citizen;
    expectRejected(e, 'citizen', /unknown field/);
  });

  it.each([
    ["Dell'Acqua", true],
    ['D’Angelo', true],
    ['Maria Grazia', true],
    ['Anna-Lisa', true],
    ['Zoë', true],
    ['Nicolò', true],
    ['J. R.', true],
    ['Ölçer', true],
    ['Nguyễn', true],
    ['<img src=x onerror=alert(1)>', true],
    ["Robert'); DROP TABLE guides;--", true],
    [' Rossi', false],
    ['Ross\u202Ei', false],
    ['123', false],
    ['', false],
  ])('name %j is %s', (name, ok) => {
    const e = sample('red');
    e.citizen.givenName = name;
    expect(parseWith(envelopeSchema, e).ok).toBe(ok);
  });

  it('cross-field rules name the field they concern', () => {
    const p = sample('pensione');
    p.benefit.monthly.netCents = p.benefit.monthly.grossCents - 1;
    expectRejected(p, 'benefit.monthly.withholdings', /add up to/);
    const a = sample('auu');
    a.benefit.blockReason = 'iban-error';
    delete a.benefit.ibanLast4;
    expectRejected(a, 'benefit.ibanLast4', /required when the block reason is iban-error/);
    const inv = sample('invalidita');
    inv.benefit.reviewable = true;
    delete inv.benefit.revisionDate;
    expectRejected(inv, 'benefit.revisionDate', /required/);
  });
});

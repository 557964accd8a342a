import { describe, expect, it } from 'vitest';
import { encodeFiscalCode } from '../compositions/common/fiscal-code';
import { parseWith } from '../compositions/common/validation';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, publicPart } from '../compositions/guide-types';
import { AMOUNTS, benefitProblem, INCOME_LIMITS, type VerdictFacts } from '../compositions/invalidita/rules';

const civil = (percentage: number, band: VerdictFacts['band']): VerdictFacts => ({ assessment: 'civil-invalidity', percentage, band });

describe('invalidita rules', () => {
  it("carry DOMAIN.md §6's amounts and income limits (2026 as corrected by msg. 628/2026)", () => {
    expect(AMOUNTS[2025]).toMatchObject({
      'monthly-allowance': 33_600,
      'attendance-allowance': 54_202,
      'communication-allowance': 26_783,
      'blind-pension': 36_337,
      'blind-attendance-allowance': 102_244,
    });
    expect(AMOUNTS[2026]).toMatchObject({
      'monthly-allowance': 34_071,
      'attendance-allowance': 55_153,
      'communication-allowance': 27_213,
      'blind-pension': 36_846,
      'blind-attendance-allowance': null,
    });
    expect(INCOME_LIMITS[2025]).toEqual({
      'monthly-allowance': 577_135,
      'frequency-allowance': 577_135,
      'inability-pension': 1_977_250,
      'deaf-pension': 1_977_250,
      'blind-pension': 1_977_250,
    });
    expect(INCOME_LIMITS[2026]).toEqual({
      'monthly-allowance': 585_221,
      'frequency-allowance': 585_221,
      'inability-pension': 2_002_955,
      'deaf-pension': 2_002_955,
      'blind-pension': 2_002_955,
    });
  });

  it.each([
    ['monthly-allowance', civil(73, '18-66'), false],
    ['monthly-allowance', civil(74, '18-66'), true],
    ['monthly-allowance', civil(99, '18-66'), true],
    ['monthly-allowance', civil(100, '18-66'), false],
    ['monthly-allowance', civil(80, '67+'), false],
    ['inability-pension', civil(99, '18-66'), false],
    ['inability-pension', civil(100, '18-66'), true],
    ['inability-pension', civil(100, '67+'), false],
    ['attendance-allowance', civil(100, '67+'), true],
    ['attendance-allowance', civil(90, '18-66'), false],
    ['frequency-allowance', { assessment: 'civil-invalidity', minorFinding: 'persistent-difficulties', band: '0-17' }, true],
    ['frequency-allowance', { assessment: 'civil-invalidity', minorFinding: 'needs-constant-help', band: '0-17' }, false],
    ['attendance-allowance', { assessment: 'civil-invalidity', minorFinding: 'needs-constant-help', band: '0-17' }, true],
    ['deaf-pension', { assessment: 'deafness', band: '67+' }, false],
    ['communication-allowance', { assessment: 'deafness', band: '0-17' }, true],
    ['blind-pension', { assessment: 'blindness', blindness: 'total', band: '0-17' }, false],
    ['blind-pension', { assessment: 'blindness', blindness: 'total', band: '67+' }, true],
  ] as const)('%s for %j is allowed: %s', (kind, facts, allowed) => {
    expect(benefitProblem(kind, facts as VerdictFacts) === undefined).toBe(allowed);
  });
});

describe('invalidita envelopes', () => {
  const over100 = {
    type: 'invalidita',
    locale: 'it',
    externalRef: 'INV-OLD-1',
    citizen: {
      givenName: 'Rosa',
      familyName: 'Greco',
      gender: 'F',
      province: 'RM',
      fiscalCode: encodeFiscalCode({ givenName: 'Rosa', familyName: 'Greco', birthDate: '1924-02-10', female: true, belfiore: 'H501' }),
    },
    benefit: {
      verdictDate: '2026-03-02',
      subject: { relation: 'self' },
      assessment: 'civil-invalidity',
      percentage: 100,
      reviewable: false,
      law104: 'not-assessed',
      benefits: [{ kind: 'attendance-allowance', monthlyCents: 55_153 }],
      taxBenefits: [],
    },
  };

  it('a citizen over 100 sends the birth date: without it the code reads as a child, refused as "self"', () => {
    const r = parseWith(envelopeSchema, over100);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.find((e) => e.field === 'benefit.subject.relation')?.message).toMatch(/send citizen.birthDate/);
    const withBirth = { ...over100, citizen: { ...over100.citizen, birthDate: '1924-02-10' } };
    const ok = parseWith(envelopeSchema, withBirth);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect((publicPart(ok.value) as { citizen: { age: number } }).citizen.age).toBe(102);
  });

  it('the generator walks every edge case in both years', () => {
    const seen = new Set<string>();
    for (const e of generateEnvelopes('invalidita', 104, 'edges')) {
      const g = publicPart(envelopeSchema.parse(e)) as any;
      const b = g.benefit;
      const kinds: string[] = b.benefits.map((x: any) => x.kind);
      const year = b.verdictDate.slice(0, 4);
      const p = b.percentage;
      const tag =
        b.subject.relation === 'ward'
          ? 'ward'
          : b.subject.relation === 'child'
            ? kinds.includes('frequency-allowance')
              ? 'minor-frequenza'
              : kinds.includes('attendance-allowance')
                ? 'minor-attendance'
                : `minor-${b.assessment}`
            : b.assessment !== 'civil-invalidity'
              ? b.assessment
              : g.citizen.age >= 67
                ? 'over-67'
                : p < 34
                  ? '0-33'
                  : p < 46
                    ? '34-45'
                    : p < 67
                      ? '46-66'
                      : p < 74
                        ? '67-73'
                        : kinds.includes('monthly-allowance')
                          ? '74-99-allowance'
                          : kinds.includes('attendance-allowance')
                            ? '100-pension-attendance'
                            : '100-pension';
      seen.add(`${tag} ${year}`);
      seen.add(`law104 ${b.law104}`);
      seen.add(`reviewable ${b.reviewable}`);
    }
    for (const tag of [
      '0-33',
      '34-45',
      '46-66',
      '67-73',
      '74-99-allowance',
      '100-pension',
      '100-pension-attendance',
      'minor-frequenza',
      'minor-attendance',
      'over-67',
      'deafness',
      'blindness',
      'ward',
    ])
      for (const year of ['2025', '2026']) expect(seen, `${tag} ${year}`).toContain(`${tag} ${year}`);
    for (const x of ['not-assessed', 'not-recognised', 'art3c1', 'art3c3']) expect(seen).toContain(`law104 ${x}`);
    expect(seen).toContain('reviewable true');
    expect(seen).toContain('reviewable false');
  });
});

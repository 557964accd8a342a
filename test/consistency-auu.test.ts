import { describe, expect, it } from 'vitest';
import { AUU_YEARS, byIsee, childAmountBounds } from '../compositions/auu/rules';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, publicPart } from '../compositions/guide-types';

const guides = (n: number, seed: string) => [...generateEnvelopes('auu', n, seed)].map((e) => publicPart(envelopeSchema.parse(e)) as any);
const age = (birth: string, on: string) => {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

describe('AUU figures (DOMAIN.md §4)', () => {
  it('2025 table: €201.00 up to ISEE €17,227.33, €57.50 from €45,939.56 or with no ISEE', () => {
    const y = AUU_YEARS[2025]!;
    expect(byIsee(1_722_733, y, y.minorMaxCents, y.minorMinCents)).toBe(20_100);
    expect(byIsee(4_593_956, y, y.minorMaxCents, y.minorMinCents)).toBe(5_750);
    expect(byIsee(null, y, y.minorMaxCents, y.minorMinCents)).toBe(5_750);
    expect(byIsee(500_000, y, y.adultMaxCents, y.adultMinCents)).toBe(9_770);
  });
  it('2026 table: €203.80 up to ISEE €17,468.51, 18–21 maximum €99.10', () => {
    const y = AUU_YEARS[2026]!;
    expect(byIsee(1_746_851, y, y.minorMaxCents, y.minorMinCents)).toBe(20_380);
    expect(y.adultMaxCents).toBe(9_910);
    expect(y.dualEarnerMaxCents).toBe(3_490);
  });
  it('a child under 1 at the 2025 maximum is at least €301.50 (less the table tolerance)', () => {
    const b = childAmountBounds({ age: 0, disability: 'none' }, 1, 900_000, AUU_YEARS[2025]!);
    expect(b.minCents).toBe(30_150 - 100);
  });
});

describe('the AUU generator walks the edge cases', () => {
  const gs = guides(600, 'edges');
  const on = (g: any) => g.benefit.blockedSince as string;
  it('each IBAN reason, each block reason, both years', () => {
    expect(new Set(gs.filter((g) => g.benefit.blockReason === 'iban-error').map((g) => g.benefit.ibanProblem))).toEqual(
      new Set(['not-holder', 'account-closed', 'invalid-iban', 'outside-sepa']),
    );
    expect(new Set(gs.map((g) => g.benefit.blockReason))).toEqual(new Set(['missing-information', 'missing-documents', 'iban-error']));
    expect(new Set(gs.map((g) => on(g).slice(0, 4)))).toEqual(new Set(['2025', '2026']));
  });
  it('no ISEE before 30 June, after 30 June (a September applicant) and in January–February', () => {
    const noIsee = gs.filter((g) => g.benefit.iseeCents === null);
    expect(noIsee.some((g) => on(g).slice(5) >= '03-01' && on(g).slice(5) <= '06-30')).toBe(true);
    expect(noIsee.some((g) => g.benefit.submittedDate.slice(5) > '06-30' && on(g).slice(5) > '06-30')).toBe(true);
    expect(noIsee.some((g) => on(g).slice(5) < '03-01')).toBe(true);
  });
  it('children: under 1, 18–21 with and without the declaration, a disabled adult, 4+ children, every missing item', () => {
    const kids = gs.flatMap((g) => g.benefit.children.map((ch: any) => ({ ch, a: age(ch.birthDate, on(g)) })));
    expect(kids.some(({ a }) => a < 1)).toBe(true);
    expect(kids.some(({ ch, a }) => a >= 18 && a < 21 && ch.adultCondition)).toBe(true);
    expect(kids.some(({ ch, a }) => a >= 18 && a < 21 && ch.disability === 'none' && !ch.adultCondition)).toBe(true);
    expect(kids.some(({ ch, a }) => a >= 21 && ch.disability !== 'none')).toBe(true);
    expect(gs.some((g) => g.benefit.children.length >= 4)).toBe(true);
    expect(gs.some((g) => g.benefit.children.some((ch: any) => ch.monthlyAmountCents === 30_150))).toBe(true);
    expect(new Set(gs.flatMap((g) => g.benefit.missingItems))).toEqual(
      new Set(['adult-child-declaration', 'separated-parents-data', 'other-parent-data', 'disability-certificate', 'residence-permit', 'large-family-data']),
    );
  });
  it('siblings are born at least ten months apart, or on the same day (twins)', () => {
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    let twins = 0;
    for (const g of gs) {
      const days = g.benefit.children.map((ch: any) => day(ch.birthDate));
      for (let i = 0; i < days.length; i++)
        for (let j = i + 1; j < days.length; j++) {
          const gap = Math.abs(days[i] - days[j]);
          if (gap === 0) twins += 1;
          else expect(gap).toBeGreaterThanOrEqual(300);
        }
    }
    expect(twins).toBeGreaterThan(0);
  });
  it('the parent is older than every child by at least 12 years', () => {
    for (const g of gs) for (const ch of g.benefit.children) expect(g.citizen.age - age(ch.birthDate, on(g))).toBeGreaterThanOrEqual(12);
  });
});

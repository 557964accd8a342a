import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { easterMonday } from '../compositions/common/dates';
import { envelopeSchema, publicPart, storyboardOf, type Guide } from '../compositions/guide-types';
import { PENSIONE_EDGES } from '../compositions/pensione/generate';
import {
  decembersBetween,
  expectedFirstPayment,
  firstPaymentDays,
  fourteenthAmounts,
  fourteenthLimits,
  monthsBetween,
  pensionMonthsInYear,
  pensionPayday,
  thirteenthGross,
} from '../compositions/pensione/rules';

describe('pension rules (DOMAIN.md §2)', () => {
  it('paydays follow the 2025 calendar: first banking day, the second in January, Saturdays at the post office', () => {
    // Month by month: [at the bank, at the post office] (1 Feb and 1 Mar 2025 are Saturdays).
    const paydays = [
      ['2025-01-03', '2025-01-03'],
      ['2025-02-03', '2025-02-01'],
      ['2025-03-03', '2025-03-01'],
      ['2025-04-01', '2025-04-01'],
      ['2025-05-02', '2025-05-02'],
      ['2025-06-03', '2025-06-03'],
      ['2025-07-01', '2025-07-01'],
      ['2025-08-01', '2025-08-01'],
      ['2025-09-01', '2025-09-01'],
      ['2025-10-01', '2025-10-01'],
      ['2025-11-03', '2025-11-03'],
      ['2025-12-01', '2025-12-01'],
    ];
    expect(paydays).toHaveLength(12);
    paydays.forEach(([bank, post], i) => {
      const month = `2025-${String(i + 1).padStart(2, '0')}`;
      expect(pensionPayday(month, 'bank'), month).toBe(bank);
      expect(pensionPayday(month, 'post'), month).toBe(post);
    });
  });

  it('a holiday on a Saturday is no payday at the post office either; Easter Monday is a holiday', () => {
    expect(pensionPayday('2027-05', 'post')).toBe('2027-05-03'); // 1 May 2027 is a Saturday
    expect(easterMonday(2024)).toBe('2024-04-01');
    expect(easterMonday(2026)).toBe('2026-04-06');
    expect(pensionPayday('2024-04', 'bank')).toBe('2024-04-02');
  });

  it('a first payment is on day 1 (the payday) or day 7 moved to the next paying day', () => {
    expect(firstPaymentDays('2025-05', 'bank')).toEqual(['2025-05-02', '2025-05-07']);
    expect(firstPaymentDays('2026-02', 'bank')).toEqual(['2026-02-02', '2026-02-09']); // 7 Feb 2026 is a Saturday
    expect(firstPaymentDays('2026-02', 'post')).toEqual(['2026-02-02', '2026-02-07']);
    expect(firstPaymentDays('2026-01', 'bank')).toEqual(['2026-01-05', '2026-01-07']);
  });

  it('decorrenza March, first paid in May: March + April + May (2 months of arrears)', () => {
    expect(monthsBetween('2025-03', '2025-05')).toBe(2);
    const x = expectedFirstPayment('2025-03-01', '2025-05-02', 150_000);
    expect(x).toMatchObject({ arrearsMonths: 2, arrearsCents: 300_000, grossCents: 450_000, thirteenthCents: 0 });
  });

  it('arrears through December carry the 13th pro-rated to the months of pension of the year', () => {
    expect(pensionMonthsInYear('2025-10-01', 2025)).toBe(3);
    expect(pensionMonthsInYear('2024-10-01', 2025)).toBe(12);
    expect(thirteenthGross(160_000, 3)).toBe(40_000);
    // Paid in December: the 13th is in the current instalment, not in the arrears.
    expect(expectedFirstPayment('2025-10-01', '2025-12-01', 160_000)).toMatchObject({
      arrearsMonths: 2,
      arrearsCents: 320_000,
      thirteenthCents: 40_000,
      grossCents: 520_000,
    });
    // Paid in February: December's 13th is part of the arrears.
    expect(expectedFirstPayment('2025-11-01', '2026-02-02', 200_774)).toMatchObject({
      arrearsMonths: 3,
      thirteenthCents: 33_462,
      arrearsCents: 635_784,
      grossCents: 836_558,
    });
    // Two Decembers.
    expect(decembersBetween('2024-11', '2026-01')).toEqual([2024, 2025]);
  });

  it('quattordicesima: limits of the year and amounts by contribution years', () => {
    expect(fourteenthLimits(2025)).toEqual({ lower: 1_176_630, upper: 1_568_840 });
    expect(fourteenthAmounts('private-employees', 15)).toEqual({ lowIncome: 43_700, higherIncome: 33_600 });
    expect(fourteenthAmounts('private-employees', 16)).toEqual({ lowIncome: 54_600, higherIncome: 42_000 });
    expect(fourteenthAmounts('self-employed', 28)).toEqual({ lowIncome: 54_600, higherIncome: 42_000 });
    expect(fourteenthAmounts('cpdel', 26)).toEqual({ lowIncome: 65_500, higherIncome: 50_400 });
  });
});

describe('generated pension envelopes', () => {
  const envelopes = [...generateEnvelopes('pensione', PENSIONE_EDGES.length * 40, 'pension-edges')] as any[];

  it('walk every edge case: arrears over December, first payment in January and December, zero arrears, two Decembers, post, each pension type, a young survivor, a mid-year start, a low pension', () => {
    const b = envelopes.map((e) => e.benefit);
    expect(
      b.some((x) => decembersBetween(x.startDate.slice(0, 7), x.firstPaymentDate.slice(0, 7)).some((y) => `${y}-12` < x.firstPaymentDate.slice(0, 7))),
    ).toBe(true);
    expect(b.some((x) => x.firstPaymentDate.slice(5, 7) === '12' && x.firstPayment.thirteenthCents > 0)).toBe(true);
    expect(b.some((x) => x.firstPaymentDate.slice(5, 7) === '01')).toBe(true);
    expect(b.some((x) => x.firstPayment.arrearsMonths === 0)).toBe(true);
    expect(b.some((x) => decembersBetween(x.startDate.slice(0, 7), x.firstPaymentDate.slice(0, 7)).length === 2)).toBe(true);
    expect(b.some((x) => x.paymentChannel === 'post')).toBe(true);
    expect(new Set(b.map((x) => x.pensionType))).toEqual(new Set(['old-age', 'early', 'disability-allowance', 'inability', 'survivors']));
    expect(new Set(b.map((x) => x.deductionRequest))).toEqual(new Set(['none', 'pension-income', 'pension-income-and-family']));
    expect(b.some((x) => x.thirteenth && x.thirteenth.months < 12)).toBe(true);
    expect(b.some((x) => x.monthly.withholdings.some((w: any) => w.kind === 'regional-surcharge'))).toBe(true);
    expect(b.some((x) => x.monthly.grossCents <= 60_340)).toBe(true);
    const young = envelopes.map((e) => publicPart(envelopeSchema.parse(e))).filter((g: any) => g.benefit.pensionType === 'survivors' && g.citizen.age < 26);
    expect(young.length).toBeGreaterThan(0);
  });

  it('the December tile of every calendar that shows December carries the 13th', () => {
    let seen = 0;
    for (const e of envelopes) {
      const g = publicPart(envelopeSchema.parse(e)) as Guide & { benefit: any };
      const cal = storyboardOf(g).scenes.find((s) => s.kind === 'calendar');
      if (!cal || cal.kind !== 'calendar') throw new Error('no calendar');
      for (const entry of cal.content.entries.slice(1))
        if (entry.date.slice(5, 7) === '12' && entry.cents !== undefined) {
          seen++;
          expect(entry.label.it).toMatch(/tredicesima/);
          expect(entry.cents).toBeGreaterThan(g.benefit.monthly.netCents);
        }
    }
    expect(seen).toBeGreaterThan(10);
  });
});

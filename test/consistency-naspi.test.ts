import { describe, expect, it } from 'vitest';
import { addDays } from '../compositions/common/dates';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema } from '../compositions/guide-types';
import {
  NASPI_YEARS,
  naspiBenefitMonths,
  naspiCalendar,
  naspiDurationDays,
  naspiEndDate,
  naspiMonthlyCents,
  naspiSchedule,
  naspiStartDate,
} from '../compositions/naspi/rules';

/** The NASpI rules of rules.ts against DOMAIN.md §1's worked examples, and generated data against the rules. */
describe('NASpI rules', () => {
  it("follow DOMAIN.md's 2025 worked examples and the cap's reach", () => {
    const y25 = NASPI_YEARS[2025]!;
    expect(naspiMonthlyCents(120_000, y25)).toBe(90_000);
    expect(naspiMonthlyCents(200_000, y25)).toBe(121_831);
    expect(naspiMonthlyCents(300_000, y25)).toBe(146_831);
    expect(naspiMonthlyCents(337_700, y25)).toBeLessThan(156_282);
    expect(naspiMonthlyCents(337_900, y25)).toBe(156_282);
    expect(naspiMonthlyCents(342_400, NASPI_YEARS[2026]!)).toBeLessThan(158_470);
    expect(naspiMonthlyCents(342_600, NASPI_YEARS[2026]!)).toBe(158_470);
  });

  it('reduce by 3% a month compounding from month 6 (8 for 55+)', () => {
    const s = naspiSchedule(121_831, 12, 6);
    expect(s.slice(0, 5)).toEqual([121_831, 121_831, 121_831, 121_831, 121_831]);
    expect(s.slice(5, 8)).toEqual([118_176, 114_631, 111_192]);
    expect(s[11]).toBe(98_437);
    expect(naspiSchedule(121_831, 8, 8).slice(6)).toEqual([121_831, 118_176]);
  });

  it('start on the 8th day when filed within 8 days, else the day after filing; last half of the weeks', () => {
    expect(naspiStartDate('2025-01-23', '2025-01-31')).toBe('2025-01-31');
    expect(naspiStartDate('2025-01-23', '2025-02-01')).toBe('2025-02-02');
    expect(naspiDurationDays(13)).toBe(45);
    expect(naspiDurationDays(208)).toBe(728);
    expect(naspiEndDate('2025-03-01', 208)).toBe('2027-02-26');
  });

  it('pay a claim from 31 January by days: 1 day of January, all of February, 27 days of March', () => {
    const due = naspiCalendar('2025-01-31', '2025-03-27', 156_282, 6);
    expect(due.map((d) => [d.period, d.coveredDays, d.grossCents])).toEqual([
      ['2025-01', 1, 5_041],
      ['2025-02', 28, 156_282],
      ['2025-03', 27, 136_117],
    ]);
    // Benefit month 2 starts on 28 February (31 January + 1 month, clamped).
    expect(naspiBenefitMonths('2025-01-31', '2025-02-27')).toBe(1);
    expect(naspiBenefitMonths('2025-01-31', '2025-02-28')).toBe(2);
  });

  it('split the calendar month in which the reduction starts', () => {
    // Start 21 January 2026: month 6 starts on 21 June; June pays 20 days at the old amount, 10 at the new.
    const june = naspiCalendar('2026-01-21', '2026-08-18', 121_831, 6).find((d) => d.period === '2026-06')!;
    expect(june.parts).toEqual([
      { benefitMonth: 5, days: 20, monthlyCents: 121_831 },
      { benefitMonth: 6, days: 10, monthlyCents: 118_176 },
    ]);
    expect(june.grossCents).toBe(Math.round((121_831 * 20 + 118_176 * 10) / 30));
  });

  it('generated claims: one payment per calendar month, covering exactly the benefit days', () => {
    for (const e of generateEnvelopes('naspi', 600, 'consistency') as Iterable<any>) {
      const b = e.benefit;
      expect(envelopeSchema.safeParse(e).success).toBe(true);
      const due = naspiCalendar(b.startDate, b.endDate, b.firstMonthlyAmountCents, b.reductionFromMonth);
      expect(b.payments.map((p: any) => p.period)).toEqual(due.map((d) => d.period));
      expect(due.reduce((s, d) => s + d.coveredDays, 0)).toBe(naspiDurationDays(b.contributionWeeks));
      expect(addDays(b.startDate, naspiDurationDays(b.contributionWeeks) - 1)).toBe(b.endDate);
      for (const p of b.payments) expect(p.netCents).toBeLessThanOrEqual(p.grossCents);
    }
  });
});

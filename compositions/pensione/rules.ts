import { addDays, addMonths, isBankingDay, monthOf } from '../common/dates';

/**
 * Pension payment days (L. 205/2017): the first banking day of the month, the second in January.
 * Post offices also open on Saturday, so Poste customers can be paid on a Saturday.
 */
export function pensionPayday(month: string, channel: 'bank' | 'post'): string {
  const open = (iso: string): boolean => {
    const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
    if (channel === 'post' && dow === 6) return !['01-01', '01-06', '08-15', '11-01', '12-08', '12-25', '12-26'].includes(iso.slice(5));
    return isBankingDay(iso);
  };
  let d = `${month}-01`;
  let needed = month.endsWith('-01') ? 2 : 1;
  for (;;) {
    if (open(d) && --needed === 0) return d;
    d = addDays(d, 1);
  }
}

/** The next `count` regular paydays after the first payment. */
export function nextPaydays(firstPaymentDate: string, channel: 'bank' | 'post', count: number): string[] {
  const out: string[] = [];
  for (let i = 1; i <= count; i++) out.push(pensionPayday(monthOf(addMonths(`${monthOf(firstPaymentDate)}-01`, i)), channel));
  return out;
}

/** IRPEF brackets (annual cents): 23% / 33% (35% until 2025) / 43%. */
export function irpefGross(annualCents: number, year: number): number {
  const second = year >= 2026 ? 0.33 : 0.35;
  const a = Math.min(annualCents, 2_800_000);
  const b = Math.min(Math.max(annualCents - 2_800_000, 0), 2_200_000);
  const c = Math.max(annualCents - 5_000_000, 0);
  return Math.round(a * 0.23 + b * second + c * 0.43);
}

/** Pension-income deduction, art. 13 c. 3 TUIR (structural from 2025). */
export function pensionDeduction(annualCents: number): number {
  const income = annualCents / 100;
  let d: number;
  if (income <= 8_500) d = 1_955;
  else if (income <= 28_000) d = 700 + (1_255 * (28_000 - income)) / 19_500;
  else if (income <= 50_000) d = (700 * (50_000 - income)) / 22_000;
  else d = 0;
  if (income > 25_000 && income <= 29_000) d += 50;
  return Math.round(d * 100);
}

/** Simplified dependants deduction (art. 12 TUIR) for the synthetic data: spouse, children 21–29, others. */
export function familyDeduction(annualCents: number, dependants: { spouse: boolean; children: number; others: number }): number {
  const income = annualCents / 100;
  const spouse = dependants.spouse ? (income <= 15_000 ? 800 - (110 * income) / 15_000 : income <= 40_000 ? 690 : income <= 80_000 ? (690 * (80_000 - income)) / 40_000 : 0) : 0;
  const perChild = income < 95_000 ? (950 * (95_000 - income)) / 95_000 : 0;
  const perOther = income < 80_000 ? (750 * (80_000 - income)) / 80_000 : 0;
  return Math.round((spouse + perChild * dependants.children + perOther * dependants.others) * 100);
}

export const NO_TAX_AREA_CENTS = 850_000;

import { addDays, addMonths, easterMonday, isBankingDay, monthOf, yearOf } from '../common/dates';

/**
 * The pension rules of DOMAIN.md §2 the schema checks and the storyboard states. Figures are those
 * of 2025 and 2026; the guide names the year of every figure it says.
 */

const NATIONAL_HOLIDAYS = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];

/**
 * A day on which a pension can be paid through the channel: banks pay Monday to Friday, post
 * offices also on Saturday (DOMAIN.md §2); never on a national holiday or Easter Monday.
 */
export function isPayableDay(iso: string, channel: 'bank' | 'post'): boolean {
  if (NATIONAL_HOLIDAYS.includes(iso.slice(5)) || iso === easterMonday(yearOf(iso))) return false;
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (dow === 6) return channel === 'post';
  return isBankingDay(iso);
}

/** The first day from `iso` on which the channel pays. */
export function nextPayableDay(iso: string, channel: 'bank' | 'post'): string {
  let d = iso;
  while (!isPayableDay(d, channel)) d = addDays(d, 1);
  return d;
}

/**
 * Pension payment days (L. 205/2017): the first banking day of the month, the second in January.
 * Post offices also open on Saturday, so Poste customers can be paid on a Saturday.
 */
export function pensionPayday(month: string, channel: 'bank' | 'post'): string {
  let d = `${month}-01`;
  let needed = month.endsWith('-01') ? 2 : 1;
  for (;;) {
    if (isPayableDay(d, channel) && --needed === 0) return d;
    d = addDays(d, 1);
  }
}

/**
 * The days a newly liquidated pension's first instalment can be paid in a month (INPS msg. 1763/2016,
 * DOMAIN.md §2): day 1, that is the month's regular payday, or day 7, moved to the next day the
 * channel pays.
 */
export function firstPaymentDays(month: string, channel: 'bank' | 'post'): [regular: string, seventh: string] {
  return [pensionPayday(month, channel), nextPayableDay(`${month}-07`, channel)];
}

/** The next `count` regular paydays after the first payment. */
export function nextPaydays(firstPaymentDate: string, channel: 'bank' | 'post', count: number): string[] {
  const out: string[] = [];
  for (let i = 1; i <= count; i++) out.push(pensionPayday(monthOf(addMonths(`${monthOf(firstPaymentDate)}-01`, i)), channel));
  return out;
}

/** Whole months from one month (YYYY-MM) to another: 2025-03 → 2025-05 is 2. */
export function monthsBetween(fromMonth: string, toMonth: string): number {
  const [fy, fm] = fromMonth.split('-').map(Number) as [number, number];
  const [ty, tm] = toMonth.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

export const nextMonth = (month: string): string => monthOf(addMonths(`${month}-01`, 1));

/** Months of pension in a calendar year for a pension that starts on `startDate` (0 if later). */
export function pensionMonthsInYear(startDate: string, year: number): number {
  const sy = yearOf(startDate);
  if (sy > year) return 0;
  if (sy < year) return 12;
  return 13 - Number(startDate.slice(5, 7));
}

/** The 13th: one monthly gross amount pro-rated to the months of pension in the year. */
export const thirteenthGross = (monthlyGrossCents: number, months: number): number => Math.round((monthlyGrossCents * months) / 12);

/** The years whose December falls between the start month and the payment month, both included. */
export function decembersBetween(startMonth: string, payMonth: string): number[] {
  const out: number[] = [];
  for (let y = Number(startMonth.slice(0, 4)); `${y}-12` <= payMonth; y++) if (`${y}-12` >= startMonth) out.push(y);
  return out;
}

/**
 * What the first payment must be, from the start date, the payment month and the monthly gross:
 * every month from the start month to the payment month, and for every December among them the
 * year's 13th pro-rated to its months of pension. Arrears are the months before the payment month
 * (with their 13ths). `tolerance` is one cent per component.
 */
export function expectedFirstPayment(startDate: string, firstPaymentDate: string, monthlyGrossCents: number) {
  const startMonth = monthOf(startDate);
  const payMonth = monthOf(firstPaymentDate);
  const arrearsMonths = monthsBetween(startMonth, payMonth);
  const thirteenths = decembersBetween(startMonth, payMonth).map((year) => {
    const months = pensionMonthsInYear(startDate, year);
    return { year, months, grossCents: thirteenthGross(monthlyGrossCents, months), inArrears: `${year}-12` < payMonth };
  });
  const thirteenthCents = thirteenths.reduce((s, t) => s + t.grossCents, 0);
  const arrearsThirteenths = thirteenths.filter((t) => t.inArrears).reduce((s, t) => s + t.grossCents, 0);
  return {
    arrearsMonths,
    thirteenths,
    thirteenthCents,
    arrearsCents: arrearsMonths * monthlyGrossCents + arrearsThirteenths,
    grossCents: (arrearsMonths + 1) * monthlyGrossCents + thirteenthCents,
    tolerance: {
      thirteenth: thirteenths.length,
      arrears: arrearsMonths + thirteenths.filter((t) => t.inArrears).length,
      gross: arrearsMonths + 1 + thirteenths.length,
    },
  };
}

/** IRPEF brackets (annual cents): 23% / 33% (35% until 2025) / 43%. */
export function irpefGross(annualCents: number, year: number): number {
  const second = year >= 2026 ? 0.33 : 0.35;
  const a = Math.min(annualCents, 2_800_000);
  const b = Math.min(Math.max(annualCents - 2_800_000, 0), 2_200_000);
  const c = Math.max(annualCents - 5_000_000, 0);
  return Math.round(a * 0.23 + b * second + c * 0.43);
}

/** The top IRPEF rate: no month's income tax can be more than this share of its gross. */
export const IRPEF_TOP_RATE = 0.43;

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

/** Simplified dependants deduction (art. 12 TUIR) for the synthetic data: spouse, children 21–29, ascendants. */
export function familyDeduction(annualCents: number, dependants: { spouse: boolean; children: number; others: number }): number {
  const income = annualCents / 100;
  const spouse = dependants.spouse
    ? income <= 15_000
      ? 800 - (110 * income) / 15_000
      : income <= 40_000
        ? 690
        : income <= 80_000
          ? (690 * (80_000 - income)) / 40_000
          : 0
    : 0;
  const perChild = income < 95_000 ? (950 * (95_000 - income)) / 95_000 : 0;
  const perOther = income < 80_000 ? (750 * (80_000 - income)) / 80_000 : 0;
  return Math.round((spouse + perChild * dependants.children + perOther * dependants.others) * 100);
}

export const NO_TAX_AREA_CENTS = 850_000;

/** From 2025 (L. 207/2024) a child counts as a dependant from 21 to 29, or from 21 at any age with a disability. */
export const CHILD_DEPENDANT_AGES = [21, 29] as const;
/** From 2025 the other relatives who count are only ascendants living with the taxpayer. */
export const ASCENDANTS = ['parent', 'grandparent'] as const;

/** Withholding kinds that are instalments of the previous year's surcharges or this year's advance: never in December. */
export const SURCHARGE_KINDS = ['regional-surcharge', 'municipal-surcharge', 'municipal-advance'] as const;

/** A sane upper bound for one month's gross pension (catches amounts sent in the wrong unit). */
export const MAX_MONTHLY_GROSS_CENTS = 5_000_000;

/** Withholdings on a lump sum (first payment, 13th) are never more than this share of its gross. */
export const MAX_WITHHELD_SHARE = 0.5;

/** The years whose payments this version's figures cover (the first payment must fall in them). */
export const PAYMENT_YEARS = [2025, 2027] as const;
/** The year whose figures stand for a payment year (2027's are not published yet: 2026's are said, with their year). */
export const figureYear = (year: number): 2025 | 2026 => (year <= 2025 ? 2025 : 2026);

/** Trattamento minimo, per month (DOMAIN.md §2): €603.40 in 2025, €611.85 in 2026 (provisional). */
export const MINIMUM_MONTHLY_CENTS: Record<2025 | 2026, number> = { 2025: 60_340, 2026: 61_185 };
/** The yearly minimum: 13 monthly instalments (2025: €7,844.20). */
export const minimumYearly = (y: 2025 | 2026): number => MINIMUM_MONTHLY_CENTS[y] * 13;

/** Quattordicesima (DOMAIN.md §2): from 64, personal income up to twice the yearly minimum. */
export const FOURTEENTH_AGE = 64;
export const fourteenthLimits = (y: 2025 | 2026) => ({ lower: Math.round(minimumYearly(y) * 1.5), upper: minimumYearly(y) * 2 });
/** Contribution-year bands: up to 15 / 15–25 / over 25 for employees, 18 / 28 for the self-employed. */
export function fourteenthAmounts(
  fund: 'private-employees' | 'self-employed' | 'cpdel',
  contributionYears: number,
): { lowIncome: number; higherIncome: number } {
  const [b1, b2] = fund === 'self-employed' ? [18, 28] : [15, 25];
  if (contributionYears <= b1) return { lowIncome: 43_700, higherIncome: 33_600 };
  if (contributionYears <= b2) return { lowIncome: 54_600, higherIncome: 42_000 };
  return { lowIncome: 65_500, higherIncome: 50_400 };
}

/** December "importo aggiuntivo" (INPS msg. 3781/2025): up to €154.94 for pensions up to the minimum. */
export const EXTRA_DECEMBER_CENTS = 15_494;
export const extraDecemberIncomeLimit = (y: 2025 | 2026): number => Math.round(minimumYearly(y) * 1.5);

/**
 * The ages each pension type allows on its start date (2025–2026 rules): the old-age pension from 67;
 * an early pension before 67 (at 67 the pension is an old-age one), with over 41 years of contributions
 * started in the teens at the earliest; the disability allowance and the inability pension while of
 * working age; a survivor's pension at any adult age (a minor's is collected by a guardian, whom this
 * guide does not address).
 */
export const PENSION_AGES: Record<'old-age' | 'early' | 'disability-allowance' | 'inability' | 'survivors', readonly [number, number]> = {
  'old-age': [67, 115],
  early: [55, 66],
  'disability-allowance': [18, 66],
  inability: [18, 66],
  survivors: [18, 115],
};

/** Contributions start at 14 at the earliest: no one has more years of them than their age minus 14. */
export const EARLIEST_CONTRIBUTION_AGE = 14;

/**
 * The fewest years of contributions each pension type is paid with (the law's minimums, not in
 * DOMAIN.md): old-age 15 (the 1992 derogations; 20 as a rule), only 5 from 71; early 20 (the
 * contributory early pension at 64), 35 before 64 (Opzione donna; otherwise 41 or more); the
 * disability allowance and the inability pension 5; survivors 5 (the deceased's).
 */
export function minContributionYears(type: keyof typeof PENSION_AGES, age: number): number {
  if (type === 'old-age') return age >= 71 ? 5 : 15;
  if (type === 'early') return age >= 64 ? 20 : 35;
  return 5;
}

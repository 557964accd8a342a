/**
 * NASpI rules (D.Lgs. 22/2015), from shared DOMAIN.md §1. One place for every figure and every
 * calculation: the schema checks the institute's data against these, the generator builds data
 * with them, the storyboard only reads them.
 *
 * Interpretations (DOMAIN.md does not settle them; docs/guides/naspi.md states them for reviewers):
 * - **Year of the figures.** The threshold and the cap are those of the year the job ended (the
 *   unemployment event the amount is computed on), for the whole claim, even when it runs into the
 *   next year. Years without published figures are refused, never guessed.
 * - **Duration.** Half of the useful contribution weeks of the last four years (weeks already used
 *   for an earlier unemployment benefit do not count), in days: weeks × 7 ÷ 2, a half day rounded
 *   down. 208 weeks (four years) give the maximum, 104 weeks = 728 days, "24 months".
 * - **Benefit months.** Month 1 starts on the start date; month k starts k − 1 calendar months later
 *   on the same day of the month (on the last day of a shorter month: from 31 January, month 2
 *   starts on 28 February). The 3% reduction applies from the first day of month 6 (month 8 if the
 *   claimant was 55 or older on the application date), compounding month after month.
 * - **Payments.** One payment per calendar month the benefit touches. A calendar month is paid
 *   Σ (amount of the benefit month × days of that benefit month in the calendar month ÷ days in the
 *   calendar month), rounded to the cent: a whole calendar month pays exactly the month's amount, a
 *   partial first or last month pays its share by days, and a calendar month in which the reduction
 *   starts pays the old amount for its days before and the new one for its days after.
 */
import { addDays, addMonths, daysBetween, yearOf } from '../common/dates';

export interface NaspiYearFigures {
  /** Threshold of the average monthly pay: 75% applies up to it, 25% above. */
  thresholdCents: number;
  /** Maximum monthly amount (massimale). */
  capCents: number;
}

/** Threshold and cap by year: INPS circ. 25/2025 (2025), circ. 4/2026 (2026); 2024 as in DOMAIN.md. */
export const NASPI_YEARS: Record<number, NaspiYearFigures> = {
  2024: { thresholdCents: 142_521, capCents: 155_042 },
  2025: { thresholdCents: 143_661, capCents: 156_282 },
  2026: { thresholdCents: 145_672, capCents: 158_470 },
};
export const NASPI_KNOWN_YEARS = Object.keys(NASPI_YEARS).map(Number).sort();

/** The year whose threshold and cap apply: the year the job ended. */
export const naspiFiguresYear = (jobEndDate: string): number => yearOf(jobEndDate);

/** The figures of a year, or undefined when none are published (the schema refuses such data). */
export const naspiYearFigures = (year: number): NaspiYearFigures | undefined => NASPI_YEARS[year];

/**
 * The figures of a year for display code that must never throw on unchecked data: the nearest known
 * year. Validated guides always have their own year.
 */
export function naspiYearOrNearest(year: number): NaspiYearFigures {
  const y = Math.min(Math.max(year, NASPI_KNOWN_YEARS[0]!), NASPI_KNOWN_YEARS.at(-1)!);
  return NASPI_YEARS[y]!;
}

export const NASPI_MAX_CAP_CENTS = Math.max(...Object.values(NASPI_YEARS).map((y) => y.capCents));

/** Days after the end of the job within which the application must be filed. */
export const NASPI_APPLICATION_DAYS = 68;
/** Filed within this many days of the end of the job, the benefit starts on this day after it. */
export const NASPI_EARLY_FILING_DAYS = 8;

/** Useful contribution weeks: at least 13 to qualify; four years hold at most 208. */
export const NASPI_MIN_WEEKS = 13;
export const NASPI_MAX_WEEKS = 208;
/**
 * Contributions count from age 15 at the earliest: work is allowed from 16 (L. 296/2006 art. 1 c. 622,
 * ten years of compulsory schooling), and from 15 in an apprenticeship for a vocational qualification
 * (D.Lgs. 81/2015 art. 43), which pays contributions. Weeks before the 15th birthday are impossible and
 * refused; weeks from 15 are real citizens' (an apprentice's) and accepted.
 */
export const NASPI_MIN_WORKING_AGE = 15;

/** Most contribution weeks someone born on `born` can have built up by the end of the job: from the 15th birthday, at most 208. */
export function naspiMaxWeeksByAge(born: string, jobEndDate: string): number {
  const from = addMonths(born, NASPI_MIN_WORKING_AGE * 12);
  if (from > jobEndDate) return 0;
  return Math.min(NASPI_MAX_WEEKS, Math.floor((daysBetween(from, jobEndDate) + 1) / 7));
}

/**
 * A month is paid in the following month (DOMAIN.md §1, "Payment": "October paid in November"; no
 * fixed day, usually the 7th–15th, so the day is not checked). The first payment waits for the
 * application to be accepted: it may come one month later, with the second month in the same month.
 */
export const naspiPaymentMonths = (period: string, first: boolean): string[] =>
  first ? [addMonths(`${period}-01`, 1).slice(0, 7), addMonths(`${period}-01`, 2).slice(0, 7)] : [addMonths(`${period}-01`, 1).slice(0, 7)];

/** Longest claim: half of 208 weeks, 104 weeks. */
export const NASPI_MAX_DAYS = (NASPI_MAX_WEEKS * 7) / 2;
/** Most calendar months a claim can touch (728 days starting mid-month). */
export const NASPI_MAX_PAYMENTS = 25;

/** Monthly reduction ("décalage") and the benefit months it starts from. */
export const NASPI_REDUCTION = 0.03;
export const NASPI_REDUCTION_FROM = 6;
export const NASPI_REDUCTION_FROM_55 = 8;
export const NASPI_OLDER_AGE = 55;

/** Net per payment: IRPEF is withheld as on a salary; more than half withheld is implausible. */
export const NASPI_MIN_NET_SHARE = 0.5;

/** Employee work income that keeps NASpI (INPS msg. 1414/2024), the self-employed limit, occasional work. */
export const NASPI_EMPLOYEE_INCOME_LIMIT_CENTS = 850_000;
export const NASPI_SELF_EMPLOYED_INCOME_LIMIT_CENTS = 550_000;
export const NASPI_OCCASIONAL_INCOME_LIMIT_CENTS = 500_000;
/** The advance (anticipo) is paid in two instalments, 70% and 30%, for requests from this date (L. 199/2025). */
export const NASPI_ADVANCE_TWO_INSTALMENTS_FROM = '2026-01-01';
/** The advance is requested within this many days of starting the activity. */
export const NASPI_ADVANCE_REQUEST_DAYS = 30;

/** The monthly amount before the cap: 75% of the pay up to the threshold, plus 25% of the part above. */
export function naspiFormulaCents(averageMonthlyPayCents: number, figures: NaspiYearFigures): number {
  const base = 0.75 * Math.min(averageMonthlyPayCents, figures.thresholdCents);
  const extra = 0.25 * Math.max(0, averageMonthlyPayCents - figures.thresholdCents);
  return Math.round(base + extra);
}

/** The 75% part of the formula, rounded: the 25% part is shown as the rest, so the two add up. */
export const naspiBaseCents = (averageMonthlyPayCents: number, figures: NaspiYearFigures): number =>
  Math.round(0.75 * Math.min(averageMonthlyPayCents, figures.thresholdCents));

/** First monthly amount (gross): the formula, capped. */
export function naspiMonthlyCents(averageMonthlyPayCents: number, figures: NaspiYearFigures): number {
  return Math.min(figures.capCents, naspiFormulaCents(averageMonthlyPayCents, figures));
}

/** Whether the first amount is the cap: the formula reaches it or goes above. */
export const naspiAtCap = (averageMonthlyPayCents: number, figures: NaspiYearFigures): boolean =>
  naspiFormulaCents(averageMonthlyPayCents, figures) >= figures.capCents;

/** Benefit days from the useful contribution weeks: half of them, in days, a half day rounded down. */
export const naspiDurationDays = (contributionWeeks: number): number => Math.min(NASPI_MAX_DAYS, Math.floor((contributionWeeks * 7) / 2));

/** The last day covered. */
export const naspiEndDate = (startDate: string, contributionWeeks: number): string => addDays(startDate, naspiDurationDays(contributionWeeks) - 1);

/** Whether the application was filed within the first 8 days after the end of the job. */
export const naspiFiledEarly = (jobEndDate: string, applicationDate: string): boolean => applicationDate <= addDays(jobEndDate, NASPI_EARLY_FILING_DAYS);

/** Start (decorrenza): the 8th day after the end of the job if filed within 8 days, else the day after filing. */
export const naspiStartDate = (jobEndDate: string, applicationDate: string): string =>
  naspiFiledEarly(jobEndDate, applicationDate) ? addDays(jobEndDate, NASPI_EARLY_FILING_DAYS) : addDays(applicationDate, 1);

/** Reduction month from the age on the application date. */
export const naspiReductionFrom = (ageOnApplication: number): 6 | 8 => (ageOnApplication >= NASPI_OLDER_AGE ? NASPI_REDUCTION_FROM_55 : NASPI_REDUCTION_FROM);

/** First day of benefit month k (1-based). */
export const naspiMonthStart = (startDate: string, k: number): string => addMonths(startDate, k - 1);

// Guards for display code fed unchecked data: no claim is longer than this.
const MAX_MONTHS_SCANNED = 30;

/** First days of benefit months 1, 2, … up to the first one after the end date. */
function monthStarts(startDate: string, endDate: string): string[] {
  const out: string[] = [];
  for (let k = 1; k <= MAX_MONTHS_SCANNED + 1; k++) {
    const s = naspiMonthStart(startDate, k);
    out.push(s);
    if (s > endDate) break;
  }
  return out;
}

/** Number of benefit months from the start to the end date (the last may be partial). */
export function naspiBenefitMonths(startDate: string, endDate: string): number {
  return monthStarts(startDate, endDate).filter((s) => s <= endDate).length;
}

/** Gross amount of each benefit month: −3% a month, each cut on the month before, from the reduction month. */
export function naspiSchedule(firstCents: number, months: number, reductionFromMonth: number): number[] {
  const out: number[] = [];
  let current = firstCents;
  for (let m = 1; m <= months; m++) {
    if (m >= reductionFromMonth) current = Math.round(current * (1 - NASPI_REDUCTION));
    out.push(current);
  }
  return out;
}

// Calendar arithmetic on day numbers (days since 1970-01-01, UTC): the calendar is computed for
// every envelope validated and every storyboard, so it avoids re-parsing dates in its loops.
const dayOf = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const isoOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
const daysInMonth = (period: string): number => new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).getUTCDate();
const nextPeriod = (period: string): string => {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** One calendar month of the claim: what is due for it, and why. */
export interface NaspiDueMonth {
  /** Calendar month, YYYY-MM. */
  period: string;
  /** First and last day of the month the benefit covers. */
  from: string;
  to: string;
  coveredDays: number;
  daysInMonth: number;
  /** Whether the benefit covers the whole calendar month. */
  whole: boolean;
  /** Benefit months that fall in this calendar month, with their days and monthly amounts. */
  parts: { benefitMonth: number; days: number; monthlyCents: number }[];
  /** Gross due, pro-rated and rounded to the cent. */
  grossCents: number;
}

/**
 * What is due for each calendar month of the claim [startDate, endDate] (see the header for the
 * rule). Empty when the dates are inverted or the claim is implausibly long.
 */
export function naspiCalendar(startDate: string, endDate: string, firstCents: number, reductionFromMonth: number): NaspiDueMonth[] {
  if (endDate < startDate || daysBetween(startDate, endDate) > NASPI_MAX_DAYS + 62) return [];
  const starts = monthStarts(startDate, endDate).map(dayOf);
  const months = starts.filter((d) => d <= dayOf(endDate)).length;
  const schedule = naspiSchedule(firstCents, months, reductionFromMonth);
  const end = dayOf(endDate);
  // Benefit month k (1-based) covers [kFrom[k-1], kTo[k-1]].
  const kFrom = starts.slice(0, months);
  const kTo = kFrom.map((_, i) => (i + 1 < months ? starts[i + 1]! - 1 : end));
  const out: NaspiDueMonth[] = [];
  let k = 0;
  for (let period = startDate.slice(0, 7); period <= endDate.slice(0, 7); period = nextPeriod(period)) {
    const dim = daysInMonth(period);
    const first = dayOf(`${period}-01`);
    const from = Math.max(first, dayOf(startDate));
    const to = Math.min(first + dim - 1, end);
    const parts: NaspiDueMonth['parts'] = [];
    while (k < months && kTo[k]! < from) k++;
    for (let j = k; j < months && kFrom[j]! <= to; j++) {
      const a = Math.max(kFrom[j]!, from);
      const b = Math.min(kTo[j]!, to);
      if (a <= b) parts.push({ benefitMonth: j + 1, days: b - a + 1, monthlyCents: schedule[j]! });
    }
    const coveredDays = to - from + 1;
    const exact = parts.reduce((s, p) => s + (p.monthlyCents * p.days) / dim, 0);
    out.push({ period, from: isoOf(from), to: isoOf(to), coveredDays, daysInMonth: dim, whole: coveredDays === dim, parts, grossCents: Math.round(exact) });
  }
  return out;
}

/** Tolerance when checking a payment against the rule: rounding may differ by one cent. */
export const NASPI_CENT_TOLERANCE = 1;

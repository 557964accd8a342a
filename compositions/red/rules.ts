/**
 * RED (dichiarazione della situazione reddituale) rules: shared DOMAIN.md §3 (and §2 for the
 * quattordicesima, §6 for civil invalidity).
 */

/** Income-linked benefits that a missing RED puts at risk (DOMAIN.md §3). */
export const LINKED_BENEFITS = [
  'minimum-supplement',
  'social-increase',
  'family-allowance',
  'survivors-pension',
  'fourteenth',
  'civil-invalidity',
  'social-allowance',
] as const;
export type LinkedBenefit = (typeof LINKED_BENEFITS)[number];

/**
 * Incomes the citizen must declare (DOMAIN.md §3, "Who must file"): income not (fully) in a tax return —
 * foreign employment, bank or postal interest, government bonds, funds taxed at source; income the tax
 * return declares differently — self-employment, co.co.co., occasional work, foreign pensions; income of
 * people exempt from a tax return — the main home; and the spouse's income where a benefit depends on it.
 */
export const INCOME_KINDS = [
  'foreign-employment',
  'foreign-pension',
  'bank-postal-interest',
  'government-bonds',
  'investment-funds',
  'self-employment',
  'co-co-co',
  'occasional-work',
  'main-home',
  'spouse-income',
] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

/**
 * Ages (whole years on 31 December of the income year) a benefit is paid at: the quattordicesima from 64
 * (DOMAIN.md §2); the assegno sociale from 67; the civil-invalidity benefits of art. 12 L. 412/1991
 * (assegno mensile, pensione d'inabilità, deaf pension) from 18 to 67, when they become the assegno sociale
 * (DOMAIN.md §6: "age 18–67"); the year someone turns 67 may carry both.
 */
export const BENEFIT_AGES: Partial<Record<LinkedBenefit, readonly [number, number]>> = {
  fourteenth: [64, 130],
  'social-allowance': [67, 130],
  'civil-invalidity': [18, 67],
};

/** Benefits whose income limit counts the spouse's income too (the others look at the holder's own income). */
export const COUPLE_INCOME_BENEFITS: readonly LinkedBenefit[] = ['minimum-supplement', 'social-increase', 'family-allowance', 'social-allowance'];

/** Benefits paid monthly: the quattordicesima is paid once a year (July, or December for those turning 64 late in the year). */
export const MONTHLY_BENEFITS: readonly LinkedBenefit[] = LINKED_BENEFITS.filter((k) => k !== 'fourteenth');

/** Income years this guide knows the campaigns of (campaign 2022 for 2021 income through campaign 2025 for 2024 income, and the next two). */
export const RED_INCOME_YEARS = [2021, 2026] as const;

const lastDayOfFebruary = (year: number): string => `${year}-02-${year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28}`;

/**
 * The ordinary campaign for income of year Y closes on the last day of February of Y+2 (DOMAIN.md §3:
 * 2021 income → 28 Feb 2023; 2023 income → 28 Feb 2025; 2024 income → 28 Feb 2026).
 */
export const ordinaryDeadline = (incomeYear: number): string => lastDayOfFebruary(incomeYear + 2);

/** A reminder ("Solleciti") campaign follows the ordinary one for the same income year: its deadline is later, within the year after. */
export const reminderLatest = (incomeYear: number): string => `${incomeYear + 3}-12-31`;

/** After a suspension the RED must arrive within this many days, or the benefits are revoked and recovered (INPS circ. 195/2015). */
export const SUSPENSION_DAYS = 60;

/**
 * The most a monthly linked benefit pays a month, in cents, by the year it is paid (DOMAIN.md):
 * - `social-allowance`: the assegno sociale, €538.69 × 13 in 2025 (§3, "Related reference amounts 2025");
 * - `minimum-supplement`: the top-up brings a pension up to the trattamento minimo, so it is at most
 *   the minimum itself: €603.40 + 2.2% = €616.67 in 2025, €611.85 in 2026 (§2, "Trattamento minimo");
 * - `social-increase`: the increase of L. 448/2001 adds at most €411.84 a month in 2025 (§6, "Incremento
 *   al milione": up to €747.84 in all);
 * - `civil-invalidity`: the art. 12 L. 412/1991 benefits (assegno mensile, pensione d'inabilità, deaf
 *   pension: €336.00 in 2025, €340.71 in 2026; the blind's pension, the highest: €363.37 in 2025, €368.46
 *   in 2026) (§6, table).
 * DOMAIN.md gives no amount for the family allowances or survivors' pensions (a survivor's pension is a
 * share of the deceased's, with no ceiling): those are not bounded.
 */
const MONTHLY_MAX_FIGURES: Partial<Record<LinkedBenefit, Record<number, number>>> = {
  'social-allowance': { 2025: 53_869 },
  'minimum-supplement': { 2025: 61_667, 2026: 61_185 },
  'social-increase': { 2025: 41_184 },
  'civil-invalidity': { 2025: 36_337, 2026: 36_846 },
};

/**
 * Yearly indexation used past the last figure DOMAIN.md gives (the 2026 provisional indexation, 1.4%:
 * §2 "Trattamento minimo", §4 "2026"). Amounts were only ever indexed upwards in 2022–2026, so a year
 * before 2025 is bounded by the 2025 figure; a year's bound is never below the previous year's (the
 * 2026 trattamento minimo of §2 leaves out the 2025 extra 2.2%).
 */
export const RED_BOUND_INDEXATION = 0.014;

/** The most `benefit` pays a month in `year`, in cents; undefined when DOMAIN.md gives no figure for it. */
export function monthlyMaxCents(benefit: LinkedBenefit, year: number): number | undefined {
  const figures = MONTHLY_MAX_FIGURES[benefit];
  if (!figures) return undefined;
  const years = Object.keys(figures).map(Number).sort();
  let bound = figures[years[0]!]!;
  for (let y = years[0]! + 1; y <= year; y++) {
    const known = figures[y];
    bound = known !== undefined ? Math.max(known, bound) : Math.round(bound * (1 + RED_BOUND_INDEXATION));
  }
  return bound;
}

/**
 * The year the amount at risk is paid in: the year of the deadline, when the missing RED stops the
 * payments (the latest, and so the highest, of the years the campaign spans).
 */
export const atRiskYear = (deadline: string): number => Number(deadline.slice(0, 4));

/** The most the monthly linked benefits pay together in `year`; undefined when one of them has no bound. */
export function monthlyAtRiskMaxCents(benefits: readonly LinkedBenefit[], year: number): number | undefined {
  let total = 0;
  for (const k of benefits.filter((x) => MONTHLY_BENEFITS.includes(x))) {
    const max = monthlyMaxCents(k, year);
    if (max === undefined) return undefined;
    total += max;
  }
  return total;
}

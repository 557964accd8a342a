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

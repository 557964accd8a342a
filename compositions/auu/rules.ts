import { yearsBetween } from '../common/dates';

/**
 * Assegno Unico e Universale rules and figures: shared DOMAIN.md §4.
 * 2025: INPS circ. 33 of 4 Feb 2025 (+0.8%). 2026: INPS circ. 7 of 30 Jan 2026 (+1.4%); DOMAIN.md gives
 * the 2026 minor maximum (€203.80), minimum (€58.50), lower ISEE threshold (€17,468.51), 18–21 maximum
 * (€99.10) and dual-earner top-up (€34.90); the other 2026 figures are the 2025 ones raised by 1.4%
 * (the upper ISEE threshold is [UNVERIFIED] in DOMAIN.md: ≈ €46,583).
 */
export interface AuuYear {
  /** Minor child: maximum with ISEE ≤ iseeLowCents, minimum with ISEE ≥ iseeHighCents or no ISEE. */
  minorMaxCents: number;
  minorMinCents: number;
  /** Child aged 18 to 20 (and disabled children from 21, with no age limit). */
  adultMaxCents: number;
  adultMinCents: number;
  iseeLowCents: number;
  iseeHighCents: number;
  /** Each child from the third: extra by ISEE. */
  thirdChildMaxCents: number;
  thirdChildMinCents: number;
  /** Disabled minor: fixed increase at every ISEE level. */
  disabilityCents: Record<'medium' | 'severe' | 'non-self-sufficient', number>;
  /** Both parents earning: up to this per minor child, tapering to zero at high ISEE. */
  dualEarnerMaxCents: number;
  /** Mother under 21: per child. */
  youngMotherCents: number;
}

export const AUU_YEARS: Record<number, AuuYear> = {
  2025: {
    minorMaxCents: 20_100,
    minorMinCents: 5_750,
    adultMaxCents: 9_770,
    adultMinCents: 2_870,
    iseeLowCents: 1_722_733,
    iseeHighCents: 4_593_956,
    thirdChildMaxCents: 9_770,
    thirdChildMinCents: 1_720,
    disabilityCents: { medium: 9_770, severe: 10_910, 'non-self-sufficient': 12_060 },
    dualEarnerMaxCents: 3_440,
    youngMotherCents: 2_300,
  },
  2026: {
    minorMaxCents: 20_380,
    minorMinCents: 5_850,
    adultMaxCents: 9_910,
    adultMinCents: 2_910,
    iseeLowCents: 1_746_851,
    iseeHighCents: 4_658_271,
    thirdChildMaxCents: 9_910,
    thirdChildMinCents: 1_744,
    disabilityCents: { medium: 9_910, severe: 11_063, 'non-self-sufficient': 12_229 },
    dualEarnerMaxCents: 3_490,
    youngMotherCents: 2_332,
  },
};

export const AUU_TABLE_YEARS = Object.keys(AUU_YEARS).map(Number);

/**
 * The generator's siblings (compositions/auu/generate.ts): twins (a day or two apart at most) or
 * births at least about six months apart, as one mother's. The schema does not refuse other gaps: an
 * application may list a household's children of different mothers, adopted or fostered children,
 * and no sentence of the guide depends on the gap, so refusing them would turn real citizens away.
 */
export const MIN_SIBLING_GAP_DAYS = 180;
export const TWIN_DAYS = 2;

/** The Assegno Unico started in 2022: applications from 1 January 2022, payments from March. */
export const AUU_FIRST_APPLICATION = '2022-01-01';

/** A child counts until their 21st birthday; with a disability, at any age. From 18, only with a condition. */
export const ADULT_FROM = 18;
export const CHILD_UNTIL = 21;
/** Children aged 18–20 earning less than this a year count (DOMAIN.md §4). */
export const ADULT_CHILD_INCOME_LIMIT_CENTS = 800_000;

/** Smallest plausible age gap between the applying parent and a child (a parent of 12 is a data error). */
export const MIN_PARENT_CHILD_GAP = 12;
/** Ages of the applying parent on the date of the guide's data. */
export const PARENT_AGES = [16, 90] as const;

/**
 * The step table of the decree is close to linear between the two ISEE thresholds; amounts checked
 * against the line are allowed this much either side (the steps, and rounding of the yearly indexation).
 */
export const AMOUNT_TOLERANCE_CENTS = 100;

/** An ISEE filed by 30 June gives arrears from March of the same year (DOMAIN.md §4). */
export const ISEE_ARREARS_DEADLINE = '06-30';
export const ISEE_PERIOD_START = '03-01';

/** Payment timing (DOMAIN.md §4, 2025): usually around the 20th; first payments or changed applications at month end. */
export const PAYMENT_USUAL_DAY = 20;
export const PAYMENT_RELEASE_DAYS = [24, 29] as const;

export type Disability = 'none' | 'medium' | 'severe' | 'non-self-sufficient';

export const ageOn = (birthDate: string, on: string): number => yearsBetween(birthDate, on);

/** A value between the maximum and the minimum, by ISEE: maximum up to the lower threshold, minimum from the upper one or with no ISEE. */
export function byIsee(iseeCents: number | null, y: AuuYear, maxCents: number, minCents: number): number {
  if (iseeCents === null || iseeCents >= y.iseeHighCents) return minCents;
  if (iseeCents <= y.iseeLowCents) return maxCents;
  const t = (iseeCents - y.iseeLowCents) / (y.iseeHighCents - y.iseeLowCents);
  return Math.round(maxCents - (maxCents - minCents) * t);
}

export interface ChildFacts {
  age: number;
  disability: Disability;
}

export interface AmountBounds {
  minCents: number;
  maxCents: number;
  /** What the lower bound is made of, for the refusal's reason. */
  basis: string;
}

/**
 * The monthly amount one child's share can be, from the year's table: the basic amount for the ISEE
 * (the +50% for a child under 1 and a disabled minor's increase are due at every ISEE level, so they are
 * in the lower bound), and at most every increase the family could also have (third child onward,
 * ages 1–3 in families with 3+ children, both parents earning, a mother under 21).
 * Household-level increases (4+ children) are not part of a child's share.
 */
export function childAmountBounds(child: ChildFacts, childrenCount: number, iseeCents: number | null, y: AuuYear): AmountBounds {
  const minor = child.age < ADULT_FROM;
  const base = minor ? byIsee(iseeCents, y, y.minorMaxCents, y.minorMinCents) : byIsee(iseeCents, y, y.adultMaxCents, y.adultMinCents);
  const under1 = child.age < 1;
  const toddlerInLargeFamily = child.age >= 1 && child.age < 3 && childrenCount >= 3 && iseeCents !== null && iseeCents < y.iseeHighCents;
  const disability = child.disability === 'none' ? 0 : y.disabilityCents[child.disability];
  const minCents = Math.round(base * (under1 ? 1.5 : 1)) + (minor ? disability : 0);
  const maxCents =
    Math.round(base * (under1 || toddlerInLargeFamily ? 1.5 : 1)) +
    disability +
    (childrenCount >= 3 ? byIsee(iseeCents, y, y.thirdChildMaxCents, y.thirdChildMinCents) : 0) +
    (minor && iseeCents !== null ? byIsee(iseeCents, y, y.dualEarnerMaxCents, 0) : 0) +
    y.youngMotherCents;
  const parts = [
    `${minor ? 'minor' : 'child aged 18 or more'} ${iseeCents === null ? 'with no ISEE (minimum)' : `with ISEE ${(iseeCents / 100).toFixed(2)} €`} ${(base / 100).toFixed(2)} €`,
    under1 ? '+50% under 1' : '',
    minor && disability ? `+${(disability / 100).toFixed(2)} € disability` : '',
  ].filter(Boolean);
  return { minCents: Math.max(0, minCents - AMOUNT_TOLERANCE_CENTS), maxCents: maxCents + AMOUNT_TOLERANCE_CENTS, basis: parts.join(' ') };
}

/** The year's table, or undefined when this guide version does not know it. */
export const auuYear = (year: number): AuuYear | undefined => AUU_YEARS[year];

/**
 * The rules of civil invalidity, deafness and blindness verdicts the guide relies on
 * (DOMAIN.md §6, INPS circ. 23/2025 for 2025; circ. 153/2025 corrected by msg. 628/2026 for 2026).
 * Pure data and functions: the schema checks envelopes against them, the storyboard says what they
 * allow, the generator builds only citizens that satisfy them.
 */

export const ASSESSMENTS = ['civil-invalidity', 'deafness', 'blindness'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const ECONOMIC_BENEFITS = [
  'monthly-allowance',
  'inability-pension',
  'attendance-allowance',
  'frequency-allowance',
  'deaf-pension',
  'communication-allowance',
  'blind-pension',
  'blind-attendance-allowance',
] as const;
export type BenefitKind = (typeof ECONOMIC_BENEFITS)[number];

export const TAX_BENEFITS = ['car-vat-4', 'car-irpef-19', 'car-tax-exemption', 'paid-leave', 'disability-card'] as const;
export type TaxBenefit = (typeof TAX_BENEFITS)[number];
export const CAR_BENEFITS: readonly TaxBenefit[] = ['car-vat-4', 'car-irpef-19', 'car-tax-exemption'];

/**
 * The disability condition of L. 104/1992 ("condizione di disabilità" since D.Lgs. 62/2024): a
 * separate assessment with its own report. `not-assessed`: this verdict says nothing about it.
 */
export const LAW104 = ['not-assessed', 'not-recognised', 'art3c1', 'art3c3'] as const;
export type Law104 = (typeof LAW104)[number];

/** What a minor's civil invalidity verdict states instead of a percentage. */
export const MINOR_FINDINGS = ['not-invalid', 'persistent-difficulties', 'needs-constant-help'] as const;
export type MinorFinding = (typeof MINOR_FINDINGS)[number];

/**
 * Age of the person assessed on the verdict date, as far as the rules need it: a minor, working
 * age (DOMAIN.md's "age 18–67": from the 18th birthday to the day before the 67th), or 67 and over.
 */
export const AGE_BANDS = ['0-17', '18-66', '67+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const bandOfAge = (age: number): AgeBand => (age < 18 ? '0-17' : age < 67 ? '18-66' : '67+');

export const RULE_YEARS = [2025, 2026] as const;
export type RuleYear = (typeof RULE_YEARS)[number];
export const isRuleYear = (y: number): y is RuleYear => (RULE_YEARS as readonly number[]).includes(y);

/**
 * Monthly amounts in cents, by year (DOMAIN.md §6 table). `null`: the table has no figure for
 * that year (2026 accompaniment for the totally blind), so the guide cannot check or say it.
 */
export const AMOUNTS: Record<RuleYear, Record<BenefitKind, number | null>> = {
  2025: {
    'monthly-allowance': 33_600,
    'inability-pension': 33_600,
    'attendance-allowance': 54_202,
    'frequency-allowance': 33_600,
    'deaf-pension': 33_600,
    'communication-allowance': 26_783,
    'blind-pension': 36_337,
    'blind-attendance-allowance': 102_244,
  },
  2026: {
    'monthly-allowance': 34_071,
    'inability-pension': 34_071,
    'attendance-allowance': 55_153,
    'frequency-allowance': 34_071,
    'deaf-pension': 34_071,
    'communication-allowance': 27_213,
    'blind-pension': 36_846,
    'blind-attendance-allowance': null,
  },
};

/** Yearly personal income limits in cents; a benefit absent here is paid whatever the income. */
export const INCOME_LIMITS: Record<RuleYear, Partial<Record<BenefitKind, number>>> = {
  2025: {
    'monthly-allowance': 577_135,
    'inability-pension': 1_977_250,
    'frequency-allowance': 577_135,
    'deaf-pension': 1_977_250,
    'blind-pension': 1_977_250,
  },
  2026: {
    'monthly-allowance': 585_221,
    'inability-pension': 2_002_955,
    'frequency-allowance': 585_221,
    'deaf-pension': 2_002_955,
    'blind-pension': 2_002_955,
  },
};

/** Payments a year where DOMAIN.md's table states them ("× 13", "× 12"); others are not said. */
export const PAYMENTS_PER_YEAR: Partial<Record<BenefitKind, 12 | 13>> = {
  'monthly-allowance': 13,
  'inability-pension': 13,
  'deaf-pension': 13,
  'attendance-allowance': 12,
  'communication-allowance': 12,
};

/** Benefits whose income the institute may ask for every year with the RED (DOMAIN.md §3). */
export const RED_LINKED: readonly BenefitKind[] = ['monthly-allowance', 'inability-pension', 'deaf-pension', 'blind-pension'];

/** Accompaniment allowances: holders are eligible for the Disability Card. */
export const ACCOMPANIMENT: readonly BenefitKind[] = ['attendance-allowance', 'blind-attendance-allowance'];

/** Revision dates further than this from the verdict are refused as implausible. */
export const MAX_REVISION_YEARS = 10;

/** What a verdict says, as the rules read it. */
export interface VerdictFacts {
  assessment: Assessment;
  percentage?: number | undefined;
  minorFinding?: MinorFinding | undefined;
  blindness?: 'total' | 'partial' | undefined;
  band: AgeBand;
}

const BAND_TEXT: Record<AgeBand, string> = { '0-17': 'a minor (0-17)', '18-66': 'aged 18 to 66', '67+': '67 or over' };

/**
 * Why a verdict does not allow a benefit (DOMAIN.md §6 table), or undefined when it does.
 * The reason names what the rule needs and what the verdict has.
 */
export function benefitProblem(kind: BenefitKind, v: VerdictFacts): string | undefined {
  const p = v.percentage;
  const civil = v.assessment === 'civil-invalidity';
  const got = civil ? (p !== undefined ? `civil invalidity ${p}%` : `minor's civil invalidity "${v.minorFinding}"`) : v.assessment;
  const who = `the person assessed is ${BAND_TEXT[v.band]} on the verdict date`;
  switch (kind) {
    case 'monthly-allowance':
      if (!civil || p === undefined || p < 74 || p > 99) return `the monthly allowance needs a civil invalidity of 74% to 99% (got ${got})`;
      if (v.band !== '18-66') return `the monthly allowance is for ages 18 to 67 (${who})`;
      return undefined;
    case 'inability-pension':
      if (!civil || p !== 100) return `the inability pension needs a civil invalidity of 100% (got ${got})`;
      if (v.band !== '18-66') return `the inability pension is for ages 18 to 67 (${who})`;
      return undefined;
    case 'attendance-allowance':
      if (!civil) return `the attendance allowance of civil invalidity needs a civil invalidity verdict (got ${got})`;
      if (v.band === '0-17')
        return v.minorFinding === 'needs-constant-help' ? undefined : `a minor's attendance allowance needs the finding "needs-constant-help" (got ${got})`;
      return p === 100 ? undefined : `the attendance allowance needs a civil invalidity of 100% and the need of constant help (got ${got})`;
    case 'frequency-allowance':
      if (v.band !== '0-17') return `the attendance-at-school allowance (frequenza) is for minors (${who})`;
      if (!civil || v.minorFinding !== 'persistent-difficulties')
        return `the attendance-at-school allowance needs a minor's civil invalidity with "persistent-difficulties" (got ${got})`;
      return undefined;
    case 'deaf-pension':
      if (v.assessment !== 'deafness') return `the deafness pension needs a deafness verdict (got ${got})`;
      if (v.band !== '18-66') return `the deafness pension is for ages 18 to 67 (${who})`;
      return undefined;
    case 'communication-allowance':
      return v.assessment === 'deafness' ? undefined : `the communication allowance needs a deafness verdict (got ${got})`;
    case 'blind-pension':
      if (v.assessment !== 'blindness' || v.blindness !== 'total') return `the blindness pension of DOMAIN.md's table is for the totally blind (got ${got})`;
      if (v.band === '0-17') return `the blindness pension is paid from age 18; a blind minor gets the accompaniment only (${who})`;
      return undefined;
    case 'blind-attendance-allowance':
      return v.assessment === 'blindness' && v.blindness === 'total'
        ? undefined
        : `the accompaniment for the totally blind needs a total blindness verdict (got ${got})`;
  }
}

/** Whether the verdict recognises anything at all (a percentage from 34%, a minor's invalidity, deafness, blindness). */
export function recognisesInvalidity(v: Pick<VerdictFacts, 'assessment' | 'percentage' | 'minorFinding'>): boolean {
  if (v.assessment !== 'civil-invalidity') return true;
  if (v.percentage !== undefined) return v.percentage >= 34;
  return v.minorFinding !== undefined && v.minorFinding !== 'not-invalid';
}

/**
 * Disability Card eligibility that follows from this verdict (DOMAIN.md, INPS circ. 46/2022):
 * adult civil invalids over 67%, every invalid minor, accompaniment holders, L. 104 art. 3 c. 3,
 * the blind and the deaf. (Work-injury invalids and others qualify by other routes, not by this verdict.)
 */
export function disabilityCardGrounds(v: VerdictFacts, law104: Law104, kinds: readonly BenefitKind[]): string[] {
  const out: string[] = [];
  if (v.assessment === 'civil-invalidity' && v.band !== '0-17' && (v.percentage ?? 0) > 67) out.push('civil invalidity over 67%');
  if (v.assessment === 'civil-invalidity' && v.band === '0-17' && recognisesInvalidity(v)) out.push('invalid minor');
  if (kinds.some((k) => ACCOMPANIMENT.includes(k))) out.push('accompaniment holder');
  if (law104 === 'art3c3') out.push('L. 104 art. 3 c. 3');
  if (v.assessment === 'blindness') out.push('blind');
  if (v.assessment === 'deafness') out.push('deaf');
  return out;
}

/** Targeted job placement ("collocamento mirato", L. 68/1999): civil invalidity from 46%, working age only. */
export const targetedPlacement = (v: VerdictFacts): boolean => v.assessment === 'civil-invalidity' && v.band === '18-66' && (v.percentage ?? 0) >= 46;

/**
 * Grounds for the car concessions in the verdict (DOMAIN.md: blind, deaf, mental disability with
 * accompaniment, severely reduced walking or motor capacity, the last stated by the verdict's wording).
 */
export function carGrounds(assessment: Assessment, kinds: readonly BenefitKind[], reducedMobility: boolean): boolean {
  return assessment === 'deafness' || assessment === 'blindness' || kinds.some((k) => ACCOMPANIMENT.includes(k)) || reducedMobility;
}

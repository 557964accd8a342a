import type { z } from 'zod';
import { generatePerson, recipientOf } from '../generator/people';
import type { Rng } from '../generator/rng';
import {
  atRiskYear,
  BENEFIT_AGES,
  COUPLE_INCOME_BENEFITS,
  INCOME_KINDS,
  LINKED_BENEFITS,
  MONTHLY_BENEFITS,
  monthlyAtRiskMaxCents,
  ordinaryDeadline,
  type IncomeKind,
  type LinkedBenefit,
} from './rules';
import type { red } from './schema';

type RedEnvelope = z.input<typeof red.envelope>;

/** Ages a holder of each benefit typically has (inside the rule's range, when it has one). */
const TYPICAL_AGES: Record<LinkedBenefit, [number, number]> = {
  'minimum-supplement': [62, 92],
  'social-increase': [60, 92],
  'family-allowance': [55, 85],
  'survivors-pension': [40, 95],
  fourteenth: [64, 92],
  'civil-invalidity': [25, 67],
  'social-allowance': [67, 95],
};

function agesFor(benefits: readonly LinkedBenefit[]): [number, number] | null {
  let lo = 18;
  let hi = 100;
  for (const k of benefits) {
    const rule = BENEFIT_AGES[k];
    if (rule) {
      lo = Math.max(lo, rule[0]);
      hi = Math.min(hi, rule[1]);
    }
  }
  if (lo > hi) return null;
  // Prefer the typical ages where they overlap the rule's.
  let tlo = lo;
  let thi = hi;
  for (const k of benefits) {
    tlo = Math.max(tlo, TYPICAL_AGES[k][0]);
    thi = Math.min(thi, TYPICAL_AGES[k][1]);
  }
  return tlo <= thi ? [tlo, thi] : [lo, hi];
}

/** A monthly amount at risk: never above what the benefits pay that year (sometimes exactly that). */
const atRisk = (rng: Rng, max: number | undefined): number => {
  const top = Math.min(60_000, max ?? 60_000);
  return rng.chance(0.1) ? top : rng.int(2_000, top);
};

/**
 * Edge cases in turn: each linked benefit alone in both campaigns (with an age it is paid at), then
 * random mixes; each income kind leads in turn.
 */
export function generateRed(rng: Rng, variant: number): RedEnvelope {
  const B = LINKED_BENEFITS.length;
  const incomeYear = variant < 2 * B ? (variant % 2 === 0 ? 2024 : 2023) : rng.pick([2023, 2024]);
  const campaign = variant < 2 * B ? (Math.floor(variant / B) === 0 ? 'ordinary' : 'reminder') : rng.chance(0.6) ? 'reminder' : 'ordinary';
  let linkedBenefits: LinkedBenefit[];
  if (variant < 2 * B) linkedBenefits = [LINKED_BENEFITS[variant % B]!];
  else
    do linkedBenefits = rng.sample(LINKED_BENEFITS, rng.int(1, 3));
    while (!agesFor(linkedBenefits));
  const ages = agesFor(linkedBenefits)!;

  // Incomes to declare: the variant's kind first, then a few more; the spouse's income only where it counts.
  const couple = linkedBenefits.some((k) => COUPLE_INCOME_BENEFITS.includes(k));
  const allowed = INCOME_KINDS.filter((k) => k !== 'spouse-income' || couple);
  const lead: IncomeKind = INCOME_KINDS[variant % INCOME_KINDS.length]!;
  const first = allowed.includes(lead) ? lead : rng.pick(allowed.filter((k) => k !== 'spouse-income'));
  const more = rng.sample(
    allowed.filter((k) => k !== first),
    rng.weighted([
      [0, 50],
      [1, 35],
      [2, 12],
      [5, 3],
    ] as const),
  );
  const incomesToDeclare = INCOME_KINDS.filter((k) => k === first || more.includes(k));

  const ordinary = ordinaryDeadline(incomeYear);
  const deadline = campaign === 'ordinary' ? ordinary : rng.pick([`${incomeYear + 2}-06-30`, `${incomeYear + 2}-09-30`, ordinaryDeadline(incomeYear + 1)]);
  const person = generatePerson(rng, { age: [ages[0] + 0.05, ages[1] + 0.95], onDate: `${incomeYear}-12-31` });
  const monthly = linkedBenefits.some((k) => MONTHLY_BENEFITS.includes(k));
  return {
    type: 'red',
    ...recipientOf(rng, person, rng.chance(0.92) ? 'it' : 'en', 'RED'),
    benefit: {
      incomeYear,
      campaign,
      deadline,
      linkedBenefits,
      incomesToDeclare,
      ...(monthly && rng.chance(0.6) ? { monthlyAtRiskCents: atRisk(rng, monthlyAtRiskMaxCents(linkedBenefits, atRiskYear(deadline))) } : {}),
    },
  };
}

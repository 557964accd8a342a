import type { z } from 'zod';
import { addDays, addMonths, yearsBetween } from '../common/dates';
import { childName, generatePerson, recipientOf } from '../generator/people';
import type { Rng } from '../generator/rng';
import {
  AMOUNTS,
  bandOfAge,
  benefitProblem,
  carGrounds,
  disabilityCardGrounds,
  LAW104,
  recognisesInvalidity,
  type AgeBand,
  type Assessment,
  type BenefitKind,
  type Law104,
  type MinorFinding,
  type RuleYear,
  type TaxBenefit,
  type VerdictFacts,
} from './rules';
import type { invalidita, InvaliditaSubject } from './schema';

type InvaliditaEnvelope = z.input<typeof invalidita.envelope>;

/**
 * The edge cases, walked in turn by `variant` (the year alternates 2025/2026 and the L. 104
 * outcome and review status rotate across them):
 *  0 a 0–33% verdict (nothing recognised)      7 a minor with the attendance-at-school allowance (to a parent)
 *  1 74–99%: monthly allowance + income limit  8 a minor with the attendance allowance (to a parent)
 *  2 34–45%                                    9 67 and over (never the working-age measures)
 *  3 46–66% (targeted job placement)          10 deafness (adult, 67+ or a minor)
 *  4 67–73% (68–73%: the Disability Card)     11 total blindness
 *  5 100%: inability pension                  12 a ward, addressed to the guardian
 *  6 100% + attendance allowance
 */
export const INVALIDITA_VARIANTS = 13;

// Safe margins: generatePerson's ages are fractional, so stay clear of birthdays on the verdict date.
const WORKING: [number, number][] = [
  [18.05, 18.9],
  [25, 64],
  [66.05, 66.9],
];

export function generateInvalidita(rng: Rng, variant: number): InvaliditaEnvelope {
  const kind = variant % INVALIDITA_VARIANTS;
  const year: RuleYear = variant % 2 === 0 ? 2025 : 2026;
  const verdictDate = addDays(`${year}-01-02`, rng.int(0, 360));
  const law104: Law104 = LAW104[(variant + Math.floor(variant / INVALIDITA_VARIANTS)) % LAW104.length]!;

  let assessment: Assessment = 'civil-invalidity';
  let percentage: number | undefined;
  let minorFinding: MinorFinding | undefined;
  let relation: InvaliditaSubject['relation'] = 'self';
  let subjectAge: [number, number] = rng.pick(WORKING);
  let wardBand: AgeBand | undefined;
  let wantsAccompaniment = false;

  switch (kind) {
    case 0:
      percentage = rng.pick([0, 10, 20, 25, 30, 33]);
      break;
    case 1:
      percentage = rng.pick([74, 75, 80, 85, 90, 99]);
      break;
    case 2:
      percentage = rng.pick([34, 40, 45]);
      break;
    case 3:
      percentage = rng.pick([46, 50, 60, 66]);
      break;
    case 4:
      percentage = rng.pick([67, 68, 70, 73]);
      break;
    case 5:
      percentage = 100;
      break;
    case 6:
      percentage = 100;
      wantsAccompaniment = true;
      break;
    case 7:
      relation = 'child';
      minorFinding = 'persistent-difficulties';
      break;
    case 8:
      relation = 'child';
      minorFinding = 'needs-constant-help';
      wantsAccompaniment = true;
      break;
    case 9:
      subjectAge = rng.pick([
        [67.05, 67.9],
        [68, 95],
      ] as [number, number][]);
      percentage = rng.pick([40, 50, 70, 80, 100, 100]);
      wantsAccompaniment = percentage === 100 && rng.chance(0.6);
      break;
    case 10:
      assessment = 'deafness';
      if (rng.chance(0.25)) relation = 'child';
      else if (rng.chance(0.3)) subjectAge = [67.05, 90];
      break;
    case 11:
      assessment = 'blindness';
      // The 2026 table has no accompaniment for the totally blind: a blind minor in 2026 would hear no benefit at all.
      if (year === 2025 && rng.chance(0.25)) relation = 'child';
      else if (rng.chance(0.3)) subjectAge = [67.05, 90];
      wantsAccompaniment = year === 2025;
      break;
    case 12: {
      relation = 'ward';
      wardBand = rng.pick(['0-17', '18-66', '18-66', '67+'] as const);
      if (wardBand === '0-17') {
        minorFinding = rng.pick(['persistent-difficulties', 'needs-constant-help', 'not-invalid'] as const);
        wantsAccompaniment = minorFinding === 'needs-constant-help';
      } else {
        percentage = rng.pick([50, 80, 100, 100]);
        wantsAccompaniment = percentage === 100 && rng.chance(0.7);
      }
      break;
    }
  }

  // The citizen: the person assessed, or their parent or guardian (always an adult).
  const recipientAge: [number, number] = relation === 'self' ? subjectAge : relation === 'child' ? [22, 55] : [30, 75];
  const person = generatePerson(rng, { age: recipientAge, onDate: verdictDate });
  const citizenAge = yearsBetween(person.birthDate, verdictDate);
  let subject: InvaliditaSubject;
  if (relation === 'self') subject = { relation: 'self' };
  else if (relation === 'child') subject = { relation: 'child', givenName: childName(rng) };
  else subject = { relation: 'ward', givenName: childName(rng), ageBand: wardBand! };
  const band: AgeBand = relation === 'self' ? bandOfAge(citizenAge) : relation === 'child' ? '0-17' : wardBand!;

  const facts: VerdictFacts = { assessment, percentage, minorFinding, blindness: assessment === 'blindness' ? 'total' : undefined, band };

  // Every benefit the verdict allows (the accompaniment only when the case asks for it).
  const candidates: BenefitKind[] = [
    'monthly-allowance',
    'inability-pension',
    'frequency-allowance',
    'deaf-pension',
    'blind-pension',
    'communication-allowance',
    ...(wantsAccompaniment ? (['attendance-allowance', 'blind-attendance-allowance'] as BenefitKind[]) : []),
  ];
  const kinds = candidates.filter((k) => !benefitProblem(k, facts) && AMOUNTS[year][k] !== null);

  const recognised = recognisesInvalidity(facts);
  const reviewable = recognised && (variant % 3 === 1 || (kind === 12 && band === '0-17'));
  const reducedMobility = assessment === 'civil-invalidity' && (percentage ?? 0) >= 67 && rng.chance(0.3) ? true : undefined;

  const tax: TaxBenefit[] = [];
  if (law104 === 'art3c3' && rng.chance(0.8)) tax.push('paid-leave');
  if (carGrounds(assessment, kinds, reducedMobility ?? false) && rng.chance(0.8)) tax.push('car-vat-4', 'car-irpef-19', 'car-tax-exemption');
  if (disabilityCardGrounds(facts, law104, kinds).length > 0 && rng.chance(0.7)) tax.push('disability-card');

  return {
    type: 'invalidita',
    ...recipientOf(rng, person, rng.chance(0.9) ? 'it' : 'en', 'INV'),
    benefit: {
      verdictDate,
      subject,
      assessment,
      ...(percentage !== undefined ? { percentage } : {}),
      ...(minorFinding !== undefined ? { minorFinding } : {}),
      ...(assessment === 'blindness' ? { blindness: 'total' as const } : {}),
      reviewable,
      ...(reviewable ? { revisionDate: addMonths(verdictDate, rng.pick([12, 24, 36, 60])) } : {}),
      law104,
      ...(reducedMobility ? { reducedMobility } : {}),
      benefits: kinds.map((k) => ({ kind: k, monthlyCents: AMOUNTS[year][k]! })),
      taxBenefits: tax,
    },
  };
}

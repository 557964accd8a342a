import { crossChecks } from '../common/validation';
import { z } from 'zod';
import { addMonths, yearOf } from '../common/dates';
import { personalGuide } from '../common/envelope';
import { cents, isoDate, personName } from '../common/primitives';
import {
  AGE_BANDS,
  AMOUNTS,
  ASSESSMENTS,
  bandOfAge,
  benefitProblem,
  CAR_BENEFITS,
  carGrounds,
  disabilityCardGrounds,
  ECONOMIC_BENEFITS,
  isRuleYear,
  LAW104,
  MAX_REVISION_YEARS,
  MINOR_FINDINGS,
  recognisesInvalidity,
  RULE_YEARS,
  TAX_BENEFITS,
  type AgeBand,
  type VerdictFacts,
} from './rules';

export { ASSESSMENTS, ECONOMIC_BENEFITS, TAX_BENEFITS } from './rules';

/**
 * Whose verdict it is. The envelope's citizen is always who the guide speaks to (and whose reserved
 * area holds it): the person assessed (`self`, an adult), or the parent of a minor (`child`), or the
 * guardian or support administrator of a person assessed (`ward`, minor or adult). Only what the
 * guide needs is kept: the given name it says, and for a ward the age band the rules read.
 */
export const invaliditaSubject = z.discriminatedUnion(
  'relation',
  [
    z.strictObject({ relation: z.literal('self') }),
    z.strictObject({
      relation: z.literal('child'),
      /** The minor's given name, as the guide says it ("il verbale di Luca"). */
      givenName: personName,
    }),
    z.strictObject({
      relation: z.literal('ward'),
      givenName: personName,
      /** The ward's age on the verdict date: 0-17, 18-66 or 67+. */
      ageBand: z.enum(AGE_BANDS, { error: `expected one of ${AGE_BANDS.join(', ')}` }),
    }),
  ],
  { error: 'expected relation "self", "child" or "ward"' },
);
export type InvaliditaSubject = z.infer<typeof invaliditaSubject>;

export const invaliditaBenefit = z
  .strictObject({
    /** Date of the verdict (the medical board's report). Its year picks the amounts and income limits (2025 or 2026). */
    verdictDate: isoDate,
    subject: invaliditaSubject,
    assessment: z.enum(ASSESSMENTS),
    /** Civil invalidity of an adult: the percentage (0–100). Not stated for minors, deafness or blindness. */
    percentage: z.number().int().min(0).max(100).optional(),
    /** Civil invalidity of a minor: the finding the verdict states instead of a percentage. */
    minorFinding: z.enum(MINOR_FINDINGS).optional(),
    /** Blindness verdicts: total ("cieco assoluto") or partial ("ventesimista"); only total is covered. */
    blindness: z.enum(['total', 'partial']).optional(),
    reviewable: z.boolean(),
    revisionDate: isoDate.optional(),
    /**
     * The disability condition of L. 104/1992 (since July 2024 "condizione di disabilità"): a separate
     * assessment with its own report. `not-assessed` when this verdict says nothing about it.
     */
    law104: z.enum(LAW104, { error: `expected one of ${LAW104.join(', ')}` }),
    /** The verdict states the severely reduced walking or motor capacity the car concessions need. */
    reducedMobility: z.boolean().optional(),
    /** Cash benefits the verdict recognises, each with the table's monthly amount for the verdict's year. */
    benefits: z.array(z.strictObject({ kind: z.enum(ECONOMIC_BENEFITS), monthlyCents: cents })).max(4),
    /** Tax and work concessions the verdict gives (the Disability Card is said whenever the verdict makes the person eligible). */
    taxBenefits: z.array(z.enum(TAX_BENEFITS)).max(TAX_BENEFITS.length),
  })
  .superRefine(
    crossChecks((b, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      const year = yearOf(b.verdictDate);
      if (!isRuleYear(year))
        issue(['verdictDate'], `the guide's amounts and rules are DOMAIN.md's for ${RULE_YEARS.join(' and ')}; the verdict is dated ${b.verdictDate}`);

      // What the assessment states.
      if (b.assessment !== 'civil-invalidity') {
        if (b.percentage !== undefined) issue(['percentage'], `a ${b.assessment} verdict states no civil invalidity percentage (got ${b.percentage}%)`);
        if (b.minorFinding !== undefined) issue(['minorFinding'], `a ${b.assessment} verdict states no civil invalidity finding (got ${b.minorFinding})`);
      }
      if (b.assessment === 'blindness') {
        if (!b.blindness) issue(['blindness'], 'required for a blindness verdict: total or partial');
        else if (b.blindness === 'partial')
          issue(['blindness'], 'partial blindness ("ventesimisti") is not covered: DOMAIN.md has no amounts for its benefits');
      } else if (b.blindness !== undefined) issue(['blindness'], `only for a blindness verdict (got assessment ${b.assessment})`);

      // Revision.
      if (b.reviewable && !b.revisionDate) issue(['revisionDate'], 'required when the verdict is reviewable');
      if (!b.reviewable && b.revisionDate) issue(['revisionDate'], 'only allowed when the verdict is reviewable');
      if (b.revisionDate && b.revisionDate <= b.verdictDate)
        issue(['revisionDate'], `revision date ${b.revisionDate} must be after the verdict date ${b.verdictDate}`);
      else if (b.revisionDate && b.revisionDate > addMonths(b.verdictDate, 12 * MAX_REVISION_YEARS))
        issue(['revisionDate'], `revision date ${b.revisionDate} is more than ${MAX_REVISION_YEARS} years after the verdict date ${b.verdictDate}`);
      if (b.reviewable && !recognisesInvalidity(b) && (b.percentage !== undefined || b.minorFinding !== undefined))
        issue(
          ['reviewable'],
          `a verdict that recognises no invalidity (${b.percentage !== undefined ? `${b.percentage}%, under 34%` : b.minorFinding}) has nothing to review`,
        );

      // Benefits: once each, at the table's amount for the verdict's year.
      const kinds = b.benefits.map((x) => x.kind);
      if (new Set(kinds).size !== kinds.length) issue(['benefits'], 'each benefit may appear only once');
      if (isRuleYear(year))
        b.benefits.forEach((x, i) => {
          const expected = AMOUNTS[year][x.kind];
          if (expected === null) issue(['benefits', i, 'kind'], `DOMAIN.md's table has no ${year} amount for ${x.kind}: it cannot be said or checked`);
          else if (x.monthlyCents !== expected)
            issue(['benefits', i, 'monthlyCents'], `${x.kind} is ${expected} cents a month in ${year} (DOMAIN.md §6), got ${x.monthlyCents}`);
        });

      // Concessions that need a ground in the verdict.
      if (new Set(b.taxBenefits).size !== b.taxBenefits.length) issue(['taxBenefits'], 'each benefit may appear only once');
      b.taxBenefits.forEach((t, i) => {
        if (t === 'paid-leave' && b.law104 !== 'art3c3')
          issue(['taxBenefits', i], `paid leave (L. 104 art. 33) needs the severe disability condition, law104 art3c3 (got ${b.law104})`);
        if (CAR_BENEFITS.includes(t) && !carGrounds(b.assessment, kinds, b.reducedMobility ?? false))
          issue(
            ['taxBenefits', i],
            `the car concessions need blindness, deafness, an accompaniment allowance or the verdict's reduced-mobility wording (reducedMobility); this verdict has none`,
          );
      });
    }),
  );
export type InvaliditaBenefit = z.infer<typeof invaliditaBenefit>;

/** The age band of the person assessed: the citizen's own age when it is their verdict. */
export const subjectBand = (b: Pick<InvaliditaBenefit, 'subject'>, citizenAge: number): AgeBand =>
  b.subject.relation === 'self' ? bandOfAge(citizenAge) : b.subject.relation === 'child' ? '0-17' : b.subject.ageBand;

export const verdictFacts = (b: InvaliditaBenefit, citizenAge: number): VerdictFacts => ({
  assessment: b.assessment,
  percentage: b.percentage,
  minorFinding: b.minorFinding,
  blindness: b.blindness,
  band: subjectBand(b, citizenAge),
});

export const invalidita = personalGuide('invalidita', invaliditaBenefit, {
  // The rules read the age on the verdict date; the citizen is the person assessed or their parent or guardian.
  on: (b) => b.verdictDate,
  range: [0, 115],
  check: (b, age, issue) => {
    const rel = b.subject.relation;
    if (rel === 'self' && age < 18) {
      issue(
        ['subject', 'relation'],
        `the citizen is ${age} on the verdict date ${b.verdictDate} (from the fiscal code): a minor's verdict is addressed to a parent or guardian (relation "child" or "ward"), not to the minor as "self" (over 100? send citizen.birthDate)`,
      );
      return;
    }
    if (rel !== 'self' && age < 18) {
      issue(
        ['subject', 'relation'],
        `the guide speaks to the parent or guardian, who must be an adult: the citizen is ${age} on the verdict date ${b.verdictDate}`,
      );
      return;
    }
    const v = verdictFacts(b, age);
    if (b.assessment === 'civil-invalidity') {
      if (v.band === '0-17') {
        if (b.percentage !== undefined)
          issue(['percentage'], `a minor's civil invalidity verdict states a finding (minorFinding), not a percentage (got ${b.percentage}%)`);
        if (b.minorFinding === undefined) issue(['minorFinding'], `required for a minor's civil invalidity verdict: one of ${MINOR_FINDINGS.join(', ')}`);
      } else {
        if (b.percentage === undefined) issue(['percentage'], 'required for an adult civil invalidity verdict');
        if (b.minorFinding !== undefined)
          issue(['minorFinding'], `only for a minor's verdict: the person assessed is ${v.band === '67+' ? '67 or over' : 'an adult'} on the verdict date`);
      }
      if (b.percentage === undefined && b.minorFinding === undefined) return;
    }
    b.benefits.forEach((x, i) => {
      const problem = benefitProblem(x.kind, v);
      if (problem) issue(['benefits', i, 'kind'], problem);
    });
    const card = b.taxBenefits.indexOf('disability-card');
    if (
      card >= 0 &&
      disabilityCardGrounds(
        v,
        b.law104,
        b.benefits.map((x) => x.kind),
      ).length === 0
    )
      issue(
        ['taxBenefits', card],
        `the Disability Card needs civil invalidity over 67% (adults), an invalid minor, an accompaniment allowance, L. 104 art. 3 c. 3, blindness or deafness; this verdict has ${
          b.assessment === 'civil-invalidity' ? (b.percentage !== undefined ? `${b.percentage}%` : b.minorFinding) : b.assessment
        } and law104 ${b.law104}`,
      );
  },
});
export type InvaliditaGuide = z.infer<typeof invalidita.guide>;

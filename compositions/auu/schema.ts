import { crossChecks } from '../common/validation';
import { z } from 'zod';
import { personalGuide } from '../common/envelope';
import { cents, ibanLast4, isoDate, personName, reference } from '../common/primitives';
import { ADULT_FROM, AUU_FIRST_APPLICATION, AUU_TABLE_YEARS, auuYear, ageOn, CHILD_UNTIL, childAmountBounds, MIN_PARENT_CHILD_GAP, PARENT_AGES } from './rules';

export const BLOCK_REASONS = ['missing-information', 'missing-documents', 'iban-error'] as const;

/**
 * Why a payment to the IBAN failed (DOMAIN.md §4): the account is not held by the applicant alone or
 * jointly; the account is closed; the IBAN is wrong or matches no account; the account is outside the
 * SEPA area.
 */
export const IBAN_PROBLEMS = ['not-holder', 'account-closed', 'invalid-iban', 'outside-sepa'] as const;

/** What an application can be missing (DOMAIN.md §4). */
export const MISSING_ITEMS = [
  'adult-child-declaration',
  'separated-parents-data',
  'other-parent-data',
  'disability-certificate',
  'residence-permit',
  'large-family-data',
] as const;
export type MissingItem = (typeof MISSING_ITEMS)[number];

/** Which block reason each missing item belongs to: declarations and data are information, certificates and permits documents. */
export const ITEM_KIND: Record<MissingItem, 'missing-information' | 'missing-documents'> = {
  'adult-child-declaration': 'missing-information',
  'separated-parents-data': 'missing-information',
  'other-parent-data': 'missing-information',
  'large-family-data': 'missing-information',
  'disability-certificate': 'missing-documents',
  'residence-permit': 'missing-documents',
};

/**
 * What makes a child aged 18 to 20 count (DOMAIN.md §4): studying or in training, registered as
 * unemployed, in civil service, or working and earning less than €8,000 a year.
 */
export const ADULT_CONDITIONS = ['study', 'unemployed', 'civil-service', 'low-income-work'] as const;

export const DISABILITIES = ['none', 'medium', 'severe', 'non-self-sufficient'] as const;

export const auuChild = z.strictObject({
  givenName: personName,
  birthDate: isoDate,
  /**
   * This child's share of the allowance per month, when already known: the basic amount for the ISEE
   * and the child's own increases (under 1, disability, third child onward…); household-level
   * increases (4+ children) are not in it. Checked against the year's table.
   */
  monthlyAmountCents: cents.optional(),
  disability: z.enum(DISABILITIES).default('none'),
  /** For a child aged 18 to 20: the condition the parent declared. Absent while that declaration is missing. */
  adultCondition: z.enum(ADULT_CONDITIONS).optional(),
});

const euro = (c: number) => `${(c / 100).toFixed(2)} €`;

export const auuBenefit = z
  .strictObject({
    applicationId: reference(40),
    submittedDate: isoDate,
    /** When the application or its payment was blocked: the date of the guide's data. Ages, the year's figures and the ISEE deadline are taken on it. */
    blockedSince: isoDate,
    blockReason: z.enum(BLOCK_REASONS, { error: `expected one of ${BLOCK_REASONS.join(', ')}` }),
    /** For missing-information: declarations or data; for missing-documents: certificates or permits. Empty for an IBAN error. */
    missingItems: z.array(z.enum(MISSING_ITEMS)).max(MISSING_ITEMS.length).default([]),
    /** The last 4 characters of the IBAN that was refused, for an IBAN error. */
    ibanLast4: ibanLast4.optional(),
    /** Why the IBAN was refused, for an IBAN error. */
    ibanProblem: z.enum(IBAN_PROBLEMS, { error: `expected one of ${IBAN_PROBLEMS.join(', ')}` }).optional(),
    children: z.array(auuChild).min(1, 'expected at least one child').max(12),
    /** ISEE in cents; null when the family has no valid ISEE (minimum amounts only). */
    iseeCents: cents.nullable(),
  })
  .superRefine(
    crossChecks((b, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      const on = b.blockedSince;
      if (b.submittedDate < AUU_FIRST_APPLICATION)
        issue(['submittedDate'], `the Assegno Unico takes applications from ${AUU_FIRST_APPLICATION}: got ${b.submittedDate}`);
      if (b.blockedSince < b.submittedDate)
        issue(['blockedSince'], `an application cannot be blocked before it was submitted: blocked ${b.blockedSince}, submitted ${b.submittedDate}`);

      // Block reason, IBAN problem and missing items agree.
      if (b.blockReason === 'iban-error') {
        if (!b.ibanLast4) issue(['ibanLast4'], 'required when the block reason is iban-error');
        if (!b.ibanProblem) issue(['ibanProblem'], `required when the block reason is iban-error: one of ${IBAN_PROBLEMS.join(', ')}`);
        if (b.missingItems.length) issue(['missingItems'], 'must be empty when the block reason is iban-error');
      } else {
        if (!b.missingItems.length) issue(['missingItems'], `list what is missing when the block reason is ${b.blockReason}`);
        if (b.ibanProblem) issue(['ibanProblem'], `only for the block reason iban-error (got ${b.blockReason})`);
        b.missingItems.forEach((item, i) => {
          if (ITEM_KIND[item] !== b.blockReason)
            issue(
              ['missingItems', i],
              `${item} is ${ITEM_KIND[item] === 'missing-documents' ? 'a document' : 'information'}: it belongs to the block reason ${ITEM_KIND[item]}, not ${b.blockReason}`,
            );
        });
      }
      if (new Set(b.missingItems).size !== b.missingItems.length) issue(['missingItems'], 'each item may appear only once');
      if (b.missingItems.includes('separated-parents-data') && b.missingItems.includes('other-parent-data'))
        issue(['missingItems'], "separated-parents-data already asks for the other parent's details: do not list other-parent-data too");

      // Children: who counts, and on which condition.
      const ages = b.children.map((ch) => (ch.birthDate <= on ? ageOn(ch.birthDate, on) : -1));
      b.children.forEach((ch, i) => {
        const age = ages[i]!;
        if (ch.birthDate > on) {
          issue(
            ['children', i, 'birthDate'],
            `a child is on the application once born: born ${ch.birthDate}, after the date the application was blocked (${on})`,
          );
          return;
        }
        if (age >= CHILD_UNTIL && ch.disability === 'none')
          issue(
            ['children', i, 'birthDate'],
            `a child counts until age ${CHILD_UNTIL}, with no age limit only with a disability: born ${ch.birthDate}, aged ${age} on ${on}, disability "none"`,
          );
        const adult = age >= ADULT_FROM && age < CHILD_UNTIL;
        if (ch.adultCondition && !adult)
          issue(
            ['children', i, 'adultCondition'],
            `a condition (study, work, unemployment, civil service) is declared only for a child aged ${ADULT_FROM} to ${CHILD_UNTIL - 1}: aged ${age} on ${on}`,
          );
        if (adult && ch.disability === 'none' && !ch.adultCondition && !b.missingItems.includes('adult-child-declaration'))
          issue(
            ['children', i, 'adultCondition'],
            `a child aged ${age} counts only with a declared condition (${ADULT_CONDITIONS.join(', ')}): give it, or list adult-child-declaration among the missing items`,
          );
      });
      const pending = b.children.filter((ch, i) => ages[i]! >= ADULT_FROM && ages[i]! < CHILD_UNTIL && ch.disability === 'none' && !ch.adultCondition);
      const item = (name: MissingItem) => b.missingItems.indexOf(name);
      if (item('adult-child-declaration') >= 0 && !pending.length)
        issue(
          ['missingItems', item('adult-child-declaration')],
          `adult-child-declaration is missing only for a child aged ${ADULT_FROM} to ${CHILD_UNTIL - 1} with no declared condition: none on ${on}`,
        );
      if (item('disability-certificate') >= 0 && !b.children.some((ch) => ch.disability !== 'none'))
        issue(
          ['missingItems', item('disability-certificate')],
          'disability-certificate is missing only for a child with a disability: every child has disability "none"',
        );
      if (item('large-family-data') >= 0 && b.children.length < 3)
        issue(
          ['missingItems', item('large-family-data')],
          `large-family-data concerns families with 3 or more children: the application has ${b.children.length}`,
        );

      // The year: its figures and the 30 June ISEE rule are narrated, amounts given or not.
      const year = Number(on.slice(0, 4));
      const table = auuYear(year);
      if (!table)
        issue(['blockedSince'], `this guide knows the figures and rules of ${AUU_TABLE_YEARS.join(' and ')}: the application was blocked in ${year} (${on})`);

      // Amounts: within the year's table for the child's age and the family's ISEE.
      b.children.forEach((ch, i) => {
        if (ch.monthlyAmountCents === undefined || ages[i]! < 0) return;
        if (!table) {
          issue(['children', i, 'monthlyAmountCents'], `amounts are known for ${AUU_TABLE_YEARS.join(' and ')}: the application was blocked in ${year}`);
          return;
        }
        const bounds = childAmountBounds({ age: ages[i]!, disability: ch.disability }, b.children.length, b.iseeCents, table);
        if (ch.monthlyAmountCents < bounds.minCents || ch.monthlyAmountCents > bounds.maxCents)
          issue(
            ['children', i, 'monthlyAmountCents'],
            `outside the ${year} table: expected ${euro(bounds.minCents)} to ${euro(bounds.maxCents)} a month (${bounds.basis}, aged ${ages[i]} on ${on}), got ${euro(ch.monthlyAmountCents)}`,
          );
      });
    }),
  );

type AuuBenefit = z.infer<typeof auuBenefit>;

/** The parent is of an age to apply, and older than each child by a plausible gap. */
function checkParentAge(b: AuuBenefit, age: number, issue: (path: (string | number)[], message: string) => void) {
  b.children.forEach((ch, i) => {
    if (ch.birthDate > b.blockedSince) return;
    const childAge = ageOn(ch.birthDate, b.blockedSince);
    if (age - childAge < MIN_PARENT_CHILD_GAP)
      issue(
        ['children', i, 'birthDate'],
        `the applying parent is ${age} and this child ${childAge} on ${b.blockedSince}: a parent is at least ${MIN_PARENT_CHILD_GAP} years older than the child`,
      );
  });
}

export const auu = personalGuide('auu', auuBenefit, { on: (b) => b.blockedSince, range: PARENT_AGES, check: checkParentAge });
export type AuuGuide = z.infer<typeof auu.guide>;

import { crossChecks } from '../common/validation';
import { z } from 'zod';
import { personalGuide } from '../common/envelope';
import { cents, isoDate } from '../common/primitives';
import {
  BENEFIT_AGES,
  COUPLE_INCOME_BENEFITS,
  INCOME_KINDS,
  LINKED_BENEFITS,
  atRiskYear,
  MONTHLY_BENEFITS,
  monthlyAtRiskMaxCents,
  monthlyMaxCents,
  ordinaryDeadline,
  RED_INCOME_YEARS,
  reminderLatest,
} from './rules';

export { INCOME_KINDS, LINKED_BENEFITS } from './rules';

const euros = (c: number): string => `€${(c / 100).toFixed(2)}`;

export const redBenefit = z
  .strictObject({
    /** The year whose income must be declared. */
    incomeYear: z
      .number()
      .int()
      .min(RED_INCOME_YEARS[0], `income years from ${RED_INCOME_YEARS[0]}`)
      .max(RED_INCOME_YEARS[1], `income years up to ${RED_INCOME_YEARS[1]}`),
    /** The ordinary campaign, or the reminder ("Solleciti") campaign to those who did not send it in time. */
    campaign: z.enum(['ordinary', 'reminder']),
    /** Last day to send it: the ordinary campaign's closing day, or the reminder's later one. */
    deadline: isoDate,
    linkedBenefits: z.array(z.enum(LINKED_BENEFITS)).min(1, 'expected at least one income-linked benefit').max(LINKED_BENEFITS.length),
    /** The incomes of that year this citizen must declare (DOMAIN.md §3, "Who must file"). */
    incomesToDeclare: z.array(z.enum(INCOME_KINDS)).min(1, 'expected at least one income to declare').max(INCOME_KINDS.length),
    /** Gross monthly amount of the monthly linked benefits, when known (the quattordicesima is yearly and not in it). */
    monthlyAtRiskCents: cents.min(1, 'must be positive').optional(),
  })
  .superRefine(
    crossChecks((b, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      const ordinary = ordinaryDeadline(b.incomeYear);
      if (b.campaign === 'ordinary' && b.deadline !== ordinary)
        issue(['deadline'], `the ordinary campaign for ${b.incomeYear} income closes on ${ordinary}: got ${b.deadline}`);
      if (b.campaign === 'reminder' && (b.deadline <= ordinary || b.deadline > reminderLatest(b.incomeYear)))
        issue(
          ['deadline'],
          `a reminder for ${b.incomeYear} income follows the ordinary deadline ${ordinary}: expected after it and by ${reminderLatest(b.incomeYear)}, got ${b.deadline}`,
        );
      if (new Set(b.linkedBenefits).size !== b.linkedBenefits.length) issue(['linkedBenefits'], 'each benefit may appear only once');
      if (new Set(b.incomesToDeclare).size !== b.incomesToDeclare.length) issue(['incomesToDeclare'], 'each income may appear only once');
      const spouse = b.incomesToDeclare.indexOf('spouse-income');
      if (spouse >= 0 && !b.linkedBenefits.some((k) => COUPLE_INCOME_BENEFITS.includes(k)))
        issue(
          ['incomesToDeclare', spouse],
          `the spouse's income counts only for ${COUPLE_INCOME_BENEFITS.join(', ')}: the linked benefits are ${b.linkedBenefits.join(', ')}`,
        );
      if (b.monthlyAtRiskCents !== undefined && !b.linkedBenefits.some((k) => MONTHLY_BENEFITS.includes(k)))
        issue(['monthlyAtRiskCents'], 'the quattordicesima is paid once a year: a monthly amount needs a monthly linked benefit');
      else if (b.monthlyAtRiskCents !== undefined) {
        // Never more than the benefits can pay that year (DOMAIN.md §2, §3, §6: see monthlyMaxCents).
        const year = atRiskYear(b.deadline);
        const monthly = b.linkedBenefits.filter((k) => MONTHLY_BENEFITS.includes(k));
        const max = monthlyAtRiskMaxCents(monthly, year);
        if (max !== undefined && b.monthlyAtRiskCents > max)
          issue(
            ['monthlyAtRiskCents'],
            `${monthly.map((k) => `${k} pays at most ${euros(monthlyMaxCents(k, year)!)} a month in ${year}`).join(', ')}${monthly.length > 1 ? ` (${euros(max)} in all)` : ''}: expected at most ${euros(max)}, got ${euros(b.monthlyAtRiskCents)}`,
          );
      }
    }),
  );

type RedBenefit = z.infer<typeof redBenefit>;

/** Linked benefits paid only at some ages (on 31 December of the income year). */
function checkAges(b: RedBenefit, age: number, issue: (path: (string | number)[], message: string) => void) {
  b.linkedBenefits.forEach((k, i) => {
    const range = BENEFIT_AGES[k];
    if (range && (age < range[0] || age > range[1]))
      issue(
        ['linkedBenefits', i],
        `${k} is paid ${range[1] >= 130 ? `from age ${range[0]}` : `from age ${range[0]} to ${range[1]}`}: the citizen is ${age} on ${b.incomeYear}-12-31`,
      );
  });
}

export const red = personalGuide('red', redBenefit, { on: (b) => `${b.incomeYear}-12-31`, range: [18, 115], check: checkAges });
export type RedGuide = z.infer<typeof red.guide>;

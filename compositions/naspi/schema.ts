import { z } from 'zod';
import { personalGuide } from '../common/envelope';
import { addDays } from '../common/dates';
import { cents, checkAscending, ibanLast4, isoDate, isoMonth } from '../common/primitives';
import { NASPI_APPLICATION_DAYS, NASPI_MAX_CAP_CENTS, NASPI_MAX_MONTHS } from './rules';

export const naspiPayment = z.strictObject({
  /** The benefit month this payment covers. */
  period: isoMonth,
  /** Value date of the transfer (paid in the month after the period). */
  date: isoDate,
  grossCents: cents,
});

export const naspiBenefit = z
  .strictObject({
    jobEndDate: isoDate,
    applicationDate: isoDate,
    /** Decorrenza: the first day the benefit is due. */
    startDate: isoDate,
    /** Last day covered. */
    endDate: isoDate,
    /** Retribuzione media mensile (RMM) the amount is computed from. */
    averageMonthlyPayCents: cents,
    /** Gross amount of the first month, before any reduction. */
    firstMonthlyAmountCents: cents.max(NASPI_MAX_CAP_CENTS, `must not exceed the NASpI monthly cap (${NASPI_MAX_CAP_CENTS} cents)`),
    /** Month from which the 3% monthly reduction applies: 6, or 8 for claimants aged 55+. */
    reductionFromMonth: z.union([z.literal(6), z.literal(8)], { error: 'expected 6, or 8 for claimants aged 55 or more' }),
    payments: z
      .array(naspiPayment)
      .min(1, 'expected at least one payment')
      .max(NASPI_MAX_MONTHS, `NASpI lasts at most ${NASPI_MAX_MONTHS} months`),
    ibanLast4,
    /** Whether the claimant asked for the employment-income tax deduction to be applied. */
    employmentDeduction: z.boolean(),
  })
  .superRefine((b, ctx) => {
    if (b.applicationDate < b.jobEndDate)
      ctx.addIssue({ code: 'custom', path: ['applicationDate'], message: 'application date must not be before the end of the job' });
    else if (b.applicationDate > addDays(b.jobEndDate, NASPI_APPLICATION_DAYS))
      ctx.addIssue({ code: 'custom', path: ['applicationDate'], message: `application must be filed within ${NASPI_APPLICATION_DAYS} days of the end of the job` });
    if (b.startDate <= b.jobEndDate)
      ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'start date must be after the end of the job' });
    if (b.endDate < b.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: `end date ${b.endDate} is before the start date ${b.startDate}` });
    checkAscending(b.payments.map((p) => p.date), ctx, (i) => ['payments', i, 'date'], 'payment dates');
    b.payments.forEach((p, i) => {
      if (p.date.slice(0, 7) <= p.period)
        ctx.addIssue({ code: 'custom', path: ['payments', i, 'date'], message: `a month is paid after it ends (period ${p.period}, date ${p.date})` });
    });
  });

export const naspi = personalGuide('naspi', naspiBenefit, {
  // The 55+ rule is about the age on the application date (L. 234/2021 c. 221).
  on: (b) => b.applicationDate,
  range: [15, 71],
  check: (b, age, issue) => {
    const expected = age >= 55 ? 8 : 6;
    if (b.reductionFromMonth !== expected)
      issue(['reductionFromMonth'], `the claimant was ${age} on the application date (from the fiscal code): the reduction starts from month ${expected}, got ${b.reductionFromMonth}`);
  },
});
export type NaspiBenefit = z.infer<typeof naspiBenefit>;
export type NaspiGuide = z.infer<typeof naspi.guide>;

import { crossChecks } from '../common/validation';
import { z } from 'zod';
import { personalGuide } from '../common/envelope';
import { addDays } from '../common/dates';
import { cents, checkAscending, ibanLast4, isoDate, isoMonth } from '../common/primitives';
import {
  NASPI_APPLICATION_DAYS,
  NASPI_CENT_TOLERANCE,
  NASPI_EARLY_FILING_DAYS,
  NASPI_KNOWN_YEARS,
  NASPI_MAX_DAYS,
  NASPI_MAX_PAYMENTS,
  NASPI_MAX_WEEKS,
  NASPI_MIN_NET_SHARE,
  NASPI_MIN_WEEKS,
  NASPI_MIN_WORKING_AGE,
  naspiAtCap,
  naspiCalendar,
  naspiDurationDays,
  naspiEndDate,
  naspiFiguresYear,
  naspiFiledEarly,
  naspiFormulaCents,
  naspiMaxWeeksByAge,
  naspiMonthlyCents,
  naspiPaymentMonths,
  naspiReductionFrom,
  naspiStartDate,
  naspiYearFigures,
} from './rules';

export const naspiPayment = z.strictObject({
  /** The calendar month this payment covers (the benefit's days in it). */
  period: isoMonth,
  /** Value date of the transfer (after the month it covers ends). */
  date: isoDate,
  /** Gross amount for the month: the monthly amount, pro-rated by days when the month is partial. */
  grossCents: cents,
  /** Net amount credited, after the IRPEF the institute withholds: what the citizen receives. */
  netCents: cents,
});

const money = (c: number) => `${(c / 100).toFixed(2)} €`;

export const naspiBenefit = z
  .strictObject({
    /** Last day of the job (the unemployment event): its year sets the threshold and the cap. */
    jobEndDate: isoDate,
    applicationDate: isoDate,
    /** Decorrenza: the first day the benefit is due. */
    startDate: isoDate,
    /** Last day covered: the start date plus half of the useful contribution weeks, in days. */
    endDate: isoDate,
    /**
     * Useful contribution weeks of the last four years, as the acceptance letter states them
     * (weeks already used for an earlier unemployment benefit excluded): 13 to 208.
     */
    contributionWeeks: z.number({ error: 'expected a whole number of weeks' }).int('expected a whole number of weeks'),
    /** Retribuzione media mensile (RMM) the amount is computed from. */
    averageMonthlyPayCents: cents,
    /** Gross amount of the first month, before any reduction: the formula on the RMM, capped. */
    firstMonthlyAmountCents: cents,
    /** Maximum monthly amount (massimale) of the year the job ended, as on the letter. */
    capCents: cents,
    /** Whether the first amount is the maximum (the formula reaches the cap or goes above it). */
    capped: z.boolean({ error: 'expected true or false' }),
    /** Benefit month from which the 3% monthly reduction applies: 6, or 8 for claimants aged 55+ on the application date. */
    reductionFromMonth: z.union([z.literal(6), z.literal(8)], { error: 'expected 6, or 8 for claimants aged 55 or more' }),
    /** One payment per calendar month the benefit touches, in order. */
    payments: z
      .array(naspiPayment)
      .min(1, 'expected at least one payment')
      .max(NASPI_MAX_PAYMENTS, `a NASpI claim touches at most ${NASPI_MAX_PAYMENTS} calendar months`),
    ibanLast4,
    /** Whether the claimant asked in the application for the employment-income tax deduction to be applied. */
    employmentDeduction: z.boolean(),
  })
  .superRefine(
    crossChecks((b, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

      // Dates: the 68-day deadline and the start the filing date gives.
      if (b.applicationDate < b.jobEndDate) issue(['applicationDate'], `application date ${b.applicationDate} is before the end of the job ${b.jobEndDate}`);
      else if (b.applicationDate > addDays(b.jobEndDate, NASPI_APPLICATION_DAYS))
        issue(
          ['applicationDate'],
          `application must be filed within ${NASPI_APPLICATION_DAYS} days of the end of the job (${b.jobEndDate}: by ${addDays(b.jobEndDate, NASPI_APPLICATION_DAYS)}), got ${b.applicationDate}`,
        );
      else {
        const expected = naspiStartDate(b.jobEndDate, b.applicationDate);
        if (b.startDate !== expected)
          issue(
            ['startDate'],
            naspiFiledEarly(b.jobEndDate, b.applicationDate)
              ? `filed on ${b.applicationDate}, within ${NASPI_EARLY_FILING_DAYS} days of the end of the job (${b.jobEndDate}): the benefit starts on the ${NASPI_EARLY_FILING_DAYS}th day after it, ${expected}; got ${b.startDate}`
              : `filed on ${b.applicationDate}, more than ${NASPI_EARLY_FILING_DAYS} days after the end of the job (${b.jobEndDate}): the benefit starts the day after the application, ${expected}; got ${b.startDate}`,
          );
      }

      // Duration: half of the useful contribution weeks.
      const weeksOk = b.contributionWeeks >= NASPI_MIN_WEEKS && b.contributionWeeks <= NASPI_MAX_WEEKS;
      if (b.contributionWeeks < NASPI_MIN_WEEKS)
        issue(['contributionWeeks'], `NASpI needs at least ${NASPI_MIN_WEEKS} contribution weeks in the last four years, got ${b.contributionWeeks}`);
      else if (b.contributionWeeks > NASPI_MAX_WEEKS)
        issue(['contributionWeeks'], `four years hold at most ${NASPI_MAX_WEEKS} contribution weeks, got ${b.contributionWeeks}`);
      if (b.endDate < b.startDate) issue(['endDate'], `end date ${b.endDate} is before the start date ${b.startDate}`);
      else if (weeksOk) {
        const expected = naspiEndDate(b.startDate, b.contributionWeeks);
        if (b.endDate !== expected)
          issue(
            ['endDate'],
            `half of ${b.contributionWeeks} contribution weeks is ${naspiDurationDays(b.contributionWeeks)} days: from ${b.startDate} the benefit ends on ${expected}, got ${b.endDate}`,
          );
      } else if (addDays(b.startDate, NASPI_MAX_DAYS - 1) < b.endDate)
        issue(
          ['endDate'],
          `NASpI lasts at most ${NASPI_MAX_DAYS} days (104 weeks): from ${b.startDate} it ends by ${addDays(b.startDate, NASPI_MAX_DAYS - 1)}, got ${b.endDate}`,
        );

      // Amount: the formula with the threshold and cap of the year the job ended.
      const year = naspiFiguresYear(b.jobEndDate);
      const figures = naspiYearFigures(year);
      if (!figures)
        issue(['jobEndDate'], `no NASpI threshold and cap are known for ${year} (known: ${NASPI_KNOWN_YEARS.join(', ')}): the amount cannot be checked`);
      else {
        if (b.averageMonthlyPayCents < 1) issue(['averageMonthlyPayCents'], 'the average monthly pay must be positive');
        if (b.capCents !== figures.capCents)
          issue(['capCents'], `the ${year} NASpI cap is ${figures.capCents} cents (${money(figures.capCents)}), got ${b.capCents}`);
        const expected = naspiMonthlyCents(b.averageMonthlyPayCents, figures);
        if (b.firstMonthlyAmountCents > figures.capCents)
          issue(
            ['firstMonthlyAmountCents'],
            `${b.firstMonthlyAmountCents} cents is above the ${year} cap of ${figures.capCents} cents (${money(figures.capCents)}); from the average monthly pay of ${b.averageMonthlyPayCents} cents the amount is ${expected}`,
          );
        else if (Math.abs(b.firstMonthlyAmountCents - expected) > NASPI_CENT_TOLERANCE)
          issue(
            ['firstMonthlyAmountCents'],
            `does not follow the average monthly pay: 75% of ${b.averageMonthlyPayCents} cents up to the ${year} threshold of ${figures.thresholdCents}, plus 25% of the part above, capped at ${figures.capCents}, is ${expected} cents; got ${b.firstMonthlyAmountCents}`,
          );
        const atCap = naspiAtCap(b.averageMonthlyPayCents, figures);
        if (b.capped !== atCap)
          issue(
            ['capped'],
            `the formula gives ${naspiFormulaCents(b.averageMonthlyPayCents, figures)} cents against the ${year} cap of ${figures.capCents}: expected capped ${atCap}, got ${b.capped}`,
          );
      }

      // Payments: one per calendar month of [startDate, endDate], pro-rated, reduced from the right month.
      checkAscending(
        b.payments.map((p) => p.date),
        ctx,
        (i) => ['payments', i, 'date'],
        'payment dates',
      );
      const due =
        b.endDate >= b.startDate && b.endDate <= addDays(b.startDate, NASPI_MAX_DAYS - 1)
          ? naspiCalendar(b.startDate, b.endDate, b.firstMonthlyAmountCents, b.reductionFromMonth)
          : [];
      const byPeriod = new Map(due.map((d) => [d.period, d]));
      const seen = new Set<string>();
      b.payments.forEach((p, i) => {
        if (p.date.slice(0, 7) <= p.period) issue(['payments', i, 'date'], `a month is paid after it ends (period ${p.period}, date ${p.date})`);
        else {
          const months = naspiPaymentMonths(p.period, i === 0);
          if (!months.includes(p.date.slice(0, 7)))
            issue(
              ['payments', i, 'date'],
              `a month is paid in the following month${i === 0 ? ' (the first payment, after the acceptance, at most one month later)' : ''}: expected ${p.period} paid in ${months.join(' or ')}, got ${p.date}`,
            );
        }
        if (p.netCents > p.grossCents) issue(['payments', i, 'netCents'], `net ${p.netCents} cents is more than gross ${p.grossCents}`);
        else if (p.netCents < Math.ceil(p.grossCents * NASPI_MIN_NET_SHARE))
          issue(['payments', i, 'netCents'], `net ${p.netCents} cents is less than half of gross ${p.grossCents}: IRPEF on NASpI cannot take that much`);
        if (!due.length) return;
        if (seen.has(p.period)) return issue(['payments', i, 'period'], `a second payment for ${p.period}: one payment per calendar month`);
        seen.add(p.period);
        const d = byPeriod.get(p.period);
        if (!d) return issue(['payments', i, 'period'], `${p.period} is outside the benefit period ${b.startDate} to ${b.endDate}`);
        if (Math.abs(p.grossCents - d.grossCents) > NASPI_CENT_TOLERANCE) {
          const how = d.parts.map((x) => `${x.days} days of month ${x.benefitMonth} at ${x.monthlyCents}`).join(' + ');
          issue(
            ['payments', i, 'grossCents'],
            `expected ${d.grossCents} cents for ${p.period}: ${how}, over ${d.daysInMonth} days in the month (${d.from} to ${d.to}); got ${p.grossCents}`,
          );
        }
      });
      if (due.length) {
        const missing = due.filter((d) => !seen.has(d.period));
        if (missing.length)
          issue(
            ['payments'],
            `expected ${due.length} payments, one per calendar month from ${due[0]!.period} to ${due.at(-1)!.period}; none for ${missing.map((d) => `${d.period} (${d.coveredDays} days)`).join(', ')}`,
          );
      }
    }),
  );

export const naspi = personalGuide('naspi', naspiBenefit, {
  // The 55+ rule is about the age on the application date (L. 234/2021 c. 221).
  on: (b) => b.applicationDate,
  range: [15, 71],
  check: (b, age, issue, born) => {
    const most = naspiMaxWeeksByAge(born, b.jobEndDate);
    if (b.contributionWeeks > most && b.contributionWeeks <= NASPI_MAX_WEEKS)
      issue(
        ['contributionWeeks'],
        `contributions count from age ${NASPI_MIN_WORKING_AGE}, the minimum working age: born ${born} (from the fiscal code), the claimant can have at most ${most} weeks by the end of the job on ${b.jobEndDate}, got ${b.contributionWeeks}`,
      );
    const expected = naspiReductionFrom(age);
    if (b.reductionFromMonth !== expected)
      issue(
        ['reductionFromMonth'],
        `the claimant was ${age} on the application date (from the fiscal code): the reduction starts from month ${expected}, got ${b.reductionFromMonth}`,
      );
  },
});
export type NaspiBenefit = z.infer<typeof naspiBenefit>;
export type NaspiGuide = z.infer<typeof naspi.guide>;

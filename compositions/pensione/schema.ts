import { crossChecks } from '../common/validation';
import { z } from 'zod';
import { monthOf, yearOf } from '../common/dates';
import { personalGuide } from '../common/envelope';
import { cents, ibanLast4, isoDate } from '../common/primitives';
import {
  ASCENDANTS,
  CHILD_DEPENDANT_AGES,
  EARLIEST_CONTRIBUTION_AGE,
  expectedFirstPayment,
  firstPaymentDays,
  IRPEF_TOP_RATE,
  MAX_MONTHLY_GROSS_CENTS,
  MAX_WITHHELD_SHARE,
  minContributionYears,
  nextMonth,
  PAYMENT_YEARS,
  PENSION_AGES,
  pensionMonthsInYear,
  SURCHARGE_KINDS,
  thirteenthGross,
} from './rules';

export const PENSION_TYPES = ['old-age', 'early', 'disability-allowance', 'inability', 'survivors'] as const;
export const PENSION_FUNDS = ['private-employees', 'self-employed', 'cpdel'] as const;
export const DEDUCTION_REQUESTS = ['none', 'pension-income', 'pension-income-and-family'] as const;
export const WITHHOLDING_KINDS = ['irpef', 'regional-surcharge', 'municipal-surcharge', 'municipal-advance', 'tax-adjustment', 'union-dues'] as const;
/** Relatives other than spouse and children a deduction can be asked for (from 2025 only ascendants count). */
export const OTHER_RELATIONS = ['parent', 'grandparent', 'parent-in-law', 'son-or-daughter-in-law', 'sibling'] as const;

export const withholding = z.strictObject({ kind: z.enum(WITHHOLDING_KINDS), cents });

const euros = (c: number): string => `€${(c / 100).toFixed(2)}`;

export const pensionBenefit = z
  .strictObject({
    pensionType: z.enum(PENSION_TYPES),
    fund: z.enum(PENSION_FUNDS),
    /**
     * Whole years of contributions the pension is computed on, as on the liquidation letter (for a
     * survivor's pension, the deceased's). The quattordicesima's amount depends on them.
     */
    contributionYears: z.number().int().min(0).max(70),
    /** Decorrenza: the day the pension is due from, always the first day of a month. */
    startDate: isoDate,
    /**
     * The first instalment: day 1 of its month (the month's regular payday: the first banking day,
     * the second in January) or day 7, moved to the next day the channel pays. In 2025–2027.
     */
    firstPaymentDate: isoDate,
    /**
     * The first payment includes every month from the start month to the payment month (arrears are
     * the months before the payment month) and, for every December in that span, that year's 13th
     * pro-rated to its months of pension.
     */
    firstPayment: z.strictObject({
      /** (arrearsMonths + 1) × monthly gross + thirteenthCents. */
      grossCents: cents,
      /** As the institute computed it (arrears of past years are taxed separately). */
      netCents: cents,
      /** The months before the payment month and the 13ths of the Decembers among them, gross. */
      arrearsCents: cents,
      /** Months from the start month to the payment month: decorrenza March, paid in May → 2. */
      arrearsMonths: z.number().int().min(0).max(36),
      /** Gross 13ths included: for each December from the start month to the payment month, the monthly gross × months of pension that year / 12. */
      thirteenthCents: cents,
    }),
    /**
     * The ordinary instalment of the month after the first payment, without any 13th, as on that
     * month's payslip (cedolino). Surcharge instalments are withheld January–November only, the
     * municipal advance March–November.
     */
    monthly: z.strictObject({
      grossCents: cents
        .min(1, 'a pension amount must be positive')
        .max(MAX_MONTHLY_GROSS_CENTS, `a monthly pension above ${euros(MAX_MONTHLY_GROSS_CENTS)} gross is implausible: check the unit (cents)`),
      netCents: cents,
      withholdings: z.array(withholding).max(8),
    }),
    /**
     * The 13th paid with the December instalment of the first payment's year, when the first payment
     * is not itself in December (then the 13th is in `firstPayment.thirteenthCents`): the monthly gross
     * pro-rated to the months of pension that year, and its net as the institute computes it (taxed
     * without the deductions, no surcharge instalments).
     */
    thirteenth: z
      .strictObject({
        /** Months of pension in that year: 12, or fewer for a pension that started during the year. */
        months: z.number().int().min(1).max(12),
        grossCents: cents,
        netCents: cents,
      })
      .optional(),
    paymentChannel: z.enum(['bank', 'post']),
    ibanLast4,
    /** The tax deductions asked for in the application: this changes which scenes the guide has. */
    deductionRequest: z.enum(DEDUCTION_REQUESTS),
    /** The dependants the family deductions are granted for (2025 rules, L. 207/2024). */
    dependants: z
      .strictObject({
        spouse: z.boolean(),
        /** Each child, with their age on the start date: 21 to 29, or 21 and over with a disability. */
        children: z.array(z.strictObject({ age: z.number().int().min(0).max(110), disabled: z.boolean() })).max(12),
        /** Other relatives: from 2025 only parents and grandparents who live with the pensioner. */
        others: z.array(z.strictObject({ relation: z.enum(OTHER_RELATIONS), cohabiting: z.boolean() })).max(6),
      })
      .optional(),
  })
  .superRefine(
    crossChecks((b, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      if (!b.startDate.endsWith('-01')) issue(['startDate'], `a pension starts on the first day of a month (got ${b.startDate})`);
      const payYear = yearOf(b.firstPaymentDate);
      if (payYear < PAYMENT_YEARS[0] || payYear > PAYMENT_YEARS[1])
        issue(
          ['firstPaymentDate'],
          `this guide knows the rules and figures of first payments in ${PAYMENT_YEARS[0]}–${PAYMENT_YEARS[1]} (got ${b.firstPaymentDate})`,
        );
      const startMonth = monthOf(b.startDate);
      const payMonth = monthOf(b.firstPaymentDate);
      const datesOk = b.startDate.endsWith('-01') && payMonth >= startMonth;
      if (payMonth < startMonth) issue(['firstPaymentDate'], `first payment ${b.firstPaymentDate} is before the start date ${b.startDate}`);
      else {
        const days = firstPaymentDays(payMonth, b.paymentChannel);
        if (!days.includes(b.firstPaymentDate))
          issue(
            ['firstPaymentDate'],
            `a first payment is made on day 1 (the month's payday) or day 7, moved to the next day ${b.paymentChannel === 'post' ? 'post offices' : 'banks'} pay: in ${payMonth} that is ${days[0]} or ${days[1]} (got ${b.firstPaymentDate})`,
          );
      }

      // The regular month.
      const m = b.monthly;
      if (m.netCents > m.grossCents) issue(['monthly', 'netCents'], `net amount ${euros(m.netCents)} must not exceed the gross amount ${euros(m.grossCents)}`);
      else {
        const withheld = m.withholdings.reduce((s, w) => s + w.cents, 0);
        if (withheld !== m.grossCents - m.netCents)
          issue(['monthly', 'withholdings'], `withholdings add up to ${withheld} cents, expected gross minus net = ${m.grossCents - m.netCents}`);
      }
      const seen = new Set<string>();
      m.withholdings.forEach((w, i) => {
        if (seen.has(w.kind)) issue(['monthly', 'withholdings', i, 'kind'], `${w.kind} appears twice on one payslip`);
        seen.add(w.kind);
        if (w.kind === 'irpef' && w.cents > Math.round(m.grossCents * IRPEF_TOP_RATE))
          issue(
            ['monthly', 'withholdings', i, 'cents'],
            `IRPEF of ${euros(w.cents)} is more than ${IRPEF_TOP_RATE * 100}% (the top rate) of the gross ${euros(m.grossCents)}`,
          );
      });
      if (datesOk) {
        const slipMonth = nextMonth(payMonth);
        const mm = Number(slipMonth.slice(5, 7));
        m.withholdings.forEach((w, i) => {
          if (mm === 12 && ((SURCHARGE_KINDS as readonly string[]).includes(w.kind) || w.kind === 'tax-adjustment'))
            issue(
              ['monthly', 'withholdings', i, 'kind'],
              `the monthly slip is December's (${slipMonth}): ${w.kind} instalments are withheld January–November only`,
            );
          else if (mm <= 2 && w.kind === 'municipal-advance')
            issue(['monthly', 'withholdings', i, 'kind'], `the monthly slip is ${slipMonth}'s: the municipal advance is withheld from March to November`);
        });
      }

      // IRPEF on the monthly slip: then every payment withholds tax, and no net may equal its gross.
      const irpef = m.withholdings.filter((w) => w.kind === 'irpef').reduce((s, w) => s + w.cents, 0);

      // The first payment: months from the start date, arrears and 13ths.
      const fp = b.firstPayment;
      if (fp.netCents > fp.grossCents)
        issue(['firstPayment', 'netCents'], `net amount ${euros(fp.netCents)} must not exceed the gross amount ${euros(fp.grossCents)}`);
      else if (irpef > 0 && fp.netCents === fp.grossCents)
        issue(
          ['firstPayment', 'netCents'],
          `the monthly slip withholds IRPEF (${euros(irpef)}), and so does the first payment, which includes that month: expected a net below the gross ${euros(fp.grossCents)}, got ${euros(fp.netCents)}`,
        );
      else if (fp.netCents < Math.floor(fp.grossCents * (1 - MAX_WITHHELD_SHARE)))
        issue(['firstPayment', 'netCents'], `net ${euros(fp.netCents)} is less than half the gross ${euros(fp.grossCents)}: implausible withholdings`);
      if (datesOk) {
        const x = expectedFirstPayment(b.startDate, b.firstPaymentDate, m.grossCents);
        if (fp.arrearsMonths !== x.arrearsMonths)
          issue(
            ['firstPayment', 'arrearsMonths'],
            `from the start month ${startMonth} to the payment month ${payMonth} there are ${x.arrearsMonths} months of arrears (got ${fp.arrearsMonths})`,
          );
        if (Math.abs(fp.thirteenthCents - x.thirteenthCents) > x.tolerance.thirteenth)
          issue(
            ['firstPayment', 'thirteenthCents'],
            x.thirteenths.length
              ? `the span ${startMonth}–${payMonth} includes December ${x.thirteenths.map((t) => `${t.year} (13th: ${t.months}/12 of the monthly gross = ${euros(t.grossCents)})`).join(' and ')}: expected ${euros(x.thirteenthCents)} (got ${euros(fp.thirteenthCents)})`
              : `no December falls between ${startMonth} and ${payMonth}: the first payment includes no 13th (got ${euros(fp.thirteenthCents)})`,
          );
        if (Math.abs(fp.arrearsCents - x.arrearsCents) > x.tolerance.arrears)
          issue(
            ['firstPayment', 'arrearsCents'],
            `${x.arrearsMonths} months of arrears × ${euros(m.grossCents)}${x.arrearsCents !== x.arrearsMonths * m.grossCents ? ' + the 13th of the Decembers among them' : ''} = ${euros(x.arrearsCents)} (got ${euros(fp.arrearsCents)})`,
          );
        if (Math.abs(fp.grossCents - x.grossCents) > x.tolerance.gross)
          issue(
            ['firstPayment', 'grossCents'],
            `${x.arrearsMonths + 1} months from ${startMonth} to ${payMonth} × ${euros(m.grossCents)}${x.thirteenthCents ? ` + the 13th ${euros(x.thirteenthCents)}` : ''} = ${euros(x.grossCents)} (got ${euros(fp.grossCents)})`,
          );

        // The 13th of the first payment's December, when the first payment is not in December.
        const t = b.thirteenth;
        if (payMonth.endsWith('-12')) {
          if (t) issue(['thirteenth'], `the first payment is December's: its 13th is in firstPayment.thirteenthCents, not here`);
        } else if (!t) issue(['thirteenth'], `required: the 13th paid in December ${payYear}, after the first payment`);
        else {
          const months = pensionMonthsInYear(b.startDate, payYear);
          if (t.months !== months)
            issue(
              ['thirteenth', 'months'],
              `a pension starting ${b.startDate} has ${months} months of pension in ${payYear}, the 13th is pro-rated to them (got ${t.months})`,
            );
          const gross = thirteenthGross(m.grossCents, months);
          if (Math.abs(t.grossCents - gross) > 1)
            issue(
              ['thirteenth', 'grossCents'],
              `the 13th of ${payYear} is the monthly gross ${euros(m.grossCents)} × ${months}/12 = ${euros(gross)} (got ${euros(t.grossCents)})`,
            );
          // The 13th is taxed without the deductions (DOMAIN.md §2): its IRPEF is at least the monthly IRPEF
          // pro-rated, so its net is at most (monthly gross − monthly IRPEF) × months/12. The monthly net itself
          // is not the bound: the 13th carries no surcharge instalments, which a month without deductions may
          // withhold more of than the deductions spare it.
          const most = Math.round(((m.grossCents - irpef) * months) / 12) + 1;
          if (t.netCents > t.grossCents) issue(['thirteenth', 'netCents'], `net ${euros(t.netCents)} must not exceed the gross ${euros(t.grossCents)}`);
          else if (irpef > 0 && t.netCents > most)
            issue(
              ['thirteenth', 'netCents'],
              `the 13th is taxed without deductions, at least as much as a month (IRPEF ${euros(irpef)} on the monthly slip): expected a net of at most (${euros(m.grossCents)} − ${euros(irpef)}) × ${months}/12 = ${euros(most - 1)}, got ${euros(t.netCents)}`,
            );
          else if (t.netCents < Math.floor(t.grossCents * (1 - MAX_WITHHELD_SHARE)))
            issue(['thirteenth', 'netCents'], `net ${euros(t.netCents)} is less than half the gross ${euros(t.grossCents)}: implausible withholdings`);
        }
      }

      // Deductions and dependants (2025 rules).
      const family = b.deductionRequest === 'pension-income-and-family';
      const d = b.dependants;
      if (family && !d) issue(['dependants'], 'required when family deductions are requested');
      if (!family && d) issue(['dependants'], `only allowed when family deductions are requested (deductionRequest is ${b.deductionRequest})`);
      if (family && d && !d.spouse && d.children.length + d.others.length === 0) issue(['dependants'], 'family deductions need at least one dependant');
      d?.children.forEach((c, i) => {
        if (c.age < CHILD_DEPENDANT_AGES[0])
          issue(
            ['dependants', 'children', i, 'age'],
            `from 2025 a child under ${CHILD_DEPENDANT_AGES[0]} gives no tax deduction (the Assegno Unico covers them): got age ${c.age}`,
          );
        else if (c.age > CHILD_DEPENDANT_AGES[1] && !c.disabled)
          issue(
            ['dependants', 'children', i, 'age'],
            `from 2025 a child over ${CHILD_DEPENDANT_AGES[1]} counts only with a disability: got age ${c.age}, not disabled`,
          );
      });
      d?.others.forEach((o, i) => {
        if (!(ASCENDANTS as readonly string[]).includes(o.relation))
          issue(
            ['dependants', 'others', i, 'relation'],
            `from 2025 the deduction for other relatives is only for parents and grandparents living with the pensioner (got ${o.relation})`,
          );
        else if (!o.cohabiting) issue(['dependants', 'others', i, 'cohabiting'], `from 2025 a ${o.relation} counts only when living with the pensioner`);
      });
    }),
  );

export const pensione = personalGuide('pensione', pensionBenefit, {
  // The pension's requirements are met on its start date (decorrenza): the age is taken then. The
  // quattordicesima's 64 is reached in a year: 64 on the start date is 64 in the first year.
  on: (b) => b.startDate,
  range: [18, 115],
  check: (b, age, issue) => {
    const [min, max] = PENSION_AGES[b.pensionType];
    if (age < min || age > max) {
      const why: Record<typeof b.pensionType, string> = {
        'old-age': 'the old-age pension starts at 67 in 2025–2026',
        early: 'an early pension is paid before 67 (from 67 it is an old-age pension) and needs 41 or more years of contributions',
        'disability-allowance': 'the ordinary disability allowance is a working-age benefit (up to 66; at 67 it becomes an old-age pension)',
        inability: 'the inability pension is a working-age benefit (up to 66)',
        survivors: "this guide speaks to an adult survivor (a minor's pension is collected by a guardian)",
      };
      issue(['pensionType'], `the citizen is ${age} on the start date ${b.startDate} (from the fiscal code): ${why[b.pensionType]}, ages ${min}–${max}`);
    }
    const least = minContributionYears(b.pensionType, age);
    if (b.contributionYears < least)
      issue(['contributionYears'], `a ${b.pensionType} pension at ${age} needs at least ${least} years of contributions (got ${b.contributionYears})`);
    if (b.pensionType !== 'survivors' && b.contributionYears > age - EARLIEST_CONTRIBUTION_AGE)
      issue(
        ['contributionYears'],
        `the citizen is ${age}: at most ${age - EARLIEST_CONTRIBUTION_AGE} years of contributions from age ${EARLIEST_CONTRIBUTION_AGE} (got ${b.contributionYears})`,
      );
    b.dependants?.children.forEach((c, i) => {
      if (c.age > age - 12) issue(['dependants', 'children', i, 'age'], `a child aged ${c.age} of a ${age}-year-old pensioner is implausible`);
    });
  },
});
export type PensionBenefit = z.infer<typeof pensionBenefit>;
export type PensionGuide = z.infer<typeof pensione.guide>;

import { z } from 'zod';
import { personalGuide } from '../common/envelope';
import { cents, ibanLast4, isoDate } from '../common/primitives';

export const PENSION_TYPES = ['old-age', 'early', 'disability-allowance', 'inability', 'survivors'] as const;
export const PENSION_FUNDS = ['private-employees', 'self-employed', 'cpdel'] as const;
export const DEDUCTION_REQUESTS = ['none', 'pension-income', 'pension-income-and-family'] as const;
export const WITHHOLDING_KINDS = [
  'irpef',
  'regional-surcharge',
  'municipal-surcharge',
  'municipal-advance',
  'tax-adjustment',
  'union-dues',
] as const;

export const withholding = z.strictObject({ kind: z.enum(WITHHOLDING_KINDS), cents });

export const pensionBenefit = z
  .strictObject({
    pensionType: z.enum(PENSION_TYPES),
    fund: z.enum(PENSION_FUNDS),
    /** Decorrenza: always the first day of a month. */
    startDate: isoDate,
    firstPaymentDate: isoDate,
    /** The first payment includes every month from the start date (arrears). */
    firstPayment: z.strictObject({
      grossCents: cents,
      netCents: cents,
      arrearsCents: cents,
      arrearsMonths: z.number().int().min(0).max(36),
    }),
    /** A regular month from then on, as on the payslip (cedolino). */
    monthly: z.strictObject({
      grossCents: cents.min(1, 'a pension amount must be positive'),
      netCents: cents,
      withholdings: z.array(withholding).max(8),
    }),
    paymentChannel: z.enum(['bank', 'post']),
    ibanLast4,
    /** The tax deductions asked for in the application: this changes which scenes the guide has. */
    deductionRequest: z.enum(DEDUCTION_REQUESTS),
    dependants: z
      .strictObject({
        spouse: z.boolean(),
        children: z.number().int().min(0).max(12),
        others: z.number().int().min(0).max(6),
      })
      .optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.startDate.endsWith('-01'))
      ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'a pension starts on the first day of a month' });
    if (b.firstPaymentDate < b.startDate)
      ctx.addIssue({ code: 'custom', path: ['firstPaymentDate'], message: `first payment ${b.firstPaymentDate} is before the start date ${b.startDate}` });
    if (b.monthly.netCents > b.monthly.grossCents)
      ctx.addIssue({ code: 'custom', path: ['monthly', 'netCents'], message: 'net amount must not exceed the gross amount' });
    else {
      const withheld = b.monthly.withholdings.reduce((s, w) => s + w.cents, 0);
      if (withheld !== b.monthly.grossCents - b.monthly.netCents)
        ctx.addIssue({
          code: 'custom',
          path: ['monthly', 'withholdings'],
          message: `withholdings add up to ${withheld} cents, expected gross minus net = ${b.monthly.grossCents - b.monthly.netCents}`,
        });
    }
    if (b.firstPayment.netCents > b.firstPayment.grossCents)
      ctx.addIssue({ code: 'custom', path: ['firstPayment', 'netCents'], message: 'net amount must not exceed the gross amount' });
    if (b.firstPayment.arrearsCents > b.firstPayment.grossCents)
      ctx.addIssue({ code: 'custom', path: ['firstPayment', 'arrearsCents'], message: 'arrears are part of the first payment and cannot exceed it' });
    if ((b.firstPayment.arrearsCents === 0) !== (b.firstPayment.arrearsMonths === 0))
      ctx.addIssue({ code: 'custom', path: ['firstPayment', 'arrearsMonths'], message: 'arrears months and arrears amount must be both zero or both positive' });
    const family = b.deductionRequest === 'pension-income-and-family';
    if (family && !b.dependants)
      ctx.addIssue({ code: 'custom', path: ['dependants'], message: 'required when family deductions are requested' });
    if (!family && b.dependants)
      ctx.addIssue({ code: 'custom', path: ['dependants'], message: 'only allowed when family deductions are requested' });
    if (family && b.dependants && !b.dependants.spouse && b.dependants.children + b.dependants.others === 0)
      ctx.addIssue({ code: 'custom', path: ['dependants'], message: 'family deductions need at least one dependant' });
  });

export const pensione = personalGuide('pensione', pensionBenefit, { on: (b) => b.startDate, range: [0, 115] });
export type PensionBenefit = z.infer<typeof pensionBenefit>;
export type PensionGuide = z.infer<typeof pensione.guide>;

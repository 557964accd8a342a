import { z } from 'zod';
import { personalGuide } from '../common/envelope';
import { cents, isoDate } from '../common/primitives';

/** Income-linked benefits that a missing RED puts at risk (DOMAIN.md §3). */
export const LINKED_BENEFITS = [
  'minimum-supplement',
  'social-increase',
  'family-allowance',
  'survivors-pension',
  'fourteenth',
  'civil-invalidity',
  'social-allowance',
] as const;

export const redBenefit = z
  .strictObject({
    /** The year whose income must be declared. */
    incomeYear: z.number().int().min(2018).max(2030),
    campaign: z.enum(['ordinary', 'reminder']),
    deadline: isoDate,
    linkedBenefits: z.array(z.enum(LINKED_BENEFITS)).min(1, 'expected at least one income-linked benefit').max(LINKED_BENEFITS.length),
    /** Monthly amount of the linked benefits, when known. */
    monthlyAtRiskCents: cents.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.deadline <= `${b.incomeYear}-12-31`)
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: `the deadline must fall after the income year ${b.incomeYear}` });
    if (new Set(b.linkedBenefits).size !== b.linkedBenefits.length)
      ctx.addIssue({ code: 'custom', path: ['linkedBenefits'], message: 'each benefit may appear only once' });
  });

export const red = personalGuide('red', redBenefit, { on: (b) => `${b.incomeYear}-12-31`, range: [0, 115] });
export type RedGuide = z.infer<typeof red.guide>;

import { z } from 'zod';
import { personalGuide } from '../common/envelope';
import { cents, isoDate } from '../common/primitives';

export const ASSESSMENTS = ['civil-invalidity', 'deafness', 'blindness'] as const;
export const ECONOMIC_BENEFITS = [
  'monthly-allowance',
  'inability-pension',
  'attendance-allowance',
  'frequency-allowance',
  'deaf-pension',
  'communication-allowance',
  'blind-pension',
] as const;
export const TAX_BENEFITS = ['car-vat-4', 'car-irpef-19', 'car-tax-exemption', 'paid-leave', 'disability-card'] as const;

/** 2026 monthly amounts (INPS circ. 153/2025 as corrected by msg. 628/2026). */
export const BENEFIT_AMOUNTS_2026: Record<(typeof ECONOMIC_BENEFITS)[number], number> = {
  'monthly-allowance': 34_071,
  'inability-pension': 34_071,
  'attendance-allowance': 55_153,
  'frequency-allowance': 34_071,
  'deaf-pension': 34_071,
  'communication-allowance': 27_213,
  'blind-pension': 36_846,
};

export const invaliditaBenefit = z
  .strictObject({
    verdictDate: isoDate,
    assessment: z.enum(ASSESSMENTS),
    /** Civil invalidity percentage; the verdict of deafness or blindness may not state one. */
    percentage: z.number().int().min(0).max(100).optional(),
    reviewable: z.boolean(),
    revisionDate: isoDate.optional(),
    /** Law 104/1992 art. 3: none, c. 1 (disability) or c. 3 (severe). */
    law104: z.enum(['none', 'art3c1', 'art3c3']),
    benefits: z.array(z.strictObject({ kind: z.enum(ECONOMIC_BENEFITS), monthlyCents: cents })).max(4),
    taxBenefits: z.array(z.enum(TAX_BENEFITS)).max(TAX_BENEFITS.length),
  })
  .superRefine((b, ctx) => {
    if (b.assessment === 'civil-invalidity' && b.percentage === undefined)
      ctx.addIssue({ code: 'custom', path: ['percentage'], message: 'required for a civil invalidity verdict' });
    if (b.reviewable && !b.revisionDate)
      ctx.addIssue({ code: 'custom', path: ['revisionDate'], message: 'required when the verdict is reviewable' });
    if (!b.reviewable && b.revisionDate)
      ctx.addIssue({ code: 'custom', path: ['revisionDate'], message: 'only allowed when the verdict is reviewable' });
    if (b.revisionDate && b.revisionDate <= b.verdictDate)
      ctx.addIssue({ code: 'custom', path: ['revisionDate'], message: `revision date ${b.revisionDate} must be after the verdict date ${b.verdictDate}` });
    const kinds = b.benefits.map((x) => x.kind);
    if (new Set(kinds).size !== kinds.length)
      ctx.addIssue({ code: 'custom', path: ['benefits'], message: 'each benefit may appear only once' });
    if (new Set(b.taxBenefits).size !== b.taxBenefits.length)
      ctx.addIssue({ code: 'custom', path: ['taxBenefits'], message: 'each benefit may appear only once' });
  });

export const invalidita = personalGuide('invalidita', invaliditaBenefit, { on: (b) => b.verdictDate, range: [0, 115] });
export type InvaliditaGuide = z.infer<typeof invalidita.guide>;

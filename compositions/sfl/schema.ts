import { z } from 'zod';
import { publicGuide } from '../common/envelope';
import { cents } from '../common/primitives';

/** SFL is one public video: its data are the measure's figures for an edition, not a person's. */
export const sflBenefit = z.strictObject({
  edition: z.number().int().min(2023).max(2035),
  monthlyAmountCents: cents.min(1, 'must be positive'),
  iseeThresholdCents: cents.min(1, 'must be positive'),
  maxMonths: z.number().int().min(1).max(36),
});

export const sfl = publicGuide('sfl', sflBenefit);
export type SflGuide = z.infer<typeof sfl.guide>;

/** 2025 figures (L. 207/2024 art. 1 c. 198). */
export const SFL_2025 = { edition: 2025, monthlyAmountCents: 50_000, iseeThresholdCents: 1_014_000, maxMonths: 12 };

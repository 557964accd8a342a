import { crossChecks } from '../common/validation';
import { z } from 'zod';
import { publicGuide } from '../common/envelope';
import { cents } from '../common/primitives';
import { SFL_EDITION_YEARS, SFL_EDITIONS, type SflEdition } from './rules';

const euro = (c: number) => `${(c / 100).toFixed(2)} €`;
const FIELDS: { key: keyof SflEdition; show: (v: number) => string }[] = [
  { key: 'monthlyAmountCents', show: euro },
  { key: 'iseeThresholdCents', show: euro },
  { key: 'maxMonths', show: (v) => `${v} months` },
  { key: 'maxExtensionMonths', show: (v) => `${v} months` },
];

/** SFL is one public video: its data are the measure's figures for an edition, not a person's. */
export const sflBenefit = z
  .strictObject({
    /** The year whose rules the video presents. */
    edition: z
      .number()
      .int()
      .min(SFL_EDITION_YEARS[0]!, `editions from ${SFL_EDITION_YEARS[0]}`)
      .max(SFL_EDITION_YEARS.at(-1)!, `editions up to ${SFL_EDITION_YEARS.at(-1)} (later figures are not known to this guide version)`),
    /** Monthly amount, paid only while taking part in the activities. */
    monthlyAmountCents: cents.min(1, 'must be positive'),
    /** Highest family ISEE that gives the right. */
    iseeThresholdCents: cents.min(1, 'must be positive'),
    /** Longest ordinary duration, in months. */
    maxMonths: z.number().int().min(1).max(36),
    /** Months it can be extended by, only while a training course runs beyond the ordinary duration (0: no extension). */
    maxExtensionMonths: z.number().int().min(0).max(36),
  })
  .superRefine(
    crossChecks((b, ctx) => {
      const rules = SFL_EDITIONS[b.edition];
      if (!rules) return;
      for (const f of FIELDS)
        if (b[f.key] !== rules[f.key])
          ctx.addIssue({
            code: 'custom',
            path: [f.key],
            message: `the ${b.edition} edition has ${f.show(rules[f.key])} (DOMAIN.md §5): got ${f.show(b[f.key])}`,
          });
    }),
  );

export const sfl = publicGuide('sfl', sflBenefit);
export type SflGuide = z.infer<typeof sfl.guide>;

/** 2025 figures (L. 207/2024 art. 1 c. 198). */
export const SFL_2025 = { edition: 2025, ...SFL_EDITIONS[2025]! };

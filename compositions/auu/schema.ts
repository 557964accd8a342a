import { z } from 'zod';
import { personalGuide } from '../common/envelope';
import { cents, ibanLast4, isoDate, personName, reference } from '../common/primitives';

export const BLOCK_REASONS = ['missing-information', 'missing-documents', 'iban-error'] as const;

/** What an application can be missing (DOMAIN.md §4). */
export const MISSING_ITEMS = [
  'adult-child-declaration',
  'separated-parents-data',
  'other-parent-data',
  'disability-certificate',
  'residence-permit',
  'large-family-data',
] as const;

export const auuChild = z.strictObject({
  givenName: personName,
  birthDate: isoDate,
  /** Monthly amount for this child, when already known. */
  monthlyAmountCents: cents.optional(),
  disability: z.enum(['none', 'medium', 'severe', 'non-self-sufficient']).default('none'),
});

export const auuBenefit = z
  .strictObject({
    applicationId: reference(40),
    submittedDate: isoDate,
    blockedSince: isoDate,
    blockReason: z.enum(BLOCK_REASONS, { error: `expected one of ${BLOCK_REASONS.join(', ')}` }),
    missingItems: z.array(z.enum(MISSING_ITEMS)).max(MISSING_ITEMS.length).default([]),
    /** The IBAN that was refused, for an IBAN error. */
    ibanLast4: ibanLast4.optional(),
    children: z.array(auuChild).min(1, 'expected at least one child').max(12),
    /** ISEE in cents; null when the family has no valid ISEE (minimum amount only). */
    iseeCents: cents.nullable(),
  })
  .superRefine((b, ctx) => {
    if (b.blockedSince < b.submittedDate)
      ctx.addIssue({ code: 'custom', path: ['blockedSince'], message: 'an application cannot be blocked before it was submitted' });
    if (b.blockReason === 'iban-error') {
      if (!b.ibanLast4) ctx.addIssue({ code: 'custom', path: ['ibanLast4'], message: 'required when the block reason is iban-error' });
      if (b.missingItems.length) ctx.addIssue({ code: 'custom', path: ['missingItems'], message: 'must be empty when the block reason is iban-error' });
    } else if (!b.missingItems.length) {
      ctx.addIssue({ code: 'custom', path: ['missingItems'], message: `list what is missing when the block reason is ${b.blockReason}` });
    }
    if (new Set(b.missingItems).size !== b.missingItems.length)
      ctx.addIssue({ code: 'custom', path: ['missingItems'], message: 'each item may appear only once' });
    b.children.forEach((ch, i) => {
      if (ch.birthDate > b.submittedDate)
        ctx.addIssue({ code: 'custom', path: ['children', i, 'birthDate'], message: 'a child must be born before the application (pregnancies are added later)' });
    });
  });

export const auu = personalGuide('auu', auuBenefit, { on: (b) => b.submittedDate, range: [14, 75] });
export type AuuGuide = z.infer<typeof auu.guide>;

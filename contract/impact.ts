import { z } from 'zod';
import { GUIDE_TYPES } from '../compositions/common/envelope';

/**
 * GET /api/impact (issue #17; docs/metrics.md "Impact", docs/impact.md for the method): one schema for
 * the API, the dashboard's Impatto view that parses it, the OpenAPI document and the contract test.
 */

/** What the institute reports after the fact: one outcome is one event of one citizen on one day. */
export const OUTCOME_KINDS = ['contact_center_call', 'branch_visit', 'online_service', 'deadline_met'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** A group needs this many citizens with and without the outcome before any effect is claimed. */
export const MIN_COUNT = 10;

const interval = z.object({ estimate: z.number(), low: z.number(), high: z.number() });
const group = z.object({
  citizens: z.number().int(),
  withOutcome: z.number().int(),
  rate: z.number().nullable(),
  low: z.number().nullable().meta({ description: 'Wilson 95% interval of the rate' }),
  high: z.number().nullable(),
});
const localized = z.object({ it: z.string(), en: z.string() });
const verdict = z.enum(['too_small', 'no_effect', 'decrease', 'increase']).meta({
  description: `too_small: fewer than ${MIN_COUNT} citizens with or without the outcome in a group; no_effect: the difference's 95% interval includes 0; decrease / increase: it excludes 0`,
});
const comparison = {
  difference: interval.nullable().meta({ description: "rate difference (treated − holdout), Newcombe's hybrid score 95% interval" }),
  relativeChange: interval.nullable().meta({ description: 'treated / holdout − 1, Katz log 95% interval; null when a group has no outcome' }),
  verdict,
  sentence: localized,
};

export const impactAnswer = z
  .object({
    scope: z.object({
      campaignId: z.uuid().nullable(),
      guideType: z.enum(GUIDE_TYPES),
      name: z.string().nullable(),
      holdoutShare: z.number().nullable(),
      printDate: z.string().nullable(),
    }),
    startBasis: z.enum(['print_date', 'creation']).meta({ description: "day 0: the campaign's print date, else each guide's creation day (Europe/Rome)" }),
    groups: z.object({
      treated: z.number().int(),
      holdout: z.number().int(),
      watched: z.number().int(),
      notWatched: z.number().int(),
      holdoutShareObserved: z.number().nullable(),
    }),
    firstStartOn: z.string().nullable(),
    lastStartOn: z.string().nullable(),
    windows: z.array(z.number().int()),
    method: z.object({
      rate: z.literal('wilson'),
      difference: z.literal('newcombe-hybrid-score'),
      ratio: z.literal('katz-log'),
      confidence: z.literal(0.95),
      minCount: z.number().int(),
    }),
    effects: z.array(
      z.object({
        kind: z.enum(OUTCOME_KINDS),
        serviceId: z.string().nullable().meta({ description: "online_service: the service, or '*' for any" }),
        label: localized,
        windowDays: z.number().int(),
        windowComplete: z.boolean(),
        treated: group,
        holdout: group,
        ...comparison,
        watched: z.object({ randomised: z.literal(false), watched: group, notWatched: group, ...comparison }),
      }),
    ),
    generatedAt: z.string(),
    queryMs: z.number(),
  })
  .meta({ id: 'Impact' });
export type ImpactAnswer = z.infer<typeof impactAnswer>;

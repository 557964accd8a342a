import { z } from 'zod';
import { OUTCOME_FIELDS, outcomeLine } from '../../server/impact/outcome-line';
import { OUTCOME_KINDS } from '../../server/impact/kinds';
import type { OutcomeReport } from '../../server/impact/ingest-outcomes';
import { MIN_COUNT } from '../../server/impact/stats';
import { guideType, uuid } from '../schemas';

/** Issue #17's request and answer shapes (docs/impact.md, docs/metrics.md); registered in the OpenAPI document. */

export { OUTCOME_FIELDS, outcomeLine };

/** The answer of POST /api/outcomes: the bulk upload's report shape. */
export const outcomeReport = z
  .object({
    format: z.literal('ndjson'),
    rows: z.number().int().meta({ description: 'records read (blank lines are not records)' }),
    created: z.number().int().meta({ description: 'outcomes stored now' }),
    existing: z.number().int().meta({ description: 'outcome ids already stored (a re-send): nothing changed' }),
    rejected: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
    errorsTruncated: z.boolean(),
    complete: z.boolean(),
    fatal: z.object({ line: z.number().int(), message: z.string() }).nullable(),
    seconds: z.number(),
  })
  .meta({ id: 'OutcomeReport' });

const windowList = z
  .string()
  .regex(/^\d{1,3}(,\d{1,3}){0,5}$/, 'expected up to 6 windows in days, comma-separated, such as 30 or 7,30,90')
  .transform((s) => [...new Set(s.split(',').map(Number))].sort((a, b) => a - b))
  .pipe(z.array(z.number().int().min(1, 'a window lasts at least 1 day').max(365, 'a window lasts at most 365 days')));

/** GET /api/impact. */
export const impactQuery = z
  .strictObject({
    campaign: uuid.optional().meta({ description: 'a campaign' }),
    type: guideType.optional().meta({ description: 'without campaign: the guides of this type created one at a time' }),
    windows: windowList.optional().meta({ description: 'windows in days after day 0, comma-separated (default 30)' }),
  })
  .superRefine((q, ctx) => {
    if (!q.campaign && !q.type)
      ctx.addIssue({ code: 'custom', path: ['campaign'], message: 'expected campaign=<id>, or type=<guide type> for the guides created one at a time' });
    if (q.campaign && q.type) ctx.addIssue({ code: 'custom', path: ['type'], message: 'give campaign or type, not both: a campaign has one guide type' });
  });

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
      campaignId: uuid.nullable(),
      guideType,
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

// The HTTP answer is the ingestion's report as it is: this fails to compile if the two drift apart.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const outcomeReportMatches: SameShape<z.infer<typeof outcomeReport>, OutcomeReport> = true;

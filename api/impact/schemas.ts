import { z } from 'zod';
import { reference } from '../../compositions/common/primitives';
import { OUTCOME_KINDS, SERVICE_IDS } from '../../server/impact/kinds';
import { MIN_COUNT } from '../../server/impact/stats';
import { guideType, serviceDay, uuid } from '../schemas';

/** Issue #17's request and answer shapes (docs/impact.md, docs/metrics.md); registered in the OpenAPI document. */

/** The fields an outcome line may carry: nothing personal beyond the external reference. */
export const OUTCOME_FIELDS = ['outcomeId', 'campaignId', 'externalRef', 'kind', 'serviceId', 'date'] as const;

/** One line of POST /api/outcomes. */
export const outcomeLine = z
  .strictObject({
    outcomeId: reference(100).meta({ description: "the institute's own id of this outcome: sending it again changes nothing" }),
    campaignId: uuid.nullable().optional().meta({ description: 'the campaign of the guide; absent or null for a guide created one at a time' }),
    externalRef: reference().meta({ description: "the guide's external reference, as in the campaign upload" }),
    kind: z.enum(OUTCOME_KINDS, { error: `expected one of ${OUTCOME_KINDS.join(', ')}` }),
    serviceId: z
      .enum(SERVICE_IDS, { error: `expected the service id of a guide's button: one of ${SERVICE_IDS.join(', ')}` })
      .optional()
      .meta({ description: 'online_service only: which service was used' }),
    date: serviceDay.meta({ description: 'the day it happened, YYYY-MM-DD (Europe/Rome), not after today' }),
  })
  .superRefine((o, ctx) => {
    if (o.kind === 'online_service' && !o.serviceId) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceId'],
        message: "required when kind is online_service: the service id of the guide's button, such as red-online",
      });
    }
    if (o.kind !== 'online_service' && o.serviceId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['serviceId'], message: `only for kind online_service, got it with kind ${o.kind}` });
    }
  })
  .meta({
    id: 'OutcomeLine',
    description: 'One outcome per NDJSON line. deadline_met: the RED sent (red guides) or the Assegno Unico application fixed (auu guides).',
  });

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

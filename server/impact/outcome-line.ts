import { z } from 'zod';
import { reference } from '../../compositions/common/primitives';
import { serviceDay } from '../analytics/service-day';
import { OUTCOME_KINDS, SERVICE_IDS } from './kinds';

/** The fields an outcome may carry: nothing personal beyond the external reference. */
export const OUTCOME_FIELDS = ['outcomeId', 'campaignId', 'externalRef', 'kind', 'serviceId', 'date'] as const;

/**
 * One outcome, as a line of POST /api/outcomes or of an outcome message on the broker
 * (docs/impact.md): the one schema both edges validate with and the OpenAPI document shows.
 */
export const outcomeLine = z
  .strictObject({
    outcomeId: reference(100).meta({ description: "the institute's own id of this outcome: sending it again changes nothing" }),
    campaignId: z
      .uuid({ error: 'expected a UUID' })
      .nullable()
      .optional()
      .meta({ description: 'the campaign of the guide; absent or null for a guide created one at a time' }),
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

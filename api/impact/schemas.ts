import { z } from 'zod';
import { OUTCOME_FIELDS, outcomeLine } from '../../server/impact/outcome-line';
import { impactAnswer } from '../../contract/impact';
import { outcomeReport } from '../../contract/reports';
import { guideType, uuid } from '../schemas';

/** Issue #17's request and answer shapes (docs/impact.md, docs/metrics.md); registered in the OpenAPI document. */

export { OUTCOME_FIELDS, outcomeLine };

export { outcomeReport };

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

export { impactAnswer };

import { z } from 'zod';
import { province } from '../../compositions/common/primitives';
import type { StatsFilter } from '../../server/analytics/stats-query';
import { channel, guideType, serviceDay, uuid } from '../schemas';

/** GET /api/stats and /api/stats/campaigns: every filter optional; dates are production days in Europe/Rome. */
export const statsQuery = z
  .strictObject({
    type: guideType.optional(),
    campaign: uuid.optional(),
    channel: channel.optional(),
    province: province.optional(),
    from: serviceDay.optional().meta({ description: 'first production day, YYYY-MM-DD (Europe/Rome), inclusive; 2000-01-01 to 2099-12-31' }),
    to: serviceDay.optional().meta({ description: 'last production day, YYYY-MM-DD (Europe/Rome), inclusive; 2000-01-01 to 2099-12-31' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });

export type StatsQuery = z.infer<typeof statsQuery>;

export const toFilter = (q: StatsQuery): StatsFilter => ({
  type: q.type,
  campaignId: q.campaign,
  channel: q.channel,
  province: q.province,
  from: q.from,
  to: q.to,
});

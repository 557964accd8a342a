import { z } from 'zod';
import { GUIDE_TYPES } from '../compositions/common/envelope';
import { channel } from './channels';
import { guideCounts } from './guides';

/** A campaign as every answer shows it (api/campaigns/routes.ts): no personal data inside. */
export const campaign = z
  .object({
    id: z.uuid(),
    guideType: z.enum(GUIDE_TYPES),
    name: z.string(),
    channels: z.array(channel),
    renderPolicy: z.enum(['eager', 'lazy']),
    printDate: z.iso.date().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    holdoutShare: z.number().min(0).max(1),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Campaign' });
export type CampaignAnswer = z.infer<typeof campaign>;

export const campaignList = z.object({ campaigns: z.array(campaign), next: z.uuid().nullable() }).meta({ id: 'CampaignList' });

export const campaignDetail = campaign.extend({ guides: guideCounts }).meta({ id: 'CampaignDetail' });

import { z } from 'zod';
import { GUIDE_TYPES } from '../compositions/common/envelope';
import { channel, links } from './channels';
import { GUIDE_STATUSES, guideStatus } from './guide-status';

/** The operator's answers about guides (api/routes/guides.ts): no personal data, only ids and links. */
const uuid = z.uuid();
const isoTime = z.iso.datetime();

export const guideSummary = z
  .object({
    id: uuid,
    type: z.enum(GUIDE_TYPES),
    typeVersion: z.string(),
    locale: z.enum(['it', 'en']),
    status: guideStatus,
    statusReason: z.string().nullable(),
    campaignId: uuid.nullable(),
    externalRef: z.string(),
    notify: z.boolean(),
    heldOut: z.boolean(),
    createdAt: isoTime,
    expiresAt: isoTime,
    renderedAt: isoTime.nullable(),
  })
  .meta({ id: 'GuideSummary' });
export type GuideSummaryAnswer = z.infer<typeof guideSummary>;

export const guideList = z
  .object({ guides: z.array(guideSummary), next: uuid.nullable().meta({ description: 'pass as after= for the next page; null on the last' }) })
  .meta({ id: 'GuideList' });

export const guideDetail = guideSummary.extend({ links }).meta({ id: 'GuideDetail' });

export const reissuedLink = z.object({ channel, link: z.url() }).meta({ id: 'ReissuedLink' });

/** A campaign's guides by status, with the total and how many are held out of it (docs/impact.md). */
export const guideCounts = z.object({
  ...Object.fromEntries(GUIDE_STATUSES.map((s) => [s, z.number().int().min(0)])),
  total: z.number().int().min(0),
  heldOut: z.number().int().min(0),
}) as z.ZodObject<Record<(typeof GUIDE_STATUSES)[number] | 'total' | 'heldOut', z.ZodNumber>>;

import { z } from 'zod';
import { GUIDE_TYPES } from '../compositions/common/envelope';

/**
 * GET /api/notifications/stats (the notifications console, seed 003): per campaign and channel, what
 * was notified, sent, delivered, bounced, opened and rated, and the send dates. Times are ISO strings
 * on the wire (the server's rows hold Date objects: api/notify/console-routes.ts converts them).
 */
export const NOTIFY_CHANNELS = ['email', 'sms', 'app', 'pec'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

const count = z.number().int().min(0);
const isoTime = z.iso.datetime();

export const channelFigures = z.object({
  notified: count,
  pending: count,
  sent: count,
  delivered: count,
  bounced: count,
  failed: count,
  skipped: count,
  opened: count,
  ratings: count,
  averageRating: z.number().min(1).max(5).nullable(),
  firstSentAt: isoTime.nullable(),
  lastSentAt: isoTime.nullable(),
  sendDates: z.array(z.object({ date: z.iso.date(), sent: count })),
});
export type ChannelFiguresAnswer = z.infer<typeof channelFigures>;

export const campaignNotificationStats = z.object({
  /** null: the guides created one at a time. */
  campaignId: z.uuid().nullable(),
  name: z.string().nullable(),
  guideType: z.enum(GUIDE_TYPES).nullable(),
  campaignChannels: z.array(z.string()).nullable(),
  createdAt: isoTime.nullable(),
  lastSentAt: isoTime.nullable(),
  channels: z.partialRecord(z.enum(NOTIFY_CHANNELS), channelFigures),
});
export type CampaignNotificationStats = z.infer<typeof campaignNotificationStats>;

export const notificationStatsAnswer = z
  .object({
    filters: z.object({ from: z.string().optional(), to: z.string().optional(), province: z.string().optional(), campaignId: z.string().optional() }),
    campaigns: z.array(campaignNotificationStats),
  })
  .meta({ id: 'NotificationStats' });
export type NotificationStatsAnswer = z.infer<typeof notificationStatsAnswer>;

import { z } from 'zod';

/**
 * GET /api/stats and /api/stats/campaigns (docs/metrics.md defines every figure): one schema for the
 * API that answers, the analysts' dashboard that parses, the OpenAPI document and the contract test.
 * Rates are fractions (four decimals), null when there was nothing to divide by. A guide type is a
 * string here, as the rollups keep it (server/analytics).
 */
const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable();

/** What "notified" counts on a channel: letters (links issued) on qr, notifications sent elsewhere. */
export const notifiedSource = z.enum(['links_issued', 'notifications_sent']);

export const statsFilters = z.object({
  type: z.string().nullable(),
  campaign: z.string().nullable(),
  channel: z.string().nullable(),
  province: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

/** A channel's row; linkChannel ≠ channel (PEC: email) means its openings are counted there. */
const channelRowShape = {
  channel: z.string(),
  notified: count,
  notifiedSource,
  linkChannel: z.string(),
  opened: count,
  openedRate: rate,
  views: count,
  viewers: count,
};

export const channelRow = z.object(channelRowShape);
export type ChannelRowAnswer = z.infer<typeof channelRow>;

export const statsAnswer = z
  .object({
    filters: statsFilters,
    dateBasis: z.literal('production'),
    timeZone: z.literal('Europe/Rome'),
    produced: count,
    notified: z.record(z.string(), count),
    notifiedSource: z.record(z.string(), notifiedSource),
    opened: z.record(z.string(), count),
    viewers: count,
    viewedRate: rate,
    views: count,
    viewsPerViewer: z.number().nullable(),
    interactingViewers: count,
    interactionRate: rate,
    avgRating: z.number().min(1).max(5).nullable(),
    ratings: z.object({ count, distribution: z.record(z.string(), count) }),
    completedViews: count,
    completionRate: rate,
    retention: z.array(z.object({ percent: z.number(), views: count, share: rate })),
    actions: z.array(
      z.object({
        guideType: z.string(),
        kind: z.enum(['action_click', 'popup_open']),
        actionId: z.string(),
        label: z.string().nullable(),
        events: count,
        views: count,
        clickThrough: z.number().nullable(),
      }),
    ),
    scenes: z.array(
      z.object({
        guideType: z.string(),
        sceneId: z.string(),
        title: z.string().nullable(),
        position: z.number().int(),
        exits: count,
        reached: count,
        dropOff: z.number().nullable(),
      }),
    ),
    channels: z.array(z.object({ ...channelRowShape, interactionRate: rate, completionRate: rate })),
    generatedAt: z.iso.datetime(),
    queryMs: z.number(),
  })
  .meta({ id: 'Stats' });
export type StatsAnswer = z.infer<typeof statsAnswer>;

export const campaignFigures = z.object({
  id: z.string(),
  name: z.string(),
  guideType: z.string().nullable(),
  configuredChannels: z.array(z.string()),
  printDate: z.string().nullable(),
  createdAt: z.iso.datetime().nullable(),
  produced: count,
  viewers: count,
  viewedRate: rate,
  interactionRate: rate,
  channels: z.array(z.object({ ...channelRowShape, issued: count, sent: count })),
});

export const campaignStatsAnswer = z.object({ filters: statsFilters, campaigns: z.array(campaignFigures) }).meta({ id: 'CampaignStats' });
export type CampaignStatsAnswer = z.infer<typeof campaignStatsAnswer>;

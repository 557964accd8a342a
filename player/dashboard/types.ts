import type { ImpactAnswer } from '../../contract/impact';

/** The answers of GET /api/stats and /api/stats/campaigns (docs/metrics.md defines every figure). */
export interface Filters {
  type: string;
  campaign: string;
  channel: string;
  province: string;
  from: string;
  to: string;
}

export const NO_FILTERS: Filters = { type: '', campaign: '', channel: '', province: '', from: '', to: '' };

/** What "notified" counts on a channel: letters (links issued) on qr, notifications sent elsewhere. */
export type NotifiedSource = 'links_issued' | 'notifications_sent';

/** A row of the channels table; linkChannel ≠ channel (PEC: email) means its openings are counted there. */
export interface ChannelRow {
  channel: string;
  notified: number;
  notifiedSource: NotifiedSource;
  linkChannel: string;
  opened: number;
  openedRate: number | null;
  views: number;
  viewers: number;
}

export interface Stats {
  produced: number;
  notified: Record<string, number>;
  notifiedSource: Record<string, NotifiedSource>;
  opened: Record<string, number>;
  viewers: number;
  viewedRate: number | null;
  views: number;
  viewsPerViewer: number | null;
  interactingViewers: number;
  interactionRate: number | null;
  avgRating: number | null;
  ratings: { count: number; distribution: Record<string, number> };
  completedViews: number;
  completionRate: number | null;
  retention: { percent: number; views: number; share: number | null }[];
  actions: {
    guideType: string;
    kind: 'action_click' | 'popup_open';
    actionId: string;
    label: string | null;
    events: number;
    views: number;
    clickThrough: number | null;
  }[];
  scenes: { guideType: string; sceneId: string; title: string | null; position: number; exits: number; reached: number; dropOff: number | null }[];
  channels: (ChannelRow & { interactionRate: number | null; completionRate: number | null })[];
  generatedAt: string;
  queryMs: number;
}

export interface CampaignFigures {
  id: string;
  name: string;
  guideType: string | null;
  configuredChannels: string[];
  printDate: string | null;
  createdAt: string | null;
  produced: number;
  viewers: number;
  viewedRate: number | null;
  interactionRate: number | null;
  channels: (ChannelRow & { issued: number; sent: number })[];
}

/** GET /api/impact (docs/metrics.md, "Impact"; docs/impact.md for the method): the one contract's types. */
export type Impact = ImpactAnswer;
export type ImpactEffect = Impact['effects'][number];
export type ImpactGroup = ImpactEffect['treated'];
export type ImpactVerdict = ImpactEffect['verdict'];
export type ImpactComparison = Pick<ImpactEffect, 'difference' | 'relativeChange' | 'verdict' | 'sentence'>;
export type ImpactInterval = NonNullable<ImpactEffect['difference']>;

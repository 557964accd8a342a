import type { ImpactAnswer } from '../../contract/impact';
import type { CampaignStatsAnswer, ChannelRowAnswer, StatsAnswer } from '../../contract/stats';

/** The dashboard's filters (docs/metrics.md defines every figure). */
export interface Filters {
  type: string;
  campaign: string;
  channel: string;
  province: string;
  from: string;
  to: string;
}

export const NO_FILTERS: Filters = { type: '', campaign: '', channel: '', province: '', from: '', to: '' };

/** The answers of GET /api/stats and /api/stats/campaigns: the one contract's types. */
export type NotifiedSource = StatsAnswer['notifiedSource'][string];
export type Stats = StatsAnswer;
export type ChannelRow = ChannelRowAnswer;
export type CampaignFigures = CampaignStatsAnswer['campaigns'][number];

/** GET /api/impact (docs/metrics.md, "Impact"; docs/impact.md for the method): the one contract's types. */
export type Impact = ImpactAnswer;
export type ImpactEffect = Impact['effects'][number];
export type ImpactGroup = ImpactEffect['treated'];
export type ImpactVerdict = ImpactEffect['verdict'];
export type ImpactComparison = Pick<ImpactEffect, 'difference' | 'relativeChange' | 'verdict' | 'sentence'>;
export type ImpactInterval = NonNullable<ImpactEffect['difference']>;

import type { Queryable } from '../db/database';
import { periodCondition } from './periods';

/** Filters of GET /api/stats. Dates are production days (Europe/Rome), inclusive. */
export interface StatsFilter {
  type?: string;
  campaignId?: string;
  channel?: string;
  province?: string;
  from?: string;
  to?: string;
}

export const NO_CAMPAIGN = '00000000-0000-0000-0000-000000000000';
export const REACH_STEPS = Array.from({ length: 21 }, (_, i) => i * 5);
const REACH_COLUMNS = REACH_STEPS.map((p) => `r${p}`);
// issued: first link per guide and channel; sent: notifications that went out (migration 032).
const COUNTERS = [
  'produced',
  'issued',
  'sent',
  'opened',
  'views',
  'interacted_views',
  ...REACH_COLUMNS,
  'viewers',
  'viewers_interacted',
  'viewer_views',
  'rating1',
  'rating2',
  'rating3',
  'rating4',
  'rating5',
] as const;
export type Counter = (typeof COUNTERS)[number];

export type CellSums = { channel: string; guide_type: string } & Record<Counter, number>;
export interface ActionSums {
  guide_type: string;
  kind: string;
  action_id: string;
  events: number;
  views: number;
}
export interface SceneSums {
  guide_type: string;
  scene_id: string;
  exits: number;
  min_frame: number | null;
}

/** WHERE clause shared by the three rollup tables; only the filters given take part (better plans). */
export function cellWhere(f: StatsFilter, options: { campaignsOnly?: boolean } = {}): { sql: string; params: unknown[] } {
  const period = periodCondition(f.from, f.to, 1);
  const params: unknown[] = [...period.params];
  const parts = [period.sql];
  const add = (column: string, value: unknown) => {
    params.push(value);
    parts.push(`${column} = $${params.length}`);
  };
  // Every cell is also kept for all provinces together ('*'): without a province filter those are read.
  add('province', f.province ?? '*');
  if (f.type) add('guide_type', f.type);
  if (f.campaignId) add('campaign_id', f.campaignId);
  if (f.channel) add('channel', f.channel);
  if (options.campaignsOnly) parts.push(`campaign_id <> '${NO_CAMPAIGN}'::uuid`);
  return { sql: parts.join(' AND '), params };
}

export interface RawStats {
  cells: CellSums[];
  actions: ActionSums[];
  scenes: SceneSums[];
}

/** The three rollup reads behind one answer; on PostgreSQL they run side by side on the pool. */
export async function readStats(q: Queryable, f: StatsFilter): Promise<RawStats> {
  const w = cellWhere(f);
  const [cells, actions, scenes] = await Promise.all([
    q.query<CellSums>(
      `SELECT channel, guide_type, ${COUNTERS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
       FROM analytics_cells WHERE ${w.sql} GROUP BY channel, guide_type`,
      w.params,
    ),
    q.query<ActionSums>(
      `SELECT guide_type, kind, action_id, sum(events) AS events, sum(views) AS views
       FROM analytics_action_cells WHERE ${w.sql} GROUP BY guide_type, kind, action_id`,
      w.params,
    ),
    q.query<SceneSums>(
      `SELECT guide_type, scene_id, sum(exits) AS exits, min(min_frame) AS min_frame
       FROM analytics_scene_cells WHERE ${w.sql} GROUP BY guide_type, scene_id`,
      w.params,
    ),
  ]);
  return { cells, actions, scenes };
}

export interface CampaignChannelSums {
  campaign_id: string;
  channel: string;
  produced: number;
  issued: number;
  sent: number;
  opened: number;
  views: number;
  viewers: number;
  viewers_interacted: number;
}

export interface CampaignRow {
  id: string;
  name: string;
  guide_type: string;
  channels: string[];
  print_date: string | null;
  created_at: Date;
}

/** Per campaign and channel: produced, issued, sent, opened, views, viewers (the campaign view's table). */
export async function readCampaignStats(q: Queryable, f: StatsFilter): Promise<{ sums: CampaignChannelSums[]; campaigns: CampaignRow[] }> {
  const w = cellWhere(f, { campaignsOnly: true });
  const sums = await q.query<CampaignChannelSums>(
    `SELECT campaign_id, channel, sum(produced) AS produced, sum(issued) AS issued, sum(sent) AS sent, sum(opened) AS opened,
            sum(views) AS views, sum(viewers) AS viewers, sum(viewers_interacted) AS viewers_interacted
     FROM analytics_cells WHERE ${w.sql} GROUP BY campaign_id, channel`,
    w.params,
  );
  const ids = [...new Set(sums.map((s) => s.campaign_id))];
  const campaigns = ids.length
    ? await q.query<CampaignRow>(`SELECT id, name, guide_type, channels, print_date, created_at FROM campaigns WHERE id = ANY($1::uuid[])`, [ids])
    : [];
  return { sums, campaigns };
}

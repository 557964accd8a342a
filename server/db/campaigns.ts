import type { GuideType } from '../../compositions/common/envelope';
import type { Queryable } from './database';
import type { GuideStatus } from './guides';
import type { Channel } from './token-derivation';

export type RenderPolicy = 'eager' | 'lazy';

export interface CampaignRow {
  id: string;
  guide_type: GuideType;
  name: string;
  channels: Channel[];
  render_policy: RenderPolicy;
  /** 'YYYY-MM-DD': the letters' print date; earlier dates render first. */
  print_date: string | null;
  expires_at: Date | null;
  /** Share of the campaign's citizens held out of the guides for the impact evaluation (docs/impact.md). */
  holdout_share: number;
  created_at: Date;
}

export interface NewCampaign {
  id: string;
  guideType: GuideType;
  name: string;
  channels: Channel[];
  renderPolicy: RenderPolicy;
  printDate: string | null;
  expiresAt: Date | null;
  holdoutShare: number;
}

export async function insertCampaign(q: Queryable, c: NewCampaign): Promise<CampaignRow> {
  const [row] = await q.query<CampaignRow>(
    `INSERT INTO campaigns (id, guide_type, name, channels, render_policy, print_date, expires_at, holdout_share)
     VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8) RETURNING *`,
    [c.id, c.guideType, c.name, c.channels, c.renderPolicy, c.printDate, c.expiresAt, c.holdoutShare],
  );
  return row!;
}

export async function getCampaign(q: Queryable, id: string): Promise<CampaignRow | undefined> {
  return (await q.query<CampaignRow>('SELECT * FROM campaigns WHERE id = $1', [id]))[0];
}

export async function listCampaigns(q: Queryable, limit: number, after?: string): Promise<CampaignRow[]> {
  return after
    ? q.query<CampaignRow>('SELECT * FROM campaigns WHERE created_at < (SELECT created_at FROM campaigns WHERE id = $1) ORDER BY created_at DESC LIMIT $2', [
        after,
        limit,
      ])
    : q.query<CampaignRow>('SELECT * FROM campaigns ORDER BY created_at DESC LIMIT $1', [limit]);
}

/**
 * How many of the campaign's guides are in each status (the production dashboard), and how many of
 * them are held out of the impact evaluation (they stay 'pending': no link, never rendered).
 */
export async function campaignCounts(q: Queryable, id: string): Promise<Record<GuideStatus, number> & { total: number; heldOut: number }> {
  const rows = await q.query<{ status: GuideStatus; n: number; held_out: number }>(
    `SELECT status, count(*) AS n, count(*) FILTER (WHERE held_out) AS held_out FROM guides
     WHERE coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'::uuid) = $1::uuid GROUP BY status`,
    [id],
  );
  const counts = { pending: 0, queued: 0, rendering: 0, ready: 0, failed: 0, total: 0, heldOut: 0 };
  for (const r of rows) {
    counts[r.status] = r.n;
    counts.total += r.n;
    counts.heldOut += r.held_out;
  }
  return counts;
}

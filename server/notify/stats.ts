import type { Queryable } from '../db/database';
import type { NotifyChannel } from './channels';

export interface StatsFilter {
  /** Inclusive calendar dates (Europe/Rome) of the notification's creation. */
  from?: string;
  to?: string;
  province?: string;
  campaignId?: string;
}

export interface ChannelFigures {
  notified: number;
  pending: number;
  sent: number;
  delivered: number;
  bounced: number;
  failed: number;
  skipped: number;
  opened: number;
  ratings: number;
  averageRating: number | null;
  firstSentAt: Date | null;
  lastSentAt: Date | null;
  sendDates: { date: string; sent: number }[];
}

type Key = string; // campaign id or '' for direct guides

function where(f: StatsFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    parts.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.from) add(`n.created_at >= (?::date)::timestamp AT TIME ZONE 'Europe/Rome'`, f.from);
  if (f.to) add(`n.created_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Europe/Rome'`, f.to);
  if (f.province) add('n.province = ?', f.province);
  if (f.campaignId) add('n.campaign_id = ?::uuid', f.campaignId);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * The monitoring console's figures (seed 003: channels, send dates, sent and delivered per channel,
 * feedback), per campaign and channel, counted from the notification table. "Opened" is the first
 * access through the channel's token; feedback is the ratings given through that token.
 */
export async function notificationStats(q: Queryable, f: StatsFilter): Promise<Map<Key, Map<NotifyChannel, ChannelFigures>>> {
  const w = where(f);
  const [counts, ratings, days] = await Promise.all([
    q.query<{ campaign_id: string | null; channel: NotifyChannel } & Record<string, number | Date | null>>(
      `SELECT n.campaign_id, n.channel,
              count(*) AS notified,
              count(*) FILTER (WHERE n.status IN ('queued', 'sending')) AS pending,
              count(*) FILTER (WHERE n.sent_at IS NOT NULL) AS sent,
              count(*) FILTER (WHERE n.status = 'delivered') AS delivered,
              count(*) FILTER (WHERE n.status = 'bounced') AS bounced,
              count(*) FILTER (WHERE n.status = 'failed') AS failed,
              count(*) FILTER (WHERE n.status = 'skipped') AS skipped,
              count(*) FILTER (WHERE n.opened_at IS NOT NULL) AS opened,
              min(n.sent_at) AS first_sent_at, max(n.sent_at) AS last_sent_at
       FROM notifications n ${w.sql} GROUP BY n.campaign_id, n.channel`,
      w.params,
    ),
    q.query<{ campaign_id: string | null; channel: NotifyChannel; ratings: number; average: number | null }>(
      `SELECT n.campaign_id, n.channel, count(*) AS ratings, avg(e.value)::numeric(4, 2) AS average
       FROM notifications n JOIN events e ON e.guide_id = n.guide_id AND e.channel = n.token_channel AND e.kind = 'rating'
       ${w.sql} GROUP BY n.campaign_id, n.channel`,
      w.params,
    ),
    q.query<{ campaign_id: string | null; channel: NotifyChannel; day: string; sent: number }>(
      `SELECT n.campaign_id, n.channel, to_char(n.sent_at AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD') AS day, count(*) AS sent
       FROM notifications n ${w.sql ? `${w.sql} AND` : 'WHERE'} n.sent_at IS NOT NULL
       GROUP BY 1, 2, 3 ORDER BY 3`,
      w.params,
    ),
  ]);
  const out = new Map<Key, Map<NotifyChannel, ChannelFigures>>();
  const slot = (campaign: string | null, channel: NotifyChannel): ChannelFigures => {
    const key = campaign ?? '';
    const byChannel = out.get(key) ?? new Map<NotifyChannel, ChannelFigures>();
    out.set(key, byChannel);
    let figures = byChannel.get(channel);
    if (!figures) {
      figures = {
        notified: 0,
        pending: 0,
        sent: 0,
        delivered: 0,
        bounced: 0,
        failed: 0,
        skipped: 0,
        opened: 0,
        ratings: 0,
        averageRating: null,
        firstSentAt: null,
        lastSentAt: null,
        sendDates: [],
      };
      byChannel.set(channel, figures);
    }
    return figures;
  };
  for (const r of counts) {
    const s = slot(r.campaign_id, r.channel);
    for (const k of ['notified', 'pending', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'opened'] as const) s[k] = r[k] as number;
    s.firstSentAt = r.first_sent_at as Date | null;
    s.lastSentAt = r.last_sent_at as Date | null;
  }
  for (const r of ratings) Object.assign(slot(r.campaign_id, r.channel), { ratings: r.ratings, averageRating: r.average === null ? null : Number(r.average) });
  for (const r of days) slot(r.campaign_id, r.channel).sendDates.push({ date: r.day, sent: r.sent });
  return out;
}

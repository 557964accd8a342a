import { ratio } from './figures';
import { linkChannelOf, notifiedCounter, notifiedSourceOf, STATS_CHANNELS } from './notified';
import type { CampaignChannelSums, CampaignRow } from './stats-query';

/**
 * The campaign view: for each campaign, per channel, how many guides were given a link (`issued`),
 * how many notifications went out (`sent`), "notified" as GET /api/stats defines it (letters on qr,
 * sends elsewhere), how many links were opened, and what the viewers did.
 */
const order = (channel: string) => {
  const i = (STATS_CHANNELS as readonly string[]).indexOf(channel);
  return i < 0 ? STATS_CHANNELS.length : i;
};

export function campaignFigures(sums: readonly CampaignChannelSums[], campaigns: readonly CampaignRow[]) {
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const ids = [...new Set(sums.map((s) => s.campaign_id))];
  return ids
    .map((id) => {
      const rows = sums.filter((s) => s.campaign_id === id);
      const c = byId.get(id);
      const total = (k: keyof CampaignChannelSums) => rows.filter((r) => r.channel !== '').reduce((a, r) => a + Number(r[k]), 0);
      const produced = rows.filter((r) => r.channel === '').reduce((a, r) => a + Number(r.produced), 0);
      const viewers = total('viewers');
      return {
        id,
        name: c?.name ?? '(deleted campaign)',
        guideType: c?.guide_type ?? null,
        configuredChannels: c?.channels ?? [],
        printDate: c?.print_date ?? null,
        createdAt: c?.created_at.toISOString() ?? null,
        produced,
        viewers,
        viewedRate: ratio(viewers, produced),
        interactionRate: ratio(total('viewers_interacted'), viewers),
        channels: rows
          .filter((r) => r.channel !== '')
          .sort((a, b) => order(a.channel) - order(b.channel))
          .map((r) => {
            const notified = Number(r[notifiedCounter(r.channel)]);
            const linkChannel = linkChannelOf(r.channel);
            return {
              channel: r.channel,
              notified,
              notifiedSource: notifiedSourceOf(r.channel),
              issued: Number(r.issued),
              sent: Number(r.sent),
              linkChannel,
              opened: Number(r.opened),
              // A PEC's openings are under email (the link it carries).
              openedRate: linkChannel === r.channel ? ratio(Number(r.opened), notified) : null,
              views: Number(r.views),
              viewers: Number(r.viewers),
            };
          }),
      };
    })
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

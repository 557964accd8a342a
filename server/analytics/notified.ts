import { CHANNELS, type Channel } from '../db/token-derivation';
import { TOKEN_CHANNEL, type NotifyChannel } from '../notify/channels';

/**
 * The channels GET /api/stats reports: the links' channels, then PEC, a notification channel with no
 * link of its own. Always all five (without a channel filter), so the answer keeps one shape.
 */
export const STATS_CHANNELS = [...CHANNELS, 'pec'] as const satisfies readonly (Channel | NotifyChannel)[];
export type StatsChannel = (typeof STATS_CHANNELS)[number];

/**
 * What "notified" counts on each channel (docs/metrics.md). The letter is not sent by the notifier
 * (printing is the campaign's print export), so its notified is the links issued, one per letter;
 * on every other channel it is the notifications that went out (`sent`, migration 032).
 */
export type NotifiedSource = 'links_issued' | 'notifications_sent';
export const NOTIFIED_SOURCE: Readonly<Record<StatsChannel, NotifiedSource>> = {
  qr: 'links_issued',
  email: 'notifications_sent',
  sms: 'notifications_sent',
  app: 'notifications_sent',
  pec: 'notifications_sent',
};

export const isStatsChannel = (c: string): c is StatsChannel => (STATS_CHANNELS as readonly string[]).includes(c);

export const notifiedSourceOf = (channel: string): NotifiedSource => (isStatsChannel(channel) ? NOTIFIED_SOURCE[channel] : 'notifications_sent');

/** The rollup counter behind "notified" on a channel. */
export const notifiedCounter = (channel: string): 'issued' | 'sent' => (notifiedSourceOf(channel) === 'links_issued' ? 'issued' : 'sent');

/**
 * The channel whose link a message on `channel` carries. Openings, views and viewers are counted by
 * link, so those of a PEC (which carries the email link) are under email, and PEC has none itself.
 */
export const linkChannelOf = (channel: string): Channel => (channel in TOKEN_CHANNEL ? TOKEN_CHANNEL[channel as NotifyChannel] : (channel as Channel));

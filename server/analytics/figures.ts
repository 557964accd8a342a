import type { Channel } from '../db/token-derivation';
import { linkChannelOf, NOTIFIED_SOURCE, notifiedCounter, STATS_CHANNELS, type NotifiedSource, type StatsChannel } from './notified';
import { REACH_STEPS, type CellSums, type Counter, type RawStats } from './stats-query';

/** Ratios as fractions with four decimals; null when nothing was there to divide by. */
export const ratio = (num: number, den: number, digits = 4): number | null => (den > 0 ? Number((num / den).toFixed(digits)) : null);

type Sums = Record<Counter, number>;

const sumCells = (cells: readonly CellSums[]): Sums => {
  const out = {} as Sums;
  for (const cell of cells) {
    for (const [k, v] of Object.entries(cell)) {
      if (k === 'channel' || k === 'guide_type') continue;
      out[k as Counter] = (out[k as Counter] ?? 0) + Number(v ?? 0);
    }
  }
  return out;
};

const n = (s: Sums, k: Counter) => s[k] ?? 0;

export interface ChannelFigures {
  channel: StatsChannel;
  /** Letters (links issued) on qr, notifications sent on the others, as notifiedSource says. */
  notified: number;
  notifiedSource: NotifiedSource;
  /** The link the channel's messages carry; opened, views and viewers are counted under it. */
  linkChannel: Channel;
  opened: number;
  openedRate: number | null;
  views: number;
  viewers: number;
  interactionRate: number | null;
  completionRate: number | null;
}

/** Turns rollup sums into the figures of GET /api/stats (definitions: docs/metrics.md). */
export function computeFigures(raw: RawStats, channelFilter: Channel | undefined) {
  const channelCells = raw.cells.filter((c) => c.channel !== '');
  const all = sumCells(channelCells);
  const guideLevel = sumCells(raw.cells.filter((c) => c.channel === ''));
  // With a channel filter "produced" is the guides given a link on that channel (tokens issued).
  const produced = channelFilter ? n(all, 'issued') : n(guideLevel, 'produced');
  const viewers = n(all, 'viewers');
  const views = n(all, 'views');
  const ratingCounts = [1, 2, 3, 4, 5].map((k) => n(all, `rating${k}` as Counter));
  const rated = ratingCounts.reduce((a, b) => a + b, 0);
  const ratingTotal = ratingCounts.reduce((a, c, i) => a + c * (i + 1), 0);

  const byChannel = new Map<string, CellSums[]>();
  for (const c of channelCells) byChannel.set(c.channel, [...(byChannel.get(c.channel) ?? []), c]);
  // The filter is a link's channel: PEC has none, so it is never filtered on (and not listed then).
  const listed: readonly StatsChannel[] = channelFilter ? [channelFilter] : STATS_CHANNELS;
  const channels: ChannelFigures[] = listed.map((channel) => {
    const s = sumCells(byChannel.get(channel) ?? []);
    const notified = n(s, notifiedCounter(channel));
    const linkChannel = linkChannelOf(channel);
    return {
      channel,
      notified,
      notifiedSource: NOTIFIED_SOURCE[channel],
      linkChannel,
      opened: n(s, 'opened'),
      // A PEC's openings are under email: no rate of its own rather than a false 0%.
      openedRate: linkChannel === channel ? ratio(n(s, 'opened'), notified) : null,
      views: n(s, 'views'),
      viewers: n(s, 'viewers'),
      interactionRate: ratio(n(s, 'viewers_interacted'), n(s, 'viewers')),
      completionRate: ratio(n(s, 'r100'), n(s, 'views')),
    };
  });
  const perChannel = <T>(f: (c: ChannelFigures) => T) => Object.fromEntries(channels.map((c) => [c.channel, f(c)])) as Partial<Record<StatsChannel, T>>;

  return {
    produced,
    notified: perChannel((c) => c.notified),
    notifiedSource: perChannel((c) => c.notifiedSource),
    opened: perChannel((c) => c.opened),
    viewers,
    viewedRate: ratio(viewers, produced),
    views,
    viewsPerViewer: ratio(n(all, 'viewer_views'), viewers, 2),
    interactingViewers: n(all, 'viewers_interacted'),
    interactionRate: ratio(n(all, 'viewers_interacted'), viewers),
    interactingViews: n(all, 'interacted_views'),
    avgRating: ratio(ratingTotal, rated, 2),
    ratings: { count: rated, distribution: Object.fromEntries(ratingCounts.map((c, i) => [String(i + 1), c])) as Record<'1' | '2' | '3' | '4' | '5', number> },
    completedViews: n(all, 'r100'),
    completionRate: ratio(n(all, 'r100'), views),
    retention: REACH_STEPS.map((p) => ({ percent: p, views: n(all, `r${p}` as Counter), share: ratio(n(all, `r${p}` as Counter), views) })),
    actions: actionFigures(raw, channelCells),
    scenes: sceneFigures(raw, channelCells),
    channels,
  };
}

function viewsByType(cells: readonly CellSums[], column: Counter): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of cells) m.set(c.guide_type, (m.get(c.guide_type) ?? 0) + Number(c[column] ?? 0));
  return m;
}

/** Click-through: share of the views of that guide type in which the action was used at least once. */
function actionFigures(raw: RawStats, cells: readonly CellSums[]) {
  const views = viewsByType(cells, 'views');
  return raw.actions
    .map((a) => ({
      guideType: a.guide_type,
      kind: a.kind as 'action_click' | 'popup_open',
      actionId: a.action_id,
      events: Number(a.events),
      views: Number(a.views),
      clickThrough: ratio(Number(a.views), views.get(a.guide_type) ?? 0),
    }))
    .sort((x, y) => y.views - x.views || x.actionId.localeCompare(y.actionId));
}

/**
 * Drop-off per scene, per guide type, scenes in the order they are first reached. A view that played
 * either stops in exactly one scene or completes, so the views that reached scene k are the exits of
 * scenes k.. plus the completed views.
 */
function sceneFigures(raw: RawStats, cells: readonly CellSums[]) {
  const completed = viewsByType(cells, 'r100');
  const out: { guideType: string; sceneId: string; position: number; exits: number; reached: number; dropOff: number | null }[] = [];
  for (const type of [...new Set(raw.scenes.map((s) => s.guide_type))].sort()) {
    const scenes = raw.scenes.filter((s) => s.guide_type === type).sort((a, b) => (a.min_frame ?? 1e9) - (b.min_frame ?? 1e9));
    let reached = (completed.get(type) ?? 0) + scenes.reduce((a, s) => a + Number(s.exits), 0);
    scenes.forEach((s, i) => {
      const exits = Number(s.exits);
      out.push({ guideType: type, sceneId: s.scene_id, position: i + 1, exits, reached, dropOff: ratio(exits, reached) });
      reached -= exits;
    });
  }
  return out;
}

export type Figures = ReturnType<typeof computeFigures>;

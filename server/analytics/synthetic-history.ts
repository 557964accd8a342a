import { MAX_EVENTS_PER_BATCH, type ViewingEvent } from '../../compositions/common/events';
import { prng } from '../prng';

/**
 * A viewing history with chosen totals, as the batches a player would send: for tests (figures read
 * back through the real endpoint), benches and demos. Deterministic for a seed. It also says what the
 * figures must be, computed from its own model rather than from SQL.
 */
export interface HistoryScene {
  id: string;
  from: number;
  durationInFrames: number;
  actions: readonly { id: string; kind: 'button' | 'popup' }[];
}

export interface HistorySpec {
  /** The link each viewer uses, one per viewer (guides never opened have no place here). */
  tokens: readonly string[];
  /** Total views, at least one per viewer. */
  views: number;
  interactingViewers: number;
  /** Final rating of each rater; raters are the first viewers. */
  ratings: readonly number[];
  /** How many raters first send another rating (the latest must be the one counted). */
  rerate?: number;
  scenes: readonly HistoryScene[];
  durationInFrames: number;
  seed: number;
  /** When the first viewer starts watching; default: early enough that the whole history is past. */
  start?: Date;
}

export interface Batch {
  token: string;
  events: ViewingEvent[];
}

export interface ExpectedFigures {
  viewers: number;
  views: number;
  interactingViewers: number;
  completedViews: number;
  /** Views whose furthest reported position reached 0, 5, …, 100 %. */
  reach: number[];
  ratingCount: number;
  ratingAverage: number;
  /** `${kind}:${actionId}` → views in which it was used. */
  actionViews: Record<string, number>;
  /** Scene id → views that stopped in it without completing. */
  exits: Record<string, number>;
}

function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function syntheticHistory(spec: HistorySpec): { batches: Batch[]; expected: ExpectedFigures } {
  const rand = prng(spec.seed);
  const viewers = spec.tokens.length;
  if (spec.views < viewers) throw new Error('every viewer needs at least one view');
  // Viewers an hour apart (closer when there are many: the whole history fits in 30 days), every
  // event in the past by default: the API refuses events dated outside its window around its clock.
  const step = Math.min(3_600_000, Math.floor((30 * 86_400_000) / Math.max(1, viewers)));
  const start = spec.start ? spec.start.getTime() : Date.now() - viewers * step - 86_400_000;
  const sceneAt = (frame: number) => spec.scenes.find((s) => frame >= s.from && frame < s.from + s.durationInFrames) ?? spec.scenes.at(-1)!;
  const frameAt = (percent: number) => Math.min(spec.durationInFrames - 1, Math.round((percent / 100) * spec.durationInFrames));
  const expected: ExpectedFigures = {
    viewers,
    views: spec.views,
    interactingViewers: spec.interactingViewers,
    completedViews: 0,
    reach: Array.from({ length: 21 }, () => 0),
    ratingCount: spec.ratings.length,
    ratingAverage: spec.ratings.reduce((a, b) => a + b, 0) / Math.max(1, spec.ratings.length),
    actionViews: {},
    exits: {},
  };
  const batches: Batch[] = [];

  for (let v = 0; v < viewers; v++) {
    const viewsOfViewer = Math.floor(spec.views / viewers) + (v < spec.views % viewers ? 1 : 0);
    for (let k = 0; k < viewsOfViewer; k++) {
      const viewId = uuidFrom(rand);
      let t = start + v * step + k * 600_000;
      const events: ViewingEvent[] = [];
      const push = (e: Omit<ViewingEvent, 'id' | 'viewId' | 'at'>) =>
        events.push({ id: uuidFrom(rand), viewId, at: new Date((t += 1000)).toISOString(), ...e } as ViewingEvent);
      const interacting = k === 0 && v < spec.interactingViewers;
      // One view in twenty is opened and never played; the others stop anywhere, 45% at the end.
      let reach = interacting ? -1 : rand() < 0.05 ? -1 : rand() < 0.45 ? 100 : 5 * Math.floor(rand() * 20);
      if (interacting) reach = rand() < 0.5 ? 100 : 5 * (10 + Math.floor(rand() * 10));
      push({ kind: 'view_start' });
      if (reach >= 0) push({ kind: 'play', frame: 0, sceneId: spec.scenes[0]!.id });
      for (let p = 0; p <= reach; p += 5) {
        const frame = frameAt(p);
        push({ kind: 'progress', value: p, frame, sceneId: sceneAt(frame).id });
      }
      if (interacting) {
        const reachable = spec.scenes.filter((s) => s.actions.length > 0 && s.from <= frameAt(reach));
        const scene = reachable[Math.floor(rand() * reachable.length)];
        if (!scene) throw new Error('no action reachable: give interacting views scenes with actions early enough');
        const action = scene.actions[Math.floor(rand() * scene.actions.length)]!;
        const kind = action.kind === 'button' ? 'action_click' : 'popup_open';
        push({ kind, actionId: action.id, frame: scene.from, sceneId: scene.id });
        if (kind === 'popup_open') push({ kind: 'popup_close', actionId: action.id, frame: scene.from, sceneId: scene.id });
        expected.actionViews[`${kind}:${action.id}`] = (expected.actionViews[`${kind}:${action.id}`] ?? 0) + 1;
      }
      if (reach === 100) push({ kind: 'complete', frame: spec.durationInFrames - 1, sceneId: spec.scenes.at(-1)!.id });
      else if (reach >= 0) push({ kind: 'pause', frame: frameAt(reach), sceneId: sceneAt(frameAt(reach)).id });
      const rating = spec.ratings[v];
      if (rating !== undefined && k === 0 && v < (spec.rerate ?? 0)) push({ kind: 'rating', value: rating === 1 ? 2 : 1 });
      if (rating !== undefined && k === viewsOfViewer - 1) push({ kind: 'rating', value: rating });

      for (let b = 0; b <= 100; b += 5) if (reach >= b) expected.reach[b / 5]! += 1;
      if (reach === 100) expected.completedViews += 1;
      else if (reach >= 0) {
        const exit = sceneAt(frameAt(reach)).id;
        expected.exits[exit] = (expected.exits[exit] ?? 0) + 1;
      }
      // Two batches per view, as a player flushing mid-view and again when the page is left.
      const cut = Math.ceil(events.length / 2);
      for (const part of [events.slice(0, cut), events.slice(cut)]) {
        for (let i = 0; i < part.length; i += MAX_EVENTS_PER_BATCH) batches.push({ token: spec.tokens[v]!, events: part.slice(i, i + MAX_EVENTS_PER_BATCH) });
      }
    }
  }
  return { batches, expected };
}

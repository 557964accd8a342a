import type { ServiceId } from '../../compositions/common/storyboard-types';
import type { OutcomeKind } from './kinds';
import { prng } from '../prng';

/**
 * Synthetic outcomes with a known true effect (tests, benchmarks, demos; docs/impact.md). Deterministic
 * for a seed, and random-access: guide i's draws come from its own stream, so a bench can produce
 * 2 million outcomes lazily and a test can ask who watched without generating anything else.
 *
 * For each outcome model, a citizen has at least one outcome in the window [day 0, day `window`) with
 * probability `holdout` if held out and `treated` if offered the guide — the true effect is
 * treated − holdout. Among the treated, watchers may differ (`watched`; those who did not watch then
 * get the rate that keeps the treated average at `treated`: a selection effect, which the
 * non-randomised comparison shows and the randomised one must not). A citizen with an outcome may
 * have `repeats` more on average, later; some have outcomes only after the window (`late`) or before
 * day 0 (`before`), the same in both groups, which the analysis of the window must ignore.
 */
export interface OutcomeModel {
  kind: OutcomeKind;
  serviceId?: ServiceId;
  holdout: number;
  treated: number;
  watched?: number;
  repeats?: number;
  late?: number;
  before?: number;
}

export interface SyntheticGuide {
  externalRef: string;
  heldOut: boolean;
  /** Day 0, YYYY-MM-DD. */
  startOn: string;
}

export interface SyntheticSpec {
  campaignId: string | null;
  /** The window the models' rates refer to, in days. */
  window: number;
  /** Share of the treated who watch the guide. */
  watchShare: number;
  models: OutcomeModel[];
  seed: number;
  /** Outcome ids are `${idPrefix}-${guide}-${model}-${n}`. */
  idPrefix: string;
}

export interface SyntheticOutcome {
  outcomeId: string;
  campaignId: string | null;
  externalRef: string;
  kind: OutcomeKind;
  serviceId?: ServiceId;
  date: string;
}

/** MurmurHash3's finaliser: every input bit moves every output bit, so neighbouring guides get unrelated streams. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const streamOf = (seed: number, i: number, salt: number) => prng(mix((mix(seed ^ salt) + i) >>> 0));

function poisson(rand: () => number, mean: number): number {
  if (mean <= 0) return 0;
  const l = Math.exp(-mean);
  let k = 0;
  let p = rand();
  while (p > l) {
    k += 1;
    p *= rand();
  }
  return k;
}

const DAY = 86_400_000;
const dayOf = (start: string, offset: number) => new Date(Date.parse(`${start}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);

/** Whether treated guide i watches (always false when held out). */
export function watches(spec: SyntheticSpec, i: number, guide: SyntheticGuide): boolean {
  return !guide.heldOut && streamOf(spec.seed, i, 0x51ed)() < spec.watchShare;
}

/** The rate a citizen of this group has, for one model. */
export function rateOf(spec: SyntheticSpec, m: OutcomeModel, heldOut: boolean, watched: boolean): number {
  if (heldOut) return m.holdout;
  if (m.watched === undefined) return m.treated;
  if (watched) return m.watched;
  const rest = (m.treated - spec.watchShare * m.watched) / (1 - spec.watchShare);
  if (rest < 0 || rest > 1)
    throw new Error(`model ${m.kind}: watched ${m.watched} cannot average to treated ${m.treated} with a watch share of ${spec.watchShare}`);
  return rest;
}

export interface GuideDraw {
  watched: boolean;
  /** Per model: whether the citizen has an outcome inside the window. */
  inWindow: boolean[];
  outcomes: SyntheticOutcome[];
}

/** Everything guide i does: deterministic for (seed, i). */
export function drawGuide(spec: SyntheticSpec, i: number, guide: SyntheticGuide): GuideDraw {
  const watched = watches(spec, i, guide);
  const rand = streamOf(spec.seed, i, 0x0c0e);
  const outcomes: SyntheticOutcome[] = [];
  const inWindow: boolean[] = [];
  const w = spec.window;
  spec.models.forEach((m, k) => {
    let n = 0;
    const emit = (offset: number) => {
      outcomes.push({
        outcomeId: `${spec.idPrefix}-${i}-${k}-${n++}`,
        campaignId: spec.campaignId,
        externalRef: guide.externalRef,
        kind: m.kind,
        ...(m.serviceId ? { serviceId: m.serviceId } : {}),
        date: dayOf(guide.startOn, offset),
      });
    };
    const has = rand() < rateOf(spec, m, guide.heldOut, watched);
    inWindow.push(has);
    if (has) {
      const first = Math.floor(rand() * w);
      emit(first);
      for (let r = poisson(rand, m.repeats ?? 0); r > 0; r--) emit(first + Math.floor(rand() * (3 * w - first)));
    } else if (rand() < (m.late ?? 0)) {
      emit(w + Math.floor(rand() * 2 * w));
    }
    if (rand() < (m.before ?? 0)) emit(-1 - Math.floor(rand() * 30));
  });
  return { watched, inWindow, outcomes };
}

/** The counts the analysis must find for the window, per model and group (what a rollup must give back). */
export interface SyntheticTally {
  treated: number;
  holdout: number;
  watched: number;
  /** Per model: citizens with an outcome in the window. */
  withOutcome: { treated: number; holdout: number; watched: number }[];
  outcomes: number;
}

/** Streams every guide's outcomes, keeping the tally of what was drawn. */
export function* syntheticOutcomes(
  spec: SyntheticSpec,
  guides: Iterable<SyntheticGuide>,
  tally?: SyntheticTally,
  onWatcher?: (i: number, guide: SyntheticGuide) => void,
): Generator<SyntheticOutcome> {
  let i = 0;
  for (const g of guides) {
    const d = drawGuide(spec, i, g);
    if (tally) {
      if (g.heldOut) tally.holdout += 1;
      else tally.treated += 1;
      if (d.watched) tally.watched += 1;
      d.inWindow.forEach((has, k) => {
        const t = (tally.withOutcome[k] ??= { treated: 0, holdout: 0, watched: 0 });
        if (!has) return;
        if (g.heldOut) t.holdout += 1;
        else t.treated += 1;
        if (d.watched) t.watched += 1;
      });
      tally.outcomes += d.outcomes.length;
    }
    if (d.watched) onWatcher?.(i, g);
    yield* d.outcomes;
    i += 1;
  }
}

export const emptyTally = (): SyntheticTally => ({ treated: 0, holdout: 0, watched: 0, withOutcome: [], outcomes: 0 });

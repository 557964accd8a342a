import type { GuideType } from '../../compositions/common/envelope';
import type { Localized } from '../../compositions/common/locale';
import type { ServiceId } from '../../compositions/common/storyboard-types';
import type { Queryable } from '../db/database';
import { ANY_SERVICE, DEADLINES, outcomeLabel, type OutcomeKey, type OutcomeKind } from './kinds';
import { effectSentence, watchedSentence } from './sentences';
import { compare, type Comparison, type Interval, type Verdict } from './stats';

/**
 * The impact figures of one campaign (or of one type's guides created one at a time), from the rollups
 * of migration 051: a few hundred cells, whatever the number of guides and outcomes.
 */

export const NIL_CAMPAIGN = '00000000-0000-0000-0000-000000000000';

export interface ImpactScope {
  /** null: the guides of `guideType` created one at a time. */
  campaignId: string | null;
  guideType: GuideType;
}

type Arm = 'treated' | 'holdout' | 'watched';

export interface ImpactData {
  groups: Record<Arm, { guides: number; firstStartOn: string | null; lastStartOn: string | null }>;
  /** `${arm}|${kind}|${service}` → guides with their first outcome on day d (index d). */
  cells: Map<string, number[]>;
}

export async function readImpactData(q: Queryable, scope: ImpactScope, maxWindow: number): Promise<ImpactData> {
  const campaign = scope.campaignId ?? NIL_CAMPAIGN;
  const [groups, cells] = await Promise.all([
    q.query<{ arm: Arm; guides: number; first_start_on: string | null; last_start_on: string | null }>(
      `SELECT arm, guides, first_start_on, last_start_on FROM impact_groups WHERE campaign_id = $1::uuid AND guide_type = $2`,
      [campaign, scope.guideType],
    ),
    q.query<{ arm: Arm; kind: OutcomeKind; service_id: string; day: number; guides: number }>(
      `SELECT arm, kind, service_id, day, guides FROM impact_cells
       WHERE campaign_id = $1::uuid AND guide_type = $2 AND day < $3 AND guides <> 0`,
      [campaign, scope.guideType, maxWindow],
    ),
  ]);
  const data: ImpactData = {
    groups: {
      treated: { guides: 0, firstStartOn: null, lastStartOn: null },
      holdout: { guides: 0, firstStartOn: null, lastStartOn: null },
      watched: { guides: 0, firstStartOn: null, lastStartOn: null },
    },
    cells: new Map(),
  };
  for (const g of groups) data.groups[g.arm] = { guides: g.guides, firstStartOn: g.first_start_on, lastStartOn: g.last_start_on };
  for (const c of cells) {
    const k = `${c.arm}|${c.kind}|${c.service_id}`;
    const days = data.cells.get(k) ?? new Array<number>(maxWindow).fill(0);
    days[c.day] = (days[c.day] ?? 0) + c.guides;
    data.cells.set(k, days);
  }
  return data;
}

export interface GroupFigure {
  citizens: number;
  withOutcome: number;
  rate: number | null;
  /** Wilson 95% interval of the rate. */
  low: number | null;
  high: number | null;
}

export interface ComparisonFigure {
  difference: Interval | null;
  relativeChange: Interval | null;
  verdict: Verdict;
  sentence: Localized;
}

export interface EffectFigure extends ComparisonFigure {
  kind: OutcomeKind;
  serviceId: string | null;
  label: Localized;
  windowDays: number;
  /** Every guide of the group has had its whole window (its day 0 + windowDays is past). */
  windowComplete: boolean;
  treated: GroupFigure;
  holdout: GroupFigure;
  /** Treated citizens who watched against those who did not: not randomised, never causal. */
  watched: ComparisonFigure & { randomised: false; watched: GroupFigure; notWatched: GroupFigure };
}

export interface ImpactFigures {
  startBasis: 'print_date' | 'creation';
  groups: { treated: number; holdout: number; watched: number; notWatched: number; holdoutShareObserved: number | null };
  firstStartOn: string | null;
  lastStartOn: string | null;
  windows: number[];
  effects: EffectFigure[];
}

const group = (c: Comparison['a']): GroupFigure => ({
  citizens: c.citizens,
  withOutcome: c.withOutcome,
  rate: c.rate,
  low: c.interval?.low ?? null,
  high: c.interval?.high ?? null,
});

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The outcomes reported for a type: every kind, the deadline where the type has one, the services seen. */
function keysOf(type: GuideType, data: ImpactData): OutcomeKey[] {
  const keys: OutcomeKey[] = [
    { kind: 'contact_center_call', serviceId: null },
    { kind: 'branch_visit', serviceId: null },
  ];
  if (DEADLINES[type]) keys.push({ kind: 'deadline_met', serviceId: null });
  keys.push({ kind: 'online_service', serviceId: ANY_SERVICE });
  const services = new Map<string, number>();
  for (const [k, days] of data.cells) {
    const [arm, kind, service] = k.split('|');
    if (kind !== 'online_service' || service === ANY_SERVICE || arm !== 'treated') continue;
    services.set(service!, (services.get(service!) ?? 0) + days.reduce((a, b) => a + b, 0));
  }
  for (const [k] of data.cells) {
    const [, kind, service] = k.split('|');
    if (kind === 'online_service' && service !== ANY_SERVICE && !services.has(service!)) services.set(service!, 0);
  }
  for (const [s] of [...services].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) keys.push({ kind: 'online_service', serviceId: s as ServiceId });
  return keys;
}

/** today: 'YYYY-MM-DD' in Europe/Rome (windowComplete). */
export function impactFigures(
  scope: ImpactScope,
  data: ImpactData,
  windows: number[],
  o: { startBasis: 'print_date' | 'creation'; today: string },
): ImpactFigures {
  const n = { treated: data.groups.treated.guides, holdout: data.groups.holdout.guides, watched: data.groups.watched.guides };
  const within = (arm: Arm, key: OutcomeKey, w: number) => {
    const days = data.cells.get(`${arm}|${key.kind}|${key.serviceId ?? ''}`);
    let sum = 0;
    if (days) for (let d = 0; d < w && d < days.length; d++) sum += days[d]!;
    return sum;
  };
  const last =
    data.groups.treated.lastStartOn && data.groups.holdout.lastStartOn
      ? data.groups.treated.lastStartOn > data.groups.holdout.lastStartOn
        ? data.groups.treated.lastStartOn
        : data.groups.holdout.lastStartOn
      : (data.groups.treated.lastStartOn ?? data.groups.holdout.lastStartOn);
  const firsts = [data.groups.treated.firstStartOn, data.groups.holdout.firstStartOn].filter((x): x is string => x !== null).sort();
  const effects: EffectFigure[] = [];
  for (const w of windows) {
    for (const key of keysOf(scope.guideType, data)) {
      const { phrase, short } = outcomeLabel(key, scope.guideType);
      const ctx = { outcome: phrase, windowDays: w, startBasis: o.startBasis };
      const xt = within('treated', key, w);
      const xh = within('holdout', key, w);
      const xw = within('watched', key, w);
      const main = compare(xt, n.treated, xh, n.holdout);
      const seen = compare(xw, n.watched, xt - xw, n.treated - n.watched);
      effects.push({
        kind: key.kind,
        serviceId: key.serviceId,
        label: short,
        windowDays: w,
        windowComplete: last !== null && addDays(last, w) <= o.today,
        treated: group(main.a),
        holdout: group(main.b),
        difference: main.difference,
        relativeChange: main.relativeChange,
        verdict: main.verdict,
        sentence: effectSentence(ctx, main),
        watched: {
          randomised: false,
          watched: group(seen.a),
          notWatched: group(seen.b),
          difference: seen.difference,
          relativeChange: seen.relativeChange,
          verdict: seen.verdict,
          sentence: watchedSentence(ctx, seen),
        },
      });
    }
  }
  const total = n.treated + n.holdout;
  return {
    startBasis: o.startBasis,
    groups: {
      treated: n.treated,
      holdout: n.holdout,
      watched: n.watched,
      notWatched: n.treated - n.watched,
      holdoutShareObserved: total > 0 ? n.holdout / total : null,
    },
    firstStartOn: firsts[0] ?? null,
    lastStartOn: last,
    windows,
    effects,
  };
}

import { beforeAll, describe, expect, it } from 'vitest';
import { italianProblems } from '../compositions/common/italian';
import { ConfigError, loadConfig } from '../server/config';
import { holdoutKey, isHeldOut } from '../server/impact/holdout';
import { effectSentence, watchedSentence } from '../server/impact/sentences';
import { compare, katzRatio, MIN_COUNT, newcombeDifference, wilson } from '../server/impact/stats';
import { drawGuide, type OutcomeModel, type SyntheticSpec } from '../server/impact/synthetic';

/**
 * Issue #17: can the intervals be trusted? Repeated simulations with a known true effect, through the
 * same code as the API (the holdout hash, the synthetic generator, the statistics and the sentences;
 * test/impact-outcomes.test.ts checks that the database rollups give back exactly what was drawn).
 * Seeded, so every run is the same.
 */

describe('the holdout configuration', () => {
  it('takes per-type shares and a key, naming the variable it refuses', () => {
    expect(loadConfig({ IMPACT_HOLDOUT_SHARES: 'naspi=0.05, red:0.1' }).impact).toEqual({
      directHoldoutShares: { naspi: 0.05, red: 0.1 },
      holdoutKey: undefined,
    });
    expect(loadConfig({}).impact.directHoldoutShares).toEqual({});
    for (const [env, message] of [
      [{ IMPACT_HOLDOUT_SHARES: 'bonus=0.1' }, 'type=share pairs'],
      [{ IMPACT_HOLDOUT_SHARES: 'naspi=0.7' }, 'from 0 to 0.5'],
      [{ IMPACT_HOLDOUT_SHARES: 'naspi=0.1,naspi=0.2' }, 'listed twice'],
      [{ IMPACT_HOLDOUT_KEY: 'short' }, 'at least 32 characters'],
    ] as const) {
      try {
        loadConfig(env);
        throw new Error('accepted');
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        const problem = (err as ConfigError).problems[0]!;
        expect(problem.variable).toBe(Object.keys(env)[0]);
        expect(problem.message).toContain(message);
      }
    }
  });
});

describe('the statistics against published values', () => {
  it('Wilson, Newcombe hybrid score and Katz log intervals', () => {
    // Newcombe (1998), Statistics in Medicine 17:873–890, table II, example (a): 56/70 vs 48/80.
    const d = newcombeDifference(56, 70, 48, 80)!;
    expect(d.estimate).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
    // Example (h): 10/10 vs 0/10 — the interval stays inside [−1, 1].
    const h = newcombeDifference(10, 10, 0, 10)!;
    expect(h.low).toBeCloseTo(0.6075, 4);
    expect(h.high).toBeCloseTo(1, 4);
    // Wilson (1927) for 10/100: 0.0552 to 0.1744.
    const w = wilson(10, 100)!;
    expect(w.low).toBeCloseTo(0.0552, 4);
    expect(w.high).toBeCloseTo(0.1744, 4);
    // Katz: ln(RR) ± 1.96 √(1/x1 − 1/n1 + 1/x0 − 1/n0); 30/100 vs 15/100 → RR 2, √0.08, 1.1489 to 3.4817.
    const k = katzRatio(30, 100, 15, 100)!;
    expect(k.estimate).toBeCloseTo(2, 10);
    expect(k.low).toBeCloseTo(1.1489, 4);
    expect(k.high).toBeCloseTo(3.4817, 4);
    expect(katzRatio(0, 100, 15, 100)).toBeNull();
  });

  it('calls a comparison too small below MIN_COUNT in any of the four cells, whatever its interval says', () => {
    expect(compare(300, 1000, 0, 50).verdict).toBe('too_small');
    expect(compare(300, 1000, MIN_COUNT - 1, 50).verdict).toBe('too_small');
    expect(compare(300, 1000, MIN_COUNT, 100).verdict).toBe('increase');
    expect(compare(995, 1000, 45, 50).verdict).toBe('too_small');
  });

  it('writes each verdict in plain Italian and English, with the elided articles', () => {
    const ctx = {
      outcome: { it: 'almeno una chiamata al contact center', en: 'at least one contact-center call' },
      windowDays: 30,
      startBasis: 'print_date' as const,
    };
    const down = effectSentence(ctx, compare(800, 10_000, 110, 1000));
    expect(down.it).toBe(
      "Effetto misurato: entro 30 giorni dalla stampa della lettera, i cittadini con almeno una chiamata al contact center sono stati l'8,0% di chi ha ricevuto la videoguida e l'11,0% del gruppo di controllo. La videoguida ha ridotto questa quota di 3,0 punti percentuali (IC 95% da 1,1 a 5,2 punti), cioè del 27% (dal 12% al 40%).",
    );
    expect(down.en).toBe(
      'Effect measured: within 30 days of the letter’s print date, 8.0% of the citizens who were offered the guide had at least one contact-center call, against 11.0% of the control group. The guide lowered this share by 3.0 percentage points (95% CI 1.1 to 5.2 points), i.e. by 27% (12% to 40%).',
    );
    const none = effectSentence({ ...ctx, startBasis: 'creation' }, compare(1200, 10_000, 125, 1000));
    expect(none.it).toMatch(
      /^Nessun effetto dimostrato: entro 30 giorni dalla creazione della videoguida, .* La differenza, −0,5 punti percentuali \(IC 95% da −2,8 a \+1,5\), comprende lo zero/,
    );
    expect(none.en).toMatch(/^No effect found: .* includes zero: the data are compatible with no effect\.$/);
    const small = effectSentence(ctx, compare(90, 1000, 3, 40));
    expect(small.it).toBe(
      "Gruppi troppo piccoli per concludere: servono almeno 10 cittadini con l'esito e 10 senza in ciascun gruppo (con la videoguida 90 su 1000, gruppo di controllo 3 su 40). Nessun effetto può essere affermato.",
    );
    const seen = watchedSentence(ctx, compare(40, 1000, 450, 4000));
    expect(seen.it).toContain('il 4,0% di chi l’ha guardata e l’11,3% di chi non l’ha guardata'.replace('l’11', "l'11"));
    expect(seen.it).toContain('Confronto non randomizzato');
    for (const s of [down, none, small, seen]) expect(italianProblems(s.it)).toEqual([]);
  });
});

/** Calls 12% → 9% for the treated (the example), and branch visits with no effect at all. */
const MODELS: OutcomeModel[] = [
  { kind: 'contact_center_call', holdout: 0.12, treated: 0.09, watched: 0.05, repeats: 1 },
  { kind: 'branch_visit', holdout: 0.06, treated: 0.06, watched: 0.03 },
];
const RUNS = 400;
const GUIDES = 6_000;
const SHARE = 0.05;

/** One simulated campaign: a fresh holdout (its own key) and fresh outcomes; the counts per group. */
function simulate(run: number) {
  const key = holdoutKey({ holdoutKey: undefined }, `simulation-secret-${run}`);
  const spec: SyntheticSpec = { campaignId: null, window: 30, watchShare: 0.15, models: MODELS, seed: 1000 + run, idPrefix: 's' };
  const n = { treated: 0, holdout: 0 };
  const x = MODELS.map(() => ({ treated: 0, holdout: 0 }));
  for (let i = 0; i < GUIDES; i++) {
    const guide = { externalRef: `REF-${i}`, heldOut: isHeldOut(key, `campaign-${run}`, `REF-${i}`, SHARE), startOn: '2026-01-01' };
    const arm = guide.heldOut ? 'holdout' : 'treated';
    n[arm] += 1;
    drawGuide(spec, i, guide).inWindow.forEach((has, k) => {
      if (has) x[k]![arm] += 1;
    });
  }
  return MODELS.map((_, k) => compare(x[k]!.treated, n.treated, x[k]!.holdout, n.holdout));
}

/** Three binomial standard deviations around 95% of the runs. */
const within95 = (covered: number) => {
  const sd = Math.sqrt(RUNS * 0.95 * 0.05);
  return covered >= RUNS * 0.95 - 3 * sd && covered <= RUNS * 0.95 + 3 * sd;
};

describe(`${RUNS} simulated campaigns of ${GUIDES.toLocaleString('en')} guides with a ${SHARE * 100}% holdout`, () => {
  let runs: ReturnType<typeof simulate>[] = [];
  beforeAll(() => {
    runs = Array.from({ length: RUNS }, (_, r) => simulate(r));
  }, 60_000);

  it('estimate the simulated effect without bias and cover it about 95% of the time', () => {
    const truth = MODELS[0]!.treated - MODELS[0]!.holdout;
    const calls = runs.map((r) => r[0]!);
    const estimates = calls.map((c) => c.difference!.estimate);
    const mean = estimates.reduce((a, b) => a + b, 0) / RUNS;
    const sd = Math.sqrt(estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (RUNS - 1));
    expect(Math.abs(mean - truth)).toBeLessThan((3 * sd) / Math.sqrt(RUNS));
    const coveredDiff = calls.filter((c) => c.difference!.low <= truth && truth <= c.difference!.high).length;
    const ratio = MODELS[0]!.treated / MODELS[0]!.holdout - 1;
    const coveredRatio = calls.filter((c) => c.relativeChange!.low <= ratio && ratio <= c.relativeChange!.high).length;
    expect(within95(coveredDiff), `difference covered in ${coveredDiff}/${RUNS}`).toBe(true);
    expect(within95(coveredRatio), `relative change covered in ${coveredRatio}/${RUNS}`).toBe(true);
    // The watchers' lower rate (5%) never leaks into the randomised estimate: the treated average is 9%.
    expect(Math.abs(mean - truth)).toBeLessThan(0.005);
  });

  it('finds no effect where none was simulated about 95% of the time, and says so', () => {
    const branch = runs.map((r) => r[1]!);
    const claimed = branch.filter((c) => c.verdict === 'increase' || c.verdict === 'decrease').length;
    // The false-positive rate is near 5%: within three binomial standard deviations.
    expect(within95(RUNS - claimed), `an effect claimed in ${claimed}/${RUNS}`).toBe(true);
    const ctx = { outcome: { it: 'almeno una visita in sede', en: 'at least one branch visit' }, windowDays: 30, startBasis: 'print_date' as const };
    for (const c of branch.filter((x) => x.verdict === 'no_effect')) {
      const s = effectSentence(ctx, c);
      expect(s.it.startsWith('Nessun effetto dimostrato')).toBe(true);
      expect(s.en.startsWith('No effect found')).toBe(true);
    }
    expect(branch.filter((x) => x.verdict === 'no_effect').length).toBeGreaterThan(RUNS * 0.9);
  });
});

/**
 * Two proportions and their 95% confidence intervals (docs/impact.md says which and why).
 *
 * - Each group's rate: the Wilson score interval.
 * - The difference p1 − p0: Newcombe's hybrid score interval (Newcombe 1998, method 10), built from the
 *   two Wilson intervals. Unlike the textbook Wald interval it keeps close to 95% coverage with rare
 *   outcomes and unequal groups (a 5% holdout is 19 times smaller than the treated group), never leaves
 *   [−1, 1], and needs no continuity correction.
 * - The ratio p1 / p0 (the relative change is ratio − 1): the Katz log interval,
 *   exp(ln(p1/p0) ± z·√(1/x1 − 1/n1 + 1/x0 − 1/n0)), the standard interval for a risk ratio; undefined
 *   when either group has no outcome at all.
 *
 * The test (test/impact-simulation.test.ts) checks the coverage of both over repeated simulations.
 */
import { MIN_COUNT } from '../../contract/impact';

/** The 97.5th percentile of the standard normal: a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * A comparison is "too small" unless each group has at least this many citizens with the outcome and
 * this many without (docs/impact.md: below it the normal approximations behind the intervals fail, and
 * the coverage test shows it).
 */
export { MIN_COUNT };

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

export function wilson(x: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { estimate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Newcombe's hybrid score interval for p1 − p0. */
export function newcombeDifference(x1: number, n1: number, x0: number, n0: number, z = Z95): Interval | null {
  const a = wilson(x1, n1, z);
  const b = wilson(x0, n0, z);
  if (!a || !b) return null;
  const d = a.estimate - b.estimate;
  return {
    estimate: d,
    low: d - Math.sqrt((a.estimate - a.low) ** 2 + (b.high - b.estimate) ** 2),
    high: d + Math.sqrt((a.high - a.estimate) ** 2 + (b.estimate - b.low) ** 2),
  };
}

/** Katz's log interval for p1 / p0; null when a group is empty or has no outcome. */
export function katzRatio(x1: number, n1: number, x0: number, n0: number, z = Z95): Interval | null {
  if (n1 <= 0 || n0 <= 0 || x1 <= 0 || x0 <= 0) return null;
  const rr = x1 / n1 / (x0 / n0);
  const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x0 - 1 / n0);
  return { estimate: rr, low: rr * Math.exp(-z * se), high: rr * Math.exp(z * se) };
}

export type Verdict = 'too_small' | 'no_effect' | 'decrease' | 'increase';

export interface Comparison {
  /** Group 1: treated (or watched). */
  a: { citizens: number; withOutcome: number; rate: number | null; interval: Interval | null };
  /** Group 0: holdout (or not watched). */
  b: { citizens: number; withOutcome: number; rate: number | null; interval: Interval | null };
  /** p1 − p0, as a fraction (−0.03 is 3 percentage points fewer). */
  difference: Interval | null;
  /** p1 / p0 − 1 (−0.25 is a quarter fewer). */
  relativeChange: Interval | null;
  verdict: Verdict;
  /** The smallest of the four counts (with and without the outcome, in each group). */
  smallestCount: number;
}

export function compare(x1: number, n1: number, x0: number, n0: number): Comparison {
  const difference = newcombeDifference(x1, n1, x0, n0);
  const ratio = katzRatio(x1, n1, x0, n0);
  const smallestCount = Math.min(x1, n1 - x1, x0, n0 - x0);
  let verdict: Verdict;
  if (smallestCount < MIN_COUNT || !difference) verdict = 'too_small';
  else if (difference.low > 0) verdict = 'increase';
  else if (difference.high < 0) verdict = 'decrease';
  else verdict = 'no_effect';
  return {
    a: { citizens: n1, withOutcome: x1, rate: n1 > 0 ? x1 / n1 : null, interval: wilson(x1, n1) },
    b: { citizens: n0, withOutcome: x0, rate: n0 > 0 ? x0 / n0 : null, interval: wilson(x0, n0) },
    difference,
    relativeChange: ratio ? { estimate: ratio.estimate - 1, low: ratio.low - 1, high: ratio.high - 1 } : null,
    verdict,
    smallestCount,
  };
}

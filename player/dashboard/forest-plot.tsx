import type { ImpactVerdict } from './types';

export interface ForestRow {
  key: string;
  label: string;
  /** Fractions (−0.03 is −3 percentage points). */
  estimate: number;
  low: number;
  high: number;
  verdict: ImpactVerdict;
  /** What the row's right column says (the estimate and its interval, formatted). */
  value: string;
}

const W = 960;
const LABEL = 360;
const VALUE = 190;
const PLOT = W - LABEL - VALUE - 20;
const ROW = 30;
const AXIS = 46;
const MAX_LABEL = 46;

/** A step of 1, 2 or 5 × 10^k percentage points giving about four ticks each side. */
function niceStep(max: number): number {
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

const pp = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 }).format(Math.abs(v))}`;

/**
 * Differences with their 95% intervals, one row per figure, on one axis of percentage points with
 * zero marked: an interval crossing the zero line is "no effect found". Plain SVG (a few dozen
 * shapes), scaled to its card.
 */
export function ForestPlot({ rows, title, caption, axis }: { rows: ForestRow[]; title: string; caption: string; axis: string }) {
  if (rows.length === 0) return null;
  // The axis spans the intervals and zero, with a margin: in percentage points.
  const lo = Math.min(0, ...rows.map((r) => r.low)) * 100;
  const hi = Math.max(0, ...rows.map((r) => r.high)) * 100;
  const span = Math.max(1, hi - lo);
  const step = niceStep(span / 2);
  const from = Math.floor((lo - span * 0.06) / step) * step;
  const to = Math.ceil((hi + span * 0.06) / step) * step;
  const x = (v: number) => LABEL + ((v * 100 - from) / (to - from)) * PLOT;
  const ticks: number[] = [];
  for (let t = from; t <= to + 1e-9; t += step) ticks.push(Math.round(t * 1000) / 1000);
  const height = AXIS + rows.length * ROW + 8;
  return (
    <figure className="forest">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`${title}: ${caption}`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t / 100)} x2={x(t / 100)} y1={AXIS - 6} y2={height - 4} className={t === 0 ? 'zero' : 'grid'} />
            <text x={x(t / 100)} y={AXIS - 12} className="tick">
              {pp(t)}
            </text>
          </g>
        ))}
        <text x={LABEL + PLOT / 2} y={13} className="axis-title">
          {axis}
        </text>
        {rows.map((r, i) => {
          const y = AXIS + i * ROW + ROW / 2;
          return (
            <g key={r.key} className={`row ${r.verdict}`}>
              <title>{`${r.label}: ${r.value}`}</title>
              {i % 2 === 0 ? <rect x={0} y={y - ROW / 2} width={W} height={ROW} className="band" /> : null}
              <text x={LABEL - 12} y={y + 4} className="label">
                {r.label.length > MAX_LABEL ? `${r.label.slice(0, MAX_LABEL - 1)}…` : r.label}
              </text>
              <line x1={x(r.low)} x2={x(r.high)} y1={y} y2={y} className="ci" />
              <line x1={x(r.low)} x2={x(r.low)} y1={y - 7} y2={y + 7} className="ci" />
              <line x1={x(r.high)} x2={x(r.high)} y1={y - 7} y2={y + 7} className="ci" />
              <circle cx={x(r.estimate)} cy={y} r={4} className="point" />
              <text x={W - 6} y={y + 4} className="value">
                {r.value}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

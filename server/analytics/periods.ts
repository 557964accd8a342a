/**
 * A date range of production days, answered from the coarsest rollup cells that fit inside it: whole
 * years, then whole months, then single days at the ragged edges. At most one year range, two month
 * ranges and two day ranges, whatever the span, so a query reads a bounded number of cells.
 */
export type Grain = 'd' | 'm' | 'y';

export interface PeriodRange {
  grain: Grain;
  /** First day of the first period and first day of the last period (inclusive), YYYY-MM-DD. */
  from: string;
  to: string;
}

/** Calendar dates handled as UTC midnights: no time zone can shift a day here. */
const parse = (d: string): Date => new Date(`${d}T00:00:00Z`);
const iso = (d: Date): string => d.toISOString().slice(0, 10);
const ymd = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m, day));
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);
const isMonthStart = (d: Date) => d.getUTCDate() === 1;
const isMonthEnd = (d: Date) => addDays(d, 1).getUTCDate() === 1;

export const EARLIEST_DAY = '2000-01-01';
export const LATEST_DAY = '2099-12-31';

/** Splits [from, to] (inclusive calendar days) into grain ranges covering each day exactly once. */
export function decomposeRange(from: string, to: string): PeriodRange[] {
  const a = parse(from);
  const b = parse(to);
  if (a > b) return [];
  const firstYear = a.getUTCMonth() === 0 && isMonthStart(a) ? a.getUTCFullYear() : a.getUTCFullYear() + 1;
  const lastYear = b.getUTCMonth() === 11 && b.getUTCDate() === 31 ? b.getUTCFullYear() : b.getUTCFullYear() - 1;
  if (firstYear > lastYear) return months(a, b);
  return [
    ...months(a, addDays(ymd(firstYear, 0, 1), -1)),
    { grain: 'y', from: iso(ymd(firstYear, 0, 1)), to: iso(ymd(lastYear, 0, 1)) },
    ...months(ymd(lastYear + 1, 0, 1), b),
  ];
}

function months(a: Date, b: Date): PeriodRange[] {
  if (a > b) return [];
  const first = isMonthStart(a) ? ymd(a.getUTCFullYear(), a.getUTCMonth(), 1) : ymd(a.getUTCFullYear(), a.getUTCMonth() + 1, 1);
  const last = isMonthEnd(b) ? ymd(b.getUTCFullYear(), b.getUTCMonth(), 1) : ymd(b.getUTCFullYear(), b.getUTCMonth() - 1, 1);
  if (first > last) return days(a, b);
  return [...days(a, addDays(first, -1)), { grain: 'm', from: iso(first), to: iso(last) }, ...days(ymd(last.getUTCFullYear(), last.getUTCMonth() + 1, 1), b)];
}

const days = (a: Date, b: Date): PeriodRange[] => (a > b ? [] : [{ grain: 'd', from: iso(a), to: iso(b) }]);

/** The SQL condition on (grain, period) for a range, with its parameters numbered from `first`. */
export function periodCondition(from: string | undefined, to: string | undefined, first: number): { sql: string; params: string[] } {
  if (!from && !to) return { sql: `grain = 'y'`, params: [] };
  const ranges = decomposeRange(from ?? EARLIEST_DAY, to ?? LATEST_DAY);
  if (ranges.length === 0) return { sql: 'false', params: [] };
  const params: string[] = [];
  const parts = ranges.map((r) => {
    params.push(r.from, r.to);
    const i = first + params.length - 2;
    return `(grain = '${r.grain}' AND period BETWEEN $${i}::date AND $${i + 1}::date)`;
  });
  return { sql: `(${parts.join(' OR ')})`, params };
}

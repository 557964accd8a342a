/**
 * NASpI figures (D.Lgs. 22/2015): see shared DOMAIN.md §1.
 * Threshold and cap by year: INPS circ. 25/2025 and circ. 4/2026.
 */
export const NASPI_YEARS: Record<number, { thresholdCents: number; capCents: number }> = {
  2024: { thresholdCents: 142_521, capCents: 155_042 },
  2025: { thresholdCents: 143_661, capCents: 156_282 },
  2026: { thresholdCents: 145_672, capCents: 158_470 },
};

export const NASPI_MAX_CAP_CENTS = Math.max(...Object.values(NASPI_YEARS).map((y) => y.capCents));
export const NASPI_MAX_MONTHS = 24;
/** Days after the end of the job within which the application must be filed. */
export const NASPI_APPLICATION_DAYS = 68;
/** Employee work income that keeps NASpI (INPS msg. 1414/2024) and the self-employed limit. */
export const NASPI_EMPLOYEE_INCOME_LIMIT_CENTS = 850_000;
export const NASPI_SELF_EMPLOYED_INCOME_LIMIT_CENTS = 550_000;

export function naspiYear(year: number) {
  const known = Object.keys(NASPI_YEARS).map(Number);
  const y = Math.min(Math.max(year, Math.min(...known)), Math.max(...known));
  return NASPI_YEARS[y]!;
}

/** First monthly amount from the average monthly pay (RMM): 75% up to the threshold, 25% above, capped. */
export function naspiMonthlyCents(averageMonthlyPayCents: number, year: number): number {
  const { thresholdCents, capCents } = naspiYear(year);
  const base = 0.75 * Math.min(averageMonthlyPayCents, thresholdCents);
  const extra = 0.25 * Math.max(0, averageMonthlyPayCents - thresholdCents);
  return Math.min(capCents, Math.round(base + extra));
}

/** Amount of each benefit month: −3% a month, compounding, from the 6th month (8th if 55+). */
export function naspiSchedule(firstCents: number, months: number, reductionFromMonth: number): number[] {
  const out: number[] = [];
  let current = firstCents;
  for (let m = 1; m <= months; m++) {
    if (m >= reductionFromMonth) current = Math.round(current * 0.97);
    out.push(current);
  }
  return out;
}

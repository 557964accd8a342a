/** Calendar arithmetic on ISO dates, in UTC so results never depend on the machine's time zone. */
const parse = (iso: string): Date => new Date(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
const fmt = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = parse(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fmt(d);
}

/** Adds months keeping the day, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const d = parse(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return fmt(d);
}

export const monthOf = (iso: string): string => iso.slice(0, 7);
export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((parse(toIso).getTime() - parse(fromIso).getTime()) / 86_400_000);
}

/** Whole years between two dates (age on a date). */
export function yearsBetween(fromIso: string, toIso: string): number {
  const a = parse(fromIso);
  const b = parse(toIso);
  let years = b.getUTCFullYear() - a.getUTCFullYear();
  if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) years--;
  return years;
}

/** Monday–Friday, ignoring public holidays except the fixed national ones that move payment days. */
export function isBankingDay(iso: string): boolean {
  const d = parse(iso);
  const dow = d.getUTCDay();
  if (dow === 0 || dow === 6) return false;
  const md = iso.slice(5);
  return !['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'].includes(md);
}

export function nextBankingDay(iso: string): string {
  let d = iso;
  while (!isBankingDay(d)) d = addDays(d, 1);
  return d;
}

/** The two UI and narration languages; Italian is the default everywhere. */
export const LOCALES = ['it', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A string in every locale: narration, titles, labels and on-screen text all use it. */
export type Localized = Record<Locale, string>;

export const l = (it: string, en: string): Localized => ({ it, en });

const INTL_LOCALE: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };

const euro = new Map<Locale, Intl.NumberFormat>();
const euroWhole = new Map<Locale, Intl.NumberFormat>();
const dateLong = new Map<Locale, Intl.DateTimeFormat>();
const monthYear = new Map<Locale, Intl.DateTimeFormat>();
const dayMonth = new Map<Locale, Intl.DateTimeFormat>();
const lists = new Map<Locale, Intl.ListFormat>();

function cached<T>(map: Map<Locale, T>, locale: Locale, make: (tag: string) => T): T {
  let value = map.get(locale);
  if (!value) {
    value = make(INTL_LOCALE[locale]);
    map.set(locale, value);
  }
  return value;
}

/** 123456 cents → "1.234,56 €" (it) or "€1,234.56" (en). */
export function formatCents(cents: number, locale: Locale): string {
  return cached(euro, locale, (tag) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR', useGrouping: 'always' })).format(cents / 100);
}

/** Whole euros for thresholds written without cents ("8.500 €"). */
export function formatEuroWhole(cents: number, locale: Locale): string {
  return cached(
    euroWhole,
    locale,
    (tag) =>
      new Intl.NumberFormat(tag, {
        style: 'currency',
        currency: 'EUR',
        useGrouping: 'always',
        maximumFractionDigits: 0,
        minimumFractionDigits: 0,
      }),
  ).format(Math.round(cents / 100));
}

// Dates are calendar dates: format them in UTC so no time zone can shift the day.
const toDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** "2026-03-15" → "15 marzo 2026" / "15 March 2026". */
export function formatDate(iso: string, locale: Locale): string {
  return cached(dateLong, locale, (tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(
    toDate(iso),
  );
}

/** "2026-03" or "2026-03-15" → "marzo 2026" / "March 2026". */
export function formatMonth(isoMonthOrDate: string, locale: Locale): string {
  const iso = isoMonthOrDate.length === 7 ? `${isoMonthOrDate}-01` : isoMonthOrDate;
  return cached(monthYear, locale, (tag) => new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' })).format(toDate(iso));
}

/** "2026-03-15" → "15 marzo" / "15 March". */
export function formatDayMonth(iso: string, locale: Locale): string {
  return cached(dayMonth, locale, (tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', timeZone: 'UTC' })).format(toDate(iso));
}

export function formatPercent(value: number, locale: Locale): string {
  return `${value.toLocaleString(INTL_LOCALE[locale])}%`;
}

/** Joins a list the way each language does: "a, b e c" / "a, b and c". */
export function formatList(items: string[], locale: Locale): string {
  return cached(lists, locale, (tag) => new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' })).format(items);
}

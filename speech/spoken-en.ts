import { DIGIT_EN, cardinalEn, decimalEn, ordinalEn, yearEn } from './numbers-en';
import type { Rule } from './spoken-it';

export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const LETTERS_EN: Record<string, string> = {
  A: 'ay', B: 'bee', C: 'see', D: 'dee', E: 'ee', F: 'ef', G: 'gee', H: 'aitch', I: 'eye', J: 'jay', K: 'kay', L: 'el', M: 'em',
  N: 'en', O: 'oh', P: 'pee', Q: 'cue', R: 'ar', S: 'ess', T: 'tee', U: 'you', V: 'vee', W: 'double-you', X: 'ex', Y: 'why', Z: 'zed',
};

export const spellEn = (chars: string): string =>
  [...chars.replace(/\s/g, '')].map((c) => (/\d/.test(c) ? DIGIT_EN[Number(c)] : LETTERS_EN[c.toUpperCase()] ?? c)).join(' ');

const intEn = (written: string): number => Number(written.replace(/,/g, ''));

/** €1,234.56 → "one thousand two hundred and thirty-four euros and fifty-six cents". */
export function euroEn(written: string, centsWritten?: string): string {
  const euros = intEn(written);
  const cents = centsWritten ? Number(centsWritten.padEnd(2, '0')) : 0;
  const centWords = `${cardinalEn(cents)} ${cents === 1 ? 'cent' : 'cents'}`;
  if (euros === 0 && cents > 0) return centWords;
  const head = `${cardinalEn(euros)} ${euros === 1 ? 'euro' : 'euros'}`;
  return cents ? `${head} and ${centWords}` : head;
}

export function dateEn(day: number, month: number, year?: number): string {
  const name = MONTHS_EN[month - 1];
  if (!name || day < 1 || day > 31) throw new Error(`expected a calendar date, got day ${day} month ${month}`);
  return `the ${ordinalEn(day)} of ${name}${year !== undefined ? ` ${yearEn(year)}` : ''}`;
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
const MONTH_RE = MONTHS_EN.join('|');
const monthOf = (name: string): number => MONTHS_EN.findIndex((m) => m.toLowerCase() === name.toLowerCase()) + 1;

// Bare four-digit numbers in running English text are years ("your 2024 income", "in 2026").
const plainEn = (w: string, f?: string): string => {
  if (f) return decimalEn(intEn(w), f);
  const n = intEn(w);
  return /^\d{4}$/.test(w) && n >= 1100 && n <= 2099 ? yearEn(n) : cardinalEn(n);
};

export const RULES_EN: Rule[] = [
  [/\b([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?)\b/g, (iban) => iban.replace(/\s/g, '').match(/.{1,4}/g)!.map(spellEn).join(', ')],
  [new RegExp(String.raw`€\s?(${NUM})(?:\.(\d{1,2}))?`, 'g'), (e, c) => euroEn(e, c)],
  [new RegExp(String.raw`\b(${NUM})(?:\.(\d{1,2}))?\s?(?:€|euros?\b|EUR\b)`, 'g'), (e, c) => euroEn(e, c)],
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (y, m, d) => dateEn(Number(d), Number(m), Number(y))],
  [/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (d, m, y) => dateEn(Number(d), Number(m), Number(y))],
  [new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)? (${MONTH_RE})(?:,? (\d{4}))?\b`, 'g'), (d, m, y) => dateEn(Number(d), monthOf(m!), y ? Number(y) : undefined)],
  [new RegExp(String.raw`\b(${MONTH_RE}) (\d{1,2})(?:st|nd|rd|th)?(?:, (\d{4}))?\b`, 'g'), (m, d, y) => `${m} the ${ordinalEn(Number(d))}${y ? `, ${yearEn(Number(y))}` : ''}`],
  [/\b(\d+)(?:\.(\d+))?\s?%/g, (w, f) => `${f ? decimalEn(Number(w), f) : cardinalEn(Number(w))} per cent`],
  [/\b(\d+)(?:st|nd|rd|th)\b/g, (n) => ordinalEn(Number(n))],
  [/\b([0-9A-Z](?: [0-9A-Z])+)\b/g, (seq) => (/\d/.test(seq) ? spellEn(seq) : seq)],
  [new RegExp(String.raw`\b(${NUM})(?:\.(\d+))?\b`, 'g'), (w, f) => plainEn(w!, f)],
];

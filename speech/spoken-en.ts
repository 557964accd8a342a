import { DIGIT_EN, cardinalEn, decimalEn, ordinalEn, yearEn } from './numbers-en';
import { SPELLED_JOIN, phoneRules, type PhoneWords } from './phone-numbers';
import { ibanRule, type Rule } from './spoken-it';

export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const LETTERS_EN: Record<string, string> = {
  A: 'ay',
  B: 'bee',
  C: 'see',
  D: 'dee',
  E: 'ee',
  F: 'ef',
  G: 'gee',
  H: 'aitch',
  I: 'eye',
  J: 'jay',
  K: 'kay',
  L: 'el',
  M: 'em',
  N: 'en',
  O: 'oh',
  P: 'pee',
  Q: 'cue',
  R: 'ar',
  S: 'ess',
  T: 'tee',
  U: 'you',
  V: 'vee',
  W: 'double-you',
  X: 'ex',
  Y: 'why',
  Z: 'zed',
};

export const spellEn = (chars: string): string =>
  [...chars.replace(/\s/g, '')].map((c) => (/\d/.test(c) ? DIGIT_EN[Number(c)] : (LETTERS_EN[c.toUpperCase()] ?? c))).join(SPELLED_JOIN);

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

/** Abbreviations said in full; those that could end other words only before a number ("No. 5", "Art. 3"). */
export const ABBREVIATIONS_EN: Rule[] = [
  [/\b([Aa])rts\.\s?(?=\d)/g, (a) => `${a}rticles `],
  [/\b([Aa])rt\.\s?(?=\d)/g, (a) => `${a}rticle `],
  [/\b([Nn])o\.\s?(?=\d)/g, (n) => `${n}umber `],
  [/\b([Nn])os\.\s?(?=\d)/g, (n) => `${n}umbers `],
  [/\b([Tt])el\.(?=\s)/g, (t) => `${t}elephone`],
  [/\b([Aa])pprox\.(?=\s)/g, (a) => `${a}pproximately`],
  [/\be\.g\.(?=[\s,])/g, () => 'for example'],
  [/\bi\.e\.(?=[\s,])/g, () => 'that is'],
  [/\betc\.(\s*$|\s+(?=\p{Lu}))?/gu, (end) => (end === undefined ? 'et cetera' : `et cetera.${end}`)],
  // "Law 104/1992" is said "Law one hundred and four of nineteen ninety-two".
  [/\b((?:[Ll]aw|[Dd]ecree|[Aa]ct|[Aa]rticle|[Nn]umber)\s+)(\d+)\/(\d{4}|\d{2})\b/g, (pre, n, y) => `${pre}${n} of ${y}`],
  // "€500/month" → "five hundred euros a month".
  [/(?<=[\d€]|\beuros?)\s?\/\s?(month|year|week|day)\b/g, (u) => ` a ${u}`],
];

const RANGE_NUM = String.raw`\d{1,3}(?:,\d{3})+|0|[1-9]\d*`;
const intOfRange = (w: string): number => Number(w.replace(/,/g, ''));

/** "18–59" → "18 to 59", "between 18–59" → "between 18 and 59", "18–20 March" → "the 18th to 20 March". */
const rangeEn = (prep: string | undefined, a: string, b: string, month: string | undefined): string => {
  if (intOfRange(a) >= intOfRange(b)) throw new Error('not a range');
  const head = prep ? `${prep} ` : '';
  if (month) return `${head}the ${ordinalEn(intOfRange(a))} to ${b}${month}`;
  return prep?.toLowerCase() === 'between' ? `${head}${a} and ${b}` : `${head}${a} to ${b}`;
};

const timeEn = (h: string, m: string, ampm: string | undefined): string => {
  const hour = Number(h);
  const min = Number(m);
  if (hour > 24 || min > 59) throw new Error('not a time');
  const minutes = min === 0 ? (ampm || hour > 12 ? '' : " o'clock") : ` ${min < 10 ? `oh ${cardinalEn(min)}` : cardinalEn(min)}`;
  const hours = min === 0 && hour > 12 && !ampm ? `${cardinalEn(hour)} hundred` : cardinalEn(hour);
  return `${hours}${minutes}${ampm ? ` ${ampm.toLowerCase()} m` : ''}`;
};

/** "+39 06 164 164" → "plus three nine, zero six, one six four, one six four" (British usage: digit by digit). */
export const PHONE_WORDS_EN: PhoneWords = { digits: DIGIT_EN, plus: 'plus', countryCode: (c) => [...c].map((d) => DIGIT_EN[Number(d)]).join(' ') };

export const RULES_EN: Rule[] = [
  ibanRule(spellEn),
  ...ABBREVIATIONS_EN,
  [
    new RegExp(
      String.raw`(?:\b(between|from)\s+)?(?<![\p{N}.,:/–—-])(${RANGE_NUM})(?:[–—]|-(?=\d{1,4}(?!\d)))(${RANGE_NUM})(?![\p{N}]|[.,]\p{N}|[–—-]\p{N})( (?:${MONTH_RE})\b)?`,
      'giu',
    ),
    (prep, a, b, month) => rangeEn(prep, a!, b!, month),
  ],
  [new RegExp(String.raw`€\s?(${NUM})(?:\.(\d{1,2}))?`, 'g'), (e, c) => euroEn(e, c)],
  [new RegExp(String.raw`\b(${NUM})(?:\.(\d{1,2}))?\s?(?:€|euros?\b|EUR\b)`, 'g'), (e, c) => euroEn(e, c)],
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (y, m, d) => dateEn(Number(d), Number(m), Number(y))],
  [/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (d, m, y) => dateEn(Number(d), Number(m), Number(y))],
  [
    new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)? (${MONTH_RE})(?:,? (\d{4}))?\b`, 'g'),
    (d, m, y) => dateEn(Number(d), monthOf(m!), y ? Number(y) : undefined),
  ],
  [
    new RegExp(String.raw`\b(${MONTH_RE}) (\d{1,2})(?:st|nd|rd|th)?(?:, (\d{4}))?\b`, 'g'),
    (m, d, y) => `${m} the ${ordinalEn(Number(d))}${y ? `, ${yearEn(Number(y))}` : ''}`,
  ],
  ...phoneRules('en', PHONE_WORDS_EN),
  // Times: "8:30" → "eight thirty", "9:00" → "nine o'clock", "18:00" → "eighteen hundred", "8.30 am".
  [/(?<![\p{N}.,:])([01]?\d|2[0-4])[:.]([0-5]\d)(?:\s?([ap])\.?m\b\.?)/giu, (h, m, ap) => timeEn(h!, m!, ap)],
  [/(?<![\p{N}.,:])([01]?\d|2[0-4]):([0-5]\d)(?![\p{N}]|[.,:]\p{N})/gu, (h, m) => timeEn(h!, m!, undefined)],
  [/\b(\d+)(?:\.(\d+))?\s?%/g, (w, f) => `${f ? decimalEn(Number(w), f) : cardinalEn(Number(w))} per cent`],
  [/\b(\d+)(?:st|nd|rd|th)\b/g, (n) => ordinalEn(Number(n))],
  [/\b([0-9A-Z](?: [0-9A-Z])+)\b/g, (seq) => (/\d/.test(seq) ? spellEn(seq) : seq)],
  [new RegExp(String.raw`\b(${NUM})(?:\.(\d+))?\b`, 'g'), (w, f) => plainEn(w!, f)],
];

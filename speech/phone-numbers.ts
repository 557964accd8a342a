import type { Rule } from './spoken-it';

/**
 * Telephone numbers are read the way they are dialled: digit by digit, group by group, with a short
 * pause (a comma) between groups: "06 164 164" → "zero sei, uno sei quattro, uno sei quattro". Said as
 * amounts ("sei, centosessantaquattro…") they cannot be dialled from the narration.
 *
 * What counts as a phone number (Italian numbering plan; the guides give Italian numbers):
 * 1. By its shape, anywhere: two to four groups of digits separated by single spaces (or hyphens:
 *    "803-164"; a rising pair such as "18-59" is a range, turned into words before), optionally after
 *    "+" and a country code, whose first group and length fit a kind of Italian number:
 *    - non-geographic service numbers, 8xx (800/803 free, 840/848 shared, 89x), 199 and 178, 6 to 10
 *      digits: "803 164", "800 123 456";
 *    - geographic numbers, starting with 0, 6 to 11 digits: "06 164 164", "02 1234 5678", "0461 123456";
 *    - mobile numbers, starting with 3, 9 or 10 digits: "333 123 4567";
 *    - after "+39" any of the above; after another country code, 6 to 12 digits.
 *    Amounts ("1.234,56 €", "8.500 €") never qualify: Italian groups thousands with dots, not spaces.
 *    Years, dates, counts ("24 mesi"), percentages and decimals ("4,33") are single groups or are
 *    followed by words, so they never qualify either.
 * 2. After a phone cue ("numero", "al", "chiama", "telefono", "cellulare"…, "number", "call", "on",
 *    "phone", "mobile"…): one run of 6 to 13 digits, written with or without spaces, dots, dashes or
 *    slashes: "chiama il 803164", "call 0039.06.164164". A number grouped as thousands ("1.234.567") or
 *    followed by a decimal, "€", "euro" or "%" is an amount, not a phone number.
 * Numbers the theme declares (contact centre, from landlines and mobiles) are always read this way,
 * whatever their shape (see speakable.ts).
 * Rules 1 and 2 run after the amount and date rules and before every other number rule.
 */

/**
 * Joins the words of something read character by character (phone digits, an IBAN, "4 7 5 4"): an
 * invisible separator, not a space, so the rules for running text that come later (elision, plural
 * articles) cannot take a spelled "i" and "otto" for "i otto mesi". speakable() makes it a space.
 */
export const SPELLED_JOIN = '\u2063';

export interface PhoneWords {
  digits: readonly string[];
  /** How "+" before a country code is said. */
  plus: string;
  /** How the country code after "+" is said: Italian says "+39" as a number, English digit by digit. */
  countryCode: (code: string) => string;
}

const digitCount = (s: string): number => s.replace(/\D/g, '').length;

/** Groups written as one run ("803164") are said in threes, a last group of four rather than one or two. */
function regroup(group: string): string[] {
  if (group.length <= 4) return [group];
  const threes = Math.floor(group.length / 3);
  const rest = group.length % 3;
  const sizes = Array<number>(threes).fill(3);
  if (rest === 1) sizes[sizes.length - 1] = 4;
  if (rest === 2) sizes.splice(-2, 2, 4, 4);
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(group.slice(at, at + n));
    at += n;
  }
  return out;
}

/** "+39 06 164 164" → "più trentanove, zero sei, uno sei quattro, uno sei quattro". */
export function dialDigits(number: string, words: PhoneWords): string {
  const m = /^\s*\+\s?(\d{1,3})[\s./-]*(.*)$/.exec(number);
  const head = m ? [`${words.plus} ${words.countryCode(m[1]!)}`] : [];
  const national = (m ? m[2]! : number).trim();
  const groups = national
    .split(/[\s./-]+/)
    .filter(Boolean)
    .flatMap(regroup);
  return [...head, ...groups.map((g) => [...g].map((d) => words.digits[Number(d)] ?? d).join(SPELLED_JOIN))].join(', ');
}

/** Whether digit groups (the national part, without "+39") have the shape of an Italian phone number. */
export function isItalianPhoneShape(groups: string[]): boolean {
  const [first, ...rest] = groups;
  if (!first || rest.length === 0) return false;
  const n = groups.join('').length;
  if (/^(?:8\d\d|199|178)$/.test(first)) return n >= 6 && n <= 10 && rest.every((g) => g.length >= 3);
  if (/^0\d{1,3}$/.test(first)) return n >= 6 && n <= 11 && rest.every((g) => g.length >= 2);
  if (/^3\d\d$/.test(first)) return (n === 9 || n === 10) && rest.every((g) => g.length >= 3);
  return false;
}

// Digit groups separated by single spaces (or hyphens, the same throughout), not inside a longer number,
// an amount or a decimal. Ascending hyphenated pairs are ranges and ISO dates are dates: both rules run first.
const SHAPE = /(?<![\p{L}\p{N}.,+-])(?:\+(\d{1,3}) )?(\d{2,4}(?:([ -])\d{2,7})(?:\3\d{2,7}){0,2})(?![\p{L}\p{N}]|[.,-]\p{N})/gu;

function shapeRule(words: PhoneWords): Rule {
  return [
    SHAPE,
    (country, national) => {
      const groups = national!.split(/[ -]/);
      const ok = country === undefined || country === '39' ? isItalianPhoneShape(groups) : digitCount(national!) >= 6 && digitCount(national!) <= 12;
      if (!ok) throw new Error('not a phone number'); // speakable keeps the match as written
      return dialDigits(country === undefined ? national! : `+${country} ${national}`, words);
    },
  ];
}

function cueRule(cues: string, words: PhoneWords): Rule {
  const re = new RegExp(
    String.raw`(?<![\p{L}])(${cues})(\s*:?\s+)(\+?\d+(?:[ ./-]\d+)*)(?![\p{L}\p{N}]|[.,]\p{N}|\s?(?:€|%|euro\b|euros?\b|EUR\b|per cento\b|per cent\b))`,
    'giu',
  );
  return [
    re,
    (cue, gap, run) => {
      const n = digitCount(run!);
      if (n < 6 || n > 13 || /^[1-9]\d{0,2}(?:\.\d{3})+$/.test(run!)) throw new Error('not a phone number');
      return `${cue}${gap}${dialDigits(run!, words)}`;
    },
  ];
}

const CUES_IT = [
  'numero verde',
  'numeri verdi',
  'numero',
  'numeri',
  'n\\.',
  'al',
  'allo',
  'il',
  'chiama(?:re|ndo|ci)?',
  'telefona(?:re|ndo)?',
  'telefono',
  'tel\\.?',
  'cellulare',
  'cell\\.?',
  'fax',
  'whatsapp',
  'sms',
];
const CUES_EN = [
  'numbers?',
  'no\\.',
  'call(?:ing)?',
  'on',
  'phone',
  'telephone',
  'tel\\.?',
  'mobile',
  'freephone',
  'toll-free',
  'dial',
  'text',
  'fax',
  'whatsapp',
];

export const phoneRules = (locale: 'it' | 'en', words: PhoneWords): Rule[] => [
  shapeRule(words),
  cueRule((locale === 'it' ? CUES_IT : CUES_EN).join('|'), words),
];

/** The strings of a theme that are phone numbers: digits with spaces, dots or dashes, at least three. */
export const themePhoneNumbers = (theme: object): string[] =>
  Object.values(theme).filter((v): v is string => typeof v === 'string' && /^\+?\d[\d ./-]*\d$/.test(v.trim()) && digitCount(v) >= 3);

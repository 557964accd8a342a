import { DIGIT_IT, cardinalIt, decimalIt, ordinalIt } from './numbers-it';

/** A rewrite applied in order: earlier rules see the written forms before later ones can split them. */
export type Rule = [RegExp, (...groups: string[]) => string];

export const MONTHS_IT = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const LETTERS_IT: Record<string, string> = {
  A: 'a', B: 'bi', C: 'ci', D: 'di', E: 'e', F: 'effe', G: 'gi', H: 'acca', I: 'i', J: 'i lunga', K: 'cappa', L: 'elle', M: 'emme',
  N: 'enne', O: 'o', P: 'pi', Q: 'cu', R: 'erre', S: 'esse', T: 'ti', U: 'u', V: 'vu', W: 'doppia vu', X: 'ics', Y: 'ipsilon', Z: 'zeta',
};

export const spellIt = (chars: string): string =>
  [...chars.replace(/\s/g, '')].map((c) => (/\d/.test(c) ? DIGIT_IT[Number(c)] : LETTERS_IT[c.toUpperCase()] ?? c)).join(' ');

const intIt = (written: string): number => Number(written.replace(/\./g, ''));

/** 1234,56 € → "milleduecentotrentaquattro euro e cinquantasei"; 0,50 € → "cinquanta centesimi". */
export function euroIt(written: string, centsWritten?: string): string {
  const euros = intIt(written);
  const cents = centsWritten ? Number(centsWritten.padEnd(2, '0')) : 0;
  if (euros === 0 && cents > 0) return cents === 1 ? 'un centesimo' : `${cardinalIt(cents)} centesimi`;
  const head = euros === 1 ? 'un euro' : euros % 1_000_000 === 0 ? `${cardinalIt(euros)} di euro` : `${cardinalIt(euros)} euro`;
  return cents ? `${head} e ${cardinalIt(cents)}` : head;
}

export function dateIt(day: number, month: number, year?: number): string {
  const name = MONTHS_IT[month - 1];
  if (!name || day < 1 || day > 31) throw new Error(`expected a calendar date, got day ${day} month ${month}`);
  // The first of the month is an ordinal in Italian: "primo aprile", every other day a cardinal.
  return `${day === 1 ? 'primo' : cardinalIt(day)} ${name}${year !== undefined ? ` ${cardinalIt(year)}` : ''}`;
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+|\d+`;
const MONTH_RE = MONTHS_IT.join('|');

export const RULES_IT: Rule[] = [
  // A whole IBAN, grouped in fours or not: every character spelled, a pause between groups.
  [/\b([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?)\b/g, (iban) => iban.replace(/\s/g, '').match(/.{1,4}/g)!.map(spellIt).join(', ')],
  [new RegExp(String.raw`\b(${NUM})(?:,(\d{1,2}))?\s?(?:€|euro\b)`, 'g'), (e, c) => euroIt(e, c)],
  [new RegExp(String.raw`€\s?(${NUM})(?:,(\d{1,2}))?`, 'g'), (e, c) => euroIt(e, c)],
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (y, m, d) => dateIt(Number(d), Number(m), Number(y))],
  [/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g, (d, m, y) => dateIt(Number(d), Number(m), Number(y))],
  [new RegExp(String.raw`\b(\d{1,2})[°º]? (${MONTH_RE})(?: (\d{4}))?\b`, 'gi'), (d, m, y) => dateIt(Number(d), MONTHS_IT.indexOf(m!.toLowerCase()) + 1, y ? Number(y) : undefined)],
  [/\b(\d+)(?:,(\d+))?\s?%/g, (w, f) => `${f ? decimalIt(Number(w), f) : cardinalIt(Number(w))} per cento`],
  [/\b(\d+)[°º]/g, (n) => ordinalIt(Number(n))],
  [/\b(\d+)ª/g, (n) => ordinalIt(Number(n), true)],
  // Characters written one by one ("1 2 3 4", the end of an IBAN) are read one by one.
  [/\b([0-9A-Z](?: [0-9A-Z])+)\b/g, (seq) => (/\d/.test(seq) ? spellIt(seq) : seq)],
  [new RegExp(String.raw`\b(${NUM})(?:,(\d+))?\b`, 'g'), (w, f) => (f ? decimalIt(intIt(w), f) : cardinalIt(intIt(w)))],
  // Articles and prepositions elide before a number that starts with a vowel: "dal 8 marzo" is said "dall'otto marzo".
  [/\b([IiAa]|[DdNnSs][aeu])l (?=(?:otto|undici|ottant|ottocent))/g, (p) => (p === 'i' ? "l'" : p === 'I' ? "L'" : `${p}ll'`)],
];

import { DIGIT_IT, cardinalIt, decimalIt, oneBeforeIt, ordinalIt } from './numbers-it';
import { SPELLED_JOIN, phoneRules, type PhoneWords } from './phone-numbers';

/** A rewrite applied in order: earlier rules see the written forms before later ones can split them. */
export type Rule = [RegExp, (...groups: string[]) => string];

/** A whole IBAN, grouped in fours or not: every character spelled with the locale's `spell`, a pause between groups of four. */
export const ibanRule = (spell: (chars: string) => string): Rule => [
  /\b([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?)\b/g,
  (iban) =>
    iban
      .replace(/\s/g, '')
      .match(/.{1,4}/g)!
      .map(spell)
      .join(', '),
];

export const MONTHS_IT = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const LETTERS_IT: Record<string, string> = {
  A: 'a',
  B: 'bi',
  C: 'ci',
  D: 'di',
  E: 'e',
  F: 'effe',
  G: 'gi',
  H: 'acca',
  I: 'i',
  J: 'i lunga',
  K: 'cappa',
  L: 'elle',
  M: 'emme',
  N: 'enne',
  O: 'o',
  P: 'pi',
  Q: 'cu',
  R: 'erre',
  S: 'esse',
  T: 'ti',
  U: 'u',
  V: 'vu',
  W: 'doppia vu',
  X: 'ics',
  Y: 'ipsilon',
  Z: 'zeta',
};

export const spellIt = (chars: string): string =>
  [...chars.replace(/\s/g, '')].map((c) => (/\d/.test(c) ? DIGIT_IT[Number(c)] : (LETTERS_IT[c.toUpperCase()] ?? c))).join(SPELLED_JOIN);

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
const intOf = (written: string): number => Number(written.replace(/\./g, ''));

/**
 * Abbreviations of the institute's letters, said in full. Those that also end other words are
 * expanded only before a number ("art. 3", "c. 2", "L. 104", "n. 5"); "ecc." keeps the full stop when
 * it ends the sentence.
 */
export const ABBREVIATIONS_IT: Rule[] = [
  [/\b[Dd]\.\s?[Ll]gs\.?(?=\s)/g, () => 'decreto legislativo'],
  [/\b[Dd]\.\s?[Ll]\.(?=\s)/g, () => 'decreto legge'],
  [/\b[Dd]\.\s?[Pp]\.\s?[Rr]\.(?=\s)/g, () => 'decreto del presidente della repubblica'],
  [/\b[Dd]\.\s?[Mm]\.(?=\s)/g, () => 'decreto ministeriale'],
  [/\b([Aa])rtt\.\s?(?=\d)/g, (a) => `${a}rticoli `],
  [/\b([Aa])rt\.\s?(?=\d)/g, (a) => `${a}rticolo `],
  [/\bc\.\s?(?=\d)/g, () => 'comma '],
  [/\bL\.\s?(?=\d)/g, () => 'legge '],
  [/\b([Nn])(?:\.\s?|[°º]\s?)(?=\d)/g, (n) => `${n}umero `],
  [/\becc\.(\s*$|\s+(?=\p{Lu}))?/gu, (end) => (end === undefined ? 'eccetera' : `eccetera.${end}`)],
  [/\b([Aa]d|[Pp]er) es\./g, (p) => `${p} esempio`],
  [/\b([Pp])\.\s?es\./g, (p) => `${p}er esempio`],
  [/\b([Tt])el\.(?=\s)/g, (t) => `${t}elefono`],
  [/\b([Cc])ell\.(?=\s)/g, (c) => `${c}ellulare`],
  [/\b([Ss])ig\.ra(?!\p{L})/gu, (s) => `${s}ignora`],
  [/\b([Ss])ig\.(?=\s)/g, (s) => `${s}ignor`],
  [/\b([Dd])ott\.ssa(?!\p{L})/gu, (d) => `${d}ottoressa`],
  [/\b([Dd])ott\.(?=\s)/g, (d) => `${d}ottor`],
  [/\b([Pp])ag\.\s?(?=\d)/g, (p) => `${p}agina `],
  [/\b([Cc])a\.\s?(?=\d)/g, (c) => `${c}irca `],
  [/\b([Mm])ax\.?\s(?=\d)/g, (m) => `${m}assimo `],
  [/(?<=\d)\s?gg\.?(?!\p{L})/gu, () => ' giorni'],
  // "legge 104/1992" is said "legge centoquattro del millenovecentonovantadue"; "/92" the same way.
  [/\b((?:legge|numero|articolo|decreto(?: legislativo| legge| ministeriale)?|repubblica)\s+)(\d+)\/(\d{4}|\d{2})\b/gi, (pre, n, y) => `${pre}${n} del ${y}`],
  // "500 €/mese" → "cinquecento euro al mese".
  [/(?<=[\d€]|\beuro)\s?\/\s?(mese|anno|settimana|giorno)\b/g, (u) => ` ${u === 'anno' ? "all'anno" : u === 'settimana' ? 'alla settimana' : `al ${u}`}`],
];

const RANGE_NUM = String.raw`\d{1,3}(?:\.\d{3})+|0|[1-9]\d*`;
const RANGE_TO: Record<string, string> = { da: 'a', dal: 'al', dai: 'ai', dalle: 'alle', dagli: 'agli' };
const isYear = (w: string): boolean => /^(?:19|20)\d\d$/.test(w);

/**
 * "18–59 anni" → "da 18 a 59 anni", "tra 18–59" → "tra 18 e 59", "2024–2025" → "dal 2024 al 2025",
 * "il 18–20 marzo" → "dal 18 al 20 marzo", "0–33%" → "da 0 a 33%". A range ascends and its numbers have
 * no leading zero, so "803-164", "06-164164" and ISO dates are not ranges; a hyphen joins at most
 * four digits.
 */
const rangeIt = (prep: string | undefined, a: string, b: string, month: string | undefined): string => {
  if (intOf(a) >= intOf(b)) throw new Error('not a range');
  const p = prep?.toLowerCase();
  const upper = prep !== undefined && prep[0] !== p![0];
  const lead = (w: string): string => (upper ? w[0]!.toUpperCase() + w.slice(1) : w);
  if (month) {
    const first = a === '1' ? 'primo' : a;
    return p === 'tra' || p === 'fra' ? `${prep} il ${first} e il ${b}${month}` : `${lead('dal')} ${first} al ${b}${month}`;
  }
  if (p === 'tra' || p === 'fra') return `${prep} ${a} e ${b}`;
  if (p === 'il') return `${lead('dal')} ${a} al ${b}`;
  if (p && RANGE_TO[p]) return `${prep} ${a} ${RANGE_TO[p]} ${b}`;
  const head = prep ? `${prep} ` : '';
  return isYear(a) && isYear(b) ? `${head}dal ${a} al ${b}` : `${head}da ${a} a ${b}`;
};

// Words after which "1" is a label, not a count: "articolo 1 comma 2", "il mese 1 riceverai".
const LABELS_IT = [
  'articol[oi]',
  'comma',
  'lettera',
  'legge',
  'numero',
  'mese',
  'giorno',
  'anno',
  'pagina',
  'punto',
  'capitolo',
  'allegato',
  'fase',
  'livello',
  'tipo',
  'gruppo',
  'classe',
  'versione',
  'modello',
  'rata',
  'passo',
  'scena',
  'opzione',
  'sezione',
  'quadro',
  'rig[ao]',
  'tabella',
  'fascia',
  'categoria',
  'zona',
  'area',
  'posizione',
  'elenco',
  'step',
  'quota',
  'tappa',
].join('|');
// Words after which "1" is a number said on its own: "1 e 2", "1 su 3", "1 dei figli", "1 per cento".
const NOT_A_NOUN_IT = new Set(
  (
    'e ed o od oppure a ad al allo alla ai agli alle all di del dello della dei degli delle dell da dal dallo dalla dai dagli dalle dall in nel ' +
    'nello nella nei negli nelle nell con col su sul sullo sulla sui sugli sulle sull per tra fra che è non come ogni fino oltre più meno virgola x ' +
    'il lo la i gli le un uno una contro circa'
  ).split(' '),
);

// Number words that start with a vowel: an article or preposition before them elides or changes.
const VOWEL_NUMBER = '(?:otto|undici|ottant|ottocent|ottav|undicesim|uno\\b)';
const PLURAL_BEFORE_VOWEL: Record<string, string> = { i: 'gli', ai: 'agli', dai: 'dagli', dei: 'degli', nei: 'negli', sui: 'sugli' };

const hourIt = (h: string, m: string): string => {
  const hour = Number(h);
  const min = Number(m);
  if (hour > 24 || min > 59) throw new Error('not a time');
  return `${hour === 1 ? 'una' : cardinalIt(hour)}${min ? ` e ${cardinalIt(min)}` : ''}`;
};

/** "+39 06 164 164" → "più trentanove, zero sei, uno sei quattro, uno sei quattro". */
export const PHONE_WORDS_IT: PhoneWords = { digits: DIGIT_IT, plus: 'più', countryCode: (c) => cardinalIt(Number(c)) };

export const RULES_IT: Rule[] = [
  ibanRule(spellIt),
  ...ABBREVIATIONS_IT,
  [
    new RegExp(
      String.raw`(?:\b(tra|fra|dai|dal|da|dalle|dagli|il)\s+)?(?<![\p{N}.,:/–—-])(${RANGE_NUM})(?:[–—]|-(?=\d{1,4}(?!\d)))(${RANGE_NUM})(?![\p{N}]|[.,]\p{N}|[–—-]\p{N})( (?:${MONTH_RE})\b)?`,
      'giu',
    ),
    (prep, a, b, month) => rangeIt(prep, a!, b!, month),
  ],
  [new RegExp(String.raw`\b(${NUM})(?:,(\d{1,2}))?\s?(?:€|euro\b|EUR\b)`, 'g'), (e, c) => euroIt(e, c)],
  [new RegExp(String.raw`€\s?(${NUM})(?:,(\d{1,2}))?`, 'g'), (e, c) => euroIt(e, c)],
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (y, m, d) => dateIt(Number(d), Number(m), Number(y))],
  [/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g, (d, m, y) => dateIt(Number(d), Number(m), Number(y))],
  [
    new RegExp(String.raw`\b(\d{1,2})[°º]? (${MONTH_RE})(?: (\d{4}))?\b`, 'gi'),
    (d, m, y) => dateIt(Number(d), MONTHS_IT.indexOf(m!.toLowerCase()) + 1, y ? Number(y) : undefined),
  ],
  // "dall'1 marzo" is said "dal primo marzo": the first of the month is an ordinal and does not elide.
  [/\b([Dd]a|[Dd]e|[Aa]|[Nn]e|[Ss]u)ll'(?=primo\b)/g, (p) => `${p}l `],
  [/\b([Ll])'(?=primo\b)/g, (l) => (l === 'L' ? 'Il ' : 'il ')],
  ...phoneRules('it', PHONE_WORDS_IT),
  // Times: "8:30" anywhere, "8.30" after "ore", "alle", "dalle", "le"; "alle 13:00" → "alle tredici".
  [/(?<![\p{N}.,:])([01]?\d|2[0-4]):([0-5]\d)(?![\p{N}]|[.,:]\p{N})/gu, (h, m) => hourIt(h!, m!)],
  [/\b((?:[Oo]re|[Aa]lle|[Dd]alle|[Ll]e)\s+)([01]?\d|2[0-4])\.([0-5]\d)(?![\p{N}]|[.,]\p{N})/gu, (pre, h, m) => `${pre}${hourIt(h!, m!)}`],
  [/\b([AaDd])lle una\b/g, (p) => `${p}ll'una`],
  [/\b(\d+)(?:,(\d+))?\s?%/g, (w, f) => `${f ? decimalIt(Number(w), f) : cardinalIt(Number(w))} per cento`],
  [/\b(\d+)[°º]/g, (n) => ordinalIt(Number(n))],
  [/\b(\d+)ª/g, (n) => ordinalIt(Number(n), true)],
  // "13esima", "14esimo", "13esimi": a number written with the ordinal's ending.
  [/\b(\d+)-?esim([oaie])\b/g, (n, e) => ordinalIt(Number(n)).replace(/o$/, e!)],
  // Characters written one by one ("1 2 3 4", the end of an IBAN) are read one by one.
  [/\b([0-9A-Z](?: [0-9A-Z])+)\b/g, (seq) => (/\d/.test(seq) ? spellIt(seq) : seq)],
  // "1 mese" is "un mese", "1 rata" "una rata", "1 ora" "un'ora" (numbers-it.ts oneBeforeIt); a 1 that
  // labels ("mese 1", "articolo 1") or stands alone ("1 e 2", "1 su 3") stays "uno".
  [
    new RegExp(String.raw`(?<![\p{L}\p{N}.,'’/+-]|(?:${LABELS_IT})\s+)1 (?=([\p{L}][\p{L}'’-]*))`, 'giu'),
    (next) => {
      if (NOT_A_NOUN_IT.has(next!.toLowerCase())) throw new Error('not before a noun');
      const one = oneBeforeIt(next!);
      return one.endsWith("'") ? one : `${one} `;
    },
  ],
  [new RegExp(String.raw`\b(${NUM})(?:,(\d+))?\b`, 'g'), (w, f) => (f ? decimalIt(intOf(w!), f) : cardinalIt(intOf(w!)))],
  // Articles and prepositions elide before a number that starts with a vowel: "dal 8 marzo" is said
  // "dall'otto marzo", "del 1%" "dell'uno per cento"; the plural ones change: "i 8 mesi" → "gli otto mesi".
  [new RegExp(String.raw`\b([IiAa]|[DdNnSs][aeu])l (?=${VOWEL_NUMBER})`, 'g'), (p) => (p === 'i' ? "l'" : p === 'I' ? "L'" : `${p}ll'`)],
  // Before "zero" (z-): "il 0%" → "lo zero per cento", "del 06…" → "dello zero sei…".
  [/\b([Ii]|[AaDdNnSs][aeu])l (?=zero\b)/g, (p) => (p === 'i' ? 'lo ' : p === 'I' ? 'Lo ' : `${p}llo `)],
  [
    new RegExp(String.raw`\b([Ii]|[AaDd]ai|[DdNn]ei|[Ss]ui) (?=${VOWEL_NUMBER})`, 'g'),
    (p) => {
      const plural = PLURAL_BEFORE_VOWEL[p!.toLowerCase()]!;
      return `${p![0] === p![0]!.toUpperCase() ? plural[0]!.toUpperCase() + plural.slice(1) : plural} `;
    },
  ],
];

/**
 * Italian articles, articulated prepositions and elision, by construction: copy never writes
 * "del 80%" or "da parte di l'Istituto", it asks for `prepArt('di', '80%')` → "dell'80%" and
 * `withPrep('di', "l'Istituto")` → "dell'Istituto". Numbers written as digits are judged by how
 * they are said ("80" is "ottanta", so "l'80%"; "0" is "zero", so "lo 0%").
 */
export type ItGender = 'm' | 'f';
export type ItNumber = 'sg' | 'pl';
export type SimplePrep = 'di' | 'a' | 'da' | 'in' | 'su';
type Article = 'il' | 'lo' | "l'" | 'la' | 'i' | 'gli' | 'le';

const MERGED: Record<SimplePrep, Record<Article, string>> = {
  di: { il: 'del', lo: 'dello', "l'": "dell'", la: 'della', i: 'dei', gli: 'degli', le: 'delle' },
  a: { il: 'al', lo: 'allo', "l'": "all'", la: 'alla', i: 'ai', gli: 'agli', le: 'alle' },
  da: { il: 'dal', lo: 'dallo', "l'": "dall'", la: 'dalla', i: 'dai', gli: 'dagli', le: 'dalle' },
  in: { il: 'nel', lo: 'nello', "l'": "nell'", la: 'nella', i: 'nei', gli: 'negli', le: 'nelle' },
  su: { il: 'sul', lo: 'sullo', "l'": "sull'", la: 'sulla', i: 'sui', gli: 'sugli', le: 'sulle' },
};

/** How a number written with digits starts when said: only its first word matters. */
function spokenStartOfNumber(digits: string, ordinalMark: boolean): 'vowel' | 'z' | 'consonant' {
  if (ordinalMark) return digits === '8' || digits === '11' ? 'vowel' : 'consonant'; // "ottavo", "undicesimo"; "1º" is "primo"
  const n = digits.replace(/^0+(?=\d)/, '');
  if (/^0+$/.test(digits)) return 'z'; // zero
  // Group by thousands: the leading group is said first ("80.000" → "ottantamila").
  const lead = n.length % 3 === 0 ? n.slice(0, 3) : n.slice(0, n.length % 3);
  const rest = n.length - lead.length;
  if (lead === '1' && rest >= 3) return rest >= 6 ? 'vowel' : 'consonant'; // "un milione", "mille"
  if (lead === '1' || lead === '8' || lead === '11') return 'vowel'; // "uno", "otto", "undici"
  if (/^8\d$/.test(lead) || /^8\d\d$/.test(lead)) return 'vowel'; // "ottanta…", "ottocento…"
  return 'consonant';
}

/** The sound a word or figure starts with, as far as the choice of article goes. */
export function startSound(word: string): 'vowel' | 'z' | 'consonant' {
  const w = word.trim();
  const num = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?([º°ª])?/.exec(w);
  if (num) return spokenStartOfNumber(num[1]!.replace(/\./g, ''), Boolean(num[2]));
  const lower = w.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  // "ie", "iu" (iodio, iuta) and y take "lo"; other vowels and a mute h elide.
  if (/^i[aeiou]/.test(lower) || /^y/.test(lower)) return 'z';
  if (/^h?[aeiou]/.test(lower)) return 'vowel';
  if (/^(s[^aeiou]|z|gn|ps|pn|x)/.test(lower)) return 'z';
  return 'consonant';
}

export function articleFor(word: string, g: ItGender = 'm', n: ItNumber = 'sg'): Article {
  const sound = startSound(word);
  if (g === 'f') return n === 'pl' ? 'le' : sound === 'vowel' ? "l'" : 'la';
  if (n === 'pl') return sound === 'consonant' ? 'i' : 'gli';
  return sound === 'vowel' ? "l'" : sound === 'z' ? 'lo' : 'il';
}

const join = (article: string, word: string): string => (article.endsWith("'") ? `${article}${word}` : `${article} ${word}`);

/** "l'80%", "il 2025", "lo 0%", "gli arretrati", "l'ottavo mese". */
export const the = (word: string, g: ItGender = 'm', n: ItNumber = 'sg'): string => join(articleFor(word, g, n), word);

/** The preposition merged with the word's article: "dell'80%", "dal 2025", "dagli arretrati". */
export const prepArt = (prep: SimplePrep, word: string, g: ItGender = 'm', n: ItNumber = 'sg'): string => join(MERGED[prep][articleFor(word, g, n)], word);

const LEADING_ARTICLE = /^(il|lo|la|i|gli|le) (?=\S)|^(l['’])(?=\S)/i;

/**
 * A preposition before a phrase that may already carry its article (a theme's "l'Istituto"):
 * "di" + "l'Istituto" → "dell'Istituto", "da" + "la Regione" → "dalla Regione", "di" + "INPS" → "di INPS".
 */
export function withPrep(prep: SimplePrep, phrase: string): string {
  const m = LEADING_ARTICLE.exec(phrase);
  if (!m) return `${prep} ${phrase}`;
  const written = (m[1] ?? m[2]!).toLowerCase().replace('’', "'") as Article;
  const merged = MERGED[prep][written];
  const rest = phrase.slice(m[0].length);
  return join(phrase[0] === phrase[0]!.toUpperCase() && phrase[0] !== phrase[0]!.toLowerCase() ? cap(merged) : merged, rest);
}

export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What a copy editor would flag in Italian text: a simple preposition before an article
 * ("di l'Istituto"), an article or articulated preposition that does not elide or change
 * before a vowel sound, z or a number said with a vowel ("del 80%", "Dal ottavo", "il 11",
 * "del 0%"). Used by the tests over thousands of generated guides.
 */
export function italianProblems(text: string): string[] {
  const out: string[] = [];
  const add = (re: RegExp, why: string) => {
    for (const m of text.matchAll(re)) out.push(`${why}: "${m[0]}"`);
  };
  add(/(?<![\p{L}'’])(di|a|da|in|su|Di|A|Da|In|Su) (?:(?:il|lo|la|i|gli|le)(?= )|l['’](?=[\p{L}\d]))/gu, 'preposition not merged with its article');
  // Masculine singular forms that must become l' or lo. The bare "lo" and "la" are left out: as
  // pronouns they may stand before a verb ("se non lo invii").
  for (const m of text.matchAll(/(?<![\p{L}'’])(il|del|al|dal|nel|sul|Il|Del|Al|Dal|Nel|Sul) ([\p{L}\d][\p{L}\d.,º°ª%]*)/gu)) {
    const sound = startSound(m[2]!);
    if (sound !== 'consonant' && !isException(m[2]!)) out.push(`article not elided or changed: "${m[0]}"`);
  }
  for (const m of text.matchAll(/(?<![\p{L}'’])(della|alla|dalla|nella|sulla|Della|Alla|Dalla|Nella|Sulla) ([\p{L}\d][\p{L}\d.,%]*)/gu)) {
    if (startSound(m[2]!) === 'vowel' && !isException(m[2]!)) out.push(`article not elided: "${m[0]}"`);
  }
  for (const m of text.matchAll(/(?<![\p{L}'’])(dello|allo|dallo|nello|sullo|Dello|Allo|Dallo|Nello|Sullo) ([\p{L}\d][\p{L}\d.,%]*)/gu)) {
    if (startSound(m[2]!) === 'vowel') out.push(`article not elided: "${m[0]}"`);
  }
  // Masculine plural: "gli", "degli"… before a vowel sound, z, s + consonant ("i 8 mesi" → "gli 8 mesi").
  for (const m of text.matchAll(/(?<![\p{L}'’])(i|dei|ai|dai|nei|sui|I|Dei|Ai|Dai|Nei|Sui) ([\p{L}\d][\p{L}\d.,%]*)/gu)) {
    if (startSound(m[2]!) !== 'consonant' && !isException(m[2]!)) out.push(`plural article not changed to gli: "${m[0]}"`);
  }
  return out;
}

// English loans whose written vowel is said as a consonant ("il web", "il weekend").
const CONSONANT_SOUND = new Set(['web', 'weekend', 'whatsapp', 'uno']);
const isException = (word: string): boolean => CONSONANT_SOUND.has(word.toLowerCase());

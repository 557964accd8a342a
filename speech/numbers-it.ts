/** Italian number words, written as one word the way Italian writes them ("milleduecentotrentaquattro"). */

const UNITS = [
  'zero',
  'uno',
  'due',
  'tre',
  'quattro',
  'cinque',
  'sei',
  'sette',
  'otto',
  'nove',
  'dieci',
  'undici',
  'dodici',
  'tredici',
  'quattordici',
  'quindici',
  'sedici',
  'diciassette',
  'diciotto',
  'diciannove',
];
const TENS = ['', '', 'venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'];

function below100(n: number): string {
  if (n < 20) return UNITS[n]!;
  const tens = TENS[Math.floor(n / 10)]!;
  const u = n % 10;
  if (u === 0) return tens;
  // The tens lose their last vowel before a vowel: ventuno, ventotto, trentuno.
  return (u === 1 || u === 8 ? tens.slice(0, -1) : tens) + UNITS[u]!;
}

function below1000(n: number): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  const head = h === 0 ? '' : h === 1 ? 'cento' : `${UNITS[h]}cento`;
  if (r === 0) return head || 'zero';
  const tail = below100(r);
  // "centottanta" (but "centootto", the common written form).
  return (head && tail.startsWith('ottant') ? head.slice(0, -1) : head) + tail;
}

// "ventuno" becomes "ventun" before mila/milioni: ventunmila, trentun milioni.
const multiplier = (n: number): string => below1000(n).replace(/uno$/, 'un');

function cardinalRaw(n: number): string {
  if (n < 1000) return below1000(n);
  if (n < 1_000_000) {
    const k = Math.floor(n / 1000);
    const r = n % 1000;
    return (k === 1 ? 'mille' : `${multiplier(k)}mila`) + (r ? below1000(r) : '');
  }
  const big = n < 1_000_000_000 ? { unit: 1_000_000, one: 'un milione', many: 'milioni' } : { unit: 1_000_000_000, one: 'un miliardo', many: 'miliardi' };
  const q = Math.floor(n / big.unit);
  const r = n % big.unit;
  // Millions are spoken as separate words, which the synthesisers phrase better than one long word.
  return (q === 1 ? big.one : `${multiplier(q)} ${big.many}`) + (r ? ` ${cardinalRaw(r)}` : '');
}

/** 1234 → "milleduecentotrentaquattro"; 23 → "ventitré"; 21 → "ventuno". */
export function cardinalIt(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new Error(`expected a whole number from 0 to 999 billion, got ${n}`);
  const w = cardinalRaw(n);
  // A compound ending in "tre" takes the accent: ventitré, centotré, milletré.
  return /[a-z]tre$/.test(w) ? `${w.slice(0, -1)}é` : w;
}

const ORDINAL_SMALL = ['', 'primo', 'secondo', 'terzo', 'quarto', 'quinto', 'sesto', 'settimo', 'ottavo', 'nono', 'decimo'];

/** 1 → "primo", 21 → "ventunesimo", 23 → "ventitreesimo"; feminine: "prima". */
export function ordinalIt(n: number, feminine = false): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected an ordinal from 1, got ${n}`);
  const w =
    n <= 10
      ? ORDINAL_SMALL[n]!
      : (() => {
          const c = cardinalIt(n).replace(/é$/, 'e');
          // -tre and -sei keep their vowel (ventitreesimo, ventiseiesimo); the others drop it.
          return (/(tre|sei)$/.test(c) ? c : c.replace(/[aeiou]$/, '')) + 'esimo';
        })();
  return feminine ? w.replace(/o$/, 'a') : w;
}

/** Digits after the comma, as Italians read decimals: 4,33 → "quattro virgola trentatré"; 0,05 → "zero virgola zero cinque". */
export function decimalIt(whole: number, fraction: string): string {
  const leadingZeros = /^0+/.exec(fraction)?.[0].length ?? 0;
  const rest = fraction.slice(leadingZeros);
  const parts = [...Array(leadingZeros).fill('zero'), ...(rest ? [cardinalIt(Number(rest))] : [])];
  return `${cardinalIt(whole)} virgola ${parts.join(' ')}`;
}

export const DIGIT_IT = UNITS.slice(0, 10);

// Feminine nouns that do not end in -a, and masculine ones that do. The domain's words first; the
// endings below cover the rest (-zione, -sione, -tà, -tù, -i of "crisi", -ie of "serie").
const FEMININE_IT = new Set([
  'parte',
  'sede',
  'fase',
  'base',
  'classe',
  'legge',
  'rete',
  'notte',
  'fonte',
  'frase',
  'chiave',
  'madre',
  'moglie',
  'voce',
  'mente',
  'gente',
  'patente',
  'card',
  'email',
  'e-mail',
  'mail',
  'app',
  'password',
]);
const MASCULINE_IN_A_IT = new Set([
  'problema',
  'sistema',
  'programma',
  'tema',
  'schema',
  'clima',
  'diploma',
  'dramma',
  'poema',
  'teorema',
  'pianeta',
  'cinema',
  'panorama',
  'telegramma',
  'enigma',
  'dilemma',
  'stemma',
  'papà',
  'pigiama',
]);

/**
 * Grammatical gender of an Italian noun or adjective written after a number, without a dictionary:
 * the words above, then the endings. Feminine: -a (not the masculine -ma/-ta words listed), -à of
 * -tà/-tù ("mensilità"), -zione/-sione/-gione, -ie ("serie"), -si ("diagnosi"), -trice. Everything
 * else is masculine, the safe default for the domain's counted words (mese, anno, giorno, figlio,
 * pagamento, componente).
 */
export function isFeminineIt(word: string): boolean {
  const w = word.toLowerCase();
  if (FEMININE_IT.has(w)) return true;
  if (MASCULINE_IN_A_IT.has(w)) return false;
  return /(?:a|tà|tù|[zsg]ione|ie|si|trice)$/.test(w);
}

/**
 * "1" said before a word, agreeing with it the way the indefinite article does: "un mese", "un anno",
 * "uno studente", "uno zio" (before s + consonant, z, gn, ps, pn, x, y), "una rata", "un'ora",
 * "un'altra" (feminine before a vowel). Only the bare 1 agrees: 21, 31… stay "ventuno mesi", the form
 * the institute's letters use.
 */
export function oneBeforeIt(word: string): string {
  const w = word.toLowerCase();
  const vowel = /^[aeiouàèéìòóùh]/.test(w) && !/^i[aeiou]/.test(w);
  if (isFeminineIt(w)) return vowel ? "un'" : 'una';
  return /^(?:s[^aeiouàèéìòóù]|z|gn|ps|pn|x|y|i[aeiou])/.test(w) ? 'uno' : 'un';
}

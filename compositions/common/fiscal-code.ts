/**
 * Italian fiscal code (codice fiscale), DM 23/12/1976 n. 13813.
 * Validation of the structure (with omocodia substitutions) and of the check character,
 * plus encoding used by the synthetic data generator.
 */

// Odd positions (1st, 3rd, ... 15th) share one table for digits and letters.
const ODD: Record<string, number> = {
  '0': 1,
  '1': 0,
  '2': 5,
  '3': 7,
  '4': 9,
  '5': 13,
  '6': 15,
  '7': 17,
  '8': 19,
  '9': 21,
  A: 1,
  B: 0,
  C: 5,
  D: 7,
  E: 9,
  F: 13,
  G: 15,
  H: 17,
  I: 19,
  J: 21,
  K: 2,
  L: 4,
  M: 18,
  N: 20,
  O: 11,
  P: 3,
  Q: 6,
  R: 8,
  S: 12,
  T: 14,
  U: 16,
  V: 10,
  W: 22,
  X: 25,
  Y: 24,
  Z: 23,
};

const evenValue = (ch: string): number => (ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 65);

/** Check character for the first 15 characters (uppercase). */
export function fiscalCodeCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = first15[i]!;
    // Positions are numbered from 1, so index 0 is an odd position.
    sum += i % 2 === 0 ? (ODD[ch] ?? 0) : evenValue(ch);
  }
  return String.fromCharCode(65 + (sum % 26));
}

// Digit positions may hold an omocodia letter (0→L ... 9→V).
const OMO = 'LMNPQRSTUV';
const D = `[0-9${OMO}]`;
export const FISCAL_CODE_PATTERN = new RegExp(`^[A-Z]{6}${D}{2}[ABCDEHLMPRST]${D}{2}[A-Z]${D}{3}[A-Z]$`);

export type FiscalCodeProblem = 'length' | 'format' | 'check-character';

/** Returns null when valid, otherwise what is wrong with it. */
export function fiscalCodeProblem(code: string): FiscalCodeProblem | null {
  if (code.length !== 16) return 'length';
  if (!FISCAL_CODE_PATTERN.test(code)) return 'format';
  if (fiscalCodeCheckChar(code.slice(0, 15)) !== code[15]) return 'check-character';
  return null;
}

const MONTHS = 'ABCDEHLMPRST';
const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);

/** Letters A-Z only: accents folded, apostrophes and spaces dropped. */
function lettersOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

function split(name: string): { cons: string[]; vow: string[] } {
  const letters = [...lettersOf(name)];
  return {
    cons: letters.filter((c) => !VOWELS.has(c)),
    vow: letters.filter((c) => VOWELS.has(c)),
  };
}

const pad3 = (chars: string[]): string => (chars.join('') + 'XXX').slice(0, 3);

export function encodeSurname(surname: string): string {
  const { cons, vow } = split(surname);
  return pad3([...cons, ...vow]);
}

export function encodeGivenName(givenName: string): string {
  const { cons, vow } = split(givenName);
  // With four or more consonants the 1st, 3rd and 4th are used.
  if (cons.length >= 4) return [cons[0], cons[2], cons[3]].join('');
  return pad3([...cons, ...vow]);
}

export interface FiscalCodeInput {
  givenName: string;
  familyName: string;
  birthDate: string; // YYYY-MM-DD
  female: boolean;
  belfiore: string; // comune or foreign state code, e.g. H501 (Roma)
}

export function encodeFiscalCode(p: FiscalCodeInput): string {
  const [y, m, d] = p.birthDate.split('-').map(Number) as [number, number, number];
  const day = String(d + (p.female ? 40 : 0)).padStart(2, '0');
  const first15 =
    encodeSurname(p.familyName) + encodeGivenName(p.givenName) + String(y % 100).padStart(2, '0') + MONTHS[m - 1] + day + p.belfiore.toUpperCase();
  return first15 + fiscalCodeCheckChar(first15);
}

/** What a fiscal code says of its holder's birth: the year has two digits, so its century is not known. */
export interface FiscalCodeBirth {
  yearOfCentury: number;
  month: number;
  day: number;
  female: boolean;
}

const unOmocode = (chars: string): string => [...chars].map((c) => (OMO.includes(c) ? String(OMO.indexOf(c)) : c)).join('');

/** Birth fields of a valid fiscal code (omocodia letters read back as digits). */
export function fiscalCodeBirth(code: string): FiscalCodeBirth {
  const yy = Number(unOmocode(code.slice(6, 8)));
  const month = MONTHS.indexOf(code[8]!) + 1;
  const dd = Number(unOmocode(code.slice(9, 11)));
  return { yearOfCentury: yy, month, day: dd > 40 ? dd - 40 : dd, female: dd > 40 };
}

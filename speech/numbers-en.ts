/** British English number words: "one thousand two hundred and thirty-four". */

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function below100(n: number): string {
  if (n < 20) return UNITS[n]!;
  const u = n % 10;
  return TENS[Math.floor(n / 10)]! + (u ? `-${UNITS[u]}` : '');
}

function below1000(n: number): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (!h) return below100(r);
  return `${UNITS[h]} hundred${r ? ` and ${below100(r)}` : ''}`;
}

const SCALES: [number, string][] = [
  [1_000_000_000, 'billion'],
  [1_000_000, 'million'],
  [1000, 'thousand'],
];

export function cardinalEn(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new Error(`expected a whole number from 0 to 999 billion, got ${n}`);
  if (n < 1000) return below1000(n);
  const parts: string[] = [];
  let rest = n;
  for (const [value, name] of SCALES) {
    if (rest >= value) {
      parts.push(`${below1000(Math.floor(rest / value))} ${name}`);
      rest %= value;
    }
  }
  // British usage puts "and" before a last group below one hundred: "two thousand and five".
  if (rest) parts.push(rest < 100 ? `and ${below100(rest)}` : below1000(rest));
  return parts.join(' ');
}

const ORDINAL_IRREGULAR: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** 1 → "first", 21 → "twenty-first", 30 → "thirtieth". */
export function ordinalEn(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected an ordinal from 1, got ${n}`);
  return cardinalEn(n).replace(/[a-z]+$/, (last) => ORDINAL_IRREGULAR[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`));
}

/** Years as they are said: 2026 → "twenty twenty-six", 2005 → "two thousand and five", 1999 → "nineteen ninety-nine". */
export function yearEn(y: number): string {
  if (y >= 2000 && y < 2010) return cardinalEn(y);
  if (y < 1100 || y > 2099) return cardinalEn(y);
  const hi = Math.floor(y / 100);
  const lo = y % 100;
  if (lo === 0) return `${below100(hi)} hundred`;
  return `${below100(hi)} ${lo < 10 ? `oh ${UNITS[lo]}` : below100(lo)}`;
}

/** 4.33 → "four point three three". */
export function decimalEn(whole: number, fraction: string): string {
  return `${cardinalEn(whole)} point ${[...fraction].map((d) => UNITS[Number(d)]).join(' ')}`;
}

export const DIGIT_EN = UNITS.slice(0, 10);

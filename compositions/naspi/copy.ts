/** Words the NASpI guide builds from figures: month names, ordinals, days. */
import type { Localized } from '../common/locale';

const IT_MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-01" → "gennaio" / "January". */
export const monthName = (period: string): Localized => {
  const i = Number(period.slice(5, 7)) - 1;
  return { it: IT_MONTHS[i] ?? period, en: EN_MONTHS[i] ?? period };
};

const IT_ORDINALS = [
  'primo',
  'secondo',
  'terzo',
  'quarto',
  'quinto',
  'sesto',
  'settimo',
  'ottavo',
  'nono',
  'decimo',
  'undicesimo',
  'dodicesimo',
  'tredicesimo',
  'quattordicesimo',
  'quindicesimo',
  'sedicesimo',
  'diciassettesimo',
  'diciottesimo',
  'diciannovesimo',
  'ventesimo',
  'ventunesimo',
  'ventiduesimo',
  'ventitreesimo',
  'ventiquattresimo',
  'venticinquesimo',
];
const EN_ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty-first',
  'twenty-second',
  'twenty-third',
  'twenty-fourth',
  'twenty-fifth',
];

/** 6 → "sesto" / "sixth" (masculine Italian: "il sesto mese"). */
export const ordinal = (n: number): Localized => ({ it: IT_ORDINALS[n - 1] ?? `${n}º`, en: EN_ORDINALS[n - 1] ?? `${n}th` });

const IT_CARDINALS = ['zero', 'un', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci'];
const EN_CARDINALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Small counts in words before a noun ("cinque mesi", "un giorno"), digits above ten. */
export const countWord = (n: number): Localized => ({ it: IT_CARDINALS[n] ?? String(n), en: EN_CARDINALS[n] ?? String(n) });

/** "un giorno" / "27 giorni"; "one day" / "27 days" (narration). */
export const daysSaid = (n: number): Localized => (n === 1 ? { it: 'un giorno', en: 'one day' } : { it: `${n} giorni`, en: `${n} days` });

/** "1 giorno" / "27 giorni" (screen). */
export const daysShown = (n: number): Localized => (n === 1 ? { it: '1 giorno', en: '1 day' } : { it: `${n} giorni`, en: `${n} days` });

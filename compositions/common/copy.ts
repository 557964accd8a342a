import type { Gender } from './envelope';
import { formatCents, formatDate, formatMonth, type Localized } from './locale';
export { l } from './locale';

/** The same formatted value in both locales, for use inside narration templates. */
export const money = (cents: number): Localized => ({ it: formatCents(cents, 'it'), en: formatCents(cents, 'en') });
export const date = (iso: string): Localized => ({ it: formatDate(iso, 'it'), en: formatDate(iso, 'en') });

type ItPreposition = 'il' | 'dal' | 'al' | 'del' | 'nel';
const ELIDED: Record<ItPreposition, string> = { il: "l'", dal: "dall'", al: "all'", del: "dell'", nel: "nell'" };

/**
 * An Italian date after an article or preposition, written the way Italians write it: the 1st as
 * "1º", and elision before the vowel sounds of 8 and 11 ("dall'8 marzo", "l'11 maggio").
 */
export function itDate(prep: ItPreposition, iso: string): string {
  const day = Number(iso.slice(8, 10));
  const text = formatDate(iso, 'it').replace(/^1 /, '1º ');
  return day === 8 || day === 11 ? `${ELIDED[prep]}${text}` : `${prep} ${text}`;
}
export const month = (iso: string): Localized => ({ it: formatMonth(iso, 'it'), en: formatMonth(iso, 'en') });

/** "benvenuta" / "benvenuto"; a neutral form for X. */
export function welcomeIt(g: Gender): string {
  if (g === 'F') return 'benvenuta';
  if (g === 'M') return 'benvenuto';
  return 'ti diamo il benvenuto';
}

/** Italian adjective agreement: "interessata" / "interessato"; the neutral X uses a rephrasing upstream. */
export const agreeIt = (g: Gender, stem: string): string => `${stem}${g === 'F' ? 'a' : 'o'}`;

export const plural = (n: number, one: Localized, many: Localized): Localized => (n === 1 ? one : many);

import type { Gender } from './envelope';
import { prepArt, the, type SimplePrep } from './italian';
import { formatCents, formatDate, formatMonth, l, type Localized } from './locale';
import type { Theme } from './theme';
export { l } from './locale';

/** The same formatted value in both locales, for use inside narration templates. */
export const money = (cents: number): Localized => ({ it: formatCents(cents, 'it'), en: formatCents(cents, 'en') });
export const date = (iso: string): Localized => ({ it: formatDate(iso, 'it'), en: formatDate(iso, 'en') });

type ItPreposition = 'il' | 'dal' | 'al' | 'del' | 'nel' | 'sul';
const SIMPLE: Record<Exclude<ItPreposition, 'il'>, SimplePrep> = { dal: 'da', al: 'a', del: 'di', nel: 'in', sul: 'su' };

/** "15 marzo 2026", with the 1st as "1º" the way Italians write it. */
export const itDateText = (iso: string): string => formatDate(iso, 'it').replace(/^1 /, '1º ');

/**
 * An Italian date after an article or articulated preposition, elided by the Italian helper
 * before the vowel sounds of 8 and 11 ("dall'8 marzo", "l'11 maggio").
 */
export function itDate(prep: ItPreposition, iso: string): string {
  const text = itDateText(iso);
  return prep === 'il' ? the(text) : prepArt(SIMPLE[prep], text);
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

/** Agreement with the recipient: the feminine, the masculine, and a neutral wording for X. */
export const byGender = (g: Gender, f: string, m: string, x: string): string => (g === 'F' ? f : g === 'M' ? m : x);

/**
 * How to reach the contact centre, for narration and screens: the landline number is free of
 * charge, mobiles call another number at their operator's rate.
 */
export const contactNumbers = (theme: Theme): Localized =>
  l(
    `${theme.contactCenter} da rete fissa, gratuito, oppure ${theme.contactCenterMobile} da cellulare`,
    `${theme.contactCenter} from a landline, free of charge, or ${theme.contactCenterMobile} from a mobile`,
  );

/**
 * How long the guide stays: its expiry is configurable (and a campaign may set its own), so copy
 * never says "six months"; the citizen page and the embed show the date.
 */
export const AVAILABLE_UNTIL_SCREEN: Localized = l(
  'Questa videoguida resta nella tua area riservata fino alla data indicata sotto il video.',
  'This video guide stays in your reserved area until the date shown below the video.',
);
export const AVAILABLE_UNTIL_SPOKEN: Localized = l(
  'Questa videoguida resta nella tua area riservata fino alla data indicata sotto il video: puoi rivederla quando vuoi.',
  'This video guide stays in your reserved area until the date shown below the video: you can watch it again whenever you like.',
);

export const plural = (n: number, one: Localized, many: Localized): Localized => (n === 1 ? one : many);

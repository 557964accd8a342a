import type { Claim } from './claims';
import type { RedGuide } from '../../compositions/red/schema';
import { formatCents, formatDate } from '../../compositions/common/locale';
import { textsOf } from './texts';

/**
 * What the red guide may say, and when it is true. Conditions are written from DOMAIN.md §3 (and §2 for
 * the quattordicesima's 64, §6 for civil invalidity's 18–67), independently of compositions/red.
 */

type B = RedGuide['benefit'];
type K = B['linkedBenefits'][number];
const has = (g: RedGuide, k: K) => g.benefit.linkedBenefits.includes(k);
const declares = (g: RedGuide, k: B['incomesToDeclare'][number]) => g.benefit.incomesToDeclare.includes(k);
const itDay = (iso: string) => formatDate(iso, 'it').replace(/^1 /, '1º ');
/** DOMAIN.md §3: the ordinary campaign for income of year Y closes at the end of February of Y+2. */
const ordinaryEnd = (y: number) => `${y + 2}-02-${(y + 2) % 4 === 0 ? 29 : 28}`;
const reminder = (g: RedGuide) => g.benefit.campaign === 'reminder';
const narrationIt = (b: Parameters<NonNullable<Claim['holds']>>[1]) => textsOf(b, 'it').narration;
/** Formatted figures carry no-break spaces; the narration as heard has plain ones. */
const plain = (s: string) => s.replace(/\s+/g, ' ');
/** The sentence that lists what depends on the RED. */
const dependsSentence = (b: Parameters<NonNullable<Claim['holds']>>[1]) => /Dal RED dipend[eo]n?o? [^.]*\./.exec(narrationIt(b))?.[0] ?? '';
const age = (g: RedGuide) => g.citizen.age;

const INCOME_PHRASES: [B['incomesToDeclare'][number], RegExp][] = [
  ['foreign-employment', /redditi da lavoro all'estero/],
  ['foreign-pension', /pensioni pagate da un altro Stato/],
  ['bank-postal-interest', /interessi di conti e libretti bancari o postali/],
  ['government-bonds', /interessi dei titoli di Stato/],
  ['investment-funds', /fondi di investimento/],
  ['self-employment', /redditi da lavoro autonomo/],
  ['co-co-co', /collaborazioni coordinate e continuative/],
  ['occasional-work', /compensi del lavoro occasionale/],
  ['main-home', /rendita catastale della casa in cui abiti/],
  ['spouse-income', /del coniuge, cioè di tuo marito/],
];

const BENEFIT_PHRASES: [K, RegExp, (g: RedGuide) => boolean][] = [
  ['fourteenth', /la quattordicesima/, (g) => age(g) >= 64],
  ['social-allowance', /l'assegno sociale/, (g) => age(g) >= 67],
  ['civil-invalidity', /invalidità civile/, (g) => age(g) >= 18 && age(g) <= 67],
  ['minimum-supplement', /l'integrazione al minimo/, () => true],
  ['social-increase', /le maggiorazioni sociali/, () => true],
  ['family-allowance', /l'assegno per il nucleo familiare/, () => true],
  ['survivors-pension', /la pensione ai superstiti/, () => true],
];

export const claims: Claim<RedGuide>[] = [
  // What the RED is (issue #14: it is not the tax return).
  { why: 'the RED is never called "la dichiarazione dei redditi" (the tax return)', says: /dichiarazione dei redditi/i, holds: () => false },
  { why: 'the RED is explained once, in plain words', says: /Il RED è la dichiarazione della situazione reddituale/, when: () => true },
  { why: 'it is said not to be the tax return', says: /Non è la dichiarazione per le tasse, cioè il 730 o il modello Redditi/, when: () => true },

  // Campaign and deadline.
  { why: 'a reminder only in the reminder campaign', says: /sollecito/i, holds: reminder, when: reminder },
  {
    why: 'the ordinary deadline said is the end of February two years after the income year',
    says: /Devi inviare il RED per i redditi/,
    holds: (g, b) =>
      !reminder(g) && g.benefit.deadline === ordinaryEnd(g.benefit.incomeYear) && narrationIt(b).includes(plain(`entro il ${itDay(g.benefit.deadline)}`)),
    when: (g) => !reminder(g),
  },
  {
    why: 'a reminder names the ordinary deadline that passed and its own later one',
    says: /il termine ordinario del RED per i redditi/,
    holds: (g, b) =>
      reminder(g) &&
      g.benefit.deadline > ordinaryEnd(g.benefit.incomeYear) &&
      narrationIt(b).includes(plain(`era il ${itDay(ordinaryEnd(g.benefit.incomeYear))}. Puoi ancora inviarlo, entro il ${itDay(g.benefit.deadline)}.`)),
    when: reminder,
  },
  {
    why: 'the income year said is the data’s',
    says: /per i redditi del \d{4}/,
    holds: (g, b) => [...narrationIt(b).matchAll(/per i redditi del (\d{4})/g)].every((m) => Number(m[1]) === g.benefit.incomeYear),
  },

  // What to declare.
  ...INCOME_PHRASES.map(([k, re]): Claim<RedGuide> => ({
    why: `${k} is named exactly when it must be declared`,
    says: re,
    holds: (g) => declares(g, k),
    when: (g) => declares(g, k),
  })),
  {
    why: "the spouse's income only for benefits that look at the couple's income",
    says: /del coniuge/,
    holds: (g) => declares(g, 'spouse-income') && ['minimum-supplement', 'social-increase', 'family-allowance', 'social-allowance'].some((k) => has(g, k as K)),
  },

  // What depends on it, consistent with the age.
  ...BENEFIT_PHRASES.map(([k, re, ageOk]): Claim<RedGuide> => ({
    why: `${k} is said to depend on the RED exactly when linked, and only at an age it is paid at`,
    says: re,
    holds: (g, b) => !re.test(dependsSentence(b)) || (has(g, k) && ageOk(g)),
    when: (g) => has(g, k),
  })),
  {
    why: 'plural verb for several benefits',
    says: /Dal RED dipendono/,
    holds: (g) => g.benefit.linkedBenefits.length > 1 || (g.benefit.linkedBenefits.length === 1 && has(g, 'social-increase')),
  },
  {
    why: 'the monthly amount is the data’s, said gross',
    says: /lordi al mese/,
    holds: (g, b) =>
      g.benefit.monthlyAtRiskCents !== undefined && narrationIt(b).includes(plain(`${formatCents(g.benefit.monthlyAtRiskCents, 'it')} lordi al mese`)),
    when: (g) => g.benefit.monthlyAtRiskCents !== undefined,
  },
  {
    why: 'the quattordicesima is yearly, on top of the monthly amount',
    says: /la quattordicesima si aggiunge una volta l'anno/,
    holds: (g) => has(g, 'fourteenth') && g.benefit.monthlyAtRiskCents !== undefined,
  },
  { why: 'no amount after "riceverai/ricevi"', says: /\b(riceverai|ricevi)\b[^.]*€/, holds: () => false },

  // What happens without it (DOMAIN.md §3, INPS circ. 195/2015).
  {
    why: 'suspension, then 60 days, then revocation and recovery',
    says: /entro sessanta giorni dalla sospensione, i pagamenti riprendono dal mese successivo\. Altrimenti [^.]*revocat[ae], cioè tolt[ae] in modo definitivo, e l'Istituto ti chiede di restituire/,
    when: () => true,
  },
  { why: 'no promise that the benefits continue (the RED may show income above the limits)', says: /senza interruzioni|continueranno/, holds: () => false },

  // How to send it.
  {
    why: 'RED Precompilato online with SPID level 2, CIE, CNS or eIDAS',
    says: /RED precompilato: premi il pulsante e accedi con SPID di livello 2, CIE, CNS o eIDAS/,
    when: () => true,
  },
  { why: 'free through a CAF or an authorised professional', says: /CAF o a un professionista abilitato, che lo inviano per te senza costi/, when: () => true },
  { why: 'both contact-centre numbers', says: /803 164 da rete fissa, gratuito, oppure 06 164 164 da cellulare/, when: () => true },
  { why: 'English: both contact-centre numbers', locale: 'en', says: /803 164 from a landline, free of charge, or 06 164 164 from a mobile/, when: () => true },
  { why: 'English: not the tax return', locale: 'en', says: /It is not your tax return/, when: () => true },

  // The recipient.
  { why: '"benvenuta" for women', says: /\bbenvenuta\b/, holds: (g) => g.citizen.gender === 'F', when: (g) => g.citizen.gender === 'F' },
  { why: '"benvenuto" for men', says: /(?<!il )\bbenvenuto\b/, holds: (g) => g.citizen.gender === 'M', when: (g) => g.citizen.gender === 'M' },
  { why: 'a neutral welcome for X', says: /ti diamo il benvenuto/, holds: (g) => g.citizen.gender === 'X', when: (g) => g.citizen.gender === 'X' },
];

import type { Claim } from './claims';
import type { AuuGuide } from '../../compositions/auu/schema';
import { formatCents, formatDate, formatMonth } from '../../compositions/common/locale';
import { textsOf } from './texts';

/**
 * What the auu guide may say, and when it is true. Conditions are written from DOMAIN.md §4,
 * independently of compositions/auu (its rules.ts and storyboard are what is being checked).
 * The date of the guide's data is the day the block was raised (benefit.blockedSince).
 */

type Child = AuuGuide['benefit']['children'][number];
const on = (g: AuuGuide) => g.benefit.blockedSince;
/** Whole years from birth to the date of the data. */
const ageOf = (g: AuuGuide, ch: Child) => {
  const [by, bm, bd] = ch.birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on(g).split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};
const kids = (g: AuuGuide, p: (ch: Child, age: number) => boolean) => g.benefit.children.filter((ch) => p(ch, ageOf(g, ch)));
const adultNoDisability = (ch: Child, age: number) => age >= 18 && age <= 20 && ch.disability === 'none';
const iban = (g: AuuGuide, p: string) => g.benefit.blockReason === 'iban-error' && g.benefit.ibanProblem === p;
const noIsee = (g: AuuGuide) => g.benefit.iseeCents === null;
const md = (g: AuuGuide) => on(g).slice(5);
const year = (g: AuuGuide) => Number(on(g).slice(0, 4));
/** An ISEE filed by 30 June gives arrears from March: said only between 1 March and 30 June of the data's year. */
const arrearsStillPossible = (g: AuuGuide) => noIsee(g) && md(g) >= '03-01' && md(g) <= '06-30';
const arrearsDeadlinePassed = (g: AuuGuide) => noIsee(g) && md(g) > '06-30';
const beforeNewPeriod = (g: AuuGuide) => noIsee(g) && md(g) < '03-01';
const known = (g: AuuGuide) => g.benefit.children.filter((ch) => ch.monthlyAmountCents !== undefined);
const narrationIt = (b: Parameters<NonNullable<Claim['holds']>>[1]) => textsOf(b, 'it').narration;
/** Formatted figures carry no-break spaces; the narration as heard has plain ones. */
const plain = (s: string) => s.replace(/\s+/g, ' ');

export const claims: Claim<AuuGuide>[] = [
  // The block and its reason.
  {
    why: 'the payment is on hold only for an IBAN error',
    says: /il pagamento è bloccato/,
    holds: (g) => g.benefit.blockReason === 'iban-error',
    when: (g) => g.benefit.blockReason === 'iban-error',
  },
  {
    why: 'the application is on hold for missing information or documents',
    says: /la domanda è bloccata/,
    holds: (g) => g.benefit.blockReason !== 'iban-error',
    when: (g) => g.benefit.blockReason !== 'iban-error',
  },
  {
    why: '"not in your name" only when the account is not held by the applicant (issue #14)',
    says: /non (risulta )?intestato/,
    holds: (g) => iban(g, 'not-holder'),
    when: (g) => iban(g, 'not-holder'),
  },
  {
    why: 'a closed account only when the IBAN error is a closed account',
    says: /risulta chiuso|Conto chiuso/,
    holds: (g) => iban(g, 'account-closed'),
    when: (g) => iban(g, 'account-closed'),
  },
  {
    why: 'a wrong IBAN only when the IBAN error is an invalid IBAN',
    says: /non è corretto|IBAN non corretto/,
    holds: (g) => iban(g, 'invalid-iban'),
    when: (g) => iban(g, 'invalid-iban'),
  },
  {
    why: 'outside SEPA only when the account is outside the SEPA area',
    says: /fuori dall'area SEPA|fuori area SEPA/,
    holds: (g) => iban(g, 'outside-sepa'),
    when: (g) => iban(g, 'outside-sepa'),
  },
  {
    why: 'English: "not in your name" only for an account not held by the applicant',
    locale: 'en',
    says: /not in your name, alone or jointly/,
    holds: (g) => iban(g, 'not-holder'),
  },
  {
    why: 'the IBAN ending is shown for an IBAN error',
    says: /IBAN che termina con [0-9A-Z]{4}/,
    holds: (g) => g.benefit.blockReason === 'iban-error' && !!g.benefit.ibanLast4,
    when: (g) => g.benefit.blockReason === 'iban-error',
  },
  {
    why: 'one missing document',
    says: /manca un documento/,
    holds: (g) => g.benefit.blockReason === 'missing-documents' && g.benefit.missingItems.length === 1,
  },
  {
    why: 'several missing documents',
    says: /mancano alcuni documenti/,
    holds: (g) => g.benefit.blockReason === 'missing-documents' && g.benefit.missingItems.length > 1,
  },
  { why: 'missing information', says: /manca un'informazione|mancano alcune informazioni/, holds: (g) => g.benefit.blockReason === 'missing-information' },

  // Amounts.
  {
    why: 'the monthly amount said is the sum of the children’s known amounts',
    says: /l'Assegno è di [\d.,]+ € al mese/,
    holds: (g, b) =>
      narrationIt(b).includes(
        plain(
          `l'Assegno è di ${formatCents(
            known(g).reduce((s, ch) => s + ch.monthlyAmountCents!, 0),
            'it',
          )} al mese`,
        ),
      ),
    when: (g) => known(g).length > 0,
  },
  {
    why: 'no amount is said to be set when none is known',
    says: /L'importo non è ancora definito/,
    holds: (g) => known(g).length === 0,
    when: (g) => known(g).length === 0 && !noIsee(g),
  },
  {
    why: 'a partial total names the children it is for, and says the others’ amount is still to be worked out',
    says: /l'importo sarà calcolato quando riprende l'esame della domanda/,
    holds: (g, b) => {
      const some = known(g).length > 0 && known(g).length < g.benefit.children.length;
      const others = g.benefit.children.filter((ch) => ch.monthlyAmountCents === undefined).map((ch) => ch.givenName);
      return some && others.every((name) => narrationIt(b).includes(name)) && /al mese per [A-Z]/.test(narrationIt(b));
    },
    when: (g) => known(g).length > 0 && known(g).length < g.benefit.children.length,
  },
  {
    why: 'the +50% is said for a child under 1 whose amount is known',
    says: /meno di un anno, l'importo è aumentato del 50%/,
    holds: (g) => kids(g, (ch, a) => a < 1 && ch.monthlyAmountCents !== undefined).length > 0,
    when: (g) => kids(g, (ch, a) => a < 1 && ch.monthlyAmountCents !== undefined).length > 0,
  },
  {
    why: 'the disability increase is said only for a disabled minor whose amount is known',
    says: /comprende la maggiorazione per la disabilità/,
    holds: (g) => kids(g, (ch, a) => a < 18 && ch.disability !== 'none' && ch.monthlyAmountCents !== undefined).length > 0,
  },
  {
    why: 'the household increase for 4+ children',
    says: /Con quattro o più figli/,
    holds: (g) => g.benefit.children.length >= 4,
    when: (g) => g.benefit.children.length >= 4,
  },
  {
    why: '"Assegno per N figli" counts the children',
    says: /Assegno per \d+ figli/,
    holds: (g, b) => textsOf(b, 'it').screen.includes(`Assegno per ${g.benefit.children.length} figli`),
  },
  { why: 'no amount after "riceverai": the amount is what the application gives, not a promise', says: /riceverai/, holds: () => false },

  // Children: who counts and on which condition (a child counts from birth to 21; 18–20 only with a condition; disabled, at any age).
  {
    why: 'a declared condition is said only for a child aged 18–20 who has one',
    says: /hai dichiarato che/,
    holds: (g) => kids(g, (ch, a) => adultNoDisability(ch, a) && !!ch.adultCondition).length > 0,
    when: (g) => kids(g, (ch, a) => adultNoDisability(ch, a) && !!ch.adultCondition).length > 0,
  },
  {
    why: 'the declaration is asked for a child aged 18–20 without a condition',
    says: /Per questo serve la tua dichiarazione/,
    holds: (g) => kids(g, (ch, a) => adultNoDisability(ch, a) && !ch.adultCondition).length > 0,
    when: (g) => kids(g, (ch, a) => adultNoDisability(ch, a) && !ch.adultCondition).length > 0,
  },
  {
    why: '"manca la dichiarazione" on screen only for such a child',
    says: /^manca la dichiarazione$/,
    holds: (g) => kids(g, (ch, a) => adultNoDisability(ch, a) && !ch.adultCondition).length > 0,
  },
  {
    why: 'after 21 only for a disabled child',
    says: /anche dopo i 21 anni/,
    holds: (g) => kids(g, (ch, a) => a >= 21 && ch.disability !== 'none').length > 0,
    when: (g) => kids(g, (ch, a) => a >= 21 && ch.disability !== 'none').length > 0,
  },
  {
    why: 'the disability certificate is asked only when a child has a disability',
    says: /certificato di disabilità di /,
    holds: (g) => g.benefit.missingItems.includes('disability-certificate') && g.benefit.children.some((ch) => ch.disability !== 'none'),
  },
  { why: 'the child’s gender is not in the data: no "tuo figlio" / "tua figlia"', says: /\btu[oa] figli[oa]\b/, holds: () => false },

  // The ISEE and the 30 June deadline (issue #14: the September applicant).
  { why: 'no valid ISEE → the minimum', says: /Non risulta un ISEE valido/, holds: noIsee, when: noIsee },
  {
    why: 'arrears from March only while an ISEE filed by 30 June of that year can still give them',
    says: /ricevi anche gli arretrati/,
    holds: (g, b) =>
      arrearsStillPossible(g) && narrationIt(b).includes(`entro il 30 giugno ${year(g)}, l'importo è ricalcolato da ${formatMonth(`${year(g)}-03`, 'it')}`),
    when: arrearsStillPossible,
  },
  {
    why: 'after 30 June, the deadline for arrears has passed',
    says: /ultimo giorno per avere gli arretrati da marzo, è passato/,
    holds: arrearsDeadlinePassed,
    when: arrearsDeadlinePassed,
  },
  {
    why: 'in January and February, the ISEE for the period from March',
    says: /L'ISEE va rinnovato ogni anno: se presenti quello nuovo/,
    holds: beforeNewPeriod,
    when: beforeNewPeriod,
  },
  {
    why: 'English: arrears only while still possible',
    locale: 'en',
    says: /you also get the arrears/,
    holds: arrearsStillPossible,
    when: arrearsStillPossible,
  },
  {
    why: 'English: the deadline has passed after 30 June',
    locale: 'en',
    says: /the last day to get arrears from March, has passed/,
    holds: arrearsDeadlinePassed,
    when: arrearsDeadlinePassed,
  },
  {
    why: 'a 30 June date is of the data’s year or the next',
    says: /30 giugno (\d{4})/,
    holds: (g, b) =>
      [...narrationIt(b).matchAll(/30 giugno (\d{4})/g)].every((m) => Number(m[1]) === year(g) || (arrearsDeadlinePassed(g) && Number(m[1]) === year(g) + 1)),
  },
  {
    why: 'the block date said is the data’s',
    says: /(?:Dal|Dall')\s?\d{1,2}º? \p{L}+ \d{4} (?:il pagamento|la tua domanda)/u,
    holds: (g, b) => narrationIt(b).includes(plain(formatDate(on(g), 'it').replace(/^1 /, '1º '))),
  },

  // What to do, and when payment follows (DOMAIN.md §4: usually around the 20th; at month end, about the 24th–29th, after a change).
  { why: 'payment timing is said', says: /tra il 24 e il 29 circa; poi, di norma, intorno al 20 di ogni mese/, when: () => true },
  {
    why: 'no promise the institute cannot keep (issue #14)',
    says: /lavoriamo subito|subito|ci vogliono pochi minuti|l'Assegno arriva alla tua famiglia/i,
    holds: () => false,
  },
  { why: 'English: no promise', locale: 'en', says: /straight away|only takes a few minutes|reaches your family/i, holds: () => false },
  { why: 'both contact-centre numbers', says: /803 164 da rete fissa, gratuito, oppure 06 164 164 da cellulare/, when: () => true },
  { why: 'English: both contact-centre numbers', locale: 'en', says: /803 164 from a landline, free of charge, or 06 164 164 from a mobile/, when: () => true },

  // The recipient.
  { why: 'the parent is addressed without gendered words', says: /\b(benvenut[oa]|pront[oa]|separat[oa]|sicur[oa]|interessat[oa])\b/, holds: () => false },
  {
    why: 'the presenter is a parent like the recipient (a father for fathers; the mother otherwise)',
    says: /Ciao /,
    holds: (g, b) => b.presenter === (g.citizen.gender === 'M' ? 'M' : 'F'),
  },
];

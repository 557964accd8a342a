import type { EnvelopeInput } from '../../compositions/guide-types';
import { CALL_FOR_INFORMATION, type GoldenCitizen, type RefusedEnvelope } from './golden';

const giovanna = { givenName: 'Giovanna', familyName: 'Ferrari', gender: 'F', fiscalCode: 'FRRGNN50H55A944D', province: 'BO' } as const; // born 15 Jun 1950: 74 at the end of 2024
const salvatore = { givenName: 'Salvatore', familyName: 'Greco', gender: 'M', fiscalCode: 'GRCSVT48A20G273A', province: 'PA' } as const; // born 20 Jan 1948: 75 at the end of 2023
const rosa = { givenName: 'Rosa', familyName: 'Marino', gender: 'F', fiscalCode: 'MRNRSO55C43A662C', province: 'BA' } as const; // born 3 Mar 1955: 69 at the end of 2024

/** A pensioner of 74 with the quattordicesima and the minimum top-up, bank interest to declare; campaign 2025 (2024 income) closing 28 Feb 2026. */
const fourteenthBankInterest: EnvelopeInput = {
  type: 'red',
  locale: 'it',
  externalRef: 'GOLDEN-RED-1',
  citizen: giovanna,
  benefit: {
    incomeYear: 2024,
    campaign: 'ordinary',
    deadline: '2026-02-28',
    linkedBenefits: ['fourteenth', 'minimum-supplement'],
    incomesToDeclare: ['bank-postal-interest'],
    monthlyAtRiskCents: 15_000,
  },
};

/** A reminder ("Solleciti") for 2023 income: the ordinary campaign closed on 28 Feb 2025. */
const reminder: EnvelopeInput = {
  type: 'red',
  locale: 'it',
  externalRef: 'GOLDEN-RED-2',
  citizen: salvatore,
  benefit: {
    incomeYear: 2023,
    campaign: 'reminder',
    deadline: '2025-06-30',
    linkedBenefits: ['survivors-pension'],
    incomesToDeclare: ['foreign-pension'],
  },
};

/** The assegno sociale (2025: €538.69 a month) at 69, with occasional work and the spouse's income to declare. */
const socialAllowance: EnvelopeInput = {
  type: 'red',
  locale: 'it',
  externalRef: 'GOLDEN-RED-3',
  citizen: rosa,
  benefit: {
    incomeYear: 2024,
    campaign: 'ordinary',
    deadline: '2026-02-28',
    linkedBenefits: ['social-allowance'],
    incomesToDeclare: ['occasional-work', 'spouse-income'],
    monthlyAtRiskCents: 53_869,
  },
};

const WHAT_RED_IS =
  "Il RED è la dichiarazione della situazione reddituale: con il RED comunichi all'Istituto i redditi da cui dipendono alcune prestazioni che ricevi. Non è la dichiarazione per le tasse, cioè il 730 o il modello Redditi.";
const SUSPENSION = 'Se lo invii entro sessanta giorni dalla sospensione, i pagamenti riprendono dal mese successivo.';

/** Golden citizens of the red guide (DOMAIN.md's worked examples). */
export const golden: GoldenCitizen[] = [
  {
    name: 'Quattordicesima and minimum top-up at 74, bank interest to declare, 2024 income by 28 Feb 2026 (DOMAIN.md §3)',
    envelope: fourteenthBankInterest,
    hears: [
      "Gentile Giovanna, benvenuta nella tua videoguida. L'Istituto non ha ancora ricevuto il tuo modello RED per i redditi del 2024.",
      WHAT_RED_IS,
      'Devi inviare il RED per i redditi del 2024 entro il 28 febbraio 2026.',
      'Nel RED indichi i redditi del 2024 che la dichiarazione fiscale non riporta, o riporta in modo diverso. Nel tuo caso devi dichiarare gli interessi di conti e libretti bancari o postali.',
      "Dal RED dipendono la quattordicesima e l'integrazione al minimo della pensione.",
      "L'integrazione al minimo della pensione vale 150,00 € lordi al mese; la quattordicesima si aggiunge una volta l'anno.",
      'Se il RED non arriva, queste prestazioni vengono sospese: i pagamenti si fermano.',
      SUSPENSION,
      "Altrimenti le prestazioni sono revocate, cioè tolte in modo definitivo, e l'Istituto ti chiede di restituire quanto già pagato per l'anno interessato.",
      'accedi con SPID di livello 2, CIE, CNS o eIDAS',
      CALL_FOR_INFORMATION,
    ],
    neverHears: ['dichiarazione dei redditi', 'sollecito', 'coniuge', 'senza interruzioni', 'In due minuti'],
    hearsEn: [
      'The RED is the income statement, in Italian "dichiarazione della situazione reddituale"',
      'It is not your tax return, the 730 or the Redditi form.',
    ],
    shows: { deadline: ['2026-02-28', 2024], 'at-risk': [15_000] },
  },
  {
    name: 'Reminder campaign for 2023 income: the ordinary deadline was 28 Feb 2025 (DOMAIN.md §3)',
    envelope: reminder,
    hears: [
      "Gentile Salvatore, benvenuto nella tua videoguida. L'Istituto non ha ancora ricevuto il tuo modello RED per i redditi del 2023.",
      'Questo è un sollecito: il termine ordinario del RED per i redditi del 2023 era il 28 febbraio 2025. Puoi ancora inviarlo, entro il 30 giugno 2025.',
      'Nel tuo caso devi dichiarare le pensioni pagate da un altro Stato.',
      'Dal RED dipende la pensione ai superstiti.',
      'Se il RED non arriva, questa prestazione viene sospesa: i pagamenti si fermano.',
      SUSPENSION,
      'Ricorda: invia il RED entro il 30 giugno 2025, così eviti che i pagamenti si fermino per il RED mancante.',
    ],
    neverHears: ['dichiarazione dei redditi', 'lordi al mese', 'entro il 28 febbraio'],
    hearsEn: ['This is a reminder: the ordinary deadline to send the RED for your 2023 income was 28 February 2025. You can still send it, by 30 June 2025.'],
    shows: { deadline: ['2025-02-28', '2025-06-30'] },
  },
  {
    name: "The assegno sociale at 69 (€538.69 a month in 2025), occasional work and the spouse's income to declare",
    envelope: socialAllowance,
    hears: [
      'Nel tuo caso devi dichiarare i compensi del lavoro occasionale.',
      "Devi indicare anche i redditi del 2024 del coniuge, cioè di tuo marito, di tua moglie o della persona con cui hai un'unione civile, perché l'assegno sociale dipende anche dal reddito della coppia.",
      "Dal RED dipende l'assegno sociale. Questa prestazione vale 538,69 € lordi al mese.",
      "Altrimenti la prestazione è revocata, cioè tolta in modo definitivo, e l'Istituto ti chiede di restituire quanto già pagato per l'anno interessato.",
      CALL_FOR_INFORMATION,
    ],
    neverHears: ['quattordicesima si aggiunge', 'sollecito', 'dichiarazione dei redditi'],
    hearsEn: ['The social allowance depends on the RED. This benefit is worth €538.69 gross a month.'],
    shows: { 'at-risk': [53_869] },
  },
];

type Env = { type: 'red'; locale: 'it'; externalRef: string; citizen: Record<string, string>; benefit: Record<string, unknown> };
const variant = (base: unknown, benefit: Record<string, unknown>, citizen?: Record<string, string>) => {
  const b = base as Env;
  return { ...b, citizen: citizen ?? b.citizen, benefit: { ...b.benefit, ...benefit } } as never;
};
const paolo60 = { givenName: 'Paolo', familyName: 'Ricci', gender: 'M', fiscalCode: 'RCCPLA64P09D612X', province: 'FI' }; // 60 at the end of 2024
const anna65 = { givenName: 'Anna', familyName: 'Costa', gender: 'F', fiscalCode: 'CSTNNA59R50D969B', province: 'GE' }; // 65 at the end of 2024
const mario75 = { givenName: 'Mario', familyName: 'Bruno', gender: 'M', fiscalCode: 'BRNMRA49A01L736S', province: 'VE' }; // 75 at the end of 2024

/** Contradictory red envelopes, each refused with its field. */
export const refused: RefusedEnvelope[] = [
  {
    name: 'an ordinary campaign for 2024 income closing on 31 March 2026 (it closes on 28 Feb 2026)',
    envelope: variant(fourteenthBankInterest, { deadline: '2026-03-31' }),
    field: 'benefit.deadline',
    reason: /closes on 2026-02-28: got 2026-03-31/,
  },
  {
    name: 'a reminder due before the ordinary deadline it follows',
    envelope: variant(reminder, { deadline: '2025-01-31' }),
    field: 'benefit.deadline',
    reason: /follows the ordinary deadline 2025-02-28/,
  },
  {
    name: 'a deadline inside the income year',
    envelope: variant(fourteenthBankInterest, { deadline: '2024-06-01' }),
    field: 'benefit.deadline',
    reason: /closes on 2026-02-28/,
  },
  {
    name: 'the quattordicesima at 60 (it needs 64)',
    envelope: variant(fourteenthBankInterest, {}, paolo60),
    field: 'benefit.linkedBenefits.0',
    reason: /fourteenth is paid from age 64: the citizen is 60/,
  },
  {
    name: 'the assegno sociale at 65 (it needs 67)',
    envelope: variant(socialAllowance, {}, anna65),
    field: 'benefit.linkedBenefits.0',
    reason: /social-allowance is paid from age 67: the citizen is 65/,
  },
  {
    name: 'civil-invalidity benefits at 75 (they become the assegno sociale at 67)',
    envelope: variant(socialAllowance, { linkedBenefits: ['civil-invalidity'], incomesToDeclare: ['occasional-work'] }, mario75),
    field: 'benefit.linkedBenefits.0',
    reason: /civil-invalidity is paid from age 18 to 67: the citizen is 75/,
  },
  {
    name: "the spouse's income for the quattordicesima alone (it looks at personal income)",
    envelope: variant(fourteenthBankInterest, { linkedBenefits: ['fourteenth'], incomesToDeclare: ['spouse-income'], monthlyAtRiskCents: undefined }),
    field: 'benefit.incomesToDeclare.0',
    reason: /spouse's income counts only for/,
  },
  {
    name: 'a monthly amount for the quattordicesima alone (it is paid once a year)',
    envelope: variant(fourteenthBankInterest, { linkedBenefits: ['fourteenth'] }),
    field: 'benefit.monthlyAtRiskCents',
    reason: /paid once a year/,
  },
  {
    name: 'an assegno sociale of €2,000 a month (DOMAIN.md §3: €538.69 in 2025; at most €546.23 by 2026)',
    envelope: variant(socialAllowance, { monthlyAtRiskCents: 200_000 }),
    field: 'benefit.monthlyAtRiskCents',
    reason: /social-allowance pays at most €546\.23 a month in 2026: expected at most €546\.23, got €2000\.00/,
  },
  {
    name: 'a minimum top-up of €50,000 a month (it is at most the trattamento minimo, €616.67 in 2025)',
    envelope: variant(fourteenthBankInterest, { monthlyAtRiskCents: 5_000_000 }),
    field: 'benefit.monthlyAtRiskCents',
    reason: /minimum-supplement pays at most €616\.67 a month in 2026: expected at most €616\.67, got €50000\.00/,
  },
  {
    name: 'a civil-invalidity benefit and the social increase above their 2025 sum (€363.37 + €411.84)',
    envelope: variant(
      socialAllowance,
      {
        incomeYear: 2023,
        deadline: '2025-02-28',
        linkedBenefits: ['civil-invalidity', 'social-increase'],
        incomesToDeclare: ['occasional-work'],
        monthlyAtRiskCents: 77_600,
      },
      paolo60,
    ),
    field: 'benefit.monthlyAtRiskCents',
    reason:
      /civil-invalidity pays at most €363\.37 a month in 2025, social-increase pays at most €411\.84 a month in 2025 \(€775\.21 in all\): expected at most €775\.21, got €776\.00/,
  },
  {
    name: 'no income to declare',
    envelope: variant(reminder, { incomesToDeclare: [] }),
    field: 'benefit.incomesToDeclare',
    reason: /at least one income to declare/,
  },
  {
    name: 'the same income twice',
    envelope: variant(reminder, { incomesToDeclare: ['foreign-pension', 'foreign-pension'] }),
    field: 'benefit.incomesToDeclare',
    reason: /only once/,
  },
  {
    name: 'an unknown income kind',
    envelope: variant(reminder, { incomesToDeclare: ['lottery-win'] }),
    field: 'benefit.incomesToDeclare.0',
    reason: /foreign-employment/,
  },
  {
    name: 'an income year before the campaigns this guide knows',
    envelope: variant(reminder, { incomeYear: 2019 }),
    field: 'benefit.incomeYear',
    reason: /income years from 2021/,
  },
];

import type { EnvelopeInput } from '../../compositions/guide-types';
import { CONTACT_NUMBERS, CONTACT_NUMBERS_EN, type GoldenCitizen, type RefusedEnvelope } from './golden';
import ENVELOPES from './golden-auu-envelopes.json';

/*
 * The auu envelopes are pure data, written out in full in golden-auu-envelopes.json under the
 * names below (fiscal codes computed with encodeFiscalCode from the birth dates given):
 * - ibanNotHolder: Maria, born 12 Apr 1988; an IBAN error for an account not held by the
 *   applicant, one child at the 2025 maximum (ISEE €12,000 ≤ €17,227.33).
 * - septemberNoIsee: Giuseppe, born 20 Jul 1985; applied in September 2025 with no ISEE: the
 *   30 June deadline for arrears from March has passed.
 * - babyAtMaximum: Francesca, born 5 Nov 1992; a child under 1 at the 2025 maximum:
 *   €201.00 + 50% = €301.50 (ISEE €9,500).
 * - adultDeclarationMissing: Antonio, born 8 Mar 1975; 2026: a daughter of 19 whose declaration
 *   is missing, a son of 13 at ISEE €20,000:
 *   €203.80 − (€203.80 − €58.50) × (20,000 − 17,468.51) / (46,582.71 − 17,468.51) ≈ €191.17.
 */
// JSON widens the literals ('auu', 'F'…); the golden test parses every envelope with the schema.
const { ibanNotHolder, septemberNoIsee, babyAtMaximum, adultDeclarationMissing } = ENVELOPES as Record<keyof typeof ENVELOPES, EnvelopeInput>;

const TIMING = 'Dopo lo sblocco, di solito il primo pagamento arriva a fine mese, tra il 24 e il 29 circa; poi, di norma, intorno al 20 di ogni mese.';
const CONTACT = `chiama il contact center: ${CONTACT_NUMBERS}.`;

/** Golden citizens of the auu guide (DOMAIN.md's worked examples). */
export const golden: GoldenCitizen[] = [
  {
    name: 'IBAN not held by the applicant, one child at the 2025 maximum of €201.00 (DOMAIN.md §4)',
    envelope: ibanNotHolder,
    hears: [
      'Ciao Maria, sono qui per aiutarti con il tuo Assegno Unico per i figli. In questo momento il pagamento è bloccato: ti spiego perché e come sbloccarlo.',
      "Dal 12 maggio 2025 il pagamento dell'Assegno è bloccato: il conto indicato nella domanda non risulta intestato o cointestato a te.",
      "L'IBAN deve essere di un conto, una carta o un libretto in un Paese dell'area SEPA, intestato o cointestato a chi ha fatto la domanda.",
      "Con i dati della domanda, l'Assegno è di 201,00 € al mese.",
      'scegli "Modifica della modalità di pagamento", inserisci l\'IBAN di un conto intestato o cointestato a te e salva.',
      TIMING,
      CONTACT,
    ],
    neverHears: ['la lavoriamo subito', 'risulta chiuso', 'fuori dall', 'non è corretto', '30 giugno', 'riceverai', 'ISEE valido'],
    hearsEn: ['the account given in the application is not in your name, alone or jointly.', 'the allowance is €201.00 a month.', CONTACT_NUMBERS_EN],
    shows: { status: ['2025-05-12'], children: [20_100] },
  },
  {
    name: 'Applied in September 2025 without an ISEE: minimum €57.50, no arrears from March (DOMAIN.md §4)',
    envelope: septemberNoIsee,
    hears: [
      "Dal 15 settembre 2025 la tua domanda è ferma perché manca un'informazione.",
      "Con i dati della domanda, l'Assegno è di 57,50 € al mese.",
      "Non risulta un ISEE valido: senza ISEE l'Assegno è pagato con l'importo minimo.",
      "Il 30 giugno 2025, ultimo giorno per avere gli arretrati da marzo, è passato: se presenti l'ISEE adesso, l'importo è ricalcolato solo da quel momento in poi.",
      'Poi, per i mesi da marzo 2026, rinnovalo entro il 30 giugno 2026.',
      "Per sbloccare la domanda devi aggiungere i dati dell'altro genitore.",
      TIMING,
      CONTACT,
    ],
    neverHears: ['entro il 30 giugno 2025', 'ricevi anche gli arretrati', 'la lavoriamo subito', 'riceverai'],
    hearsEn: ['30 June 2025, the last day to get arrears from March, has passed'],
    shows: { children: [5_750] },
  },
  {
    name: 'A child under 1 at the 2025 maximum: €201.00 + 50% = €301.50 (DOMAIN.md §4)',
    envelope: babyAtMaximum,
    hears: [
      'Dal 10 aprile 2025 la tua domanda è ferma perché manca un documento.',
      "Con i dati della domanda, l'Assegno è di 301,50 € al mese.",
      "Per Marco, che ha meno di un anno, l'importo è aumentato del 50%.",
      "L'importo dipende dall'ISEE, che va rinnovato ogni anno.",
      'Per sbloccare la domanda devi aggiungere il tuo permesso di soggiorno.',
      "L'Istituto riprende poi l'esame della domanda.",
    ],
    neverHears: ['ISEE valido', 'arretrati', 'la lavoriamo subito', 'tuo figlio'],
    hearsEn: ['For Marco, under one year old, the amount is 50% higher.'],
    shows: { children: [30_150] },
  },
  {
    name: '2026: a child of 19 without the declaration, a child of 13 at ISEE €20,000 (€191.17)',
    envelope: adultDeclarationMissing,
    hears: [
      'La domanda riguarda Giulia e Paolo.',
      "Con i dati della domanda, l'Assegno è di 191,17 € al mese per Paolo.",
      "Per Giulia l'importo sarà calcolato quando riprende l'esame della domanda.",
      "Giulia ha tra 18 e 21 anni: l'Assegno spetta solo per un figlio di questa età che studia o segue un corso, lavora con un reddito sotto gli 8.000 € l'anno, cerca lavoro tramite il Centro per l'Impiego o fa il servizio civile. Per questo serve la tua dichiarazione.",
      'Per sbloccare la domanda devi aggiungere la dichiarazione per Giulia, che ha tra 18 e 21 anni.',
    ],
    neverHears: ['hai dichiarato', 'meno di un anno', 'ISEE valido'],
    shows: { children: [19_117] },
  },
];

type Env = { type: 'auu'; locale: 'it'; externalRef: string; citizen: Record<string, string>; benefit: Record<string, unknown> };
const variant = (base: Env, benefit: Record<string, unknown>, citizen?: Record<string, string>) =>
  ({ ...base, citizen: citizen ?? base.citizen, benefit: { ...base.benefit, ...benefit } }) as never;
const one = ibanNotHolder as unknown as Env;
const info = septemberNoIsee as unknown as Env;

/** Contradictory auu envelopes, each refused with its field. */
export const refused: RefusedEnvelope[] = [
  {
    name: 'a child born in 1990 without a disability (issue #14)',
    envelope: variant(info, { children: [{ givenName: 'Anna', birthDate: '1990-02-03', disability: 'none' }] }),
    field: 'benefit.children.0.birthDate',
    reason: /counts until age 21.*aged 35/,
  },
  {
    name: 'a minor at €300.00 with ISEE €12,000: above the 2025 table',
    envelope: variant(one, { children: [{ givenName: 'Luca', birthDate: '2017-09-01', monthlyAmountCents: 30_000, disability: 'none' }] }),
    field: 'benefit.children.0.monthlyAmountCents',
    reason: /outside the 2025 table.*got 300\.00 €/,
  },
  {
    name: 'the maximum €201.00 with no ISEE (only the minimum is due)',
    envelope: variant(info, { children: [{ givenName: 'Anna', birthDate: '2019-02-03', monthlyAmountCents: 20_100, disability: 'none' }] }),
    field: 'benefit.children.0.monthlyAmountCents',
    reason: /no ISEE \(minimum\)/,
  },
  {
    name: 'a child under 1 at €201.00: the +50% is missing',
    envelope: variant(babyAtMaximum as unknown as Env, {
      children: [{ givenName: 'Marco', birthDate: '2025-01-15', monthlyAmountCents: 20_100, disability: 'none' }],
    }),
    field: 'benefit.children.0.monthlyAmountCents',
    reason: /\+50% under 1/,
  },
  {
    name: 'a child of 19 at the minor amount €201.00 (18–21 maximum €97.70)',
    envelope: variant(one, {
      children: [{ givenName: 'Luca', birthDate: '2006-01-10', monthlyAmountCents: 20_100, disability: 'none', adultCondition: 'study' }],
    }),
    field: 'benefit.children.0.monthlyAmountCents',
    reason: /child aged 18 or more/,
  },
  {
    name: 'a disabled minor without the disability increase',
    envelope: variant(one, { children: [{ givenName: 'Luca', birthDate: '2017-09-01', monthlyAmountCents: 20_100, disability: 'severe' }] }),
    field: 'benefit.children.0.monthlyAmountCents',
    reason: /disability/,
  },
  {
    name: 'an amount for a year whose table this guide does not know (2024)',
    envelope: variant(one, { submittedDate: '2024-03-03', blockedSince: '2024-05-12' }),
    field: 'benefit.children.0.monthlyAmountCents',
    reason: /amounts are known for 2025 and 2026/,
  },
  {
    name: 'a block in 2024 with no amounts (the year check does not depend on them)',
    envelope: variant(info, {
      submittedDate: '2024-09-03',
      blockedSince: '2024-09-20',
      children: [{ givenName: 'Anna', birthDate: '2019-02-03', disability: 'none' }],
    }),
    field: 'benefit.blockedSince',
    reason: /knows the figures and rules of 2025 and 2026: the application was blocked in 2024/,
  },
  {
    name: 'a block in 2031 with no amounts',
    envelope: variant(info, {
      submittedDate: '2031-09-03',
      blockedSince: '2031-09-20',
      children: [{ givenName: 'Anna', birthDate: '2019-02-03', disability: 'none' }],
    }),
    field: 'benefit.blockedSince',
    reason: /blocked in 2031/,
  },
  {
    name: 'an adult-child declaration missing with no child aged 18–20',
    envelope: variant(info, { missingItems: ['adult-child-declaration'] }),
    field: 'benefit.missingItems.0',
    reason: /adult-child-declaration is missing only for a child aged 18 to 20/,
  },
  {
    name: 'a child of 19 with no declared condition and no missing declaration',
    envelope: variant(one, { children: [{ givenName: 'Luca', birthDate: '2006-01-10', disability: 'none' }] }),
    field: 'benefit.children.0.adultCondition',
    reason: /counts only with a declared condition/,
  },
  {
    name: 'a study condition declared for a child of 7',
    envelope: variant(one, { children: [{ givenName: 'Luca', birthDate: '2017-09-01', disability: 'none', adultCondition: 'study' }] }),
    field: 'benefit.children.0.adultCondition',
    reason: /only for a child aged 18 to 20: aged 7/,
  },
  {
    name: 'a disability certificate missing with no disabled child',
    envelope: variant(babyAtMaximum as unknown as Env, { missingItems: ['disability-certificate'] }),
    field: 'benefit.missingItems.0',
    reason: /disability-certificate is missing only for a child with a disability/,
  },
  {
    name: 'large-family data missing for a family with one child',
    envelope: variant(info, { missingItems: ['large-family-data'] }),
    field: 'benefit.missingItems.0',
    reason: /3 or more children: the application has 1/,
  },
  {
    name: "the other parent's details listed as a missing document",
    envelope: variant(babyAtMaximum as unknown as Env, { missingItems: ['other-parent-data'] }),
    field: 'benefit.missingItems.0',
    reason: /belongs to the block reason missing-information, not missing-documents/,
  },
  {
    name: 'an IBAN error without its reason',
    envelope: variant(one, { ibanProblem: undefined }),
    field: 'benefit.ibanProblem',
    reason: /required when the block reason is iban-error/,
  },
  {
    name: 'an IBAN reason on an application blocked for missing information',
    envelope: variant(info, { ibanProblem: 'account-closed' }),
    field: 'benefit.ibanProblem',
    reason: /only for the block reason iban-error/,
  },
  {
    name: 'an unknown IBAN reason',
    envelope: variant(one, { ibanProblem: 'bank-on-strike' }),
    field: 'benefit.ibanProblem',
    reason: /not-holder, account-closed, invalid-iban, outside-sepa/,
  },
  {
    name: 'a parent of 25 with a child of 19',
    envelope: variant(
      one,
      { children: [{ givenName: 'Luca', birthDate: '2006-01-10', monthlyAmountCents: 9_770, disability: 'none', adultCondition: 'study' }] },
      { givenName: 'Laura', familyName: 'Conti', gender: 'F', fiscalCode: 'CNTLRA00B42H501D', province: 'RM' },
    ),
    field: 'benefit.children.0.birthDate',
    reason: /the applying parent is 25 and this child 19/,
  },
  {
    name: 'an applying parent aged 14',
    envelope: variant(
      one,
      { children: [{ givenName: 'Luca', birthDate: '2025-03-01', disability: 'none' }] },
      { givenName: 'Luca', familyName: 'Gallo', gender: 'M', fiscalCode: 'GLLLCU11E05H501F', province: 'RM' },
    ),
    field: 'citizen.fiscalCode',
    reason: /no age from 16 to 90/,
  },
  {
    name: 'a child born after the block',
    envelope: variant(one, { children: [{ givenName: 'Luca', birthDate: '2025-06-01', disability: 'none' }] }),
    field: 'benefit.children.0.birthDate',
    reason: /once born/,
  },
  {
    name: 'blocked before it was submitted',
    envelope: variant(one, { blockedSince: '2025-03-01' }),
    field: 'benefit.blockedSince',
    reason: /cannot be blocked before it was submitted/,
  },
  {
    name: 'an application before the Assegno Unico existed',
    envelope: variant(one, { submittedDate: '2021-06-01' }),
    field: 'benefit.submittedDate',
    reason: /from 2022-01-01/,
  },
  {
    name: "the other parent's details asked twice",
    envelope: variant(info, { missingItems: ['separated-parents-data', 'other-parent-data'] }),
    field: 'benefit.missingItems',
    reason: /do not list other-parent-data too/,
  },
];

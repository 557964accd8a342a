import type { EnvelopeInput } from '../../compositions/guide-types';
import { CALL_FOR_INFORMATION, type GoldenCitizen, type RefusedEnvelope } from './golden';

/** The 2025 edition (L. 207/2024 art. 1 c. 198). */
const edition2025: EnvelopeInput = {
  type: 'sfl',
  locale: 'it',
  externalRef: 'GOLDEN-SFL-2025',
  benefit: { edition: 2025, monthlyAmountCents: 50_000, iseeThresholdCents: 1_014_000, maxMonths: 12, maxExtensionMonths: 12 },
};

/** The 2023 edition: €350, ISEE €6,000, no extension, no CAF. */
const edition2023: EnvelopeInput = {
  type: 'sfl',
  locale: 'it',
  externalRef: 'GOLDEN-SFL-2023',
  benefit: { edition: 2023, monthlyAmountCents: 35_000, iseeThresholdCents: 600_000, maxMonths: 12, maxExtensionMonths: 0 },
};

/** The 2024 edition: the 2023 figures (€350, ISEE €6,000, 12 months, no extension); from 2024 a CAF can also file the application. */
const edition2024: EnvelopeInput = {
  type: 'sfl',
  locale: 'it',
  externalRef: 'GOLDEN-SFL-2024',
  benefit: { edition: 2024, monthlyAmountCents: 35_000, iseeThresholdCents: 600_000, maxMonths: 12, maxExtensionMonths: 0 },
};

const PAYMENT =
  'Se hai tutti i requisiti entro il 15 del mese, il pagamento arriva dal 27 dello stesso mese; se li hai dopo il 15, arriva il 15 del mese successivo.';

/** Golden guides of the sfl type (DOMAIN.md §5): public, so no citizen. */
export const golden: GoldenCitizen[] = [
  {
    name: '2025: €500 a month, ISEE up to €10,140, 12 months (+12 only with a training course running on) (DOMAIN.md §5)',
    envelope: edition2025,
    hears: [
      'Il Supporto vale 500,00 € al mese, per un massimo di 12 mesi.',
      'Si può prolungare fino a 12 mesi in più solo se stai seguendo un corso di formazione che continua oltre i primi 12 mesi; il prolungamento non è automatico.',
      "Spetta a chi ha tra diciotto e cinquantanove anni, vive in una famiglia con un ISEE fino a 10.140 € e non ha diritto all'Assegno di Inclusione.",
      PAYMENT,
      'oppure tramite un patronato o un CAF.',
      'conferma la tua partecipazione almeno ogni novanta giorni.',
      CALL_FOR_INFORMATION,
    ],
    neverHears: ['Pronto', 'pronta', 'benvenuto', 'benvenuta', '350,00', '6.000'],
    hearsEn: [
      'The Support is worth €500.00 a month, for up to 12 months. It can be extended by up to 12 more months only while you are on a training course that runs beyond the first 12 months; the extension is not automatic.',
      'If you meet all the requirements by the 15th of the month, payment comes from the 27th of the same month; if you meet them after the 15th, it comes on the 15th of the following month.',
    ],
    shows: { amount: [50_000] },
  },
  {
    name: '2023: €350 a month, ISEE up to €6,000, 12 months, applications online or through a patronato',
    envelope: edition2023,
    hears: [
      'Il Supporto vale 350,00 € al mese, per un massimo di 12 mesi. È pagato solo mentre partecipi',
      'con un ISEE fino a 6.000 €',
      'oppure tramite un patronato. Secondo',
      PAYMENT,
    ],
    neverHears: ['prolungare', 'CAF', '500,00'],
    shows: { amount: [35_000] },
  },
  {
    name: '2024: still €350 a month and ISEE up to €6,000, 12 months with no extension; applications also through a CAF (DOMAIN.md §5)',
    envelope: edition2024,
    hears: [
      'Il Supporto vale 350,00 € al mese, per un massimo di 12 mesi. È pagato solo mentre partecipi alle attività di formazione o di lavoro.',
      "Spetta a chi ha tra diciotto e cinquantanove anni, vive in una famiglia con un ISEE fino a 6.000 € e non ha diritto all'Assegno di Inclusione.",
      PAYMENT,
      'Primo passo: fai domanda online con SPID, CIE o CNS, oppure tramite un patronato o un CAF.',
      'Terzo: su SIISL firma il Patto di Attivazione Digitale e scegli almeno tre agenzie per il lavoro.',
      "Ricevere il Supporto è un impegno: devi partecipare davvero alle attività, confermare la partecipazione almeno ogni novanta giorni e non rifiutare le offerte di lavoro. Se abbandoni le attività o rifiuti un'offerta, perdi il Supporto.",
      CALL_FOR_INFORMATION,
    ],
    neverHears: ['prolungare', '500,00', '10.140', 'benvenut'],
    hearsEn: [
      'The Support is worth €350.00 a month, for up to 12 months. It is paid only while you take part in training or work activities.',
      'It is for people aged eighteen to fifty-nine, in a household with an ISEE up to €6,000, who are not entitled to the Assegno di Inclusione.',
      'Step one: apply online with SPID, CIE or CNS, or through a patronato or a CAF.',
    ],
    shows: { amount: [35_000] },
  },
];

const variant = (benefit: Record<string, unknown>) => ({ ...edition2025, benefit: { ...edition2025.benefit, ...benefit } }) as never;

/** Contradictory sfl envelopes, each refused with its field. */
export const refused: RefusedEnvelope[] = [
  {
    name: 'the 2025 edition at the old €350',
    envelope: variant({ monthlyAmountCents: 35_000 }),
    field: 'benefit.monthlyAmountCents',
    reason: /2025 edition has 500\.00 €.*got 350\.00 €/,
  },
  {
    name: 'the 2025 edition with the old ISEE limit €6,000',
    envelope: variant({ iseeThresholdCents: 600_000 }),
    field: 'benefit.iseeThresholdCents',
    reason: /10140\.00 €/,
  },
  { name: 'the 2025 edition for 18 months', envelope: variant({ maxMonths: 18 }), field: 'benefit.maxMonths', reason: /12 months.*got 18 months/ },
  {
    name: 'an extension in the 2023 edition',
    envelope: { ...edition2023, benefit: { ...edition2023.benefit, maxExtensionMonths: 12 } } as never,
    field: 'benefit.maxExtensionMonths',
    reason: /2023 edition has 0 months/,
  },
  {
    name: 'the 2025 edition without the extension',
    envelope: variant({ maxExtensionMonths: 0 }),
    field: 'benefit.maxExtensionMonths',
    reason: /12 months.*got 0 months/,
  },
  { name: 'an edition whose figures are not known (2027)', envelope: variant({ edition: 2027 }), field: 'benefit.edition', reason: /editions up to 2026/ },
  { name: 'a citizen on the public guide', envelope: { ...edition2025, citizen: { givenName: 'Maria' } } as never, field: 'citizen', reason: /unknown field/ },
];

import { CONTACT_NUMBERS, CONTACT_NUMBERS_EN, type GoldenCitizen, type RefusedEnvelope } from './golden';
import DATA from './golden-invalidita-envelopes.json';

/*
 * Golden citizens of the invalidita guide, from DOMAIN.md §6 (amounts and income limits of INPS
 * circ. 23/2025 for 2025 and circ. 153/2025 as corrected by msg. 628/2026 for 2026). The amounts
 * and limits are those of the verdict's year. Fiscal codes computed with encodeFiscalCode.
 */

/*
 * The citizens and the base verdicts are pure data, in golden-invalidita-envelopes.json:
 * - citizens (birth dates): MARIA 10 May 1980, GIUSEPPE 22 Sep 1975, ANNA 15 Jan 1988, MARIO
 *   30 Nov 1990, GIULIA_X 4 Jul 1985 (gender X), ANTONIO 18 Mar 1952, FRANCESCA 2 Dec 1979,
 *   PAOLO 12 Jun 1960, LUCA_CHILD 20 Apr 2015 (a minor).
 * - adult80: the 80% working-age adult of 2026, the monthly allowance with its income limit.
 * - full100: 100% with the attendance allowance and the inability pension, 2026, L. 104 art. 3 c. 3.
 * - minorFrequenza: a minor's verdict of 2025 with the attendance-at-school allowance, addressed
 *   to the mother.
 * - pct25: a 25% verdict, no invalidity recognised, no benefit.
 * Each entry below derives its envelope from them; the golden test parses every one with the schema.
 */
const { MARIA, GIUSEPPE, ANNA, MARIO, GIULIA_X, ANTONIO, FRANCESCA, PAOLO, LUCA_CHILD } = DATA.citizens;
const { adult80, full100, minorFrequenza, pct25 } = DATA.benefits;

const env = (citizen: object, benefit: object, externalRef = 'INV-GOLDEN-1') => ({ type: 'invalidita', locale: 'it', externalRef, citizen, benefit }) as never;

export const golden: GoldenCitizen[] = [
  {
    name: '80% working-age adult, 2026: monthly allowance €340.71 if personal income ≤ €5,852.21 (DOMAIN.md §6)',
    envelope: env(MARIA, adult80),
    hears: [
      'Gentile Maria, benvenuta nella tua videoguida.',
      "Con il verbale del 10 marzo 2026 ti è stata riconosciuta l'invalidità civile, con una percentuale dell'80%.",
      'Il verbale è rivedibile: vuol dire che la commissione ti valuterà di nuovo. La revisione è prevista per il 10 marzo 2028.',
      "Ti spetta l'assegno mensile di assistenza se il tuo reddito personale non supera 5.852,21 € all'anno.",
      "Nel 2026 l'importo è di 340,71 € al mese, con 13 pagamenti all'anno.",
      'Sono gli importi del 2026: ogni anno vengono aggiornati.',
      "Su questa prestazione non si paga l'IRPEF, l'imposta sul reddito.",
      'con il modello RED, la dichiarazione della situazione reddituale, che non è la dichiarazione dei redditi per il fisco.',
      'Puoi chiedere la Disability Card, la carta europea della disabilità',
      'servono una foto e un indirizzo per la spedizione.',
      "Con una percentuale dal 46% in su puoi iscriverti al collocamento mirato: è il servizio del centro per l'impiego che aiuta le persone con disabilità a trovare un lavoro adatto.",
      `al numero ${CONTACT_NUMBERS}`,
    ],
    neverHears: ['legge 104', 'del 80%', 'serve una foto', 'accompagnamento', 'permesso retribuito', '336,00', '5.771,35', 'benvenuto'],
    hearsEn: [
      'You are entitled to the monthly assistance allowance if your personal income is not above €5,852.21 a year. In 2026 it is €340.71 a month, paid 13 times a year.',
      'you can register for targeted job placement (collocamento mirato)',
      `call the contact centre on ${CONTACT_NUMBERS_EN}`,
    ],
    shows: { verdict: [80, '2026-03-10', '2028-03-10'], benefits: [34_071, 585_221] },
  },
  {
    name: '100% with attendance allowance €551.53 and inability pension €340.71 (limit €20,029.55), 2026, L. 104 art. 3 c. 3',
    envelope: env(GIUSEPPE, full100),
    hears: [
      'Gentile Giuseppe, benvenuto nella tua videoguida.',
      "Con il verbale del 20 febbraio 2026 ti è stata riconosciuta l'invalidità civile, con una percentuale del 100%.",
      "La commissione ti ha riconosciuto anche la condizione di disabilità grave prevista dalla legge 104, all'articolo 3, comma 3. Questo esito è scritto in un verbale separato, che arriva a parte.",
      'Il verbale non è rivedibile: non è prevista una nuova visita di revisione.',
      "Ti spetta la pensione di inabilità se il tuo reddito personale non supera 20.029,55 € all'anno. Nel 2026 l'importo è di 340,71 € al mese, con 13 pagamenti all'anno.",
      "Ti spetta anche l'indennità di accompagnamento, qualunque sia il reddito. Nel 2026 l'importo è di 551,53 € al mese, con 12 pagamenti all'anno.",
      "Su queste prestazioni non si paga l'IRPEF, l'imposta sul reddito.",
      'La pensione di inabilità dipende dal reddito',
      'Se lavori, hai diritto a tre giorni al mese di permesso retribuito. Gli stessi permessi spettano anche a un familiare che lavora e ti assiste.',
      "Per l'auto hai diritto all'IVA al 4% sull'acquisto. Vale per le auto a benzina fino a 2.000 centimetri cubi di cilindrata, diesel fino a 2.800, ibride o elettriche.",
      'Hai diritto anche alla detrazione IRPEF del 19% su una spesa fino a 18.075,99 €, una volta ogni 4 anni.',
      "Infine hai diritto all'esenzione dal bollo auto e dall'imposta di trascrizione.",
      'Queste agevolazioni valgono anche per il familiare che ti ha fiscalmente a carico.',
      'Puoi chiedere la Disability Card',
    ],
    neverHears: ['552,57', '542,02', 'non supera 19.772,50', 'rivedibile: vuol dire', 'benvenuta'],
    hearsEn: [
      'You are also entitled to the attendance allowance, regardless of income. In 2026 it is €551.53 a month, paid 12 times a year.',
      'The board also recognised your severe disability condition under law 104, article 3(3).',
    ],
    shows: { verdict: [100], benefits: [34_071 + 55_153, 55_153, 2_002_955] },
  },
  {
    name: "a minor's verdict of 2025 with the attendance-at-school allowance (€336.00, the minor's income ≤ €5,771.35), addressed to the mother",
    envelope: env(ANNA, minorFrequenza),
    hears: [
      'Gentile Anna, benvenuta in questa videoguida. La commissione medica ha concluso la valutazione di Luca e il verbale sanitario è pronto.',
      'che cosa comporta per Luca e che cosa puoi fare online.',
      "Con il verbale del 6 ottobre 2025 la commissione ha riconosciuto l'invalidità civile di Luca: Luca ha difficoltà persistenti a svolgere i compiti e le funzioni proprie della sua età.",
      'La revisione è prevista per il 6 ottobre 2027.',
      "A Luca spetta l'indennità di frequenza se il reddito personale di Luca non supera 5.771,35 € all'anno. Nel 2025 l'importo è di 336,00 € al mese.",
      "L'indennità di frequenza spetta mentre Luca va a scuola o segue terapie e percorsi di riabilitazione.",
      'Puoi chiedere per Luca la Disability Card',
      'servono una foto di Luca e un indirizzo per la spedizione.',
      'In vista della revisione puoi allegare online i documenti sanitari di Luca',
      'Puoi scaricare online il verbale di Luca quando ti serve.',
    ],
    neverHears: ['Ti spetta', 'il tuo verbale', 'nella tua videoguida', 'collocamento mirato', 'legge 104', 'modello RED', '340,71', 'percentuale'],
    hearsEn: [
      "Luca is entitled to the school attendance allowance (indennità di frequenza) if Luca's personal income is not above €5,771.35 a year. In 2025 it is €336.00 a month.",
    ],
    shows: { verdict: ['2025-10-06'], benefits: [33_600, 577_135] },
  },
  {
    name: 'a 25% verdict: no invalidity recognised, no benefit',
    envelope: env(MARIO, pct25),
    hears: [
      "Il tuo verbale del 3 febbraio 2025 indica una percentuale di invalidità del 25%. Sotto il 34% l'invalidità civile non è riconosciuta.",
      "Sotto il 34% non spettano prestazioni economiche per l'invalidità civile.",
      'Questo verbale non prevede agevolazioni fiscali o per il lavoro.',
      'Se la tua salute peggiora, puoi chiedere una nuova visita',
    ],
    neverHears: ['ti è stata riconosciuta', 'legge 104', 'collocamento mirato', 'Disability Card', 'rivedibile', 'Ti spetta', '€ al mese'],
    hearsEn: ['Your report of 3 February 2025 states an invalidity of 25%. Below 34%, civil invalidity is not recognised.'],
    shows: { verdict: [25] },
  },
  {
    name: 'a 0% verdict, neutral form of address: "dello 0%", "ti diamo il benvenuto"',
    envelope: env(GIULIA_X, { ...pct25, percentage: 0, verdictDate: '2026-01-08', law104: 'not-recognised' }),
    hears: [
      'Gentile Giulia, ti diamo il benvenuto nella tua videoguida.',
      'indica una percentuale di invalidità dello 0%.',
      "La commissione ha valutato anche la condizione di disabilità prevista dalla legge 104, ma non l'ha riconosciuta.",
    ],
    neverHears: ['del 0%', 'benvenuta', 'Giulia, benvenuto', 'ti è stata riconosciuta'],
  },
  {
    name: 'over 67 at 80% in 2026: no monthly allowance, never the targeted job placement, the Disability Card (over 67%)',
    envelope: env(ANTONIO, { ...adult80, verdictDate: '2026-05-04', reviewable: false, revisionDate: undefined, benefits: [] }),
    hears: [
      "Con il verbale del 4 maggio 2026 ti è stata riconosciuta l'invalidità civile, con una percentuale dell'80%.",
      "L'assegno mensile di assistenza spetta tra i 18 e i 67 anni: per questo, con una percentuale dell'80%, non spettano prestazioni economiche.",
      'Puoi chiedere la Disability Card',
    ],
    neverHears: ['collocamento mirato', 'Ti spetta', 'non supera'],
  },
  {
    name: 'deafness in 2025, working age: deafness pension €336.00 (limit €19,772.50) and communication allowance €267.83',
    envelope: env(FRANCESCA, {
      verdictDate: '2025-06-16',
      subject: { relation: 'self' },
      assessment: 'deafness',
      reviewable: false,
      law104: 'art3c1',
      benefits: [
        { kind: 'deaf-pension', monthlyCents: 33_600 },
        { kind: 'communication-allowance', monthlyCents: 26_783 },
      ],
      taxBenefits: ['car-vat-4'],
    }),
    hears: [
      'Con il verbale del 16 giugno 2025 ti è stata riconosciuta la sordità.',
      'La commissione ti ha riconosciuto anche la condizione di disabilità prevista dalla legge 104.',
      "Ti spetta la pensione per sordi se il tuo reddito personale non supera 19.772,50 € all'anno. Nel 2025 l'importo è di 336,00 € al mese, con 13 pagamenti all'anno.",
      "Ti spetta anche l'indennità di comunicazione, qualunque sia il reddito. Nel 2025 l'importo è di 267,83 € al mese, con 12 pagamenti all'anno.",
      'Puoi chiedere la Disability Card',
    ],
    neverHears: ['collocamento mirato', 'percentuale', 'permesso retribuito', 'detrazione IRPEF'],
  },
  {
    name: 'a ward over 67 with the attendance allowance in 2025, addressed to the guardian',
    envelope: env(PAOLO, {
      verdictDate: '2025-09-01',
      subject: { relation: 'ward', givenName: 'Elena', ageBand: '67+' },
      assessment: 'civil-invalidity',
      percentage: 100,
      reviewable: false,
      law104: 'not-assessed',
      benefits: [{ kind: 'attendance-allowance', monthlyCents: 54_202 }],
      taxBenefits: [],
    }),
    hears: [
      'Gentile Paolo, benvenuto in questa videoguida. La commissione medica ha concluso la valutazione di Elena',
      "Con il verbale del 1º settembre 2025 a Elena è stata riconosciuta l'invalidità civile, con una percentuale del 100%.",
      "A Elena spetta l'indennità di accompagnamento, qualunque sia il reddito. Nel 2025 l'importo è di 542,02 € al mese, con 12 pagamenti all'anno.",
      'Puoi chiedere per Elena la Disability Card',
    ],
    neverHears: ['pensione di inabilità', 'collocamento mirato', 'Ti spetta', 'legge 104'],
  },
];

const refuse = (name: string, citizen: object, benefit: object, field: string, reason: RegExp): RefusedEnvelope => ({
  name,
  envelope: env(citizen, benefit),
  field,
  reason,
});

export const refused: RefusedEnvelope[] = [
  refuse(
    'a monthly allowance for a 20% verdict',
    MARIA,
    { ...adult80, percentage: 20, reviewable: false, revisionDate: undefined, taxBenefits: [] },
    'benefit.benefits.0.kind',
    /monthly allowance needs a civil invalidity of 74% to 99% \(got civil invalidity 20%\)/,
  ),
  refuse(
    'a 40% inability pension',
    MARIA,
    { ...adult80, percentage: 40, benefits: [{ kind: 'inability-pension', monthlyCents: 34_071 }], taxBenefits: [] },
    'benefit.benefits.0.kind',
    /inability pension needs a civil invalidity of 100% \(got civil invalidity 40%\)/,
  ),
  refuse(
    'an inability pension over 67',
    ANTONIO,
    { ...full100, benefits: [{ kind: 'inability-pension', monthlyCents: 34_071 }], taxBenefits: [] },
    'benefit.benefits.0.kind',
    /inability pension is for ages 18 to 67 \(the person assessed is 67 or over/,
  ),
  refuse('a monthly allowance over 67', ANTONIO, adult80, 'benefit.benefits.0.kind', /monthly allowance is for ages 18 to 67/),
  refuse(
    'an attendance allowance at 90%',
    MARIA,
    { ...adult80, percentage: 90, benefits: [{ kind: 'attendance-allowance', monthlyCents: 55_153 }] },
    'benefit.benefits.0.kind',
    /attendance allowance needs a civil invalidity of 100%/,
  ),
  refuse(
    'the attendance-at-school allowance for an adult',
    MARIA,
    { ...adult80, benefits: [{ kind: 'frequency-allowance', monthlyCents: 34_071 }] },
    'benefit.benefits.0.kind',
    /frequenza\) is for minors/,
  ),
  refuse(
    "a minor's attendance allowance without the need of constant help",
    ANNA,
    { ...minorFrequenza, benefits: [{ kind: 'attendance-allowance', monthlyCents: 54_202 }] },
    'benefit.benefits.0.kind',
    /needs the finding "needs-constant-help"/,
  ),
  refuse(
    'the attendance-at-school allowance with the need of constant help (the attendance allowance instead)',
    ANNA,
    { ...minorFrequenza, minorFinding: 'needs-constant-help' },
    'benefit.benefits.0.kind',
    /needs a minor's civil invalidity with "persistent-difficulties"/,
  ),
  refuse(
    'a monthly allowance for a minor',
    ANNA,
    { ...minorFrequenza, benefits: [{ kind: 'monthly-allowance', monthlyCents: 33_600 }] },
    'benefit.benefits.0.kind',
    /monthly allowance needs a civil invalidity of 74% to 99%/,
  ),
  refuse(
    'a deafness pension on a civil invalidity verdict',
    MARIA,
    { ...adult80, benefits: [{ kind: 'deaf-pension', monthlyCents: 34_071 }] },
    'benefit.benefits.0.kind',
    /deafness pension needs a deafness verdict/,
  ),
  refuse(
    'a deafness pension over 67',
    ANTONIO,
    { ...pct25, percentage: undefined, assessment: 'deafness', verdictDate: '2026-02-02', benefits: [{ kind: 'deaf-pension', monthlyCents: 34_071 }] },
    'benefit.benefits.0.kind',
    /deafness pension is for ages 18 to 67/,
  ),
  refuse(
    'a blindness pension for a blind minor',
    ANNA,
    { ...minorFrequenza, minorFinding: undefined, assessment: 'blindness', blindness: 'total', benefits: [{ kind: 'blind-pension', monthlyCents: 36_337 }] },
    'benefit.benefits.0.kind',
    /blindness pension is paid from age 18/,
  ),
  refuse(
    'a communication allowance on a blindness verdict',
    MARIA,
    { ...adult80, percentage: undefined, assessment: 'blindness', blindness: 'total', benefits: [{ kind: 'communication-allowance', monthlyCents: 27_213 }] },
    'benefit.benefits.0.kind',
    /communication allowance needs a deafness verdict/,
  ),
  refuse(
    "a 2026 verdict with 2025's amount",
    MARIA,
    { ...adult80, benefits: [{ kind: 'monthly-allowance', monthlyCents: 33_600 }] },
    'benefit.benefits.0.monthlyCents',
    /monthly-allowance is 34071 cents a month in 2026.*got 33600/,
  ),
  refuse(
    'the uncorrected 2026 attendance allowance (€552.57, before msg. 628/2026)',
    GIUSEPPE,
    { ...full100, benefits: [{ kind: 'attendance-allowance', monthlyCents: 55_257 }] },
    'benefit.benefits.0.monthlyCents',
    /attendance-allowance is 55153 cents a month in 2026/,
  ),
  refuse(
    "the totally blind's accompaniment in 2026 (no figure in the table)",
    MARIA,
    {
      ...adult80,
      percentage: undefined,
      assessment: 'blindness',
      blindness: 'total',
      benefits: [{ kind: 'blind-attendance-allowance', monthlyCents: 102_244 }],
    },
    'benefit.benefits.0.kind',
    /no 2026 amount for blind-attendance-allowance/,
  ),
  refuse(
    'a verdict of 2024 (no rules or amounts for that year)',
    MARIA,
    { ...pct25, verdictDate: '2024-11-05' },
    'benefit.verdictDate',
    /DOMAIN.md's for 2025 and 2026/,
  ),
  refuse(
    "a minor's verdict addressed to the minor as 'self'",
    LUCA_CHILD,
    { ...minorFrequenza, subject: { relation: 'self' } },
    'benefit.subject.relation',
    /a minor's verdict is addressed to a parent or guardian/,
  ),
  refuse('a parent who is a minor', LUCA_CHILD, minorFrequenza, 'benefit.subject.relation', /must be an adult/),
  refuse(
    "a percentage on a minor's verdict",
    ANNA,
    { ...minorFrequenza, minorFinding: undefined, percentage: 80 },
    'benefit.percentage',
    /a minor's civil invalidity verdict states a finding/,
  ),
  refuse(
    "a minor's finding on an adult's verdict",
    MARIA,
    { ...adult80, minorFinding: 'persistent-difficulties' },
    'benefit.minorFinding',
    /only for a minor's verdict/,
  ),
  refuse(
    'an adult civil invalidity verdict without a percentage',
    MARIA,
    { ...adult80, percentage: undefined },
    'benefit.percentage',
    /required for an adult civil invalidity verdict/,
  ),
  refuse(
    'a percentage on a deafness verdict',
    FRANCESCA,
    { ...pct25, assessment: 'deafness', percentage: 60 },
    'benefit.percentage',
    /deafness verdict states no civil invalidity percentage/,
  ),
  refuse(
    'partial blindness (no amounts in DOMAIN.md)',
    MARIA,
    { ...pct25, percentage: undefined, assessment: 'blindness', blindness: 'partial' },
    'benefit.blindness',
    /partial blindness/,
  ),
  refuse(
    'the Disability Card at 60% without other grounds',
    MARIA,
    { ...adult80, percentage: 60, benefits: [] },
    'benefit.taxBenefits.0',
    /Disability Card needs civil invalidity over 67%.*this verdict has 60% and law104 not-assessed/,
  ),
  refuse(
    'the Disability Card at exactly 67%',
    MARIA,
    { ...adult80, percentage: 67, benefits: [] },
    'benefit.taxBenefits.0',
    /Disability Card needs civil invalidity over 67%/,
  ),
  refuse(
    'paid leave without a L. 104 assessment',
    GIUSEPPE,
    { ...full100, law104: 'not-assessed' },
    'benefit.taxBenefits.0',
    /paid leave .* needs the severe disability condition, law104 art3c3 \(got not-assessed\)/,
  ),
  refuse('paid leave with L. 104 art. 3 c. 1 only', GIUSEPPE, { ...full100, law104: 'art3c1' }, 'benefit.taxBenefits.0', /law104 art3c3 \(got art3c1\)/),
  refuse(
    'car concessions without blindness, deafness, accompaniment or reduced mobility',
    MARIA,
    { ...adult80, taxBenefits: ['car-vat-4'] },
    'benefit.taxBenefits.0',
    /car concessions need blindness, deafness, an accompaniment allowance or the verdict's reduced-mobility wording/,
  ),
  refuse(
    'the old "none" for Law 104 (not assessed and not recognised are different)',
    MARIA,
    { ...adult80, law104: 'none' },
    'benefit.law104',
    /expected one of not-assessed, not-recognised, art3c1, art3c3/,
  ),
  refuse(
    'a reviewable 25% verdict (nothing recognised to review)',
    MARIO,
    { ...pct25, reviewable: true, revisionDate: '2026-02-03' },
    'benefit.reviewable',
    /recognises no invalidity \(25%, under 34%\) has nothing to review/,
  ),
  refuse(
    'a revision date before the verdict',
    MARIA,
    { ...adult80, revisionDate: '2026-01-10' },
    'benefit.revisionDate',
    /must be after the verdict date 2026-03-10/,
  ),
  refuse(
    'a revision date 12 years after the verdict',
    MARIA,
    { ...adult80, revisionDate: '2038-03-10' },
    'benefit.revisionDate',
    /more than 10 years after the verdict date/,
  ),
  refuse(
    'a reviewable verdict without a revision date',
    MARIA,
    { ...adult80, revisionDate: undefined },
    'benefit.revisionDate',
    /required when the verdict is reviewable/,
  ),
  refuse(
    'the same benefit twice',
    MARIA,
    { ...adult80, benefits: [adult80.benefits[0], adult80.benefits[0]] },
    'benefit.benefits',
    /each benefit may appear only once/,
  ),
  refuse(
    'a ward without an age band',
    PAOLO,
    { ...adult80, subject: { relation: 'ward', givenName: 'Elena' } },
    'benefit.subject.ageBand',
    /expected one of 0-17, 18-66, 67\+/,
  ),
];

import type { z } from 'zod';
import type { pensione } from '../../compositions/pensione/schema';
import { CONTACT_NUMBERS, CONTACT_NUMBERS_EN, type GoldenCitizen, type RefusedEnvelope, refusedAtFields, type RefusedAtField } from './golden';
import ENVELOPES from './golden-pensione-envelopes.json';

/**
 * Golden citizens of the pensione guide, from DOMAIN.md §2's worked examples: decorrenza March,
 * first paid in May (March + April + May); the illustrative payslip (gross 2,007.74 → IRPEF 416.53,
 * regional 30.66, municipal 6.14 + advance 2.59, union 8.03 → net 1,540.10); a pension starting in
 * October with arrears through December including the pro-rated 13th. Fiscal codes were computed
 * with encodeFiscalCode from the birth date in each comment. Nets of lump sums (first payment, 13th)
 * are the institute's: here plausible figures (23% IRPEF on the 13th, no deductions).
 */
type PensionEnvelope = z.input<typeof pensione.envelope>;

/**
 * The envelopes are pure data, written out in full in golden-pensione-envelopes.json under these names:
 * - marchToMay: DOMAIN.md §2: "decorrenza March, first paid in May → March+April+May". Old-age
 *   pension at 67, first paid on 2 May 2025 (the May 2025 payday of DOMAIN's calendar). Monthly
 *   gross 1,500.00 with the pension-income deduction: IRPEF (4,485.00 − 1,247.05) / 13 = 249.07. The
 *   13th of 2025 is pro-rated to the 10 months March–December: 1,250.00 gross. Born 1957-11-20 (F),
 *   F205.
 * - illustrativeSlip: DOMAIN.md §2's illustrative slip: gross 2,007.74 → IRPEF 416.53, regional
 *   30.66, municipal 6.14 + advance 2.59, union 8.03 → net 1,540.10. As printed the lines add up to
 *   463.95, not 467.64: the slip carries one more line of 3.69, taken here as a tax adjustment
 *   (conguaglio). A slip with surcharges and an advance is a second-year one from March: the pension
 *   started on 1 November 2025, first paid on 2 February 2026 (1 February is a Sunday) with the
 *   arrears November–January and the 2025 13th (2/12 of 2,007.74 = 334.62). Paid at the post office:
 *   Saturdays count (2 May and 1 August 2026). Born 1958-06-15 (M), F839.
 * - octoberToDecember: DOMAIN.md §2: a pension starting in October with arrears through December,
 *   including the pro-rated 13th. A survivor's pension from 1 October 2025, first paid on 1 December
 *   2025: October and November (arrears, 3,200.00) and December with the 13th pro-rated to 3 months
 *   (1,600.00 × 3/12 = 400.00): 5,200.00 gross. The widow is 63: the quattordicesima is a future
 *   right. Family deductions for a child of 24 and a parent who lives with her. Born 1962-04-10 (F),
 *   A944.
 * - midYear: A pension starting mid-year: the disability allowance from 1 June 2025, first paid on
 *   7 July 2025 (June in arrears). The calendar's December tile is the ordinary month (963.17) plus
 *   the 13th pro-rated to the 7 months June–December (1,100.00 × 7/12 = 641.67 gross, 490.88 net):
 *   1,454.05. A 45-year-old who asked for a neutral form of address (X). Born 1980-02-03 (M in the
 *   code), H501.
 * - inabilityJanuary: The inability pension, no arrears, first paid on January's payday: the
 *   second banking day, 5 January 2026 (1 January is a holiday, 2 January the first banking day,
 *   then a weekend). No deductions requested: 23% IRPEF on the whole amount. Born 1973-09-08 (F),
 *   L219.
 */
// JSON widens the literals ('pensione', 'F'…); the golden test parses every envelope with the schema.
const { marchToMay, illustrativeSlip, octoberToDecember, midYear, inabilityJanuary } = ENVELOPES as Record<keyof typeof ENVELOPES, PensionEnvelope>;

export const golden: GoldenCitizen[] = [
  {
    name: 'Decorrenza March, first paid in May: March + April + May, pro-rated 13th in December (DOMAIN.md §2)',
    envelope: marchToMay,
    hears: [
      'Gentile Anna, benvenuta nella tua videoguida.',
      'Ti spetta la pensione di vecchiaia dal 1º marzo 2025: questa data si chiama decorrenza, ed è il giorno da cui ti spetta.',
      'Il primo pagamento arriva il 2 maggio 2025: riceverai 3.752,79 € netti.',
      'Comprende gli arretrati di marzo e aprile, cioè i mesi che ti spettavano già, e la pensione di maggio.',
      'In tutto sono 4.500,00 € lordi, di cui 3.000,00 € di arretrati.',
      "Da giugno 2025 la pensione è di 1.500,00 € lordi al mese. Si toglie l'IRPEF: riceverai 1.250,93 € netti.",
      'Con la pensione di dicembre 2025 riceverai anche la tredicesima: 962,50 € netti. È calcolata in proporzione ai 10 mesi di pensione del 2025. Sulla tredicesima non si applicano le detrazioni. A dicembre riceverai quindi 2.213,43 € netti in tutto.',
      "Se il tuo reddito personale non supera 15.688,40 € l'anno, il limite del 2025, ti spetta anche la quattordicesima, di solito a luglio. Con 38 anni di contributi è di 655 € fino a 11.766,30 € di reddito, altrimenti di 504 €.",
      `Per aiuto chiama il contact center: ${CONTACT_NUMBERS}.`,
      "Da parte dell'Istituto, buona pensione!",
    ],
    neverHears: ['benvenuto', 'Gli obblighi del pensionato', 'Da parte di l', 'Con la tredicesima', 'importo aggiuntivo', 'Non ci sono arretrati'],
    hearsEn: [
      'Your first payment arrives on 2 May 2025: you will receive €3,752.79 net.',
      'It includes the arrears for March and April, that is the months already due to you, and the pension for May.',
      'With your December 2025 payment you will also receive the 13th month: €962.50 net. It is pro-rated to the 10 months it is due in 2025.',
      `For help, call the contact centre: ${CONTACT_NUMBERS_EN}.`,
    ],
    shows: { 'first-payment': [450_000, 300_000, 375_279], payslip: [24_907], calendar: ['2025-05-02', '2025-11-03', 125_093], pension: [38] },
  },
  {
    name: 'The illustrative slip 2,007.74 → net 1,540.10, second year, Poste on Saturdays, arrears with the 2025 13th (DOMAIN.md §2)',
    envelope: illustrativeSlip,
    hears: [
      'Gentile Giuseppe, benvenuto nella tua videoguida.',
      'Il primo pagamento arriva il 2 febbraio 2026: riceverai 6.410,40 € netti.',
      'Comprende gli arretrati da novembre 2025 a gennaio 2026, con la tredicesima del 2025, cioè i mesi che ti spettavano già, e la pensione di febbraio 2026.',
      'In tutto sono 8.365,58 € lordi, di cui 6.357,84 € di arretrati.',
      "La tredicesima del 2025 è di 334,62 € lordi, in proporzione ai 2 mesi di pensione dell'anno.",
      "Da marzo 2026 la pensione è di 2.007,74 € lordi al mese. Si tolgono l'IRPEF, l'addizionale regionale, l'addizionale comunale, l'acconto dell'addizionale comunale, il conguaglio fiscale e la trattenuta sindacale: riceverai 1.540,10 € netti.",
      "Le addizionali sono imposte locali dell'anno prima, in undici rate da gennaio a novembre.",
      'Con Poste Italiane conta anche il sabato, quindi a volte arriva prima.',
      'Con la pensione di dicembre 2026 riceverai anche la tredicesima: 1.484,72 € netti. Sulla tredicesima non si applicano le detrazioni. A dicembre, senza le rate delle addizionali, riceverai quindi 3.067,90 € netti in tutto.',
      "Il conguaglio fiscale può cambiare l'importo dei mesi successivi: lo trovi nel cedolino di ogni mese.",
    ],
    neverHears: ['benvenuta', 'Arriva sul conto', 'Dal prossimo anno'],
    shows: { payslip: [200_774, 41_653, 3_066, 614, 259, 803, 154_010], calendar: ['2026-05-02', '2026-08-01'], 'first-payment': [836_558, 635_784] },
  },
  {
    name: 'October start, first paid in December: arrears through December with the 13th pro-rated to 3 months (DOMAIN.md §2)',
    envelope: octoberToDecember,
    hears: [
      'Gentile Maria, benvenuta nella tua videoguida.',
      'Ti spetta la pensione ai superstiti dal 1º ottobre 2025',
      'La paga la Cassa pensioni dei dipendenti degli enti locali (CPDEL), ed è calcolata sui 35 anni di contributi del tuo familiare.',
      'Il primo pagamento arriva il 1º dicembre 2025: riceverai 4.571,78 € netti.',
      'Comprende gli arretrati di ottobre e novembre, cioè i mesi che ti spettavano già, e la pensione di dicembre con la tredicesima. Per questo è più alto dei successivi.',
      'In tutto sono 5.200,00 € lordi, di cui 3.200,00 € di arretrati.',
      "La tredicesima del 2025 è di 400,00 € lordi, in proporzione ai 3 mesi di pensione dell'anno.",
      'Ogni anno, con la pensione di dicembre, ricevi anche la tredicesima.',
      'Hai chiesto anche le detrazioni per familiari a carico: un figlio di 24 anni e un genitore che vive con te.',
      "Dall'anno in cui compi 64 anni, se il tuo reddito personale è basso, potrà spettarti anche la quattordicesima, di solito a luglio.",
      'Se hai altri redditi, la pensione ai superstiti può essere ridotta: dichiarali ogni anno.',
      "L'Istituto ti ringrazia per l'attenzione.",
    ],
    neverHears: ['buona pensione', 'Gli obblighi del pensionato', 'ti spetta anche la quattordicesima', 'Con la pensione di dicembre 2025 riceverai'],
    shows: { 'first-payment': [520_000, 320_000, 40_000, 457_178], calendar: ['2026-01-05'] },
  },
  {
    name: 'Mid-year start: the December tile is the ordinary month plus the 13th pro-rated to 7 months; a 45-year-old addressed neutrally',
    envelope: midYear,
    hears: [
      'Gentile Luca, ti diamo il benvenuto nella tua videoguida. La tua domanda è stata accolta e il tuo assegno è in pagamento.',
      "Ti spetta l'assegno ordinario di invalidità dal 1º giugno 2025",
      "Comprende gli arretrati di giugno, cioè il mese che ti spettava già, e l'assegno di luglio.",
      "Da agosto 2025 l'assegno è di 1.100,00 € lordi al mese. Si tolgono l'IRPEF e la trattenuta sindacale: riceverai 963,17 € netti.",
      "Con l'assegno di dicembre 2025 riceverai anche la tredicesima: 490,88 € netti. È calcolata in proporzione ai 7 mesi di assegno del 2025.",
      'A dicembre riceverai quindi 1.454,05 € netti in tutto.',
      "L'assegno ordinario di invalidità dura tre anni: chiedi la conferma prima che scada.",
    ],
    neverHears: ['Luca, benvenuto', 'Luca, benvenuta', 'quattordicesima', 'Buona pensione', 'buona pensione'],
    hearsEn: [
      'Dear Luca, welcome to your video guide. Your application has been accepted and your allowance is now being paid.',
      'So in December you will receive €1,454.05 net in all.',
    ],
    shows: { calendar: [145_405, '2025-12-01', 96_317] },
  },
  {
    name: 'Inability pension, no arrears, first paid on the second banking day of January, no deductions requested',
    envelope: inabilityJanuary,
    hears: [
      'Il primo pagamento arriva il 5 gennaio 2026: riceverai 693,00 € netti. Non ci sono arretrati: la pensione ti spetta dallo stesso mese.',
      'La prima rata di una pensione nuova si paga il giorno 1 o il giorno 7 del mese, o il primo giorno utile dopo.',
      'La pensione è pagata il primo giorno del mese in cui le banche sono aperte; a gennaio, il secondo.',
      "Nella domanda non hai chiesto le detrazioni d'imposta",
      'La pensione di inabilità non è compatibile con nessuna attività lavorativa: se riprendi a lavorare, comunicalo subito.',
      "Se ricevi somme legate al reddito, come l'integrazione al minimo, ogni anno comunica con il modello RED i redditi che non sono nella dichiarazione dei redditi.",
    ],
    neverHears: [
      'qualsiasi attività lavorativa',
      'Sulla tredicesima non si applicano le detrazioni',
      'quattordicesima',
      'Gli obblighi del pensionato',
      'arretrati di',
    ],
    hearsEn: ['The incapacity pension cannot be combined with any work at all: if you start working again, tell us at once.'],
    shows: { 'first-payment': [69_300], calendar: ['2026-01-05', '2026-02-02'] },
  },
];

/** A golden envelope with one contradiction written into it. */
function breaking(base: PensionEnvelope, edit: (e: PensionEnvelope & { benefit: any; citizen: any }) => void): PensionEnvelope {
  const e = structuredClone(base) as PensionEnvelope & { benefit: any; citizen: any };
  edit(e);
  return e;
}

/** Refusals that set one field and are refused at that field. */
const REFUSED_AT_FIELD: RefusedAtField<PensionEnvelope>[] = [
  [
    'a first payment gross that is not the months from the start date × the monthly gross',
    marchToMay,
    'benefit.firstPayment.grossCents',
    300_000,
    /3 months from 2025-03 to 2025-05 × €1500\.00 = €4500\.00 \(got €3000\.00\)/,
  ],
  [
    'arrears months that are not the months between the start month and the payment month',
    marchToMay,
    'benefit.firstPayment.arrearsMonths',
    3,
    /there are 2 months of arrears \(got 3\)/,
  ],
  [
    'an arrears amount that does not follow the arrears months',
    marchToMay,
    'benefit.firstPayment.arrearsCents',
    150_000,
    /2 months of arrears × €1500\.00 = €3000\.00 \(got €1500\.00\)/,
  ],
  [
    'a 13th gross that is not the monthly gross × months / 12',
    marchToMay,
    'benefit.thirteenth.grossCents',
    150_000,
    /€1500\.00 × 10\/12 = €1250\.00 \(got €1500\.00\)/,
  ],
  [
    'a 13th whose net equals its gross while the monthly slip withholds IRPEF',
    marchToMay,
    'benefit.thirteenth.netCents',
    125_000,
    /taxed without deductions.*\(€1500\.00 − €249\.07\) × 10\/12 = €1042\.44, got €1250\.00/,
  ],
  [
    "a 13th whose net is above a month's net after IRPEF, pro-rated (it is taxed without the deductions)",
    marchToMay,
    'benefit.thirteenth.netCents',
    110_000,
    /expected a net of at most .* = €1042\.44, got €1100\.00/,
  ],
  [
    'a first payment whose net equals its gross while the monthly slip withholds IRPEF ("riceverai 4.500,00 € netti")',
    marchToMay,
    'benefit.firstPayment.netCents',
    450_000,
    /withholds IRPEF \(€249\.07\).*expected a net below the gross €4500\.00, got €4500\.00/,
  ],
  ['a 13th whose net exceeds its gross', marchToMay, 'benefit.thirteenth.netCents', 130_000, /must not exceed the gross/],
  [
    "a separate 13th when the first payment is December's (it holds the 13th)",
    octoberToDecember,
    'benefit.thirteenth',
    { months: 3, grossCents: 40_000, netCents: 30_800 },
    /the first payment is December's/,
  ],
  [
    'a first payment on neither day 1 (the payday) nor day 7',
    marchToMay,
    'benefit.firstPaymentDate',
    '2025-05-15',
    /in 2025-05 that is 2025-05-02 or 2025-05-07 \(got 2025-05-15\)/,
  ],
  [
    "a January first payment on the first banking day (January's payday is the second)",
    inabilityJanuary,
    'benefit.firstPaymentDate',
    '2026-01-02',
    /in 2026-01 that is 2026-01-05 or 2026-01-07/,
  ],
  [
    'the illustrative slip exactly as printed: its lines do not add up to gross minus net',
    illustrativeSlip,
    'benefit.monthly.withholdings',
    illustrativeSlip.benefit.monthly.withholdings.filter((w) => w.kind !== 'tax-adjustment'),
    /add up to 46395 cents, expected gross minus net = 46764/,
  ],
  ['a monthly net above the gross', marchToMay, 'benefit.monthly.netCents', 160_000, /must not exceed the gross amount/],
  ['a monthly gross in the wrong unit (euros × 100 twice)', marchToMay, 'benefit.monthly.grossCents', 15_000_000, /implausible: check the unit/],
  ['a first payment net below half its gross', marchToMay, 'benefit.firstPayment.netCents', 100_000, /less than half the gross/],
  [
    'dependants without family deductions',
    marchToMay,
    'benefit.dependants',
    { spouse: true, children: [], others: [] },
    /only allowed when family deductions are requested/,
  ],
  [
    'a disability allowance at 67 (a working-age benefit)',
    marchToMay,
    'benefit.pensionType',
    'disability-allowance',
    /the citizen is 67 .*working-age benefit/,
  ],
  ['an inability pension at 67 (a working-age benefit)', marchToMay, 'benefit.pensionType', 'inability', /the inability pension is a working-age benefit/],
  [
    'more years of contributions than the age allows (from 14)',
    marchToMay,
    'benefit.contributionYears',
    55,
    /the citizen is 67: at most 53 years of contributions/,
  ],
  ['an old-age pension at 67 on 10 years of contributions', marchToMay, 'benefit.contributionYears', 10, /needs at least 15 years of contributions \(got 10\)/],
  ['a start date that is not the first of a month', marchToMay, 'benefit.startDate', '2025-03-15', /starts on the first day of a month/],
  ['a first payment before the start date', marchToMay, 'benefit.firstPaymentDate', '2025-02-03', /is before the start date/],
];

export const refused: RefusedEnvelope[] = [
  {
    name: 'the December 13th missing from a first payment whose arrears span December',
    envelope: breaking(illustrativeSlip, (e) => {
      e.benefit.firstPayment.thirteenthCents = 0;
      e.benefit.firstPayment.grossCents -= 33_462;
      e.benefit.firstPayment.arrearsCents -= 33_462;
    }),
    field: 'benefit.firstPayment.thirteenthCents',
    reason: /includes December 2025 \(13th: 2\/12 of the monthly gross = €334\.62\)/,
  },
  {
    name: 'the 13th of a first payment in December not pro-rated (a full month for 3 months of pension)',
    envelope: breaking(octoberToDecember, (e) => {
      e.benefit.firstPayment.thirteenthCents = 160_000;
      e.benefit.firstPayment.grossCents = 640_000;
    }),
    field: 'benefit.firstPayment.thirteenthCents',
    reason: /3\/12 of the monthly gross = €400\.00.*got €1600\.00/,
  },
  {
    name: 'a 13th in a first payment without any December in its span',
    envelope: breaking(marchToMay, (e) => {
      e.benefit.firstPayment.thirteenthCents = 12_500;
      e.benefit.firstPayment.grossCents += 12_500;
    }),
    field: 'benefit.firstPayment.thirteenthCents',
    reason: /no December falls between 2025-03 and 2025-05/,
  },
  {
    name: 'no 13th for the December after a first payment in May',
    envelope: breaking(marchToMay, (e) => {
      delete e.benefit.thirteenth;
    }),
    field: 'benefit.thirteenth',
    reason: /required: the 13th paid in December 2025/,
  },
  {
    name: 'a first-year 13th not pro-rated to the months of pension (12 for a March start)',
    envelope: breaking(marchToMay, (e) => {
      e.benefit.thirteenth = { months: 12, grossCents: 150_000, netCents: 115_500 };
    }),
    field: 'benefit.thirteenth.months',
    reason: /has 10 months of pension in 2025.*got 12/,
  },
  {
    name: 'a bank payment on a Saturday (only post offices pay on Saturdays)',
    envelope: breaking(illustrativeSlip, (e) => {
      e.benefit.paymentChannel = 'bank';
      e.benefit.startDate = '2025-12-01';
      e.benefit.firstPaymentDate = '2026-02-07';
    }),
    field: 'benefit.firstPaymentDate',
    reason: /next day banks pay: in 2026-02 that is 2026-02-02 or 2026-02-09 \(got 2026-02-07\)/,
  },
  {
    name: 'a first payment outside the years whose figures the guide knows',
    envelope: breaking(marchToMay, (e) => {
      e.benefit.startDate = '2024-03-01';
      e.benefit.firstPaymentDate = '2024-05-02';
    }),
    field: 'benefit.firstPaymentDate',
    reason: /first payments in 2025–2027/,
  },
  {
    name: 'IRPEF above the top rate (43%) of the gross',
    envelope: breaking(marchToMay, (e) => {
      e.benefit.monthly = { grossCents: 150_000, netCents: 75_000, withholdings: [{ kind: 'irpef', cents: 75_000 }] };
    }),
    field: 'benefit.monthly.withholdings.0.cents',
    reason: /more than 43% \(the top rate\)/,
  },
  {
    name: "surcharge instalments on December's slip",
    envelope: breaking(illustrativeSlip, (e) => {
      e.benefit.startDate = '2025-09-01';
      e.benefit.firstPaymentDate = '2025-11-03';
      e.benefit.firstPayment = { grossCents: 602_322, netCents: 462_030, arrearsCents: 401_548, arrearsMonths: 2, thirteenthCents: 0 };
      e.benefit.thirteenth = { months: 4, grossCents: 66_925, netCents: 51_532 };
      e.benefit.monthly.withholdings = e.benefit.monthly.withholdings.filter(
        (w: { kind: string }) => w.kind !== 'municipal-advance' && w.kind !== 'tax-adjustment',
      );
      e.benefit.monthly.netCents = 154_638;
    }),
    field: 'benefit.monthly.withholdings.1.kind',
    reason: /December's \(2025-12\): regional-surcharge instalments are withheld January–November only/,
  },
  {
    name: "a municipal advance on February's slip (it starts in March)",
    envelope: breaking(illustrativeSlip, (e) => {
      e.benefit.firstPaymentDate = '2026-01-07';
      e.benefit.firstPayment = { grossCents: 635_784, netCents: 487_030, arrearsCents: 435_010, arrearsMonths: 2, thirteenthCents: 33_462 };
    }),
    field: 'benefit.monthly.withholdings.3.kind',
    reason: /2026-02's: the municipal advance is withheld from March to November/,
  },
  {
    name: 'the same withholding twice on one slip',
    envelope: breaking(marchToMay, (e) => {
      e.benefit.monthly.withholdings = [
        { kind: 'irpef', cents: 12_000 },
        { kind: 'irpef', cents: 12_907 },
      ];
    }),
    field: 'benefit.monthly.withholdings.1.kind',
    reason: /irpef appears twice/,
  },
  {
    name: 'a child under 21 as a dependant (from 2025 the Assegno Unico covers them)',
    envelope: breaking(octoberToDecember, (e) => {
      e.benefit.dependants.children = [{ age: 17, disabled: false }];
    }),
    field: 'benefit.dependants.children.0.age',
    reason: /under 21 gives no tax deduction/,
  },
  {
    name: 'a child over 29 without a disability',
    envelope: breaking(octoberToDecember, (e) => {
      e.benefit.dependants.children = [{ age: 33, disabled: false }];
    }),
    field: 'benefit.dependants.children.0.age',
    reason: /over 29 counts only with a disability/,
  },
  {
    name: 'a sibling as "other relative" (from 2025 only ascendants)',
    envelope: breaking(octoberToDecember, (e) => {
      e.benefit.dependants.others = [{ relation: 'sibling', cohabiting: true }];
    }),
    field: 'benefit.dependants.others.0.relation',
    reason: /only for parents and grandparents living with the pensioner \(got sibling\)/,
  },
  {
    name: 'a parent who does not live with the pensioner',
    envelope: breaking(octoberToDecember, (e) => {
      e.benefit.dependants.others = [{ relation: 'parent', cohabiting: false }];
    }),
    field: 'benefit.dependants.others.0.cohabiting',
    reason: /counts only when living with the pensioner/,
  },
  {
    name: 'a child implausibly close in age to the pensioner',
    envelope: breaking(octoberToDecember, (e) => {
      e.benefit.dependants.children = [{ age: 55, disabled: true }];
    }),
    field: 'benefit.dependants.children.0.age',
    reason: /a child aged 55 of a 63-year-old pensioner is implausible/,
  },
  {
    name: 'an old-age pension at 61 (67 in 2025–2026)',
    envelope: breaking(marchToMay, (e) => {
      e.citizen = { givenName: 'Paolo', familyName: 'Greco', gender: 'M', fiscalCode: 'GRCPLA63E05G273R', province: 'PA' };
    }),
    field: 'benefit.pensionType',
    reason: /the citizen is 61 on the start date 2025-03-01 \(from the fiscal code\): the old-age pension starts at 67/,
  },
  {
    name: 'an early pension at 68 (from 67 it is an old-age pension)',
    envelope: breaking(marchToMay, (e) => {
      e.citizen = { givenName: 'Marco', familyName: 'Gallo', gender: 'M', fiscalCode: 'GLLMRC57A10H501R', province: 'RM' };
      e.benefit.pensionType = 'early';
    }),
    field: 'benefit.pensionType',
    reason: /the citizen is 68 .*an early pension is paid before 67/,
  },
  {
    name: "a survivor's guide addressed to a 12-year-old (a minor's pension is the guardian's to collect)",
    envelope: breaking(octoberToDecember, (e) => {
      e.citizen = { givenName: 'Sara', familyName: 'Costa', gender: 'F', fiscalCode: 'CSTSRA13C43D612C', province: 'FI', birthDate: '2013-03-03' };
      delete e.benefit.dependants;
      e.benefit.deductionRequest = 'pension-income';
    }),
    field: 'citizen.birthDate',
    reason: /the citizen is 12 on 2025-10-01: this benefit is for ages 18 to 115/,
  },
  ...refusedAtFields(REFUSED_AT_FIELD),
];

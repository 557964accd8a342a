import type { z } from 'zod';
import type { naspi } from '../../compositions/naspi/schema';
import { CONTACT_NUMBERS, CONTACT_NUMBERS_EN, type GoldenCitizen, type RefusedEnvelope, refusedAtFields, type RefusedAtField } from './golden';
import ENVELOPES from './golden-naspi-envelopes.json';

/**
 * Golden citizens of the naspi guide, from DOMAIN.md §1's worked examples (2025 threshold
 * 1,436.61 €, cap 1,562.82 €; 2026 threshold 1,456.72 €, cap 1,584.70 €). The envelopes are pure
 * data, written out in full in golden-naspi-envelopes.json under the names below, with each
 * payment calendar as the institute sends it (one row per calendar month: period, pay date, gross
 * and net cents). Nets are the institute's (here: plausible figures, 23% IRPEF less the deduction
 * when requested). Fiscal codes were computed with encodeFiscalCode from these birth dates:
 * - rmm1200: born 1990-05-14 (F in the code), H501
 * - rmm2000: born 1982-09-03 (M in the code), F205
 * - rmm3000over55: born 1967-03-20 (F in the code), F839
 * - cap31jan: born 1985-11-30 (M in the code), L219
 * - lateYearBoundary: born 1979-07-08 (F in the code), A944
 * - cap2026max: born 1975-01-15 (M in the code), D612
 */
type NaspiEnvelope = z.input<typeof naspi.envelope>;

// JSON widens the literals ('naspi', 'F'…); the golden test parses every envelope with the schema.
const { rmm1200, rmm2000, rmm3000over55, cap31jan, lateYearBoundary, cap2026max } = ENVELOPES as Record<keyof typeof ENVELOPES, NaspiEnvelope>;

export const golden: GoldenCitizen[] = [
  {
    name: 'RMM 1,200 € → 900.00 € (DOMAIN.md §1), under 55, 104 weeks, starts on 1 March 2025',
    envelope: rmm1200,
    hears: [
      'Gentile Giulia, benvenuta nella tua videoguida.',
      'La tua NASpI va dal 1º marzo 2025 al 27 febbraio 2026.',
      "Il tuo lavoro è finito il 21 febbraio 2025 e hai fatto domanda entro otto giorni: per questo la NASpI parte dall'ottavo giorno dopo la fine del lavoro.",
      'Tu ne hai 104: la metà sono 52 settimane, cioè 364 giorni.',
      'La tua è di 1.200,00 €.',
      'Fino a 1.436,61 €, la soglia per chi ha perso il lavoro nel 2025, la NASpI è il settantacinque per cento della retribuzione media.',
      'Per te sono 900,00 € lordi al mese: lordi vuol dire prima delle tasse.',
      "È l'importo dei primi cinque mesi: poi scende, come vediamo tra poco.",
      'Per un mese intero, per esempio marzo 2025, ricevi 853,00 € netti: è la somma che arriva sul tuo conto, dopo le tasse.',
      "Dal sesto mese di NASpI, cioè dal 1º agosto 2025, l'importo scende ogni mese del tre per cento rispetto al mese prima.",
      "Nel sesto mese l'importo è di 873,00 € lordi, nel settimo di 846,81 €, nell'ottavo di 821,41 €, e nell'ultimo mese, il dodicesimo, di 727,19 €.",
      'Il primo pagamento è previsto il 12 aprile 2025: 853,00 € netti per marzo 2025.',
      "L'ultimo pagamento, 694,23 € netti per 27 giorni di febbraio 2026, fino al 27 febbraio 2026, è previsto il 12 marzo 2026.",
      'Nella domanda hai chiesto le detrazioni per lavoro dipendente',
      "Se hai comunicato un reddito e la tua NASpI continua nell'anno nuovo, entro il 31 gennaio comunica di nuovo il reddito che prevedi per quell'anno.",
      `Per parlare con un operatore chiama ${CONTACT_NUMBERS}.`,
    ],
    neverHears: ['venticinque per cento', 'importo massimo', 'cinquantacinque', 'ricevi 900,00'],
    hearsEn: [
      'Your NASpI runs from 1 March 2025 to 27 February 2026.',
      'For you that is €900.00 gross a month: gross means before tax.',
      'For a whole month, for example March 2025, you receive €853.00 net: that is what reaches your account, after tax.',
      `To speak to an operator, call ${CONTACT_NUMBERS_EN}.`,
    ],
    shows: { amount: [90000, 120000], reduction: [87300], payments: [85300, 69423], period: [364] },
  },
  {
    name: 'RMM 2,000 € → 1,218.31 € (DOMAIN.md §1): months 1–5 1,218.31, m6 1,181.76, m7 1,146.31, m8 1,111.92, m12 984.37',
    envelope: rmm2000,
    hears: [
      'Gentile Marco, benvenuto nella tua videoguida.',
      'Tu ne hai 156: la metà sono 78 settimane, cioè 546 giorni.',
      'Per chi ha perso il lavoro nel 2025 la soglia è di 1.436,61 €: la NASpI è il settantacinque per cento della soglia, cioè 1.077,46 €, più il venticinque per cento della parte della tua retribuzione che supera la soglia, cioè 140,85 €.',
      'Per te sono 1.218,31 € lordi al mese: lordi vuol dire prima delle tasse.',
      'Per un mese intero, per esempio marzo 2025, ricevi 1.098,10 € netti',
      "Nel sesto mese l'importo è di 1.181,76 € lordi, nel settimo di 1.146,31 €, nell'ottavo di 1.111,92 €, e nell'ultimo mese, il diciottesimo, di 819,95 €.",
      'Ogni mese è pagato nel mese successivo, con un bonifico sul conto che termina con 0 0 9 3.',
      "Se hai comunicato un reddito e la tua NASpI continua nell'anno nuovo, entro il 31 gennaio comunica di nuovo il reddito che prevedi per quell'anno.",
    ],
    neverHears: ['importo massimo', 'cinquantacinque', 'ricevi 1.218,31', 'lordi al mese: il tuo'],
    hearsEn: [
      'For those who lost their job in 2025 the threshold is €1,436.61: NASpI is seventy-five per cent of the threshold, €1,077.46, plus twenty-five per cent of the part of your pay above the threshold, €140.85.',
      'In the sixth month it is €1,181.76 gross, in the seventh €1,146.31, in the eighth €1,111.92',
    ],
    shows: { amount: [121831, 107746, 14085], reduction: [118176, 114631, 111192], payments: [109810] },
  },
  {
    name: 'RMM 3,000 € → 1,468.31 € (DOMAIN.md §1), aged 58 on the application date: reduction from month 8',
    envelope: rmm3000over55,
    hears: [
      'Gentile Anna, benvenuta nella tua videoguida.',
      'Tu ne hai 208, il massimo: la metà sono 104 settimane, cioè 728 giorni, la durata più lunga possibile.',
      'cioè 1.077,46 €, più il venticinque per cento della parte della tua retribuzione che supera la soglia, cioè 390,85 €.',
      'Per te sono 1.468,31 € lordi al mese: lordi vuol dire prima delle tasse.',
      "È l'importo dei primi sette mesi: poi scende, come vediamo tra poco.",
      "Dall'ottavo mese di NASpI, cioè dal 1º novembre 2025, l'importo scende ogni mese del tre per cento rispetto al mese prima.",
      "Per te la riduzione parte dall'ottavo mese e non dal sesto perché, quando hai fatto domanda, avevi 58 anni: per chi ha almeno cinquantacinque anni parte più tardi.",
      "Nell'ottavo mese l'importo è di 1.424,26 € lordi, nel nono di 1.381,53 €, nel decimo di 1.340,08 €, e nell'ultimo mese, il ventiquattresimo, di 874,85 €.",
      'Nella domanda non hai chiesto le detrazioni per lavoro dipendente, uno sconto sulle tasse. Se non hai altri redditi da lavoro, puoi chiederle online e pagare meno tasse ogni mese.',
    ],
    neverHears: ['Dal ottavo', 'Dal sesto mese', 'importo massimo'],
    hearsEn: ['For you the reduction starts from the eighth month rather than the sixth because you were 58 when you applied'],
    shows: { amount: [146831], reduction: [142426], payments: [113060] },
  },
  {
    name: "RMM 3,500 € above the 2025 cap (≈ 3,378 €): 1,562.82 €, the maximum; starts 31 January, 16 weeks (the issue's 31 January claim, paid by days)",
    envelope: cap31jan,
    hears: [
      'La tua NASpI va dal 31 gennaio 2025 al 27 marzo 2025.',
      'Tu ne hai 16: la metà sono 8 settimane, cioè 56 giorni.',
      "Il calcolo darebbe 1.593,31 €, ma per chi ha perso il lavoro nel 2025 la NASpI non può superare 1.562,82 € lordi al mese: il tuo è quindi l'importo massimo.",
      'Per un mese intero, per esempio febbraio 2025, ricevi 1.363,37 € netti',
      'Il primo pagamento è previsto il 12 febbraio 2025: 43,98 € netti per un giorno di gennaio 2025, perché la NASpI parte il 31 gennaio 2025.',
      'Quando la NASpI copre solo una parte di un mese, quel mese è pagato in proporzione ai giorni.',
      "L'ultimo pagamento, 1.187,46 € netti per 27 giorni di marzo 2025, fino al 27 marzo 2025, è previsto il 12 aprile 2025.",
      "Per tutta la tua NASpI l'importo mensile lordo resta lo stesso: la riduzione del tre per cento parte solo dal sesto mese, e la tua NASpI finisce prima.",
    ],
    neverHears: ['Per te sono 1.562,82', 'entro il 31 gennaio'],
    hearsEn: ['but for those who lost their job in 2025 NASpI cannot be more than €1,562.82 gross a month: yours is therefore the maximum amount.'],
    shows: { amount: [156282], payments: [4398, 136337, 118746] },
  },
  {
    name: 'Late application across the year end: job ended 19 December 2025, filed 20 January 2026, starts the day after; RMM 2,000 € with the 2025 figures (1,218.31 €, not 1,228.36 €); gender X',
    envelope: lateYearBoundary,
    hears: [
      'Gentile Alex, ti diamo il benvenuto nella tua videoguida.',
      'Il tuo lavoro è finito il 19 dicembre 2025 e hai fatto domanda il 20 gennaio 2026, dopo più di otto giorni: per questo la NASpI parte dal giorno dopo la domanda.',
      'La tua NASpI va dal 21 gennaio 2026 al 18 agosto 2026.',
      'Per chi ha perso il lavoro nel 2025 la soglia è di 1.436,61 €',
      'Per te sono 1.218,31 € lordi al mese',
      "Nel sesto mese l'importo è di 1.181,76 € lordi, nel settimo di 1.146,31 €.",
      "Nel mese in cui l'importo cambia, i giorni prima del 21 giugno 2026 sono pagati con l'importo di prima, gli altri con quello nuovo.",
      'Il primo pagamento è previsto il 12 febbraio 2026: 389,65 € netti per 11 giorni di gennaio 2026, perché la NASpI parte il 21 gennaio 2026.',
    ],
    neverHears: ['1.228,36', '1.456,72', ', benvenuta', ', benvenuto', 'entro il 31 gennaio', "dall'ottavo giorno"],
    shows: { amount: [121831], payments: [38965, 60542] },
  },
  {
    name: 'RMM 3,500 € in 2026: at the 2026 cap 1,584.70 €, 208 weeks (728 days, 24 payments from 1 March 2026)',
    envelope: cap2026max,
    hears: [
      'La tua NASpI va dal 1º marzo 2026 al 26 febbraio 2028.',
      "Il calcolo darebbe 1.603,36 €, ma per chi ha perso il lavoro nel 2026 la NASpI non può superare 1.584,70 € lordi al mese: il tuo è quindi l'importo massimo.",
      "Nel sesto mese l'importo è di 1.537,16 € lordi, nel settimo di 1.491,05 €, nell'ottavo di 1.446,32 €, e nell'ultimo mese, il ventiquattresimo, di 888,39 €.",
      "L'ultimo pagamento, 613,30 € netti per 26 giorni di febbraio 2028, fino al 26 febbraio 2028, è previsto il 12 marzo 2028.",
    ],
    neverHears: ['1.562,82', 'nel 2025'],
    shows: { amount: [158470], payments: [122022] },
  },
];

const clone = (e: NaspiEnvelope, change: (b: NaspiEnvelope['benefit'], e: NaspiEnvelope) => void): NaspiEnvelope => {
  const c = structuredClone(e);
  change(c.benefit, c);
  return c;
};

/** Refusals that set one field and are refused at that field. */
const REFUSED_AT_FIELD: RefusedAtField<NaspiEnvelope>[] = [
  [
    'a payment dated 2029 for February 2026 (a month is paid in the following month)',
    rmm1200,
    'benefit.payments.11.date',
    '2029-03-12',
    /expected 2026-02 paid in 2026-03, got 2029-03-12/,
  ],
  [
    'a first payment three months after its month',
    rmm1200,
    'benefit.payments.0.date',
    '2025-06-10',
    /expected 2025-03 paid in 2025-04 or 2025-05, got 2025-06-10/,
  ],
  [
    "the issue's claim from 31 January: one full January payment and none for the other days",
    cap31jan,
    'benefit.payments',
    [{ period: '2025-01', date: '2025-02-12', grossCents: 156282, netCents: 136337 }],
    /expected 3 payments, one per calendar month from 2025-01 to 2025-03; none for 2025-02 \(28 days\), 2025-03 \(27 days\)/,
  ],
  [
    'a partial first month paid in full (1 day of January paid as a whole month)',
    cap31jan,
    'benefit.payments.0.grossCents',
    156282,
    /expected 5041 cents for 2025-01: 1 days of month 1 at 156282, over 31 days in the month \(2025-01-31 to 2025-01-31\); got 156282/,
  ],
  [
    'an end date that is not half of the contribution weeks',
    cap31jan,
    'benefit.endDate',
    '2025-02-27',
    /half of 16 contribution weeks is 56 days: from 2025-01-31 the benefit ends on 2025-03-27, got 2025-02-27/,
  ],
  ['more contribution weeks than four years hold', rmm3000over55, 'benefit.contributionWeeks', 230, /at most 208 contribution weeks, got 230/],
  ['an amount above the 2025 cap', cap31jan, 'benefit.firstMonthlyAmountCents', 159331, /159331 cents is above the 2025 cap of 156282 cents/],
  [
    'a first amount that does not follow the average pay (75% of the whole RMM 2,000 € = 1,500 €)',
    rmm2000,
    'benefit.firstMonthlyAmountCents',
    150000,
    /does not follow the average monthly pay: .* is 121831 cents; got 150000/,
  ],
  [
    'a first amount computed with the wrong year (2026 threshold for a job that ended in December 2025)',
    lateYearBoundary,
    'benefit.firstMonthlyAmountCents',
    122836,
    /2025 threshold of 143661.* is 121831 cents; got 122836/,
  ],
  ['the cap of another year', cap31jan, 'benefit.capCents', 158470, /the 2025 NASpI cap is 156282 cents \(1562\.82 €\), got 158470/],
  [
    'a claimant at the cap not flagged as capped',
    cap31jan,
    'benefit.capped',
    false,
    /formula gives 159331 cents against the 2025 cap of 156282: expected capped true, got false/,
  ],
  ['a claimant below the cap flagged as capped', rmm3000over55, 'benefit.capped', true, /expected capped false, got true/],
  [
    'the 55+ rule without the age: reduction from month 8 for a claimant of 42',
    rmm2000,
    'benefit.reductionFromMonth',
    8,
    /the claimant was 42 on the application date \(from the fiscal code\): the reduction starts from month 6, got 8/,
  ],
  [
    'a claimant of 58 with the reduction from month 6',
    rmm3000over55,
    'benefit.reductionFromMonth',
    6,
    /the claimant was 58 on the application date.*from month 8, got 6/,
  ],
  [
    'no reduction in month 6 (every month paid at the first amount)',
    rmm2000,
    'benefit.payments.5.grossCents',
    121831,
    /expected 118176 cents for 2025-08: 31 days of month 6 at 118176/,
  ],
  ['a simple (not compounding) reduction: month 7 at first amount − 6%', rmm2000, 'benefit.payments.6.grossCents', 114521, /expected 114631 cents for 2025-09/],
  ['a net amount above the gross', rmm1200, 'benefit.payments.0.netCents', 95000, /net 95000 cents is more than gross 90000/],
  ['a net amount implausibly low (gross presented as net elsewhere, or a typo)', rmm1200, 'benefit.payments.1.netCents', 9000, /less than half of gross 90000/],
  [
    'an application after the 68-day deadline',
    lateYearBoundary,
    'benefit.applicationDate',
    '2026-02-26',
    /within 68 days of the end of the job \(2025-12-19: by 2026-02-25\), got 2026-02-26/,
  ],
  [
    'filed within 8 days but started the day after the application',
    rmm2000,
    'benefit.startDate',
    '2025-02-25',
    /within 8 days of the end of the job \(2025-02-21\): the benefit starts on the 8th day after it, 2025-03-01; got 2025-02-25/,
  ],
  [
    'filed late but started on the 8th day after the end of the job',
    lateYearBoundary,
    'benefit.startDate',
    '2025-12-27',
    /more than 8 days after the end of the job \(2025-12-19\): the benefit starts the day after the application, 2026-01-21; got 2025-12-27/,
  ],
  ['a month paid before it ends', rmm1200, 'benefit.payments.0.date', '2025-03-28', /a month is paid after it ends \(period 2025-03, date 2025-03-28\)/],
  ['an average monthly pay of zero', rmm1200, 'benefit.averageMonthlyPayCents', 0, /must be positive/],
];

/** Contradictory naspi envelopes, each refused with its field. */
export const refused: RefusedEnvelope[] = [
  {
    name: 'a month paid two months later (only the first payment may wait for the acceptance)',
    envelope: clone(rmm1200, (b) => {
      b.payments[3]!.date = '2025-08-12';
      b.payments[4]!.date = '2025-08-13';
    }),
    field: 'benefit.payments.3.date',
    reason: /expected 2025-06 paid in 2025-07, got 2025-08-12/,
  },
  {
    name: '104 contribution weeks for a 16-year-old (contributions count from 15 at the earliest: at most 79 weeks)',
    envelope: clone(rmm1200, (_b, e) => {
      e.citizen = { ...e.citizen, fiscalCode: 'BNCGLI08M54H501T' };
    }),
    field: 'benefit.contributionWeeks',
    reason: /born 2008-08-14 \(from the fiscal code\), the claimant can have at most 79 weeks by the end of the job on 2025-02-21, got 104/,
  },
  {
    name: 'the last days never paid (the calendar stops a month early)',
    envelope: clone(rmm1200, (b) => {
      b.payments.pop();
    }),
    field: 'benefit.payments',
    reason: /none for 2026-02 \(27 days\)/,
  },
  {
    name: 'the 31 January → 27 February claim of the issue: 28 days need 8 weeks, below the 13 NASpI requires',
    envelope: clone(cap31jan, (b) => {
      b.endDate = '2025-02-27';
      b.contributionWeeks = 8;
    }),
    field: 'benefit.contributionWeeks',
    reason: /at least 13 contribution weeks.*got 8/,
  },
  {
    name: 'a job ended in a year with no published threshold and cap',
    envelope: clone(rmm1200, (b) => {
      b.jobEndDate = '2023-02-21';
      b.applicationDate = '2023-02-25';
    }),
    field: 'benefit.jobEndDate',
    reason: /no NASpI threshold and cap are known for 2023/,
  },
  {
    name: 'a payment for a month outside the benefit period',
    envelope: clone(cap31jan, (b) => {
      b.payments.push({ period: '2025-04', date: '2025-05-12', grossCents: 156282, netCents: 136337 });
    }),
    field: 'benefit.payments.3.period',
    reason: /2025-04 is outside the benefit period 2025-01-31 to 2025-03-27/,
  },
  ...refusedAtFields(REFUSED_AT_FIELD),
];

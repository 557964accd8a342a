import { AVAILABLE_UNTIL_SCREEN, AVAILABLE_UNTIL_SPOKEN, contactNumbers, date, itDate, itDateText, l, money } from '../common/copy';
import { addMonths, monthOf, yearOf } from '../common/dates';
import { prepArt, the, withPrep } from '../common/italian';
import { formatList, type Localized } from '../common/locale';
import { closingScene, dearGreeting, servicesScene } from '../common/common-scenes';
import { assembleStoryboard, themeOf, type SceneDraft, type StoryboardOptions } from '../common/storyboard-build';
import type { Storyboard } from '../common/storyboard-types';
import {
  aOrAd,
  benefitNoun,
  cap,
  euro,
  FUND_LABEL,
  FUND_WITH_ARTICLE,
  monthName,
  monthsWithArticle,
  PENSION_TYPE_LABEL,
  PENSION_TYPE_WITH_ARTICLE,
  TYPE_OBLIGATION,
  WITHHOLDING_LABEL,
  withholdingInText,
} from './copy';
import { deductionScenes } from './deduction-scenes';
import {
  decembersBetween,
  EXTRA_DECEMBER_CENTS,
  extraDecemberIncomeLimit,
  figureYear,
  FOURTEENTH_AGE,
  fourteenthAmounts,
  fourteenthLimits,
  MINIMUM_MONTHLY_CENTS,
  nextMonth,
  nextPaydays,
  pensionMonthsInYear,
  SURCHARGE_KINDS,
  thirteenthGross,
} from './rules';
import type { PensionBenefit, PensionGuide } from './schema';

export const PENSIONE_VERSION = 'pensione@3';

/** From this age the guide mentions the quattordicesima (as a future right below 64). */
const FOURTEENTH_MENTION_AGE = 60;

const digitsOf = (s: string) => s.split('').join(' ');
/** "Se hai…" → "se hai…" after a colon; acronyms and names keep their capitals. */
const lowerFirst = (s: string) => (/^[A-Z][a-zà-ù]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/**
 * The net of each payday on the calendar where the data tells it exactly, else undefined: the
 * slip's month; the other months of its year with the same withholdings; December without the
 * surcharge instalments (none in December) plus the 13th. Later years change in January
 * (indexation, new withholdings): their amount is on January's payslip, not in this letter.
 */
export function calendarNet(b: PensionBenefit, payday: string): { cents?: number; withThirteenth: boolean } {
  const m = b.monthly;
  const slipMonth = nextMonth(monthOf(b.firstPaymentDate));
  const month = monthOf(payday);
  const kinds = new Set(m.withholdings.map((w) => w.kind));
  if (yearOf(payday) !== yearOf(slipMonth)) return { withThirteenth: false };
  if (month.endsWith('-12')) {
    const notInDecember = m.withholdings
      .filter((w) => (SURCHARGE_KINDS as readonly string[]).includes(w.kind) || w.kind === 'tax-adjustment')
      .reduce((s, w) => s + w.cents, 0);
    return { cents: m.netCents + notInDecember + (b.thirteenth?.netCents ?? 0), withThirteenth: true };
  }
  if (month === slipMonth) return { cents: m.netCents, withThirteenth: false };
  if (kinds.has('tax-adjustment')) return { withThirteenth: false };
  if (Number(slipMonth.slice(5, 7)) < 3 && Number(month.slice(5, 7)) >= 3 && kinds.has('municipal-surcharge') && !kinds.has('municipal-advance'))
    return { withThirteenth: false };
  return { cents: m.netCents, withThirteenth: false };
}

/** December's ordinary instalment: the monthly net without the surcharge and adjustment instalments. */
const decemberOrdinaryNet = (b: PensionBenefit): number =>
  b.monthly.netCents +
  b.monthly.withholdings.filter((w) => (SURCHARGE_KINDS as readonly string[]).includes(w.kind) || w.kind === 'tax-adjustment').reduce((s, w) => s + w.cents, 0);

export function pensioneStoryboard(g: PensionGuide, options: StoryboardOptions = {}): Storyboard {
  const theme = themeOf(options);
  const b = g.benefit;
  const c = g.citizen;
  const N = benefitNoun(b.pensionType);
  const inst = theme.instituteShort;
  const retired = b.pensionType === 'old-age' || b.pensionType === 'early';
  const survivors = b.pensionType === 'survivors';

  const greeting = dearGreeting(c, {
    deps: ['benefit.pensionType'],
    minSeconds: 8,
    subtitle: l(`${N.Your.it} è in pagamento`, `${N.Your.en} is being paid`),
    about: l(
      `La tua domanda è stata accolta e ${N.your.it} è in pagamento. Ti spiego quando arrivano i pagamenti, come leggere il cedolino e cosa sapere sulle tasse.`,
      `Your application has been accepted and ${N.your.en} is now being paid. I will explain when the payments arrive, how to read your payslip and what to know about tax.`,
    ),
  });

  const fp = b.firstPayment;
  const pension: SceneDraft = {
    id: 'pension',
    kind: 'status',
    title: l(`${cap(N.your.it)}`, `${cap(N.your.en)}`),
    deps: ['benefit.pensionType', 'benefit.fund', 'benefit.startDate', 'benefit.contributionYears'],
    minSeconds: 18,
    content: {
      headline: l(`${cap(N.your.it)}`, `${cap(N.your.en)}`),
      tone: 'ok',
      badge: l('Accolta', 'Granted'),
      facts: [
        { label: l('Tipo', 'Type'), figure: { format: 'text', value: PENSION_TYPE_LABEL[b.pensionType] } },
        { label: l('Ti spetta dal', 'Due from'), figure: { format: 'date', value: b.startDate } },
        { label: l(`Chi ${N.it} paga`, 'Paid by'), figure: { format: 'text', value: FUND_LABEL[b.fund] } },
        { label: l('Anni di contributi', 'Years of contributions'), figure: { format: 'count', value: b.contributionYears } },
      ],
      steps: [],
      numbered: false,
    },
    narration: l(
      `Ti spetta ${PENSION_TYPE_WITH_ARTICLE[b.pensionType].it} ${itDate('dal', b.startDate)}: questa data si chiama decorrenza, ed è il giorno da cui ti spetta. ${cap(N.it)} paga ${FUND_WITH_ARTICLE[b.fund].it}, ed è calcolat${N.o} ${survivors ? `${prepArt('su', `${b.contributionYears} anni`, 'm', 'pl')} di contributi del tuo familiare` : `su ${b.contributionYears} anni di contributi`}.`,
      `You are entitled to ${PENSION_TYPE_WITH_ARTICLE[b.pensionType].en} from ${date(b.startDate).en}: this is called the start date, the day it is due from. It is paid by ${FUND_WITH_ARTICLE[b.fund].en} and worked out on ${survivors ? `the ${b.contributionYears} years of contributions your late relative paid` : `${b.contributionYears} years of contributions`}.`,
    ),
  };

  // The first payment: which months it holds, with the 13th of every December among them.
  const payMonth = monthOf(b.firstPaymentDate);
  const payYear = yearOf(b.firstPaymentDate);
  const startMonth = monthOf(b.startDate);
  const decembers = decembersBetween(startMonth, payMonth);
  const arrearsDecembers = decembers.filter((y) => `${y}-12` < payMonth);
  const payIsDecember = payMonth.endsWith('-12');
  const arrearsMonths = Array.from({ length: fp.arrearsMonths }, (_, i) => monthOf(addMonths(`${startMonth}-01`, i)));
  const oneYear = yearOf(`${startMonth}-01`) === payYear;
  // Months named with their year only when the span crosses a year, once per year ("novembre e dicembre 2024").
  const named = (list: string[]) =>
    list.map((mo, i) => monthName(mo, oneYear || (i < list.length - 1 && list[i + 1]!.slice(0, 4) === mo.slice(0, 4)) ? yearOf(`${mo}-01`) : undefined));
  const arrearsPhrase: Localized = (() => {
    if (arrearsMonths.length <= 2) {
      const n = named(arrearsMonths);
      return l(
        `di ${formatList(
          n.map((x) => x.it),
          'it',
        )}`,
        `for ${formatList(
          n.map((x) => x.en),
          'en',
        )}`,
      );
    }
    const [first, last] = named([arrearsMonths[0]!, arrearsMonths.at(-1)!]);
    return l(`da ${first!.it} ${aOrAd(last!.it)}`, `from ${first!.en} to ${last!.en}`);
  })();
  const yearsIt = (ys: number[]) =>
    formatList(
      ys.map((y) => prepArt('di', String(y))),
      'it',
    );
  const arrears13: Localized = arrearsDecembers.length
    ? arrearsDecembers.length === 1
      ? l(`, con la tredicesima ${prepArt('di', String(arrearsDecembers[0]))}`, `, with the 13th month of ${arrearsDecembers[0]}`)
      : l(`, con le tredicesime ${yearsIt(arrearsDecembers)}`, `, with the 13th months of ${formatList(arrearsDecembers.map(String), 'en')}`)
    : l('', '');
  const payName = monthName(payMonth, oneYear ? payYear : undefined);
  // Pro-rated 13ths in the first payment, with their gross (the data's when there is one December).
  const prorated = decembers
    .map((y) => {
      const months = pensionMonthsInYear(b.startDate, y);
      return { y, months, gross: decembers.length === 1 ? fp.thirteenthCents : thirteenthGross(b.monthly.grossCents, months) };
    })
    .filter((t) => t.months < 12);
  const prorateIt = prorated
    .map((t) =>
      t.months === 1
        ? `La tredicesima ${prepArt('di', String(t.y))} è di ${money(t.gross).it} lordi, calcolata su un solo mese ${N.of}.`
        : `La tredicesima ${prepArt('di', String(t.y))} è di ${money(t.gross).it} lordi, in proporzione ${monthsWithArticle(t.months, 'a')} ${N.of} dell'anno.`,
    )
    .join(' ');
  const prorateEn = prorated
    .map((t) =>
      t.months === 1
        ? `The 13th month of ${t.y} is ${money(t.gross).en} gross, worked out on a single month.`
        : `The 13th month of ${t.y} is ${money(t.gross).en} gross, pro-rated to the ${t.months} months it was due in that year.`,
    )
    .join(' ');
  const higher = fp.netCents > b.monthly.netCents;
  const already =
    fp.arrearsMonths === 1
      ? l('cioè il mese che ti spettava già', 'that is the month already due to you')
      : l('cioè i mesi che ti spettavano già', 'that is the months already due to you');
  const firstNarration: Localized =
    fp.arrearsMonths > 0
      ? l(
          `Il primo pagamento arriva ${itDate('il', b.firstPaymentDate)}: riceverai ${money(fp.netCents).it} netti. Comprende gli arretrati ${arrearsPhrase.it}${arrears13.it}, ${already.it}, e ${N.the.it} di ${payName.it}${payIsDecember ? ' con la tredicesima' : ''}. ${higher ? 'Per questo è più alto dei successivi. ' : ''}In tutto sono ${money(fp.grossCents).it} lordi, di cui ${money(fp.arrearsCents).it} di arretrati.${prorateIt ? ` ${prorateIt}` : ''}`,
          `Your first payment arrives on ${date(b.firstPaymentDate).en}: you will receive ${money(fp.netCents).en} net. It includes the arrears ${arrearsPhrase.en}${arrears13.en}, ${already.en}, and ${N.the.en} for ${payName.en}${payIsDecember ? ' with the 13th month' : ''}. ${higher ? 'That is why it is higher than the following payments. ' : ''}In all that is ${money(fp.grossCents).en} gross, of which ${money(fp.arrearsCents).en} is arrears.${prorateEn ? ` ${prorateEn}` : ''}`,
        )
      : l(
          `Il primo pagamento arriva ${itDate('il', b.firstPaymentDate)}: riceverai ${money(fp.netCents).it} netti. Non ci sono arretrati: ${N.the.it} ti spetta dallo stesso mese. La prima rata di una pensione nuova si paga il giorno 1 o il giorno 7 del mese, o il primo giorno utile dopo.${payIsDecember ? ` Comprende anche la tredicesima. ${prorateIt}` : ''}`,
          `Your first payment arrives on ${date(b.firstPaymentDate).en}: you will receive ${money(fp.netCents).en} net. There are no arrears: ${N.the.en} is due from that same month. The first instalment of a new pension is paid on day 1 or day 7 of the month, or the next working day after.${payIsDecember ? ` It also includes the 13th month. ${prorateEn}` : ''}`,
        );
  const firstPayment: SceneDraft = {
    id: 'first-payment',
    kind: 'amount',
    title: l('Il primo pagamento', 'Your first payment'),
    deps: ['benefit.firstPayment', 'benefit.firstPaymentDate', 'benefit.startDate', 'benefit.monthly', 'benefit.pensionType'],
    minSeconds: 16,
    content: {
      headline: l('Primo pagamento netto', 'First payment, net'),
      amount: { format: 'cents', value: fp.netCents },
      caption: l(itDateText(b.firstPaymentDate), `on ${date(b.firstPaymentDate).en}`),
      rows: [
        { label: l('Importo lordo', 'Gross amount'), figure: { format: 'cents', value: fp.grossCents } },
        ...(fp.arrearsCents > 0
          ? [
              {
                label: l(
                  `di cui arretrati (${fp.arrearsMonths} ${fp.arrearsMonths === 1 ? 'mese' : 'mesi'}${arrearsDecembers.length ? ' e tredicesima' : ''})`,
                  `of which arrears (${fp.arrearsMonths} ${fp.arrearsMonths === 1 ? 'month' : 'months'}${arrearsDecembers.length ? ' and 13th' : ''})`,
                ),
                figure: { format: 'cents' as const, value: fp.arrearsCents },
              },
            ]
          : []),
        ...(payIsDecember && fp.thirteenthCents > 0
          ? [
              {
                label: l('di cui tredicesima', 'of which 13th month'),
                figure: {
                  format: 'cents' as const,
                  value: arrearsDecembers.length ? thirteenthGross(b.monthly.grossCents, pensionMonthsInYear(b.startDate, payYear)) : fp.thirteenthCents,
                },
              },
            ]
          : []),
        { label: l('Trattenute', 'Withholdings'), figure: { format: 'cents', value: fp.grossCents - fp.netCents } },
        { label: l('Netto che ricevi', 'Net you receive'), figure: { format: 'cents', value: fp.netCents }, emphasis: true },
      ],
    },
    narration: firstNarration,
  };

  // The payslip of the month after the first payment.
  const m = b.monthly;
  const slipMonth = nextMonth(payMonth);
  const slipYear = yearOf(`${slipMonth}-01`);
  const kinds = new Set(m.withholdings.map((w) => w.kind));
  const irpef = m.withholdings.find((w) => w.kind === 'irpef')?.cents ?? 0;
  const hasSurcharges = kinds.has('regional-surcharge') || kinds.has('municipal-surcharge');
  const lines: Localized = {
    it: formatList(
      m.withholdings.map((w) => withholdingInText(w.kind).it),
      'it',
    ),
    en: formatList(
      m.withholdings.map((w) => withholdingInText(w.kind).en),
      'en',
    ),
  };
  const surcharges: Localized = hasSurcharges
    ? l(
        "Le addizionali sono imposte locali dell'anno prima, in undici rate da gennaio a novembre.",
        "The surcharges are last year's local taxes, paid in eleven instalments from January to November.",
      )
    : irpef === 0
      ? m.withholdings.length
        ? l("Sul tuo importo non è trattenuta l'IRPEF.", 'No income tax is withheld from your amount.')
        : l('', '')
      : slipYear === yearOf(b.startDate)
        ? l(
            "Dal prossimo anno si aggiungeranno l'addizionale regionale e, se il tuo Comune la applica, quella comunale, da gennaio a novembre.",
            'From next year the regional surcharge will be added, and the municipal one if your town charges it, January to November.',
          )
        : l('', '');
  const withheldIt = m.withholdings.length === 0 ? 'Non si toglie nulla' : m.withholdings.length === 1 ? `Si toglie ${lines.it}` : `Si tolgono ${lines.it}`;
  const withheldEn =
    m.withholdings.length === 0
      ? 'Nothing is taken off'
      : `${cap(lines.en)} ${m.withholdings.length === 1 && m.withholdings[0]!.kind !== 'union-dues' ? 'is' : 'are'} taken off`;
  const payslip: SceneDraft = {
    id: 'payslip',
    kind: 'deductions',
    title: l('Il cedolino', 'Your payslip'),
    deps: ['benefit.monthly', 'benefit.firstPaymentDate', 'benefit.startDate', 'benefit.pensionType'],
    minSeconds: 26,
    content: {
      headline: l(`Il cedolino di ${monthName(slipMonth).it}`, `Your payslip for ${monthName(slipMonth).en}`),
      grossCents: m.grossCents,
      lines: m.withholdings.map((w) => ({ label: WITHHOLDING_LABEL[w.kind], cents: w.cents })),
      netCents: m.netCents,
      note: l('Online verso il 20 del mese prima', 'Online around the 20th of the month before'),
    },
    narration: l(
      `Il cedolino è il riepilogo di ogni pagamento: il lordo, le trattenute, cioè le tasse e gli altri importi tolti, e il netto. Da ${monthName(slipMonth).it} ${N.the.it} è di ${money(m.grossCents).it} lordi al mese. ${withheldIt}: riceverai ${money(m.netCents).it} netti. ${surcharges.it ? `${surcharges.it} ` : ''}È online verso il 20 del mese prima.`,
      `Your payslip is the statement of each payment: it shows the gross amount, the withholdings, that is tax and other amounts taken off, and the net. From ${monthName(slipMonth).en} ${N.the.en} is ${money(m.grossCents).en} gross a month. ${withheldEn}: you will receive ${money(m.netCents).en} net. ${surcharges.en ? `${surcharges.en} ` : ''}It is online around the 20th of the month before.`,
    ),
    actions: [{ id: 'btn-payslip', kind: 'button', label: l('Scarica il cedolino', 'Download the payslip'), service: 'pension-payslip', window: [0.55, 1] }],
  };

  // The calendar: the first payment and the next six paydays, with the net where the data tells it.
  const paydays = nextPaydays(b.firstPaymentDate, b.paymentChannel, 6);
  const post = b.paymentChannel === 'post';
  const tiles = paydays.map((d) => ({ d, ...calendarNet(b, d) }));
  const laterYear = tiles.some((t) => t.cents === undefined && yearOf(t.d) > slipYear);
  const sameYearGap = tiles.some((t) => t.cents === undefined && yearOf(t.d) === slipYear);
  const t13 = b.thirteenth;
  const decNet = decemberOrdinaryNet(b);
  const advanceGap = sameYearGap && !kinds.has('tax-adjustment');
  const noDeductions13 = b.deductionRequest !== 'none' && irpef > 0;
  const thirteenthIt = t13
    ? `Con ${N.the.it} di dicembre ${payYear} riceverai anche la tredicesima: ${money(t13.netCents).it} netti.${
        t13.months < 12 ? ` È calcolata in proporzione ${monthsWithArticle(t13.months, 'a')} ${N.of} ${prepArt('di', String(payYear))}.` : ''
      }${noDeductions13 ? ' Sulla tredicesima non si applicano le detrazioni.' : ''} A dicembre${hasSurcharges ? ', senza le rate delle addizionali,' : ''} riceverai quindi ${money(decNet + t13.netCents).it} netti in tutto.`
    : `Ogni anno, con ${N.the.it} di dicembre, ricevi anche la tredicesima.`;
  const thirteenthEn = t13
    ? `With your December ${payYear} payment you will also receive the 13th month: ${money(t13.netCents).en} net.${
        t13.months < 12 ? ` It is pro-rated to the ${t13.months} months it is due in ${payYear}.` : ''
      }${noDeductions13 ? ' No tax deductions apply to the 13th month.' : ''} So in December${hasSurcharges ? ', with no surcharge instalments,' : ''} you will receive ${money(decNet + t13.netCents).en} net in all.`
    : 'Every year, with your December payment, you also receive the 13th month.';
  const gapsIt = [
    laterYear ? `Per ${the(String(slipYear + 1))} vedi solo le date: a gennaio ${N.the.it} si aggiorna all'inflazione e cambiano le trattenute.` : '',
    sameYearGap
      ? advanceGap
        ? "Da marzo può aggiungersi l'acconto dell'addizionale comunale: per quei mesi vedi solo la data."
        : "Il conguaglio fiscale può cambiare l'importo dei mesi successivi: lo trovi nel cedolino di ogni mese."
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const gapsEn = [
    laterYear ? `For ${slipYear + 1} you see only the dates: in January ${N.the.en} is raised in line with inflation and the withholdings change.` : '',
    sameYearGap
      ? advanceGap
        ? 'From March the municipal surcharge advance may be added, so for those months you see only the date.'
        : 'The tax adjustment may change the amount of the following months: you will find it on each payslip.'
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const tileLabel = l(b.pensionType === 'disability-allowance' ? 'Assegno' : 'Pensione', b.pensionType === 'disability-allowance' ? 'Allowance' : 'Pension');
  const calendar: SceneDraft = {
    id: 'calendar',
    kind: 'calendar',
    title: l('Quando arrivano i pagamenti', 'When your payments arrive'),
    deps: [
      'benefit.firstPaymentDate',
      'benefit.firstPayment.netCents',
      'benefit.paymentChannel',
      'benefit.ibanLast4',
      'benefit.monthly',
      'benefit.thirteenth',
      'benefit.startDate',
      'benefit.deductionRequest',
      'benefit.pensionType',
    ],
    minSeconds: 26,
    content: {
      headline: l('I prossimi pagamenti netti', 'Your next payments, net'),
      entries: [
        { date: b.firstPaymentDate, label: l('Primo pagamento', 'First payment'), cents: fp.netCents, highlight: true },
        ...tiles.map((t) =>
          t.withThirteenth
            ? { date: t.d, label: l(`${tileLabel.it} e tredicesima`, `${tileLabel.en} and 13th month`), cents: t.cents, highlight: true }
            : { date: t.d, label: tileLabel, ...(t.cents === undefined ? {} : { cents: t.cents }) },
        ),
      ],
      note: post
        ? l('Poste Italiane: conta anche il sabato', 'Poste Italiane: Saturdays count too')
        : l(`Sul conto che termina con ${b.ibanLast4}`, `Paid into the account ending in ${b.ibanLast4}`),
    },
    narration: l(
      `${N.The.it} è pagat${N.o} il primo giorno del mese in cui le banche sono aperte; a gennaio, il secondo. ${post ? 'Con Poste Italiane conta anche il sabato, quindi a volte arriva prima.' : `Arriva sul conto che termina con ${digitsOf(b.ibanLast4)}.`} Sullo schermo vedi i prossimi pagamenti netti. ${thirteenthIt}${gapsIt ? ` ${gapsIt}` : ''}`,
      `${N.The.en} is paid on the first day of the month on which banks are open; in January, on the second. ${post ? 'With Poste Italiane Saturdays count too, so sometimes it comes earlier.' : `It is paid into the account ending in ${digitsOf(b.ibanLast4)}.`} On screen you can see your next net payments. ${thirteenthEn}${gapsEn ? ` ${gapsEn}` : ''}`,
    ),
  };

  // CU, ObisM and the yearly extras whose conditions the data can tell.
  const fy = figureYear(payYear);
  const limits = fourteenthLimits(fy);
  const amounts = fourteenthAmounts(b.fund, b.contributionYears);
  const whose = survivors
    ? l(
        `Con ${the(`${b.contributionYears} anni`, 'm', 'pl')} di contributi del tuo familiare`,
        `With your late relative's ${b.contributionYears} years of contributions`,
      )
    : l(`Con ${b.contributionYears} anni di contributi`, `With ${b.contributionYears} years of contributions`);
  const fourteenth: Localized =
    c.age >= FOURTEENTH_AGE
      ? l(
          `Se il tuo reddito personale non supera ${euro(limits.upper).it} l'anno, il limite ${prepArt('di', String(fy))}, ti spetta anche la quattordicesima, di solito a luglio. ${whose.it} è di ${euro(amounts.lowIncome).it} fino a ${euro(limits.lower).it} di reddito, altrimenti di ${euro(amounts.higherIncome).it}.`,
          `If your personal income is no more than ${euro(limits.upper).en} a year, the ${fy} limit, you are also entitled to the 14th month, usually in July. ${whose.en} it is ${euro(amounts.lowIncome).en} on an income up to ${euro(limits.lower).en}, otherwise ${euro(amounts.higherIncome).en}.`,
        )
      : c.age >= FOURTEENTH_MENTION_AGE
        ? l(
            "Dall'anno in cui compi 64 anni, se il tuo reddito personale è basso, potrà spettarti anche la quattordicesima, di solito a luglio.",
            'From the year you turn 64, if your personal income is low, you may also be entitled to the 14th month, usually in July.',
          )
        : l('', '');
  const lowPension = m.grossCents <= MINIMUM_MONTHLY_CENTS[fy];
  const extra: Localized = lowPension
    ? l(
        `${cap(N.your.it)} non supera il minimo: se il tuo reddito personale non supera ${euro(extraDecemberIncomeLimit(fy)).it} l'anno, ${prepArt('in', String(fy))}, a dicembre ti spetta anche un importo aggiuntivo fino a ${euro(EXTRA_DECEMBER_CENTS).it}.`,
        `${cap(N.your.en)} is no more than the minimum: if your personal income is no more than ${euro(extraDecemberIncomeLimit(fy)).en} a year, in ${fy}, you are also entitled to an extra amount of up to ${euro(EXTRA_DECEMBER_CENTS).en} in December.`,
      )
    : l('', '');
  const documents: SceneDraft = {
    id: 'documents',
    kind: 'status',
    title: l('CU e certificato di pensione', 'CU and pension certificate'),
    deps: ['citizen.age', 'benefit.fund', 'benefit.contributionYears', 'benefit.firstPaymentDate', 'benefit.monthly.grossCents', 'benefit.pensionType'],
    minSeconds: 18,
    content: {
      headline: l('I documenti di ogni anno', 'Your documents every year'),
      tone: 'info',
      badge: l('Ogni anno', 'Every year'),
      facts: [],
      steps: [
        {
          title: l('Certificazione Unica (CU)', 'Certificazione Unica (CU)'),
          text: l('Entro il 16 marzo: serve per la dichiarazione dei redditi', 'By 16 March: you need it for your tax return'),
        },
        {
          title: l('Certificato di pensione (ObisM)', 'Pension certificate (ObisM)'),
          text: l("Gli importi dell'anno: serve ad esempio per un prestito", "The year's amounts: needed, say, for a loan"),
        },
        ...(c.age >= FOURTEENTH_AGE
          ? [
              {
                title: l('Quattordicesima', '14th month'),
                text: l(`A luglio, con reddito fino a ${euro(limits.upper).it} (${fy})`, `In July, on an income up to ${euro(limits.upper).en} (${fy})`),
              },
            ]
          : c.age >= FOURTEENTH_MENTION_AGE
            ? [{ title: l('Quattordicesima', '14th month'), text: l('Da 64 anni, con reddito basso', 'From 64, on a low income') }]
            : []),
        ...(lowPension
          ? [
              {
                title: l('Importo aggiuntivo', 'Extra amount'),
                text: l(`A dicembre, fino a ${euro(EXTRA_DECEMBER_CENTS).it}`, `In December, up to ${euro(EXTRA_DECEMBER_CENTS).en}`),
              },
            ]
          : []),
      ],
      numbered: false,
    },
    narration: l(
      `Ogni anno, entro il 16 marzo, trovi online la Certificazione Unica, che serve per la dichiarazione dei redditi, e il certificato di pensione, il modello ObisM, con gli importi dell'anno.${fourteenth.it ? ` ${fourteenth.it}` : ''}${extra.it ? ` ${extra.it}` : ''}`,
      `Every year, by 16 March, your Certificazione Unica, which you need for your tax return, is online, together with your pension certificate, form ObisM, with the year's amounts.${fourteenth.en ? ` ${fourteenth.en}` : ''}${extra.en ? ` ${extra.en}` : ''}`,
    ),
    actions: [
      { id: 'btn-cu', kind: 'button', label: l('Scarica la CU', 'Download the CU'), service: 'pension-cu', window: [0.15, 1] },
      { id: 'btn-certificate', kind: 'button', label: l('Certificato di pensione', 'Pension certificate'), service: 'pension-certificate', window: [0.4, 1] },
    ],
  };

  const typeDuty = TYPE_OBLIGATION[b.pensionType];
  const obligations: SceneDraft = {
    id: 'obligations',
    kind: 'obligations',
    title: l('I tuoi obblighi', 'Your obligations'),
    deps: ['benefit.pensionType', 'citizen.age'],
    minSeconds: 12,
    content: {
      headline: l('Cosa devi comunicare', 'What you must tell us'),
      items: [
        {
          title: l('Redditi (RED)', 'Income (RED)'),
          text: l('Se ricevi somme legate al reddito, dichiara i redditi ogni anno', 'If you get income-linked amounts, declare your income every year'),
        },
        {
          title: l('Indirizzo e conto', 'Address and account'),
          text: l('Comunica subito ogni cambio, per non interrompere i pagamenti', 'Report any change at once, so payments are not interrupted'),
        },
        {
          title: l("Se vivi all'estero", 'If you live abroad'),
          text: l('Ogni anno dimostra di essere in vita', 'Every year, confirm you are alive (proof of life)'),
        },
        ...(typeDuty ? [typeDuty] : []),
      ],
    },
    narration: l(
      `Hai anche degli obblighi. Se ricevi somme legate al reddito, come ${c.age >= FOURTEENTH_MENTION_AGE ? 'la quattordicesima' : "l'integrazione al minimo"}, ogni anno comunica con il modello RED i redditi che non sono nella dichiarazione dei redditi. Comunica subito ogni cambio di indirizzo o di conto. Se vai a vivere all'estero, ogni anno dovrai dimostrare di essere in vita. ${typeDuty ? `${typeDuty.text.it} ` : ''}Trovi tutto nell'approfondimento.`,
      `You also have some obligations. If you get income-linked amounts, such as ${c.age >= FOURTEENTH_MENTION_AGE ? 'the 14th month' : 'the minimum-pension supplement'}, every year report on the RED form any income not in your tax return. Report any change of address or bank account at once. If you move abroad, every year you will have to confirm you are alive. ${typeDuty ? `${typeDuty.text.en} ` : ''}You will find everything in the pop-up.`,
    ),
    actions: [
      {
        id: 'popup-obligations',
        kind: 'popup',
        label: l('Cosa devi comunicare', 'What you must tell us'),
        window: [0.5, 1],
        popup: {
          title: l('Cosa devi comunicare', 'What you must tell us'),
          body: [
            l(
              `Redditi (modello RED): se ricevi somme collegate al reddito, come l'integrazione al minimo${c.age >= FOURTEENTH_MENTION_AGE ? ', le maggiorazioni sociali o la quattordicesima' : ' o le maggiorazioni sociali'}, ogni anno devi comunicare i redditi che non sono già nella dichiarazione dei redditi. Se non lo fai, queste somme sono sospese e poi revocate.`,
              `Income (RED form): if you receive income-linked amounts, such as the minimum-pension supplement${c.age >= FOURTEENTH_MENTION_AGE ? ', social increases or the 14th month' : ' or social increases'}, every year you must report the income not already in your tax return. If you do not, those amounts are suspended and then withdrawn.`,
            ),
            l(
              'Detrazioni per familiari: se un familiare a carico inizia a lavorare o cambia la sua situazione, comunicalo subito.',
              'Family deductions: if a dependant starts working or their situation changes, report it at once.',
            ),
            l(
              "Residenza all'estero: ogni anno la banca che paga le pensioni all'estero chiede la prova di esistenza in vita; senza questa prova il pagamento si sospende.",
              'Living abroad: every year the bank that pays pensions abroad asks for proof of life; without it, payment is suspended.',
            ),
            l(
              'Cambio di indirizzo o di conto: comunicalo online o tramite un patronato.',
              'Change of address or account: report it online or through a patronato.',
            ),
            ...(typeDuty ? [l(`${typeDuty.title.it}: ${lowerFirst(typeDuty.text.it)}`, `${typeDuty.title.en}: ${lowerFirst(typeDuty.text.en)}`)] : []),
          ],
        },
      },
    ],
  };

  const contact = contactNumbers(theme);
  const services = servicesScene({
    deps: [],
    minSeconds: 22,
    headline: l('I servizi online', 'Online services'),
    narration: l(
      `Con i pulsanti sotto il video scarichi il cedolino, la Certificazione Unica e il certificato di pensione, entrando nella tua ${theme.portalName.it.toLowerCase()} con SPID, CIE o CNS. Per aiuto chiama il contact center: ${contact.it}.`,
      `With the buttons under the video you can download your payslip, your Certificazione Unica and your pension certificate, signing in to ${theme.instituteShort.en}'s ${theme.portalName.en.toLowerCase()} with SPID, CIE or CNS. For help, call the contact centre: ${contact.en}.`,
    ),
    buttons: [
      {
        id: 'btn-services-payslip',
        text: l('Il cedolino di ogni mese', "Each month's payslip"),
        label: l('Cedolino', 'Payslip'),
        service: 'pension-payslip',
        window: [0.15, 1],
      },
      {
        id: 'btn-services-cu',
        text: l('La Certificazione Unica', 'Your Certificazione Unica'),
        label: l('Certificazione Unica', 'Certificazione Unica'),
        service: 'pension-cu',
        window: [0.25, 1],
      },
      {
        id: 'btn-services-certificate',
        text: l('Il certificato di pensione', 'Your pension certificate'),
        label: l('Certificato di pensione', 'Pension certificate'),
        service: 'pension-certificate',
        window: [0.35, 1],
      },
    ],
  });

  const closing = closingScene({
    deps: ['benefit.pensionType'],
    minSeconds: 12,
    content: {
      headline: retired ? l('Buona pensione!', 'Enjoy your retirement!') : l("Grazie per l'attenzione", 'Thank you for watching'),
      text: AVAILABLE_UNTIL_SCREEN,
    },
    narration: l(
      `${AVAILABLE_UNTIL_SPOKEN.it} Se ti è stata utile, lascia una valutazione. ${retired ? `Da parte ${withPrep('di', inst.it)}, buona pensione!` : `${cap(inst.it)} ti ringrazia per l'attenzione.`}`,
      `${AVAILABLE_UNTIL_SPOKEN.en} If it helped you, please leave a rating. ${retired ? `From all of us at ${inst.en}, enjoy your retirement!` : `Thank you for watching, from all of us at ${inst.en}.`}`,
    ),
  });

  return assembleStoryboard(
    { type: 'pensione', version: PENSIONE_VERSION, locale: g.locale, presenter: 'F' },
    [greeting, pension, firstPayment, payslip, calendar, ...deductionScenes(g, theme), documents, obligations, services, closing],
    options,
  );
}

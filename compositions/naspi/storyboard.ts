import { AVAILABLE_UNTIL_SCREEN, AVAILABLE_UNTIL_SPOKEN, contactNumbers, date, itDate, l, money, month } from '../common/copy';
import { addDays, addMonths, yearOf } from '../common/dates';
import { cap, prepArt, the } from '../common/italian';
import { formatCents, formatEuroWhole, type Localized } from '../common/locale';
import { closingScene, dearGreeting, servicesScene } from '../common/common-scenes';
import { assembleStoryboard, themeOf, type SceneDraft, type StoryboardOptions } from '../common/storyboard-build';
import type { Storyboard } from '../common/storyboard-types';
import { countWord, daysSaid, daysShown, monthName, ordinal } from './copy';
import type { NaspiGuide } from './schema';
import {
  NASPI_ADVANCE_REQUEST_DAYS,
  NASPI_ADVANCE_TWO_INSTALMENTS_FROM,
  NASPI_EMPLOYEE_INCOME_LIMIT_CENTS as EMPLOYEE_LIMIT,
  NASPI_MAX_WEEKS,
  NASPI_OLDER_AGE,
  NASPI_SELF_EMPLOYED_INCOME_LIMIT_CENTS as SELF_LIMIT,
  naspiBaseCents,
  naspiBenefitMonths,
  naspiCalendar,
  naspiDurationDays,
  naspiFiguresYear,
  naspiFiledEarly,
  naspiFormulaCents,
  naspiMonthStart,
  naspiSchedule,
  naspiYearOrNearest,
  type NaspiDueMonth,
} from './rules';

export const NASPI_VERSION = 'naspi@3';

const nextMonth = (period: string): string => addMonths(`${period}-01`, 1).slice(0, 7);

export function naspiStoryboard(g: NaspiGuide, options: StoryboardOptions = {}): Storyboard {
  const theme = themeOf(options);
  const b = g.benefit;
  const c = g.citizen;
  const inst = theme.instituteShort;
  const phones = contactNumbers(theme);

  // Figures of the year the job ended (rules.ts); validated guides always have their own year.
  const year = naspiFiguresYear(b.jobEndDate);
  const figures = naspiYearOrNearest(year);
  const threshold = figures.thresholdCents;
  const capCents = b.capCents;
  const yearIt = prepArt('in', String(year)); // "nel 2025"
  const lostJobIt = `per chi ha perso il lavoro ${yearIt}`;
  const lostJobEn = `for those who lost their job in ${year}`;

  // Benefit months, the reduction and what each calendar month is due (rules.ts).
  const months = naspiBenefitMonths(b.startDate, b.endDate);
  const red = b.reductionFromMonth;
  const reached = months >= red;
  const schedule = naspiSchedule(b.firstMonthlyAmountCents, months, red);
  const due = naspiCalendar(b.startDate, b.endDate, b.firstMonthlyAmountCents, red);
  const dueOf = (period: string): NaspiDueMonth | undefined => due.find((d) => d.period === period);
  const older = c.age >= NASPI_OLDER_AGE && red === 8;
  const unreducedMonthsIt = countWord(red - 1);

  const greeting = dearGreeting(c, {
    deps: [],
    minSeconds: 7,
    subtitle: l('La tua domanda di NASpI è stata accolta', 'Your NASpI application has been accepted'),
    about: l(
      `La tua domanda di NASpI, l'indennità di disoccupazione, è stata accolta. In pochi minuti ti spiego per quanto tempo ti spetta, quanto ricevi, quando arrivano i pagamenti e cosa fare se trovi un nuovo lavoro.`,
      `Your application for NASpI, the unemployment benefit, has been accepted. In a few minutes I will explain how long it lasts, how much you receive, when the payments arrive and what to do if you find a new job.`,
    ),
  });

  // ── How long ────────────────────────────────────────────────────────────────────────────────
  const days = naspiDurationDays(b.contributionWeeks);
  const early = naspiFiledEarly(b.jobEndDate, b.applicationDate);
  const halfWeeks = Math.floor(b.contributionWeeks / 2);
  const odd = b.contributionWeeks % 2 === 1;
  const halfIt =
    b.contributionWeeks >= NASPI_MAX_WEEKS
      ? `Tu ne hai ${b.contributionWeeks}, il massimo: la metà sono ${halfWeeks} settimane, cioè ${days} giorni, la durata più lunga possibile.`
      : odd
        ? `Tu ne hai ${b.contributionWeeks}: la metà sono ${halfWeeks} settimane e mezza, cioè ${days} giorni, perché il mezzo giorno che avanza non si conta.`
        : `Tu ne hai ${b.contributionWeeks}: la metà sono ${halfWeeks} settimane, cioè ${days} giorni.`;
  const halfEn =
    b.contributionWeeks >= NASPI_MAX_WEEKS
      ? `You have ${b.contributionWeeks}, the most there can be: half of that is ${halfWeeks} weeks, or ${days} days, the longest possible.`
      : odd
        ? `You have ${b.contributionWeeks}: half of that is ${halfWeeks} and a half weeks, or ${days} days, because the half day left over does not count.`
        : `You have ${b.contributionWeeks}: half of that is ${halfWeeks} weeks, or ${days} days.`;
  const period: SceneDraft = {
    id: 'period',
    kind: 'status',
    title: l('Il periodo della NASpI', 'Your NASpI period'),
    deps: ['benefit.startDate', 'benefit.endDate', 'benefit.contributionWeeks', 'benefit.jobEndDate', 'benefit.applicationDate'],
    content: {
      headline: l('Domanda accolta', 'Application accepted'),
      tone: 'ok',
      badge: l('Accolta', 'Accepted'),
      facts: [
        { label: l('Dal', 'From'), figure: { format: 'date', value: b.startDate } },
        { label: l('Al', 'To'), figure: { format: 'date', value: b.endDate } },
        { label: l('Giorni di NASpI', 'Days of NASpI'), figure: { format: 'count', value: days } },
        { label: l('Settimane di contributi', 'Weeks of contributions'), figure: { format: 'count', value: b.contributionWeeks } },
      ],
      steps: [],
      numbered: false,
    },
    narration: l(
      `La tua NASpI va ${itDate('dal', b.startDate)} ${itDate('al', b.endDate)}. ` +
        (early
          ? `Il tuo lavoro è finito ${itDate('il', b.jobEndDate)} e hai fatto domanda entro otto giorni: per questo la NASpI parte ${prepArt('da', 'ottavo giorno')} dopo la fine del lavoro. `
          : `Il tuo lavoro è finito ${itDate('il', b.jobEndDate)} e hai fatto domanda ${itDate('il', b.applicationDate)}, dopo più di otto giorni: per questo la NASpI parte dal giorno dopo la domanda. `) +
        `La NASpI dura la metà delle settimane di contributi degli ultimi quattro anni, senza contare quelle già usate per un'altra indennità di disoccupazione. ${halfIt}`,
      `Your NASpI runs from ${date(b.startDate).en} to ${date(b.endDate).en}. ` +
        (early
          ? `Your job ended on ${date(b.jobEndDate).en} and you applied within eight days, so NASpI starts on the eighth day after the job ended. `
          : `Your job ended on ${date(b.jobEndDate).en} and you applied on ${date(b.applicationDate).en}, more than eight days later, so NASpI starts on the day after your application. `) +
        `NASpI lasts for half the number of weeks of contributions in the last four years, not counting weeks already used for an earlier unemployment benefit. ${halfEn}`,
    ),
  };

  // ── How much ────────────────────────────────────────────────────────────────────────────────
  const rmm = b.averageMonthlyPayCents;
  const formula = naspiFormulaCents(rmm, figures);
  const base = naspiBaseCents(rmm, figures);
  const above = rmm > threshold;
  const first = money(b.firstMonthlyAmountCents);
  // A whole calendar month before the reduction pays exactly the first amount: its net is the example.
  const wholeExample = b.payments.find((p) => {
    const d = dueOf(p.period);
    return d !== undefined && d.whole && d.parts.every((x) => x.benefitMonth < red) && p.grossCents === b.firstMonthlyAmountCents;
  });
  const ruleIt = !above
    ? `Fino a ${money(threshold).it}, la soglia ${lostJobIt}, la NASpI è il settantacinque per cento della retribuzione media.`
    : `${cap(lostJobIt)} la soglia è di ${money(threshold).it}: la NASpI è il settantacinque per cento della soglia, cioè ${money(base).it}, più il venticinque per cento della parte della tua retribuzione che supera la soglia, cioè ${money(formula - base).it}.`;
  const ruleEn = !above
    ? `Up to ${money(threshold).en}, the threshold ${lostJobEn}, NASpI is seventy-five per cent of the average pay.`
    : `${cap(lostJobEn)} the threshold is ${money(threshold).en}: NASpI is seventy-five per cent of the threshold, ${money(base).en}, plus twenty-five per cent of the part of your pay above the threshold, ${money(formula - base).en}.`;
  const resultIt = !b.capped
    ? `Per te sono ${first.it} lordi al mese: lordi vuol dire prima delle tasse.`
    : formula > capCents
      ? `Il calcolo darebbe ${money(formula).it}, ma ${lostJobIt} la NASpI non può superare ${money(capCents).it} lordi al mese: il tuo è quindi l'importo massimo. Lordi vuol dire prima delle tasse.`
      : `Il calcolo dà proprio ${money(capCents).it} lordi al mese, il massimo ${lostJobIt}: il tuo è quindi l'importo massimo. Lordi vuol dire prima delle tasse.`;
  const resultEn = !b.capped
    ? `For you that is ${first.en} gross a month: gross means before tax.`
    : formula > capCents
      ? `That would come to ${money(formula).en}, but ${lostJobEn} NASpI cannot be more than ${money(capCents).en} gross a month: yours is therefore the maximum amount. Gross means before tax.`
      : `That comes to exactly ${money(capCents).en} gross a month, the maximum ${lostJobEn}: yours is therefore the maximum amount. Gross means before tax.`;
  const whenIt = reached ? ` È l'importo dei primi ${unreducedMonthsIt.it} mesi: poi scende, come vediamo tra poco.` : '';
  const whenEn = reached ? ` This is the amount of the first ${unreducedMonthsIt.en} months: after that it goes down, as we will see shortly.` : '';
  const netIt = wholeExample
    ? ` Per un mese intero, per esempio ${month(wholeExample.period).it}, ricevi ${money(wholeExample.netCents).it} netti: è la somma che arriva sul tuo conto, dopo le tasse.`
    : '';
  const netEn = wholeExample
    ? ` For a whole month, for example ${month(wholeExample.period).en}, you receive ${money(wholeExample.netCents).en} net: that is what reaches your account, after tax.`
    : '';
  const amount: SceneDraft = {
    id: 'amount',
    kind: 'amount',
    title: l("L'importo mensile", 'Your monthly amount'),
    deps: [
      'benefit.averageMonthlyPayCents',
      'benefit.firstMonthlyAmountCents',
      'benefit.capCents',
      'benefit.capped',
      'benefit.jobEndDate',
      'benefit.startDate',
      'benefit.endDate',
      'benefit.reductionFromMonth',
      'benefit.payments',
    ],
    minSeconds: 12,
    content: {
      headline: l('Importo mensile lordo', 'Gross monthly amount'),
      amount: { format: 'cents', value: b.firstMonthlyAmountCents },
      caption: b.capped
        ? l(`l'importo massimo ${yearIt}`, `the ${year} maximum`)
        : reached
          ? l(`prima delle tasse, nei primi ${red - 1} mesi`, `before tax, in the first ${red - 1} months`)
          : l('prima delle tasse', 'before tax'),
      rows: [
        { label: l('Retribuzione media mensile', 'Average monthly pay'), figure: { format: 'cents', value: rmm } },
        above
          ? { label: l(`75% di ${formatCents(threshold, 'it')}`, `75% of ${formatCents(threshold, 'en')}`), figure: { format: 'cents', value: base } }
          : { label: l('75% della retribuzione', '75% of the pay'), figure: { format: 'cents', value: base } },
        ...(above
          ? [
              {
                label: l(`25% sopra ${formatCents(threshold, 'it')}`, `25% above ${formatCents(threshold, 'en')}`),
                figure: { format: 'cents' as const, value: formula - base },
              },
            ]
          : []),
        { label: l(`Massimo ${year}`, `${year} maximum`), figure: { format: 'cents', value: capCents }, emphasis: b.capped },
        ...(wholeExample
          ? [
              {
                label: l(`Netto di ${month(wholeExample.period).it}`, `Net for ${month(wholeExample.period).en}`),
                figure: { format: 'cents' as const, value: wholeExample.netCents },
              },
            ]
          : []),
      ],
    },
    narration: l(
      `L'importo si calcola dalla tua retribuzione media mensile, cioè il tuo stipendio lordo medio al mese nei periodi in cui hai lavorato negli ultimi quattro anni. La tua è di ${money(rmm).it}. ${ruleIt} ${resultIt}${whenIt}${netIt} Se vuoi vedere il calcolo passo per passo, apri l'approfondimento.`,
      `The amount is worked out from your average monthly pay, that is your average gross pay per month while you were working in the last four years. Yours is ${money(rmm).en}. ${ruleEn} ${resultEn}${whenEn}${netEn} To see the calculation step by step, open the pop-up.`,
    ),
    actions: [
      {
        id: 'popup-amount',
        kind: 'popup',
        label: l('Come si calcola', 'How it is calculated'),
        window: [0.3, 1],
        popup: {
          title: l("Come si calcola l'importo della NASpI", 'How the NASpI amount is calculated'),
          body: [
            l(
              'La retribuzione media mensile: si sommano le retribuzioni soggette a contributi degli ultimi quattro anni, si dividono per le settimane di contributi e si moltiplicano per 4,33, le settimane di un mese.',
              'The average monthly pay: the pay subject to contributions in the last four years is added up, divided by the weeks of contributions and multiplied by 4.33, the weeks in a month.',
            ),
            l(
              `${cap(lostJobIt)}: fino a ${formatCents(threshold, 'it')} la NASpI è il 75% della retribuzione media; con una retribuzione più alta è il 75% di ${formatCents(threshold, 'it')} più il 25% della parte che supera questa cifra.`,
              `${cap(lostJobEn)}: up to ${formatCents(threshold, 'en')} NASpI is 75% of the average pay; with higher pay it is 75% of ${formatCents(threshold, 'en')} plus 25% of the part above that figure.`,
            ),
            l(
              `L'importo non può superare ${formatCents(capCents, 'it')} lordi al mese, il massimo ${prepArt('di', String(year))}. ${cap(inst.it)} trattiene l'IRPEF, come su uno stipendio: sul conto arriva l'importo netto.`,
              `The amount cannot be more than ${formatCents(capCents, 'en')} gross a month, the ${year} maximum. ${cap(inst.en)} withholds income tax (IRPEF), as on a salary: the net amount is paid into your account.`,
            ),
          ],
        },
      },
    ],
  };

  // ── The reduction, when the claim lasts long enough to reach it ─────────────────────────────
  const fromRedIt = prepArt('da', `${ordinal(red).it} mese`); // "dal sesto mese", "dall'ottavo mese"
  const redStart = naspiMonthStart(b.startDate, red);
  const shown = [red, red + 1, red + 2].filter((m) => m <= months);
  const saidIt = shown.map((m, i) =>
    i === 0
      ? `${prepArt('in', `${ordinal(m).it} mese`)} l'importo è di ${money(schedule[m - 1]!).it} lordi`
      : `${prepArt('in', ordinal(m).it)} di ${money(schedule[m - 1]!).it}`,
  );
  const saidEn = shown.map((m, i) =>
    i === 0 ? `in the ${ordinal(m).en} month it is ${money(schedule[m - 1]!).en} gross` : `in the ${ordinal(m).en} ${money(schedule[m - 1]!).en}`,
  );
  const lastToo = months > red + 2;
  const reduction: SceneDraft | undefined = reached
    ? {
        id: 'reduction',
        kind: 'amount',
        title: l("Come scende l'importo", 'How the amount goes down'),
        deps: ['benefit.firstMonthlyAmountCents', 'benefit.reductionFromMonth', 'benefit.startDate', 'benefit.endDate', 'citizen.age'],
        minSeconds: 10,
        content: {
          headline: l(`${cap(fromRedIt)} l'importo scende`, `From month ${red} the amount goes down`),
          amount: { format: 'cents', value: schedule[red - 1]! },
          caption: l(`lordi ${prepArt('in', `${ordinal(red).it} mese`)}`, `gross in month ${red}`),
          rows: [
            { label: l(`Mesi 1–${red - 1}`, `Months 1–${red - 1}`), figure: { format: 'cents', value: b.firstMonthlyAmountCents } },
            ...shown.map((m) => ({ label: l(`Mese ${m}`, `Month ${m}`), figure: { format: 'cents' as const, value: schedule[m - 1]! }, emphasis: m === red })),
            ...(lastToo
              ? [{ label: l(`Mese ${months}, l'ultimo`, `Month ${months}, the last`), figure: { format: 'cents' as const, value: schedule[months - 1]! } }]
              : []),
          ],
          note: l('Importi lordi: ogni mese il 3% in meno del mese prima', 'Gross amounts: each month 3% less than the month before'),
        },
        narration: l(
          `${cap(fromRedIt)} di NASpI, cioè ${itDate('dal', redStart)}, l'importo scende ogni mese del tre per cento rispetto al mese prima. ` +
            (older
              ? `Per te la riduzione parte ${prepArt('da', 'ottavo mese')} e non dal sesto perché, quando hai fatto domanda, avevi ${c.age} anni: per chi ha almeno cinquantacinque anni parte più tardi. `
              : '') +
            `${cap(saidIt.join(', '))}${lastToo ? `, e nell'ultimo mese, ${the(ordinal(months).it)}, di ${money(schedule[months - 1]!).it}` : ''}.` +
            (redStart.slice(8) !== '01'
              ? ` Nel mese in cui l'importo cambia, i giorni prima ${itDate('del', redStart)} sono pagati con l'importo di prima, gli altri con quello nuovo.`
              : '') +
            ' Anche gli importi netti scendono: li trovi nel calendario dei pagamenti.',
          `From the ${ordinal(red).en} month of NASpI, that is from ${date(redStart).en}, the amount goes down each month by three per cent of the month before. ` +
            (older
              ? `For you the reduction starts from the eighth month rather than the sixth because you were ${c.age} when you applied: for people aged fifty-five or over it starts later. `
              : '') +
            `${cap(saidEn.join(', '))}${lastToo ? `, and in the last month, the ${ordinal(months).en}, ${money(schedule[months - 1]!).en}` : ''}.` +
            (redStart.slice(8) !== '01'
              ? ` In the month when the amount changes, the days before ${date(redStart).en} are paid at the old amount and the rest at the new one.`
              : '') +
            ' The net amounts go down too: you will find them in the payment calendar.',
        ),
      }
    : undefined;

  // ── When ────────────────────────────────────────────────────────────────────────────────────
  const periodLabel = (period: string): Localized => {
    const d = dueOf(period);
    const name = monthName(period);
    if (!d || d.whole) return l(`per ${name.it}`, `for ${name.en}`);
    return l(`${daysShown(d.coveredDays).it} di ${name.it}`, `${daysShown(d.coveredDays).en} of ${name.en}`);
  };
  const p0 = b.payments[0]!;
  const pN = b.payments.at(-1)!;
  const d0 = dueOf(p0.period);
  const dN = dueOf(pN.period);
  const firstReducedIndex = b.payments.findIndex((p) => dueOf(p.period)?.parts.some((x) => x.benefitMonth >= red));
  const allNextMonth = b.payments.every((p) => p.date.slice(0, 7) === nextMonth(p.period));
  const anyPartial = due.some((d) => !d.whole);
  const ibanSaid = b.ibanLast4.split('').join(' ');
  const coverIt = (d: NaspiDueMonth | undefined, period: string): string =>
    d && !d.whole ? `per ${daysSaid(d.coveredDays).it} di ${month(period).it}` : `per ${month(period).it}`;
  const coverEn = (d: NaspiDueMonth | undefined, period: string): string =>
    d && !d.whole ? `for ${daysSaid(d.coveredDays).en} of ${month(period).en}` : `for ${month(period).en}`;
  const firstWhyIt = d0 && !d0.whole ? `, perché la NASpI parte ${itDate('il', b.startDate)}` : '';
  const firstWhyEn = d0 && !d0.whole ? `, because NASpI starts on ${date(b.startDate).en}` : '';
  const lastUntilIt = dN && !dN.whole ? `, fino ${itDate('al', b.endDate)}` : '';
  const lastUntilEn = dN && !dN.whole ? `, up to ${date(b.endDate).en}` : '';
  const steadyIt = !reached
    ? ` Per tutta la tua NASpI l'importo mensile lordo resta lo stesso: la riduzione del tre per cento parte solo ${fromRedIt}${older ? ', per chi come te aveva almeno cinquantacinque anni quando ha fatto domanda' : ''}, e la tua NASpI finisce prima.`
    : '';
  const steadyEn = !reached
    ? ` The gross monthly amount stays the same for all of your NASpI: the three per cent reduction only starts from the ${ordinal(red).en} month${older ? ', for people who, like you, were fifty-five or over when they applied' : ''}, and your NASpI ends before then.`
    : '';
  const calendar: SceneDraft = {
    id: 'payments',
    kind: 'calendar',
    title: l('Quando arrivano i pagamenti', 'When payments arrive'),
    deps: [
      'benefit.payments',
      'benefit.startDate',
      'benefit.endDate',
      'benefit.firstMonthlyAmountCents',
      'benefit.reductionFromMonth',
      'benefit.ibanLast4',
      'citizen.age',
    ],
    minSeconds: Math.min(8 + b.payments.length * 0.6, 22),
    content: {
      headline: l('I tuoi pagamenti, netti', 'Your payments, net'),
      entries: b.payments.map((p, i) => ({
        date: p.date,
        label: periodLabel(p.period),
        cents: p.netCents,
        highlight: i === 0 || i === firstReducedIndex || i === b.payments.length - 1,
      })),
      note: l(`Importi netti, sul conto che termina con ${b.ibanLast4}`, `Net amounts, paid into the account ending in ${b.ibanLast4}`),
    },
    narration: l(
      (allNextMonth
        ? `Ogni mese è pagato nel mese successivo, con un bonifico sul conto che termina con ${ibanSaid}.`
        : `I pagamenti arrivano dopo la fine di ogni mese, con un bonifico sul conto che termina con ${ibanSaid}.`) +
        ` Il primo pagamento è previsto ${itDate('il', p0.date)}: ${money(p0.netCents).it} netti ${coverIt(d0, p0.period)}${firstWhyIt}.` +
        (anyPartial ? ' Quando la NASpI copre solo una parte di un mese, quel mese è pagato in proporzione ai giorni.' : '') +
        (b.payments.length > 1
          ? ` L'ultimo pagamento, ${money(pN.netCents).it} netti ${coverIt(dN, pN.period)}${lastUntilIt}, è previsto ${itDate('il', pN.date)}.`
          : '') +
        steadyIt +
        ' Le date esatte le trovi sempre nel servizio dei pagamenti.',
      (allNextMonth
        ? `Each month is paid in the following month, by transfer to the account ending in ${ibanSaid}.`
        : `Payments arrive after the end of each month, by transfer to the account ending in ${ibanSaid}.`) +
        ` The first payment is due on ${date(p0.date).en}: ${money(p0.netCents).en} net ${coverEn(d0, p0.period)}${firstWhyEn}.` +
        (anyPartial ? ' When NASpI covers only part of a month, that month is paid in proportion to the days.' : '') +
        (b.payments.length > 1
          ? ` The last payment, ${money(pN.netCents).en} net ${coverEn(dN, pN.period)}${lastUntilEn}, is due on ${date(pN.date).en}.`
          : '') +
        steadyEn +
        ' You can always check the exact dates in the payments service.',
    ),
    actions: [{ id: 'btn-payments', kind: 'button', label: l('I miei pagamenti', 'My payments'), service: 'naspi-payments', window: [0.35, 1] }],
  };

  // ── Tax ─────────────────────────────────────────────────────────────────────────────────────
  const tax: SceneDraft = {
    id: 'tax',
    kind: 'status',
    title: l('Tasse e detrazioni', 'Tax and deductions'),
    deps: ['benefit.employmentDeduction'],
    content: {
      headline: l('Le tasse sulla NASpI', 'Tax on NASpI'),
      tone: b.employmentDeduction ? 'ok' : 'warning',
      badge: b.employmentDeduction ? l('Detrazioni applicate', 'Deductions applied') : l('Detrazioni non chieste', 'Deductions not requested'),
      facts: [],
      steps: [
        {
          title: l('IRPEF trattenuta', 'Income tax withheld'),
          text: l(`${cap(inst.it)} trattiene le tasse e ti paga il netto`, `${cap(inst.en)} withholds tax and pays you the net amount`),
        },
        b.employmentDeduction
          ? {
              title: l('Detrazioni per lavoro dipendente', 'Employee tax deduction'),
              text: l('Le hai chieste nella domanda: paghi meno tasse', 'You asked for it in your application: you pay less tax'),
            }
          : {
              title: l('Puoi chiedere le detrazioni', 'You can ask for the deduction'),
              text: l('Se non hai altri redditi da lavoro, chiedile online', 'If you have no other work income, ask for it online'),
            },
        {
          title: l('Certificazione Unica', 'Certificazione Unica (CU)'),
          text: l('Ogni anno a marzo, per la dichiarazione dei redditi', 'Every March, for your tax return'),
        },
      ],
      numbered: false,
    },
    narration: l(
      `La NASpI è tassata come uno stipendio: ${inst.it} trattiene l'IRPEF, l'imposta sul reddito, e sul tuo conto arriva l'importo netto. Gli importi del calendario sono già netti. ` +
        (b.employmentDeduction
          ? 'Nella domanda hai chiesto le detrazioni per lavoro dipendente, uno sconto sulle tasse: per questo le tasse trattenute sono più basse. '
          : 'Nella domanda non hai chiesto le detrazioni per lavoro dipendente, uno sconto sulle tasse. Se non hai altri redditi da lavoro, puoi chiederle online e pagare meno tasse ogni mese. ') +
        'Ogni anno, a marzo, trovi online la Certificazione Unica, che ti serve per la dichiarazione dei redditi.',
      `NASpI is taxed like a salary: ${inst.en} withholds income tax (IRPEF) and the net amount is paid into your account. The amounts in the calendar are already net. ` +
        (b.employmentDeduction
          ? 'In your application you asked for the employee tax deduction, which lowers your tax: that is why less tax is withheld. '
          : 'In your application you did not ask for the employee tax deduction, which lowers your tax. If you have no other work income, you can ask for it online and pay less tax every month. ') +
        'Every March you will find your Certificazione Unica online: you need it for your tax return.',
    ),
  };

  // ── A new job, the advance ──────────────────────────────────────────────────────────────────
  const intoNewYear = yearOf(b.endDate) > yearOf(b.startDate);
  const lastAdvanceRequest = addDays(b.endDate, NASPI_ADVANCE_REQUEST_DAYS);
  const advanceInstalments: Localized | undefined =
    b.applicationDate >= NASPI_ADVANCE_TWO_INSTALMENTS_FROM
      ? l(
          "L'anticipo è pagato in due rate: il 70% subito e il 30% alla fine del periodo di NASpI, e comunque entro sei mesi dalla domanda, dopo aver verificato tra l'altro che non lavori come dipendente.",
          'The advance is paid in two instalments: 70% at once and 30% at the end of the NASpI period, and at the latest six months after the request, after checking, among other things, that you have not taken an employee job.',
        )
      : lastAdvanceRequest >= NASPI_ADVANCE_TWO_INSTALMENTS_FROM
        ? l(
            `Per le domande di anticipo presentate ${itDate('dal', NASPI_ADVANCE_TWO_INSTALMENTS_FROM)}, l'anticipo è pagato in due rate: il 70% subito e il 30% alla fine del periodo di NASpI, e comunque entro sei mesi dalla domanda, dopo aver verificato tra l'altro che non lavori come dipendente.`,
            `For advance requests made from ${date(NASPI_ADVANCE_TWO_INSTALMENTS_FROM).en}, the advance is paid in two instalments: 70% at once and 30% at the end of the NASpI period, and at the latest six months after the request, after checking, among other things, that you have not taken an employee job.`,
          )
        : undefined;
  const newJob: SceneDraft = {
    id: 'new-job',
    kind: 'obligations',
    title: l('Se trovi un lavoro', 'If you find a job'),
    deps: ['benefit.startDate', 'benefit.endDate', 'benefit.applicationDate'],
    minSeconds: 14,
    content: {
      headline: l('Se trovi un nuovo lavoro', 'If you find a new job'),
      items: [
        {
          title: l('Comunicalo entro un mese', 'Tell us within one month'),
          text: l('Con NASpI-Com indica quanto prevedi di guadagnare in un anno', 'Use NASpI-Com to say how much you expect to earn in a year'),
        },
        {
          title: l(`Dipendente fino a ${formatEuroWhole(EMPLOYEE_LIMIT, 'it')} l'anno`, `Employee up to ${formatEuroWhole(EMPLOYEE_LIMIT, 'en')} a year`),
          text: l("La NASpI continua, ridotta dell'80% del reddito previsto", 'NASpI continues, reduced by 80% of the expected income'),
        },
        {
          title: l(`Autonomo fino a ${formatEuroWhole(SELF_LIMIT, 'it')} l'anno`, `Self-employed up to ${formatEuroWhole(SELF_LIMIT, 'en')} a year`),
          text: l('Stessa regola: comunica il reddito entro un mese', 'Same rule: declare the income within one month'),
        },
        {
          title: l(`Dipendente oltre ${formatEuroWhole(EMPLOYEE_LIMIT, 'it')}`, `Employee above ${formatEuroWhole(EMPLOYEE_LIMIT, 'en')}`),
          text: l('Fino a 6 mesi la NASpI è sospesa; oltre, finisce', 'Up to 6 months NASpI is suspended; longer, it ends'),
        },
      ],
    },
    narration: l(
      "Se trovi un nuovo lavoro, comunicalo entro un mese con il servizio NASpI-Com e indica quanto prevedi di guadagnare in un anno. Se lavori come dipendente per un datore di lavoro diverso da quello di prima e prevedi di guadagnare fino a ottomilacinquecento euro l'anno, la NASpI continua, ma più bassa: si toglie l'ottanta per cento di quello che prevedi di guadagnare, diviso sui mesi di NASpI che restano. Vale lo stesso per un lavoro autonomo fino a cinquemilacinquecento euro l'anno. Se come dipendente guadagni di più, un contratto fino a sei mesi sospende la NASpI, che riprende alla fine del contratto; un contratto più lungo la fa finire. Se non comunichi il reddito, perdi la NASpI. Per un lavoro occasionale fino a cinquemila euro l'anno non devi comunicare niente." +
        (intoNewYear
          ? " Se hai comunicato un reddito e la tua NASpI continua nell'anno nuovo, entro il 31 gennaio comunica di nuovo il reddito che prevedi per quell'anno."
          : '') +
        " Se invece vuoi avviare un'attività in proprio, puoi chiedere in anticipo tutta la NASpI che ti resta.",
      'If you find a new job, report it within one month through the NASpI-Com service, saying how much you expect to earn in a year. If you work as an employee for an employer other than your previous one and expect to earn up to eight thousand five hundred euros a year, NASpI continues but is lower: eighty per cent of what you expect to earn is taken off, spread over the NASpI months you have left. The same applies to self-employment up to five thousand five hundred euros a year. If you earn more as an employee, a contract of up to six months suspends NASpI, which resumes when the contract ends; a longer contract ends it. If you do not declare your income, you lose NASpI. For occasional work up to five thousand euros a year you do not need to report anything.' +
        (intoNewYear
          ? ' If you have declared an income and your NASpI continues into the new year, declare the income you expect for that year again by 31 January.'
          : '') +
        ' If you want to start your own business instead, you can ask for all the NASpI you have left in advance.',
    ),
    actions: [
      { id: 'btn-naspi-com', kind: 'button', label: l('Comunica un nuovo lavoro', 'Report a new job'), service: 'naspi-com', window: [0.12, 1] },
      {
        id: 'popup-advance',
        kind: 'popup',
        label: l("Anticipo per avviare un'attività", 'Advance to start a business'),
        window: [0.7, 1],
        popup: {
          title: l('Anticipo della NASpI per il lavoro autonomo', 'NASpI advance for self-employment'),
          body: [
            l(
              "Se avvii un'attività autonoma o un'impresa individuale, o entri in una cooperativa, puoi chiedere in anticipo la NASpI che ti resta. La domanda va fatta online entro 30 giorni dall'inizio dell'attività.",
              'If you start self-employment or a sole-trader business, or join a worker cooperative, you can ask for the rest of your NASpI up front. Apply online within 30 days of starting the activity.',
            ),
            ...(advanceInstalments ? [advanceInstalments] : []),
            l(
              "Se prima della fine del periodo di NASpI trovi un lavoro dipendente, devi restituire tutto l'anticipo.",
              'If you take an employee job before your NASpI period would have ended, you must pay the whole advance back.',
            ),
          ],
        },
      },
    ],
  };

  const services = servicesScene({
    deps: [],
    headline: l('Tutto online, quando ti serve', 'Everything online, whenever you need it'),
    narration: l(
      `Con i pulsanti sotto il video puoi controllare i tuoi pagamenti, comunicare un nuovo lavoro o altri cambiamenti, e chiedere l'anticipo della NASpI. Entra con SPID, CIE o CNS nella tua ${theme.portalName.it.toLowerCase()}.`,
      `With the buttons under the video you can check your payments, report a new job or other changes, and ask for the NASpI advance. Sign in with SPID, CIE or CNS to your ${theme.portalName.en.toLowerCase()}.`,
    ),
    buttons: [
      {
        id: 'btn-services-payments',
        text: l('Controlla date e importi dei pagamenti', 'Check payment dates and amounts'),
        label: l('I miei pagamenti', 'My payments'),
        service: 'naspi-payments',
        window: [0.1, 1],
      },
      {
        id: 'btn-services-com',
        text: l('Comunica un nuovo lavoro o altre variazioni', 'Report a new job or other changes'),
        label: l('NASpI-Com', 'NASpI-Com'),
        service: 'naspi-com',
        window: [0.25, 1],
      },
      {
        id: 'btn-services-advance',
        text: l("Chiedi l'anticipo per un'attività in proprio", 'Ask for the advance to start a business'),
        label: l('Anticipo NASpI', 'NASpI advance'),
        service: 'naspi-advance',
        window: [0.45, 1],
      },
    ],
  });

  const closing = closingScene({
    deps: [],
    minSeconds: 6,
    content: {
      headline: l('Grazie per averci seguito', 'Thank you for watching'),
      text: AVAILABLE_UNTIL_SCREEN,
    },
    narration: l(
      `${AVAILABLE_UNTIL_SPOKEN.it} Per parlare con un operatore chiama ${phones.it}. Se la guida ti è stata utile, lascia una valutazione. Grazie, e in bocca al lupo per la ricerca di un nuovo lavoro.`,
      `${AVAILABLE_UNTIL_SPOKEN.en} To speak to an operator, call ${phones.en}. If the guide helped you, please leave a rating. Thank you, and good luck finding a new job.`,
    ),
  });

  return assembleStoryboard(
    { type: 'naspi', version: NASPI_VERSION, locale: g.locale, presenter: 'F' },
    [greeting, period, amount, ...(reduction ? [reduction] : []), calendar, tax, newJob, services, closing],
    options,
  );
}

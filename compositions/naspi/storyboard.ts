import { date, itDate, l, money, welcomeIt } from '../common/copy';
import { formatCents, formatEuroWhole } from '../common/locale';
import { yearOf } from '../common/dates';
import { assembleStoryboard, themeOf, type SceneDraft, type StoryboardOptions } from '../common/storyboard-build';
import type { Storyboard } from '../common/storyboard-types';
import type { NaspiGuide } from './schema';
import {
  NASPI_EMPLOYEE_INCOME_LIMIT_CENTS as EMPLOYEE_LIMIT,
  NASPI_SELF_EMPLOYED_INCOME_LIMIT_CENTS as SELF_LIMIT,
  naspiYear,
} from './rules';

export const NASPI_VERSION = 'naspi@1';

export function naspiStoryboard(g: NaspiGuide, options: StoryboardOptions = {}): Storyboard {
  const theme = themeOf(options);
  const b = g.benefit;
  const c = g.citizen;
  const months = b.payments.length;
  const year = yearOf(b.startDate);
  const { thresholdCents, capCents } = naspiYear(year);
  const first = money(b.firstMonthlyAmountCents);
  const firstReduced = b.payments[b.reductionFromMonth - 1];
  const inst = theme.instituteShort;

  const greeting: SceneDraft = {
    id: 'greeting',
    kind: 'greeting',
    title: l('Introduzione', 'Introduction'),
    deps: ['citizen.givenName', 'citizen.gender'],
    minSeconds: 7,
    content: {
      salutation: l('Gentile', 'Dear'),
      name: c.givenName,
      subtitle: l('La tua domanda di NASpI è stata accolta', 'Your NASpI application has been accepted'),
    },
    narration: l(
      `Gentile ${c.givenName}, ${welcomeIt(c.gender)} nella tua videoguida. La tua domanda di NASpI, l'indennità di disoccupazione, è stata accolta. In pochi minuti ti spiego quanto riceverai, quando arrivano i pagamenti e cosa fare se trovi un nuovo lavoro.`,
      `Dear ${c.givenName}, welcome to your video guide. Your application for NASpI, the unemployment benefit, has been accepted. In a few minutes I will explain how much you will receive, when the payments arrive, and what to do if you find a new job.`,
    ),
  };

  const period: SceneDraft = {
    id: 'period',
    kind: 'status',
    title: l('Il periodo della NASpI', 'Your NASpI period'),
    deps: ['benefit.startDate', 'benefit.endDate', 'benefit.payments'],
    content: {
      headline: l('Domanda accolta', 'Application accepted'),
      tone: 'ok',
      badge: l('Accolta', 'Accepted'),
      facts: [
        { label: l('Dal', 'From'), figure: { format: 'date', value: b.startDate } },
        { label: l('Al', 'To'), figure: { format: 'date', value: b.endDate } },
        { label: l('Mesi di indennità', 'Months of benefit'), figure: { format: 'count', value: months } },
      ],
      steps: [],
      numbered: false,
    },
    narration: l(
      `La NASpI ti spetta ${itDate('dal', b.startDate)} ${itDate('al', b.endDate)}: ${months === 1 ? 'un mese' : `${months} mesi`} di indennità. La durata è pari alla metà delle settimane di contributi degli ultimi quattro anni, fino a un massimo di ventiquattro mesi.`,
      `You are entitled to NASpI from ${date(b.startDate).en} to ${date(b.endDate).en}: ${months === 1 ? 'one month' : `${months} months`} of benefit. It lasts half of the weeks of contributions of the last four years, up to twenty-four months.`,
    ),
  };

  const above = Math.max(0, b.averageMonthlyPayCents - thresholdCents);
  const amount: SceneDraft = {
    id: 'amount',
    kind: 'amount',
    title: l("L'importo mensile", 'Your monthly amount'),
    deps: ['benefit.averageMonthlyPayCents', 'benefit.firstMonthlyAmountCents', 'benefit.startDate'],
    minSeconds: 12,
    content: {
      headline: l('Importo mensile lordo', 'Gross monthly amount'),
      amount: { format: 'cents', value: b.firstMonthlyAmountCents },
      caption: l('nei primi mesi', 'in the first months'),
      rows: [
        { label: l('Retribuzione media mensile', 'Average monthly pay'), figure: { format: 'cents', value: b.averageMonthlyPayCents } },
        {
          label: l(`75% fino a ${formatCents(thresholdCents, 'it')}`, `75% up to ${formatCents(thresholdCents, 'en')}`),
          figure: { format: 'cents', value: Math.round(0.75 * Math.min(b.averageMonthlyPayCents, thresholdCents)) },
        },
        ...(above > 0
          ? [{ label: l('25% della parte che supera la soglia', '25% of the part above the threshold'), figure: { format: 'cents' as const, value: Math.round(0.25 * above) } }]
          : []),
        { label: l(`Massimo ${year}`, `${year} maximum`), figure: { format: 'cents', value: capCents } },
      ],
    },
    narration: l(
      `Nei primi mesi riceverai ${first.it} lordi al mese. L'importo è il settantacinque per cento della tua retribuzione media mensile degli ultimi quattro anni, che è di ${money(b.averageMonthlyPayCents).it}${above > 0 ? `; sulla parte che supera ${money(thresholdCents).it} si aggiunge il venticinque per cento` : ''}. Nel ${year} l'importo non può superare ${money(capCents).it}. Se vuoi vedere il calcolo passo per passo, apri l'approfondimento.`,
      `In the first months you will receive ${first.en} gross a month. The amount is seventy-five per cent of your average monthly pay over the last four years, which is ${money(b.averageMonthlyPayCents).en}${above > 0 ? `; on the part above ${money(thresholdCents).en}, twenty-five per cent is added` : ''}. In ${year} the amount cannot exceed ${money(capCents).en}. To see the calculation step by step, open the pop-up.`,
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
              'Si sommano le retribuzioni soggette a contributi degli ultimi quattro anni, si dividono per le settimane di contribuzione e si moltiplicano per 4,33: è la retribuzione media mensile.',
              'The pay subject to contributions in the last four years is added up, divided by the weeks of contributions and multiplied by 4.33: this is the average monthly pay.',
            ),
            l(
              `Fino a ${formatCents(thresholdCents, 'it')} (soglia ${year}) la NASpI è il 75% della retribuzione media; sulla parte che supera la soglia si aggiunge il 25%.`,
              `Up to ${formatCents(thresholdCents, 'en')} (${year} threshold) NASpI is 75% of the average pay; 25% of the part above the threshold is added.`,
            ),
            l(
              `L'importo mensile non può superare ${formatCents(capCents, 'it')} lordi nel ${year}. Sugli importi l'Istituto trattiene l'IRPEF, come su uno stipendio.`,
              `The monthly amount cannot exceed ${formatCents(capCents, 'en')} gross in ${year}. Income tax (IRPEF) is withheld, as on a salary.`,
            ),
          ],
        },
      },
    ],
  };

  const over55 = b.reductionFromMonth === 8;
  const calendar: SceneDraft = {
    id: 'payments',
    kind: 'calendar',
    title: l('Quando arrivano i pagamenti', 'When payments arrive'),
    deps: ['benefit.payments', 'benefit.reductionFromMonth', 'benefit.ibanLast4'],
    minSeconds: Math.min(8 + months * 0.6, 22),
    content: {
      headline: l('I tuoi pagamenti', 'Your payments'),
      entries: b.payments.map((p, i) => ({
        date: p.date,
        label: l(`Mese ${i + 1}`, `Month ${i + 1}`),
        cents: p.grossCents,
        highlight: i === 0 || i === b.reductionFromMonth - 1,
      })),
      note: l(`Accredito sul conto che termina con ${b.ibanLast4}`, `Paid into the account ending in ${b.ibanLast4}`),
    },
    narration: l(
      `Ogni mese è pagato nel mese successivo, con bonifico sul conto che termina con ${b.ibanLast4.split('').join(' ')}. Il primo pagamento è previsto ${itDate('il', b.payments[0]!.date)}.${firstReduced ? ` Dal ${over55 ? 'ottavo' : 'sesto'} mese${over55 ? ', perché avevi almeno cinquantacinque anni alla domanda,' : ''} l'importo si riduce del tre per cento ogni mese: il mese ${b.reductionFromMonth} riceverai ${money(firstReduced.grossCents).it}.` : ''} Le date esatte le trovi sempre nel servizio dei pagamenti.`,
      `Each month is paid in the following month, by transfer to the account ending in ${b.ibanLast4.split('').join(' ')}. The first payment is due on ${date(b.payments[0]!.date).en}.${firstReduced ? ` From the ${over55 ? 'eighth' : 'sixth'} month${over55 ? ', because you were fifty-five or older when you applied,' : ''} the amount goes down by three per cent each month: in month ${b.reductionFromMonth} you will receive ${money(firstReduced.grossCents).en}.` : ''} You can always check the exact dates in the payments service.`,
    ),
    actions: [
      { id: 'btn-payments', kind: 'button', label: l('I miei pagamenti', 'My payments'), service: 'naspi-payments', window: [0.35, 1] },
    ],
  };

  const tax: SceneDraft = {
    id: 'tax',
    kind: 'status',
    title: l('Tasse e detrazioni', 'Tax and deductions'),
    deps: ['benefit.employmentDeduction'],
    content: {
      headline: l('Le tasse sulla NASpI', 'Tax on NASpI'),
      tone: b.employmentDeduction ? 'ok' : 'warning',
      badge: b.employmentDeduction ? l('Detrazioni applicate', 'Deductions applied') : l('Detrazioni non richieste', 'Deductions not requested'),
      facts: [],
      steps: [
        { title: l('IRPEF trattenuta', 'Income tax withheld'), text: l("L'Istituto trattiene le tasse e ti paga l'importo netto", 'The Institute withholds tax and pays you the net amount') },
        b.employmentDeduction
          ? { title: l('Detrazioni per lavoro dipendente', 'Employee tax deduction'), text: l('Le hai chieste nella domanda: le tasse sono più basse', 'You asked for it in your application: tax is lower') }
          : { title: l('Puoi chiedere le detrazioni', 'You can ask for the deduction'), text: l('Se non hai altri redditi da lavoro, chiedile online', 'If you have no other work income, request it online') },
        { title: l('Certificazione Unica', 'Certificazione Unica (CU)'), text: l('Ogni anno a marzo, per la dichiarazione dei redditi', 'Every March, for your tax return') },
      ],
      numbered: false,
    },
    narration: b.employmentDeduction
      ? l(
          `La NASpI è tassata come uno stipendio: ${inst.it} trattiene l'IRPEF e ti paga l'importo netto. Nella domanda hai chiesto le detrazioni per lavoro dipendente, quindi le tasse trattenute sono più basse. Ogni anno a marzo trovi online la Certificazione Unica, che serve per la dichiarazione dei redditi.`,
          `NASpI is taxed like a salary: ${inst.en} withholds income tax and pays you the net amount. In your application you asked for the employee tax deduction, so less tax is withheld. Every March you will find your Certificazione Unica online, which you need for your tax return.`,
        )
      : l(
          `La NASpI è tassata come uno stipendio: ${inst.it} trattiene l'IRPEF e ti paga l'importo netto. Nella domanda non hai chiesto le detrazioni per lavoro dipendente: se non hai altri redditi da lavoro, puoi chiederle e pagare meno tasse ogni mese. Ogni anno a marzo trovi online la Certificazione Unica, che serve per la dichiarazione dei redditi.`,
          `NASpI is taxed like a salary: ${inst.en} withholds income tax and pays you the net amount. You did not ask for the employee tax deduction in your application: if you have no other work income, you can request it and pay less tax every month. Every March you will find your Certificazione Unica online, which you need for your tax return.`,
        ),
  };

  const newJob: SceneDraft = {
    id: 'new-job',
    kind: 'obligations',
    title: l('Se trovi un lavoro', 'If you find a job'),
    deps: [],
    minSeconds: 14,
    content: {
      headline: l('Se trovi un nuovo lavoro', 'If you find a new job'),
      items: [
        {
          title: l('Comunicalo entro un mese', 'Tell us within one month'),
          text: l('Con il servizio NASpI-Com indica il reddito annuo che prevedi', 'Use the NASpI-Com service to declare the yearly income you expect'),
        },
        {
          title: l(`Lavoro dipendente fino a ${formatEuroWhole(EMPLOYEE_LIMIT, 'it')} l'anno`, `Employment up to ${formatEuroWhole(EMPLOYEE_LIMIT, 'en')} a year`),
          text: l("La NASpI continua, ridotta dell'80% del reddito previsto", 'NASpI continues, reduced by 80% of the expected income'),
        },
        {
          title: l(`Lavoro autonomo fino a ${formatEuroWhole(SELF_LIMIT, 'it')} l'anno`, `Self-employment up to ${formatEuroWhole(SELF_LIMIT, 'en')} a year`),
          text: l('Stessa regola: comunica il reddito entro un mese', 'Same rule: declare the income within one month'),
        },
        {
          title: l('Oltre questi limiti', 'Above these limits'),
          text: l('Un contratto fino a 6 mesi sospende la NASpI; più lungo la fa terminare', 'A contract of up to 6 months suspends NASpI; a longer one ends it'),
        },
      ],
    },
    narration: l(
      `Se trovi un nuovo lavoro, comunicalo entro un mese con il servizio NASpI-Com, indicando il reddito annuo che prevedi. Con un lavoro dipendente che rende fino a ottomilacinquecento euro l'anno, o un lavoro autonomo fino a cinquemilacinquecento euro, la NASpI continua, ridotta dell'ottanta per cento del reddito previsto. Oltre questi limiti, un contratto fino a sei mesi sospende la NASpI, uno più lungo la fa terminare. Se non comunichi il reddito, perdi l'indennità. Se invece vuoi avviare un'attività in proprio, puoi chiedere l'anticipo della NASpI.`,
      `If you find a new job, report it within one month through the NASpI-Com service, stating the yearly income you expect. With a job as an employee earning up to eight thousand five hundred euros a year, or self-employment up to five thousand five hundred euros, NASpI continues, reduced by eighty per cent of the expected income. Above these limits, a contract of up to six months suspends NASpI, and a longer one ends it. If you do not declare your income, you lose the benefit. If you want to start your own business instead, you can ask for NASpI in advance.`,
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
              "Se avvii un'attività autonoma, un'impresa individuale o entri in una cooperativa, puoi chiedere in anticipo la NASpI che ti resta. La domanda va fatta online entro 30 giorni dall'inizio dell'attività.",
              'If you start self-employment or a sole-trader business, or join a worker cooperative, you can ask for the rest of your NASpI up front. Apply online within 30 days of starting the activity.',
            ),
            l(
              "Dal 2026 l'anticipo è pagato in due rate: il 70% subito e il 30% alla fine del periodo di NASpI, e comunque entro sei mesi dalla domanda, dopo aver verificato che non lavori come dipendente.",
              'From 2026 the advance is paid in two instalments: 70% at once and 30% at the end of the NASpI period, and at the latest six months after the request, after checking that you have not taken an employee job.',
            ),
            l(
              "Se prima della fine del periodo trovi un lavoro dipendente, l'anticipo va restituito.",
              'If you take an employee job before the period would have ended, the advance must be paid back.',
            ),
          ],
        },
      },
    ],
  };

  const services: SceneDraft = {
    id: 'services',
    kind: 'services',
    title: l('I servizi online', 'Online services'),
    deps: [],
    content: {
      headline: l('Tutto online, quando ti serve', 'Everything online, whenever you need it'),
      items: [
        { actionId: 'btn-services-payments', text: l('Controlla date e importi dei pagamenti', 'Check payment dates and amounts') },
        { actionId: 'btn-services-com', text: l('Comunica un nuovo lavoro o altre variazioni', 'Report a new job or other changes') },
        { actionId: 'btn-services-advance', text: l("Chiedi l'anticipo per un'attività in proprio", 'Ask for the advance to start a business') },
      ],
    },
    narration: l(
      `Con i pulsanti sotto il video puoi controllare i tuoi pagamenti, comunicare un nuovo lavoro o altre variazioni, e chiedere l'anticipo della NASpI. Accedi con SPID, CIE o CNS nella tua ${theme.portalName.it.toLowerCase()}.`,
      `With the buttons under the video you can check your payments, report a new job or other changes, and ask for the NASpI advance. Sign in with SPID, CIE or CNS in your ${theme.portalName.en.toLowerCase()}.`,
    ),
    actions: [
      { id: 'btn-services-payments', kind: 'button', label: l('I miei pagamenti', 'My payments'), service: 'naspi-payments', window: [0.1, 1] },
      { id: 'btn-services-com', kind: 'button', label: l('NASpI-Com', 'NASpI-Com'), service: 'naspi-com', window: [0.25, 1] },
      { id: 'btn-services-advance', kind: 'button', label: l('Anticipo NASpI', 'NASpI advance'), service: 'naspi-advance', window: [0.45, 1] },
    ],
  };

  const closing: SceneDraft = {
    id: 'closing',
    kind: 'closing',
    title: l('Saluti', 'Goodbye'),
    deps: [],
    minSeconds: 6,
    content: {
      headline: l('Grazie per averci seguito', 'Thank you for watching'),
      text: l(
        'Questa videoguida resta disponibile per sei mesi nella tua area riservata.',
        'This video guide stays available for six months in your reserved area.',
      ),
    },
    narration: l(
      `Questa videoguida resta disponibile per sei mesi nella tua area riservata: puoi rivederla quando vuoi. Se ti è stata utile, lascia una valutazione. Grazie e in bocca al lupo per la ricerca di un nuovo lavoro.`,
      `This video guide stays available for six months in your reserved area: you can watch it again whenever you like. If it helped you, please leave a rating. Thank you, and good luck finding a new job.`,
    ),
  };

  return assembleStoryboard(
    { type: 'naspi', version: NASPI_VERSION, locale: g.locale, presenter: 'F' },
    [greeting, period, amount, calendar, tax, newJob, services, closing],
    options,
  );
}

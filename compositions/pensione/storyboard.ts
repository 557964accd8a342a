import { date, itDate, l, money, welcomeIt } from '../common/copy';
import { formatList, type Localized } from '../common/locale';
import { assembleStoryboard, themeOf, type SceneDraft, type StoryboardOptions } from '../common/storyboard-build';
import type { Storyboard } from '../common/storyboard-types';
import { FUND_AFTER_DI, FUND_LABEL, PENSION_TYPE_LABEL, PENSION_TYPE_WITH_ARTICLE, TYPE_OBLIGATION, WITHHOLDING_LABEL } from './copy';
import { nextPaydays } from './rules';
import type { PensionGuide } from './schema';
import { deductionScenes } from './deduction-scenes';

export const PENSIONE_VERSION = 'pensione@1';

export function pensioneStoryboard(g: PensionGuide, options: StoryboardOptions = {}): Storyboard {
  const theme = themeOf(options);
  const b = g.benefit;
  const c = g.citizen;
  const type = PENSION_TYPE_LABEL[b.pensionType];
  const fund = FUND_LABEL[b.fund];
  const inst = theme.instituteShort;

  const greeting: SceneDraft = {
    id: 'greeting',
    kind: 'greeting',
    title: l('Introduzione', 'Introduction'),
    deps: ['citizen.givenName', 'citizen.gender'],
    minSeconds: 8,
    content: {
      salutation: l('Gentile', 'Dear'),
      name: c.givenName,
      subtitle: l('La tua pensione è stata liquidata', 'Your pension has been granted'),
    },
    narration: l(
      `Gentile ${c.givenName}, ${welcomeIt(c.gender)} nella tua videoguida. La tua domanda di pensione è stata accolta e la pensione è stata liquidata. Ti spiego quando arriva il primo pagamento, come leggere il cedolino, quali detrazioni ti sono applicate e quali servizi online ti servono.`,
      `Dear ${c.givenName}, welcome to your video guide. Your pension application has been accepted and your pension has been granted. I will explain when the first payment arrives, how to read your payslip, which tax deductions apply to you and which online services you need.`,
    ),
  };

  const pension: SceneDraft = {
    id: 'pension',
    kind: 'status',
    title: l('La tua pensione', 'Your pension'),
    deps: ['benefit.pensionType', 'benefit.fund', 'benefit.startDate'],
    content: {
      headline: l('Pensione liquidata', 'Pension granted'),
      tone: 'ok',
      badge: l('Accolta', 'Granted'),
      facts: [
        { label: l('Tipo', 'Type'), figure: { format: 'text', value: type } },
        { label: l('Gestione', 'Fund'), figure: { format: 'text', value: fund } },
        { label: l('Decorrenza', 'Start date'), figure: { format: 'date', value: b.startDate } },
      ],
      steps: [],
      numbered: false,
    },
    narration: l(
      `Ti spetta ${PENSION_TYPE_WITH_ARTICLE[b.pensionType].it}, a carico ${FUND_AFTER_DI[b.fund].it}, con decorrenza ${itDate('dal', b.startDate)}. La decorrenza è il giorno da cui la pensione ti spetta: anche se il primo pagamento arriva più tardi, ti sono pagati tutti i mesi a partire da quella data.`,
      `You have been granted ${PENSION_TYPE_WITH_ARTICLE[b.pensionType].en}, paid by ${FUND_AFTER_DI[b.fund].en}, starting on ${date(b.startDate).en}. The start date is the day from which the pension is due: even if the first payment comes later, every month from that date is paid to you.`,
    ),
  };

  const fp = b.firstPayment;
  const firstWithheld = fp.grossCents - fp.netCents;
  const firstPayment: SceneDraft = {
    id: 'first-payment',
    kind: 'amount',
    title: l('Il primo pagamento', 'Your first payment'),
    deps: ['benefit.firstPayment', 'benefit.firstPaymentDate'],
    minSeconds: 12,
    content: {
      headline: l('Primo pagamento netto', 'First net payment'),
      amount: { format: 'cents', value: fp.netCents },
      caption: l(`${itDate('il', b.firstPaymentDate)}`, `on ${date(b.firstPaymentDate).en}`),
      rows: [
        { label: l('Importo lordo', 'Gross amount'), figure: { format: 'cents', value: fp.grossCents } },
        ...(fp.arrearsCents > 0
          ? [{ label: l(`di cui arretrati (${fp.arrearsMonths} ${fp.arrearsMonths === 1 ? 'mese' : 'mesi'})`, `of which arrears (${fp.arrearsMonths} ${fp.arrearsMonths === 1 ? 'month' : 'months'})`), figure: { format: 'cents' as const, value: fp.arrearsCents } }]
          : []),
        { label: l('Trattenute', 'Withholdings'), figure: { format: 'cents', value: firstWithheld } },
        { label: l('Netto accreditato', 'Net paid'), figure: { format: 'cents', value: fp.netCents }, emphasis: true },
      ],
    },
    narration:
      fp.arrearsCents > 0
        ? l(
            `Il primo pagamento arriverà ${itDate('il', b.firstPaymentDate)}: riceverai ${money(fp.netCents).it} netti. Questo importo comprende gli arretrati, cioè ${fp.arrearsMonths === 1 ? 'il mese' : `i ${fp.arrearsMonths} mesi`} dalla decorrenza fino al mese del primo pagamento, per ${money(fp.arrearsCents).it} lordi. Per questo il primo pagamento è più alto di quelli dei mesi successivi.`,
            `Your first payment will arrive on ${date(b.firstPaymentDate).en}: you will receive ${money(fp.netCents).en} net. This amount includes arrears, that is ${fp.arrearsMonths === 1 ? 'the month' : `the ${fp.arrearsMonths} months`} from the start date to the month of the first payment, worth ${money(fp.arrearsCents).en} gross. That is why the first payment is higher than the following ones.`,
          )
        : l(
            `Il primo pagamento arriverà ${itDate('il', b.firstPaymentDate)}: riceverai ${money(fp.netCents).it} netti. Non ci sono arretrati, perché la pensione è pagata a partire dallo stesso mese in cui decorre: da qui in avanti riceverai ogni mese un importo simile.`,
            `Your first payment will arrive on ${date(b.firstPaymentDate).en}: you will receive ${money(fp.netCents).en} net. There are no arrears, because the pension is paid from the same month it starts: from now on you will receive a similar amount every month.`,
          ),
  };

  const m = b.monthly;
  const lineNames: Localized = {
    it: formatList(m.withholdings.map((w) => WITHHOLDING_LABEL[w.kind].it), 'it'),
    en: formatList(m.withholdings.map((w) => WITHHOLDING_LABEL[w.kind].en.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())), 'en'),
  };
  const hasSurcharges = m.withholdings.some((w) => w.kind === 'regional-surcharge' || w.kind === 'municipal-surcharge');
  const payslip: SceneDraft = {
    id: 'payslip',
    kind: 'deductions',
    title: l('Il cedolino', 'Your payslip'),
    deps: ['benefit.monthly'],
    minSeconds: 14,
    content: {
      headline: l('Il cedolino di ogni mese', 'Your monthly payslip'),
      grossCents: m.grossCents,
      lines: m.withholdings.map((w) => ({ label: WITHHOLDING_LABEL[w.kind], cents: w.cents })),
      netCents: m.netCents,
      note: l('Online verso il 20 del mese precedente', 'Online around the 20th of the previous month'),
    },
    narration: l(
      `Dal mese successivo riceverai ogni mese ${money(m.netCents).it} netti. Sul cedolino trovi prima l'importo lordo, ${money(m.grossCents).it}, poi le trattenute${m.withholdings.length ? `: ${lineNames.it}` : ''}, e infine il netto che ti viene accreditato. ${hasSurcharges ? "Le addizionali regionale e comunale dell'anno precedente sono trattenute in undici rate, da gennaio a novembre." : "Dal prossimo anno compariranno anche le addizionali regionale e comunale, trattenute in undici rate da gennaio a novembre."} Il cedolino è online verso il venti del mese precedente.`,
      `From the following month you will receive ${money(m.netCents).en} net every month. Your payslip shows first the gross amount, ${money(m.grossCents).en}, then the withholdings${m.withholdings.length ? `: ${lineNames.en}` : ''}, and finally the net amount paid to you. ${hasSurcharges ? "Last year's regional and municipal surcharges are withheld in eleven instalments, from January to November." : 'From next year the regional and municipal surcharges will also appear, withheld in eleven instalments from January to November.'} The payslip is online around the twentieth of the previous month.`,
    ),
    actions: [{ id: 'btn-payslip', kind: 'button', label: l('Scarica il cedolino', 'Download the payslip'), service: 'pension-payslip', window: [0.55, 1] }],
  };

  const paydays = nextPaydays(b.firstPaymentDate, b.paymentChannel, 6);
  const post = b.paymentChannel === 'post';
  const calendar: SceneDraft = {
    id: 'calendar',
    kind: 'calendar',
    title: l('Quando arriva la pensione', 'When your pension arrives'),
    deps: ['benefit.firstPaymentDate', 'benefit.firstPayment.netCents', 'benefit.paymentChannel', 'benefit.ibanLast4', 'benefit.monthly.netCents'],
    minSeconds: 12,
    content: {
      headline: l('I prossimi pagamenti', 'Your next payments'),
      entries: [
        { date: b.firstPaymentDate, label: l('Primo pagamento', 'First payment'), cents: fp.netCents, highlight: true },
        ...paydays.map((d) => ({
          date: d,
          label: d.slice(5, 7) === '12' ? l('Con la tredicesima', 'With the 13th month') : l('Pensione', 'Pension'),
          cents: m.netCents,
          highlight: d.slice(5, 7) === '12',
        })),
      ],
      note: post
        ? l('Alla posta: conta anche il sabato', 'At the post office: Saturdays count too')
        : l(`Accredito sul conto che termina con ${b.ibanLast4}`, `Paid into the account ending in ${b.ibanLast4}`),
    },
    narration: l(
      `La pensione è pagata il primo giorno bancabile di ogni mese; a gennaio, il secondo. ${post ? "Poiché la ricevi all'ufficio postale, anche il sabato conta come giorno di pagamento, quindi a volte la riceverai prima." : `L'accredito arriva sul conto che termina con ${b.ibanLast4.split('').join(' ')}.`} Sullo schermo vedi i tuoi prossimi pagamenti. A dicembre, insieme alla pensione, riceverai la tredicesima.`,
      `Your pension is paid on the first banking day of each month; in January, on the second. ${post ? 'Since you collect it at the post office, Saturdays also count as payment days, so sometimes you will be paid earlier.' : `It is paid into the account ending in ${b.ibanLast4.split('').join(' ')}.`} On screen you can see your next payments. In December, together with your pension, you will receive the thirteenth month.`,
    ),
  };

  const documents: SceneDraft = {
    id: 'documents',
    kind: 'status',
    title: l('CU e certificato di pensione', 'CU and pension certificate'),
    deps: [],
    content: {
      headline: l('I documenti della tua pensione', 'Your pension documents'),
      tone: 'info',
      badge: l('Ogni anno', 'Every year'),
      facts: [],
      steps: [
        { title: l('Certificazione Unica (CU)', 'Certificazione Unica (CU)'), text: l('Entro metà marzo: serve per la dichiarazione dei redditi', 'By mid-March: you need it for your tax return') },
        { title: l('Certificato di pensione (ObisM)', 'Pension certificate (ObisM)'), text: l("Gli importi dell'anno: richiesto ad esempio per un prestito", "The year's amounts: asked for, say, for a loan") },
        { title: l('Tredicesima e quattordicesima', '13th and 14th month'), text: l('A dicembre la tredicesima; a luglio la quattordicesima, se ti spetta', 'The 13th in December; the 14th in July, if you are entitled') },
      ],
      numbered: false,
    },
    narration: l(
      `Entro metà marzo di ogni anno trovi online la Certificazione Unica, che ti serve per la dichiarazione dei redditi, e il certificato di pensione, il modello ObisM, con gli importi dell'anno. A dicembre riceverai la tredicesima e, se hai almeno sessantaquattro anni e un reddito basso, a luglio anche la quattordicesima.`,
      `By mid-March every year you will find online your Certificazione Unica, which you need for your tax return, and your pension certificate, form ObisM, with the year's amounts. In December you will receive the thirteenth month and, if you are at least sixty-four and on a low income, in July also the fourteenth.`,
    ),
    actions: [
      { id: 'btn-cu', kind: 'button', label: l('Scarica la CU', 'Download the CU'), service: 'pension-cu', window: [0.15, 1] },
      { id: 'btn-certificate', kind: 'button', label: l('Certificato di pensione', 'Pension certificate'), service: 'pension-certificate', window: [0.4, 1] },
    ],
  };

  const extra = TYPE_OBLIGATION[b.pensionType];
  const obligations: SceneDraft = {
    id: 'obligations',
    kind: 'obligations',
    title: l('I tuoi obblighi', 'Your obligations'),
    deps: ['benefit.pensionType'],
    minSeconds: 12,
    content: {
      headline: l('Cosa devi comunicare', 'What you must tell us'),
      items: [
        { title: l('Redditi (RED)', 'Income (RED)'), text: l('Se hai prestazioni legate al reddito, dichiara i redditi ogni anno', 'If you have income-linked benefits, declare your income every year') },
        { title: l('Indirizzo e conto', 'Address and account'), text: l('Comunica subito ogni cambio, per non interrompere i pagamenti', 'Report any change at once, so payments are not interrupted') },
        { title: l("Se vivi all'estero", 'If you live abroad'), text: l("Ogni anno attesta l'esistenza in vita", 'Every year, confirm you are alive (proof of life)') },
        ...(extra ? [extra] : []),
      ],
    },
    narration: l(
      `Ricevere la pensione comporta anche degli obblighi. Se hai prestazioni legate al reddito, ogni anno devi dichiarare i tuoi redditi con il modello RED. Comunica subito ogni cambio di indirizzo o di conto. Se vai a vivere all'estero, ogni anno ti sarà chiesto di attestare l'esistenza in vita. ${extra ? `${extra.text.it} ` : ''}L'elenco completo è nell'approfondimento.`,
      `Receiving a pension also comes with some obligations. If you have income-linked benefits, you must declare your income every year with the RED form. Report any change of address or bank account at once. If you move abroad, every year you will be asked to provide proof of life. ${extra ? `${extra.text.en} ` : ''}The full list is in the pop-up.`,
    ),
    actions: [
      {
        id: 'popup-obligations',
        kind: 'popup',
        label: l('Gli obblighi del pensionato', "A pensioner's obligations"),
        window: [0.5, 1],
        popup: {
          title: l('Gli obblighi del pensionato', "A pensioner's obligations"),
          body: [
            l(
              "Dichiarazione dei redditi (RED): se ricevi prestazioni collegate al reddito, come l'integrazione al minimo, le maggiorazioni sociali o la quattordicesima, devi comunicare ogni anno i redditi che non sono già nella dichiarazione fiscale. Se non lo fai, le prestazioni sono sospese e poi revocate.",
              'Income declaration (RED): if you receive income-linked benefits, such as the minimum-pension supplement, social increases or the fourteenth month, you must report every year the income not already in your tax return. If you do not, those benefits are suspended and then withdrawn.',
            ),
            l(
              'Detrazioni per familiari: se un familiare a carico inizia a lavorare o cambia la sua situazione, comunicalo subito.',
              'Family deductions: if a dependant starts working or their situation changes, report it at once.',
            ),
            l(
              "Residenza all'estero: ogni anno la banca che paga le pensioni all'estero chiede di attestare l'esistenza in vita; senza attestazione il pagamento si sospende.",
              'Living abroad: every year the bank that pays pensions abroad asks for proof of life; without it, payment is suspended.',
            ),
            l(
              'Cambio di indirizzo o di conto: comunicalo online o tramite un patronato.',
              'Change of address or account: report it online or through a patronato.',
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
      headline: l('La tua pensione online', 'Your pension online'),
      items: [
        { actionId: 'btn-services-payslip', text: l('Il cedolino di ogni mese', "Each month's payslip") },
        { actionId: 'btn-services-cu', text: l('La Certificazione Unica', 'Your Certificazione Unica') },
        { actionId: 'btn-services-certificate', text: l('Il certificato di pensione', 'Your pension certificate') },
      ],
    },
    narration: l(
      `Riepilogando: con i pulsanti sotto il video puoi scaricare il cedolino, la Certificazione Unica e il certificato di pensione. Accedi con SPID, CIE o CNS nella tua ${theme.portalName.it.toLowerCase()}, o chiedi aiuto al contact center al numero ${theme.contactCenter}.`,
      `To sum up: with the buttons under the video you can download your payslip, your Certificazione Unica and your pension certificate. Sign in with SPID, CIE or CNS in ${theme.instituteShort.en}'s ${theme.portalName.en.toLowerCase()}, or call the contact centre on ${theme.contactCenter}.`,
    ),
    actions: [
      { id: 'btn-services-payslip', kind: 'button', label: l('Cedolino', 'Payslip'), service: 'pension-payslip', window: [0.15, 1] },
      { id: 'btn-services-cu', kind: 'button', label: l('Certificazione Unica', 'Certificazione Unica'), service: 'pension-cu', window: [0.25, 1] },
      { id: 'btn-services-certificate', kind: 'button', label: l('Certificato di pensione', 'Pension certificate'), service: 'pension-certificate', window: [0.35, 1] },
    ],
  };

  const closing: SceneDraft = {
    id: 'closing',
    kind: 'closing',
    title: l('Saluti', 'Goodbye'),
    deps: [],
    minSeconds: 6,
    content: {
      headline: l('Buona pensione!', 'Enjoy your retirement!'),
      text: l('Questa videoguida resta disponibile per sei mesi nella tua area riservata.', 'This video guide stays available for six months in your reserved area.'),
    },
    narration: l(
      `Questa videoguida resta disponibile per sei mesi nella tua area riservata: puoi rivederla quando vuoi. Se ti è stata utile, lascia una valutazione. Da parte di ${inst.it}, buona pensione!`,
      `This video guide stays available for six months in your reserved area: you can watch it again whenever you like. If it helped you, please leave a rating. From all of us at ${inst.en.replace(/^the /, 'the ')}, enjoy your retirement!`,
    ),
  };

  return assembleStoryboard(
    { type: 'pensione', version: PENSIONE_VERSION, locale: g.locale, presenter: 'F' },
    [greeting, pension, firstPayment, payslip, calendar, ...deductionScenes(g), documents, obligations, services, closing],
    options,
  );
}

import { contactNumbers, l, money } from '../common/copy';
import { prepArt, the } from '../common/italian';
import { formatEuroWhole } from '../common/locale';
import { closingScene, greetingScene, RATING_REQUEST, servicesScene } from '../common/common-scenes';
import { assembleStoryboard, themeOf, type SceneDraft, type StoryboardOptions } from '../common/storyboard-build';
import type { Storyboard } from '../common/storyboard-types';
import { SFL_CONFIRM_DAYS, SFL_PAYMENT } from './rules';
import type { SflGuide } from './schema';

export const SFL_VERSION = 'sfl@2';

export function sflStoryboard(g: SflGuide, options: StoryboardOptions = {}): Storyboard {
  const theme = themeOf(options);
  const b = g.benefit;
  const isee = l(formatEuroWhole(b.iseeThresholdCents, 'it'), formatEuroWhole(b.iseeThresholdCents, 'en'));

  const greeting = greetingScene({
    deps: [],
    minSeconds: 7,
    content: {
      salutation: l('Supporto per la Formazione e il Lavoro', 'Support for Training and Work'),
      name: '',
      subtitle: l('Cinque passi per ottenerlo', 'Five steps to get it'),
    },
    narration: l(
      `Ciao! Questa videoguida presenta il Supporto per la Formazione e il Lavoro, la misura per chi ha tra diciotto e cinquantanove anni e vuole rimettersi in gioco con corsi, tirocini e progetti. Vediamo a chi spetta e i cinque passi per ottenerlo.`,
      `Hello! This video guide presents the Support for Training and Work, the measure for people aged eighteen to fifty-nine who want to get back on track through courses, traineeships and projects. Let's see who can have it, and the five steps to get it.`,
    ),
  });

  const ext = b.maxExtensionMonths;
  const amount: SceneDraft = {
    id: 'amount',
    kind: 'amount',
    title: l('Quanto e a chi spetta', 'How much, and who for'),
    deps: ['benefit'],
    minSeconds: 10,
    content: {
      headline: l('Indennità mensile', 'Monthly allowance'),
      amount: { format: 'cents', value: b.monthlyAmountCents },
      caption: l(`al mese, fino a ${b.maxMonths} mesi`, `a month, for up to ${b.maxMonths} months`),
      rows: [
        { label: l('Età', 'Age'), figure: { format: 'text', value: l('18–59 anni', '18–59 years') } },
        { label: l('ISEE familiare', 'Household ISEE'), figure: { format: 'text', value: l(`fino a ${isee.it}`, `up to ${isee.en}`) } },
        { label: l('Durata', 'Duration'), figure: { format: 'text', value: l(`${b.maxMonths} mesi`, `${b.maxMonths} months`) } },
        ...(ext > 0
          ? [
              {
                label: l('Con un corso in corso', 'With a course still running'),
                figure: { format: 'text' as const, value: l(`fino a ${ext} mesi in più`, `up to ${ext} more months`) },
              },
            ]
          : []),
      ],
      note: l('Pagata solo mentre partecipi alle attività', 'Paid only while you take part in activities'),
    },
    narration: l(
      `Il Supporto vale ${money(b.monthlyAmountCents).it} al mese, per un massimo di ${b.maxMonths} mesi.${ext > 0 ? ` Si può prolungare fino a ${ext} mesi in più solo se stai seguendo un corso di formazione che continua oltre i primi ${b.maxMonths} mesi; il prolungamento non è automatico.` : ''} È pagato solo mentre partecipi alle attività di formazione o di lavoro. Spetta a chi ha tra diciotto e cinquantanove anni, vive in una famiglia con un ISEE fino a ${isee.it} e non ha diritto all'Assegno di Inclusione.`,
      `The Support is worth ${money(b.monthlyAmountCents).en} a month, for up to ${b.maxMonths} months.${ext > 0 ? ` It can be extended by up to ${ext} more months only while you are on a training course that runs beyond the first ${b.maxMonths} months; the extension is not automatic.` : ''} It is paid only while you take part in training or work activities. It is for people aged eighteen to fifty-nine, in a household with an ISEE up to ${isee.en}, who are not entitled to the Assegno di Inclusione.`,
    ),
  };

  const P = SFL_PAYMENT;
  const payment: SceneDraft = {
    id: 'payment',
    kind: 'status',
    title: l('Quando arriva il pagamento', 'When it is paid'),
    deps: [],
    minSeconds: 8,
    content: {
      headline: l('Quando arriva il pagamento', 'When it is paid'),
      tone: 'info',
      badge: l('Dipende da quando hai i requisiti', 'It depends on when you qualify'),
      facts: [
        {
          label: l(`Requisiti entro ${the(String(P.cutoffDay))}`, `Qualify by the ${P.cutoffDay}th`),
          figure: { format: 'text', value: l(`pagamento ${prepArt('da', String(P.sameMonthFromDay))}`, `paid from the ${P.sameMonthFromDay}th`) },
        },
        {
          label: l(`Requisiti dopo ${the(String(P.cutoffDay))}`, `Qualify after the ${P.cutoffDay}th`),
          figure: { format: 'text', value: l(`${the(String(P.nextMonthDay))} del mese dopo`, `the ${P.nextMonthDay}th of next month`) },
        },
      ],
      steps: [],
      numbered: false,
    },
    narration: l(
      `Quando arriva il pagamento? Se hai tutti i requisiti entro ${the(String(P.cutoffDay))} del mese, il pagamento arriva ${prepArt('da', String(P.sameMonthFromDay))} dello stesso mese; se li hai dopo ${the(String(P.cutoffDay))}, arriva ${the(String(P.nextMonthDay))} del mese successivo.`,
      `When is it paid? If you meet all the requirements by the ${P.cutoffDay}th of the month, payment comes from the ${P.sameMonthFromDay}th of the same month; if you meet them after the ${P.cutoffDay}th, it comes on the ${P.nextMonthDay}th of the following month.`,
    ),
  };

  // CAFs take applications from 2024 (DOMAIN.md §5).
  const caf = b.edition >= 2024;
  const steps: SceneDraft = {
    id: 'steps',
    kind: 'status',
    title: l('I cinque passi', 'The five steps'),
    deps: ['benefit.edition'],
    minSeconds: 30,
    content: {
      headline: l('I cinque passi', 'The five steps'),
      tone: 'info',
      badge: l('Come fare', 'How to'),
      facts: [],
      steps: [
        {
          title: l('Fai domanda', 'Apply'),
          text: caf
            ? l('Online con SPID, CIE o CNS, o con un patronato o un CAF', 'Online with SPID, CIE or CNS, or through a patronato or CAF')
            : l('Online con SPID, CIE o CNS, o con un patronato', 'Online with SPID, CIE or CNS, or through a patronato'),
        },
        { title: l('Iscriviti a SIISL', 'Register on SIISL'), text: l('La piattaforma del Ministero del Lavoro', "The Ministry of Labour's platform") },
        {
          title: l('Firma il Patto di Attivazione Digitale', 'Sign the Digital Activation Pact'),
          text: l('E scegli almeno tre agenzie per il lavoro', 'And choose at least three employment agencies'),
        },
        {
          title: l('Incontra il Centro per l’Impiego', 'Meet the Job Centre'),
          text: l('Firma il Patto di Servizio Personalizzato', 'Sign the Personal Service Pact'),
        },
        {
          title: l('Partecipa e conferma', 'Take part and confirm'),
          text: l('Conferma la partecipazione almeno ogni 90 giorni', 'Confirm your participation at least every 90 days'),
        },
      ],
      numbered: true,
    },
    narration: l(
      `Primo passo: fai domanda online con SPID, CIE o CNS, oppure tramite un patronato${caf ? ' o un CAF' : ''}. Secondo: iscriviti a SIISL, la piattaforma del Ministero del Lavoro. Terzo: su SIISL firma il Patto di Attivazione Digitale e scegli almeno tre agenzie per il lavoro. Quarto: il Centro per l'Impiego ti convoca per firmare il Patto di Servizio Personalizzato. Quinto: partecipa alle attività e conferma la tua partecipazione almeno ogni novanta giorni.`,
      `Step one: apply online with SPID, CIE or CNS, or through a patronato${caf ? ' or a CAF' : ''}. Step two: register on SIISL, the Ministry of Labour's platform. Step three: on SIISL, sign the Digital Activation Pact and choose at least three employment agencies. Step four: the Job Centre calls you in to sign the Personal Service Pact. Step five: take part in the activities and confirm your participation at least every ninety days.`,
    ),
  };

  const obligations: SceneDraft = {
    id: 'obligations',
    kind: 'obligations',
    title: l('Gli impegni', 'Your commitments'),
    deps: [],
    content: {
      headline: l('Cosa ti impegni a fare', 'What you commit to'),
      items: [
        {
          title: l('Partecipare', 'Take part'),
          text: l(
            'Corsi, orientamento, tirocini, servizio civile, progetti utili alla collettività',
            'Courses, guidance, traineeships, civil service, community projects',
          ),
        },
        {
          title: l(`Confermare ogni ${SFL_CONFIRM_DAYS} giorni`, `Confirm every ${SFL_CONFIRM_DAYS} days`),
          text: l('Serve per continuare a ricevere il Supporto', 'You need it to keep receiving the Support'),
        },
        {
          title: l('Non rifiutare offerte di lavoro', 'Do not turn down job offers'),
          text: l('Abbandonare le attività fa perdere il Supporto', 'Dropping out means losing the Support'),
        },
      ],
    },
    narration: l(
      `Ricevere il Supporto è un impegno: devi partecipare davvero alle attività, confermare la partecipazione almeno ogni novanta giorni e non rifiutare le offerte di lavoro. Se abbandoni le attività o rifiuti un'offerta, perdi il Supporto.`,
      `Receiving the Support is a commitment: you must really take part in the activities, confirm your participation at least every ninety days and not turn down job offers. If you drop out or refuse an offer, you lose the Support.`,
    ),
  };

  const services = servicesScene({
    title: l('Fai domanda', 'Apply'),
    deps: [],
    headline: l('Vuoi iniziare?', 'Ready to start?'),
    narration: l(
      `Con il primo pulsante presenti la domanda online; con il secondo scarichi il tutorial che ti guida passo per passo nella compilazione. Per la domanda online servono SPID, CIE o CNS.`,
      `With the first button you apply online; with the second you download the tutorial that guides you through the form step by step. To apply online you need SPID, CIE or CNS.`,
    ),
    buttons: [
      { id: 'btn-apply', text: l('Presenta la domanda online', 'Apply online'), label: l('Fai domanda', 'Apply now'), service: 'sfl-apply', window: [0.05, 1] },
      {
        id: 'btn-tutorial',
        text: l('Scarica il tutorial passo per passo', 'Download the step-by-step tutorial'),
        label: l('Scarica il tutorial', 'Download the tutorial'),
        service: 'sfl-tutorial',
        window: [0.3, 1],
      },
    ],
  });

  const closing = closingScene({
    deps: [],
    minSeconds: 6,
    content: {
      headline: l('In bocca al lupo!', 'Good luck!'),
      text: l(
        `Contact center: ${theme.contactCenter} da fisso, ${theme.contactCenterMobile} da cellulare`,
        `Contact centre: ${theme.contactCenter} landline, ${theme.contactCenterMobile} mobile`,
      ),
    },
    narration: l(
      `Per informazioni chiama il contact center: ${contactNumbers(theme).it}. ${RATING_REQUEST.it} In bocca al lupo!`,
      `For information call the contact centre: ${contactNumbers(theme).en}. ${RATING_REQUEST.en} Good luck!`,
    ),
  });

  return assembleStoryboard(
    { type: 'sfl', version: SFL_VERSION, locale: g.locale, presenter: 'F' },
    [greeting, amount, payment, steps, obligations, services, closing],
    options,
  );
}

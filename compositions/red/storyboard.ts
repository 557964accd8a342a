import { date, itDate, l, money, welcomeIt } from '../common/copy';
import { formatList, type Localized } from '../common/locale';
import { assembleStoryboard, themeOf, type SceneDraft, type StoryboardOptions } from '../common/storyboard-build';
import type { Storyboard } from '../common/storyboard-types';
import type { LINKED_BENEFITS, RedGuide } from './schema';

export const RED_VERSION = 'red@1';

const BENEFIT_LABEL: Record<(typeof LINKED_BENEFITS)[number], Localized> = {
  'minimum-supplement': l("l'integrazione al trattamento minimo", 'the minimum-pension supplement'),
  'social-increase': l('le maggiorazioni sociali', 'the social increases'),
  'family-allowance': l("l'assegno per il nucleo familiare", 'the family allowance'),
  'survivors-pension': l('la pensione ai superstiti', "the survivor's pension"),
  fourteenth: l('la quattordicesima', 'the fourteenth month'),
  'civil-invalidity': l("le prestazioni d'invalidità civile", 'the civil invalidity benefits'),
  'social-allowance': l("l'assegno sociale", 'the social allowance'),
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function redStoryboard(g: RedGuide, options: StoryboardOptions = {}): Storyboard {
  const theme = themeOf(options);
  const b = g.benefit;
  const c = g.citizen;
  const benefits = l(
    formatList(b.linkedBenefits.map((k) => BENEFIT_LABEL[k].it), 'it'),
    formatList(b.linkedBenefits.map((k) => BENEFIT_LABEL[k].en), 'en'),
  );

  const greeting: SceneDraft = {
    id: 'greeting',
    kind: 'greeting',
    title: l('Introduzione', 'Introduction'),
    deps: ['citizen.givenName', 'citizen.gender', 'benefit.incomeYear'],
    minSeconds: 7,
    content: {
      salutation: l('Gentile', 'Dear'),
      name: c.givenName,
      subtitle: l(`Manca la tua dichiarazione RED ${b.incomeYear}`, `Your ${b.incomeYear} RED declaration is missing`),
    },
    narration: l(
      `Gentile ${c.givenName}, ${welcomeIt(c.gender)} nella tua videoguida. ${capital(theme.instituteShort.it)} non ha ancora ricevuto la tua dichiarazione reddituale, il modello RED, per i redditi del ${b.incomeYear}. In due minuti ti spiego perché è importante e come inviarla, anche da casa.`,
      `Dear ${c.givenName}, welcome to your video guide. ${capital(theme.instituteShort.en)} has not yet received your income declaration, the RED form, for your ${b.incomeYear} income. In two minutes I will explain why it matters and how to send it, even from home.`,
    ),
  };

  const deadline: SceneDraft = {
    id: 'deadline',
    kind: 'status',
    title: l('La scadenza', 'The deadline'),
    deps: ['benefit.incomeYear', 'benefit.deadline', 'benefit.campaign'],
    content: {
      headline: l('Dichiarazione da inviare', 'Declaration to send'),
      tone: 'warning',
      badge: b.campaign === 'reminder' ? l('Sollecito', 'Reminder') : l('Da inviare', 'To send'),
      facts: [
        { label: l('Redditi', 'Income year'), figure: { format: 'count', value: b.incomeYear } },
        { label: l('Entro il', 'By'), figure: { format: 'date', value: b.deadline } },
      ],
      steps: [],
      numbered: false,
    },
    narration: l(
      `${b.campaign === 'reminder' ? 'Questo è un sollecito: devi' : 'Devi'} inviare la dichiarazione dei redditi del ${b.incomeYear} entro ${itDate('il', b.deadline)}. La chiediamo ogni anno a chi riceve prestazioni che dipendono dal reddito, quando i redditi non sono già tutti nella dichiarazione fiscale.`,
      `${b.campaign === 'reminder' ? 'This is a reminder: you' : 'You'} must send the declaration of your ${b.incomeYear} income by ${date(b.deadline).en}. We ask for it every year from people who receive income-linked benefits, when their income is not all in their tax return.`,
    ),
  };

  const atRisk: SceneDraft = {
    id: 'at-risk',
    kind: 'amount',
    title: l('Perché è importante', 'Why it matters'),
    deps: ['benefit.linkedBenefits', 'benefit.monthlyAtRiskCents'],
    minSeconds: 10,
    content: {
      headline: l('Prestazioni a rischio', 'Benefits at risk'),
      amount: b.monthlyAtRiskCents !== undefined ? { format: 'cents', value: b.monthlyAtRiskCents } : { format: 'count', value: b.linkedBenefits.length },
      caption: b.monthlyAtRiskCents !== undefined ? l('al mese', 'a month') : l('prestazioni legate al reddito', 'income-linked benefits'),
      rows: b.linkedBenefits.map((k) => ({ label: l(capital(BENEFIT_LABEL[k].it), capital(BENEFIT_LABEL[k].en)), figure: { format: 'text' as const, value: l('a rischio', 'at risk') } })),
    },
    narration: l(
      `Dalla tua dichiarazione ${b.linkedBenefits.length === 1 ? 'dipende' : 'dipendono'} ${benefits.it}${b.monthlyAtRiskCents !== undefined ? `, per ${money(b.monthlyAtRiskCents).it} al mese` : ''}. Se il RED non arriva, queste prestazioni sono sospese; se non lo invii entro sessanta giorni dalla sospensione, sono revocate e le somme pagate per quell'anno ti vengono chieste indietro.`,
      `Your declaration decides ${benefits.en}${b.monthlyAtRiskCents !== undefined ? `, worth ${money(b.monthlyAtRiskCents).en} a month` : ''}. If the RED does not arrive, these benefits are suspended; if you do not send it within sixty days of the suspension, they are withdrawn and the amounts paid for that year must be paid back.`,
    ),
    actions: [
      {
        id: 'popup-why',
        kind: 'popup',
        label: l('Perché è importante', 'Why it matters'),
        window: [0.3, 1],
        popup: {
          title: l('Perché il RED è importante', 'Why the RED matters'),
          body: [
            l(
              "Alcune prestazioni spettano solo sotto certi limiti di reddito: l'integrazione al minimo, le maggiorazioni sociali, la quattordicesima, l'assegno sociale, le prestazioni d'invalidità civile e altre.",
              'Some benefits are due only below certain income limits: the minimum-pension supplement, social increases, the fourteenth month, the social allowance, civil invalidity benefits and others.',
            ),
            l(
              "Senza RED le prestazioni sono sospese nell'anno successivo; dopo sessanta giorni dalla sospensione sono revocate e le somme di quell'anno recuperate. Se invii il RED entro i sessanta giorni, i pagamenti riprendono dal mese seguente.",
              'Without the RED the benefits are suspended in the following year; sixty days after the suspension they are withdrawn and that year’s amounts recovered. If you send the RED within the sixty days, payments resume the following month.',
            ),
            l(
              'Non devi inviarlo se tutti i tuoi redditi sono già nella dichiarazione fiscale o se hai solo pensioni che non sono cambiate.',
              'You need not send it if all your income is already in your tax return, or if your only income is pensions that have not changed.',
            ),
          ],
        },
      },
    ],
  };

  const how: SceneDraft = {
    id: 'how',
    kind: 'status',
    title: l('Come inviarlo', 'How to send it'),
    deps: [],
    minSeconds: 12,
    content: {
      headline: l('Come inviare il RED', 'How to send the RED'),
      tone: 'info',
      badge: l('Due modi', 'Two ways'),
      facts: [],
      steps: [
        { title: l('Online, RED precompilato', 'Online, pre-filled RED'), text: l('Accedi con SPID, CIE o CNS: controlla i dati e conferma', 'Sign in with SPID, CIE or CNS: check the data and confirm') },
        { title: l('Con un CAF o un professionista', 'Through a CAF or a professional'), text: l('Il servizio è gratuito', 'The service is free') },
        { title: l('Al telefono', 'By phone'), text: l(`Contact center ${theme.contactCenter}`, `Contact centre ${theme.contactCenter}`) },
      ],
      numbered: true,
    },
    narration: l(
      `Puoi inviare il RED in due modi. Online, con il RED precompilato: premi il pulsante, accedi con SPID, CIE o CNS, controlla i dati che ${theme.instituteShort.it} conosce già e conferma. Oppure rivolgiti gratuitamente a un CAF o a un professionista abilitato: con l'altro pulsante trovi quello più vicino. Per informazioni chiama il contact center al numero ${theme.contactCenter}.`,
      `You can send the RED in two ways. Online, with the pre-filled RED: press the button, sign in with SPID, CIE or CNS, check the data ${theme.instituteShort.en} already holds and confirm. Or go, free of charge, to a CAF or an authorised professional: the other button finds the nearest one. For information call the contact centre on ${theme.contactCenter}.`,
    ),
    actions: [
      { id: 'btn-red-online', kind: 'button', label: l('Invia il RED online', 'Send the RED online'), service: 'red-online', window: [0.1, 1] },
      { id: 'btn-intermediary', kind: 'button', label: l('Trova un CAF', 'Find a CAF'), service: 'find-intermediary', window: [0.5, 1] },
    ],
  };

  const closing: SceneDraft = {
    id: 'closing',
    kind: 'closing',
    title: l('Saluti', 'Goodbye'),
    deps: ['benefit.deadline'],
    minSeconds: 6,
    content: {
      headline: l('Non aspettare la scadenza', "Don't wait for the deadline"),
      text: l(`Invia il RED entro ${itDate('il', b.deadline)}.`, `Send the RED by ${date(b.deadline).en}.`),
    },
    narration: l(
      `Ricorda: invia il RED entro ${itDate('il', b.deadline)}, così le tue prestazioni continueranno senza interruzioni. Se questa guida ti è stata utile, lascia una valutazione. Grazie.`,
      `Remember: send the RED by ${date(b.deadline).en}, so your benefits continue without interruption. If this guide helped you, please leave a rating. Thank you.`,
    ),
  };

  return assembleStoryboard(
    { type: 'red', version: RED_VERSION, locale: g.locale, presenter: 'F' },
    [greeting, deadline, atRisk, how, closing],
    options,
  );
}

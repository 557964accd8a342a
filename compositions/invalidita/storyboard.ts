import { date, itDate, l, money, welcomeIt } from '../common/copy';
import { formatList } from '../common/locale';
import { assembleStoryboard, themeOf, type SceneDraft, type StoryboardOptions } from '../common/storyboard-build';
import type { Storyboard } from '../common/storyboard-types';
import { ASSESSMENT_LABEL, ASSESSMENT_WITH_ARTICLE, BENEFIT_INLINE, BENEFIT_LABEL, TAX_LABEL } from './copy';
import type { InvaliditaGuide } from './schema';

export const INVALIDITA_VERSION = 'invalidita@1';

export function invaliditaStoryboard(g: InvaliditaGuide, options: StoryboardOptions = {}): Storyboard {
  const theme = themeOf(options);
  const b = g.benefit;
  const c = g.citizen;
  const what = ASSESSMENT_LABEL[b.assessment];
  const pct = b.percentage !== undefined ? l(` con una percentuale del ${b.percentage}%`, ` at ${b.percentage} per cent`) : l('', '');
  const law = b.law104 === 'art3c3' ? l('in situazione di gravità', 'severe') : b.law104 === 'art3c1' ? l('riconosciuta', 'recognised') : l('non riconosciuta', 'not recognised');

  const greeting: SceneDraft = {
    id: 'greeting',
    kind: 'greeting',
    title: l('Introduzione', 'Introduction'),
    deps: ['citizen.givenName', 'citizen.gender'],
    minSeconds: 7,
    content: { salutation: l('Gentile', 'Dear'), name: c.givenName, subtitle: l('Il tuo verbale sanitario è pronto', 'Your medical report is ready') },
    narration: l(
      `Gentile ${c.givenName}, ${welcomeIt(c.gender)} nella tua videoguida. La commissione medica ha concluso la valutazione e il tuo verbale sanitario è pronto. Ti spiego cosa è stato riconosciuto, quali prestazioni e agevolazioni ti spettano e cosa puoi fare online.`,
      `Dear ${c.givenName}, welcome to your video guide. The medical board has completed its assessment and your medical report is ready. I will explain what has been recognised, which benefits and concessions you are entitled to, and what you can do online.`,
    ),
  };

  const verdict: SceneDraft = {
    id: 'verdict',
    kind: 'status',
    title: l('Il verbale', 'The verdict'),
    deps: ['benefit.verdictDate', 'benefit.assessment', 'benefit.percentage', 'benefit.reviewable', 'benefit.revisionDate', 'benefit.law104'],
    content: {
      headline: l('Il giudizio della commissione', "The board's verdict"),
      tone: 'info',
      badge: l(what.it.charAt(0).toUpperCase() + what.it.slice(1), what.en.charAt(0).toUpperCase() + what.en.slice(1)),
      facts: [
        { label: l('Data del verbale', 'Report date'), figure: { format: 'date', value: b.verdictDate } },
        ...(b.percentage !== undefined ? [{ label: l('Percentuale', 'Percentage'), figure: { format: 'percent' as const, value: b.percentage } }] : []),
        { label: l('Disabilità (L. 104)', 'Disability (L. 104)'), figure: { format: 'text', value: law } },
        b.revisionDate
          ? { label: l('Revisione', 'Review'), figure: { format: 'date', value: b.revisionDate } }
          : { label: l('Revisione', 'Review'), figure: { format: 'text', value: l('non rivedibile', 'not subject to review') } },
      ],
      steps: [],
      numbered: false,
    },
    narration: l(
      `Con il verbale ${itDate('del', b.verdictDate)} ti è stata riconosciuta ${ASSESSMENT_WITH_ARTICLE[b.assessment].it}${pct.it}. La condizione di disabilità prevista dalla legge 104 è ${law.it}. ${b.revisionDate ? `Il verbale è rivedibile: la prossima revisione è prevista per ${itDate('il', b.revisionDate)}.` : 'Il verbale non è rivedibile: non sono previste nuove visite di controllo.'} Puoi aprire il verbale online: la versione con il solo giudizio finale, senza diagnosi, è quella da mostrare a terzi.`,
      `With the report of ${date(b.verdictDate).en} you have been recognised ${what.en}${pct.en}. The disability condition under law 104 is ${law.en}. ${b.revisionDate ? `The verdict is subject to review: the next review is planned for ${date(b.revisionDate).en}.` : 'The verdict is not subject to review: no further check-ups are planned.'} You can open the report online: the copy with only the final judgement, without diagnoses, is the one to show to third parties.`,
    ),
    actions: [{ id: 'btn-verdict', kind: 'button', label: l('Apri il verbale', 'Open the report'), service: 'verdict-online', window: [0.6, 1] }],
  };

  const total = b.benefits.reduce((s, x) => s + x.monthlyCents, 0);
  const names = l(formatList(b.benefits.map((x) => BENEFIT_INLINE[x.kind].it), 'it'), formatList(b.benefits.map((x) => BENEFIT_INLINE[x.kind].en), 'en'));
  const benefits: SceneDraft = {
    id: 'benefits',
    kind: 'amount',
    title: l('Le prestazioni economiche', 'Cash benefits'),
    deps: ['benefit.benefits'],
    minSeconds: 8,
    content: {
      headline: l('Prestazioni economiche', 'Cash benefits'),
      amount: { format: 'cents', value: total },
      caption: b.benefits.length ? l('al mese', 'a month') : l('nessuna prestazione economica', 'no cash benefit'),
      rows: b.benefits.map((x) => ({ label: BENEFIT_LABEL[x.kind], figure: { format: 'cents' as const, value: x.monthlyCents } })),
      note: l('Non soggette a IRPEF', 'Not subject to income tax'),
    },
    narration: b.benefits.length
      ? l(
          `Ti spettano ${names.it}, per un totale di ${money(total).it} al mese. Queste prestazioni non sono tassate. Alcune dipendono dal reddito personale: ogni anno potrebbe esserti chiesta la dichiarazione dei redditi, che puoi fare anche in forma semplificata.`,
          `You are entitled to ${names.en}, for a total of ${money(total).en} a month. These benefits are not taxed. Some depend on your personal income: every year you may be asked for an income declaration, which you can also make in a simplified form.`,
        )
      : l(
          `Con la percentuale riconosciuta non spettano prestazioni economiche, ma hai diritto ad altre tutele: ad esempio le agevolazioni sul lavoro e, dal 46 per cento, l'iscrizione alle liste del collocamento mirato. Se la tua salute peggiora, puoi chiedere una nuova visita di aggravamento.`,
          `With the percentage recognised no cash benefit is due, but other protections apply: for example workplace concessions and, from 46 per cent, registration for targeted job placement. If your health gets worse, you can ask for a new assessment.`,
        ),
    actions: b.benefits.length
      ? [{ id: 'btn-red-simplified', kind: 'button', label: l('RED semplificato', 'Simplified RED'), service: 'red-simplified', window: [0.55, 1] }]
      : [],
  };

  const tax: SceneDraft = {
    id: 'concessions',
    kind: 'obligations',
    title: l('Le agevolazioni', 'Concessions'),
    deps: ['benefit.taxBenefits'],
    minSeconds: 8,
    content: {
      headline: l('Agevolazioni fiscali e lavorative', 'Tax and work concessions'),
      items: b.taxBenefits.length
        ? b.taxBenefits.map((k) => TAX_LABEL[k])
        : [{ title: l('Nessuna agevolazione specifica', 'No specific concession'), text: l('Con questo verbale non ne sono previste', 'None is provided with this report') }],
    },
    narration: b.taxBenefits.length
      ? l(
          `Il verbale ti dà diritto anche ad alcune agevolazioni: ${formatList(b.taxBenefits.map((k) => TAX_LABEL[k].inline.it), 'it')}. ${b.taxBenefits.includes('disability-card') ? 'La Disability Card, valida in tutta Europa, si chiede online con il pulsante: serve una foto e un indirizzo per la spedizione.' : ''}`,
          `Your report also entitles you to some concessions: ${formatList(b.taxBenefits.map((k) => TAX_LABEL[k].inline.en), 'en')}. ${b.taxBenefits.includes('disability-card') ? 'The Disability Card, valid across Europe, can be requested online with the button: you need a photo and a delivery address.' : ''}`,
        )
      : l(
          'Con questo verbale non sono previste agevolazioni fiscali specifiche. Se la situazione cambia, un nuovo verbale può riconoscerle.',
          'No specific tax concessions come with this report. If your situation changes, a new report may grant them.',
        ),
    actions: b.taxBenefits.includes('disability-card')
      ? [{ id: 'btn-disability-card', kind: 'button', label: l('Chiedi la Disability Card', 'Request the Disability Card'), service: 'disability-card', window: [0.45, 1] }]
      : [],
  };

  const next: SceneDraft = {
    id: 'next-steps',
    kind: 'services',
    title: l('I prossimi passi', 'Next steps'),
    deps: ['benefit.reviewable'],
    content: {
      headline: l('Cosa puoi fare online', 'What you can do online'),
      items: [
        { actionId: 'btn-next-verdict', text: l('Scaricare il verbale dalla cassetta postale online', 'Download the report from your online mailbox') },
        { actionId: 'btn-medical-documents', text: b.reviewable ? l('Allegare documenti sanitari per la revisione', 'Attach medical documents for the review') : l('Allegare documenti sanitari', 'Attach medical documents') },
      ],
    },
    narration: l(
      `${b.reviewable ? "In vista della revisione, puoi allegare online la documentazione sanitaria: a volte basta quella, senza una nuova visita." : 'Puoi allegare online la documentazione sanitaria, ad esempio per chiedere un aggravamento.'} E il verbale è sempre disponibile nella tua cassetta postale online, da scaricare quando ti serve.`,
      `${b.reviewable ? 'Ahead of the review, you can attach your medical documents online: sometimes that is enough, without a new visit.' : 'You can attach medical documents online, for example to ask for a reassessment.'} And the report is always in your online mailbox, ready to download whenever you need it.`,
    ),
    actions: [
      { id: 'btn-next-verdict', kind: 'button', label: l('Il mio verbale', 'My report'), service: 'verdict-online', window: [0.1, 1] },
      { id: 'btn-medical-documents', kind: 'button', label: l('Allega documenti', 'Attach documents'), service: 'medical-documents', window: [0.1, 1] },
    ],
  };

  const closing: SceneDraft = {
    id: 'closing',
    kind: 'closing',
    title: l('Saluti', 'Goodbye'),
    deps: [],
    minSeconds: 6,
    content: { headline: l('Siamo qui per aiutarti', 'We are here to help'), text: l(`Contact center ${theme.contactCenter}`, `Contact centre ${theme.contactCenter}`) },
    narration: l(
      `Per ogni dubbio puoi chiamare il contact center al numero ${theme.contactCenter} o rivolgerti a un patronato. Se questa guida ti è stata utile, lascia una valutazione. Grazie.`,
      `If you have any questions, call the contact centre on ${theme.contactCenter} or go to a patronato. If this guide helped you, please leave a rating. Thank you.`,
    ),
  };

  return assembleStoryboard(
    { type: 'invalidita', version: INVALIDITA_VERSION, locale: g.locale, presenter: 'F' },
    [greeting, verdict, benefits, tax, next, closing],
    options,
  );
}

import { contactNumbers, date, itDate, l, money } from '../common/copy';
import { cap, prepArt, withPrep } from '../common/italian';
import type { Localized } from '../common/locale';
import { closingScene, dearGreeting, RATING_REQUEST, servicesScene } from '../common/common-scenes';
import { assembleStoryboard, themeOf, type ActionDraft, type SceneDraft, type StoryboardOptions } from '../common/storyboard-build';
import type { AmountContent, Storyboard } from '../common/storyboard-types';
import { yearOf } from '../common/dates';
import { aName, ASSESSMENT_BADGE, BENEFIT_INLINE, BENEFIT_LABEL, CAR_SHORT, LAW104_LABEL, MINOR_FINDING_LABEL, possessive } from './copy';
import {
  CAR_BENEFITS,
  disabilityCardGrounds,
  INCOME_LIMITS,
  isRuleYear,
  PAYMENTS_PER_YEAR,
  recognisesInvalidity,
  RED_LINKED,
  targetedPlacement,
  type RuleYear,
} from './rules';
import { verdictFacts, type InvaliditaGuide } from './schema';

export const INVALIDITA_VERSION = 'invalidita@3';

/** Joins sentences, leaving out the empty ones (no double spaces). */
const say = (...parts: string[]): string => parts.filter((p) => p.length > 0).join(' ');
const sayL = (...parts: Localized[]): Localized => l(say(...parts.map((p) => p.it)), say(...parts.map((p) => p.en)));
const NONE = l('', '');

/** What the verdict is: whom it is about, the rules of its year, and its outcome. Every scene that explains it depends on these. */
const VERDICT_DEPS = ['citizen.age', 'benefit.subject', 'benefit.verdictDate', 'benefit.assessment', 'benefit.percentage', 'benefit.minorFinding'];

export function invaliditaStoryboard(g: InvaliditaGuide, options: StoryboardOptions = {}): Storyboard {
  const theme = themeOf(options);
  const b = g.benefit;
  const c = g.citizen;
  const v = verdictFacts(b, c.age);
  const self = b.subject.relation === 'self';
  const name = b.subject.relation === 'self' ? '' : b.subject.givenName;
  const year = yearOf(b.verdictDate);
  if (!isRuleYear(year)) throw new Error(`invalidita: no rules for ${year}`);
  const kinds = b.benefits.map((x) => x.kind);
  const civil = b.assessment === 'civil-invalidity';
  const recognised = recognisesInvalidity(b);

  // Who the sentences are about: "ti" / "a Luca", "il tuo verbale" / "il verbale di Luca".
  const it = {
    toWhom: self ? 'ti' : aName(name),
    verdict: self ? 'il tuo verbale' : `il verbale di ${name}`,
    income: self ? 'il tuo reddito personale' : `il reddito personale di ${name}`,
    health: self ? 'la tua salute' : `la salute di ${name}`,
  };
  const en = {
    whose: self ? 'your' : possessive(name),
    verdict: self ? 'your report' : `${possessive(name)} report`,
  };

  // ── Greeting ───────────────────────────────────────────────────────────────────────────
  const greeting = dearGreeting(c, {
    deps: ['benefit.subject'],
    minSeconds: 7,
    ownGuide: self,
    subtitle: self
      ? l('Il tuo verbale sanitario è pronto', 'Your medical report is ready')
      : l(`Il verbale di ${name} è pronto`, `${possessive(name)} medical report is ready`),
    about: self
      ? l(
          `La commissione medica ha concluso la valutazione e il tuo verbale sanitario è pronto. Ti spiego che cosa dice, che cosa comporta per te e che cosa puoi fare online.`,
          `The medical board has completed its assessment and your medical report is ready. I will explain what it says, what it means for you and what you can do online.`,
        )
      : l(
          `La commissione medica ha concluso la valutazione di ${name} e il verbale sanitario è pronto. Ti spiego che cosa dice, che cosa comporta per ${name} e che cosa puoi fare online.`,
          `The medical board has completed its assessment of ${name} and the medical report is ready. I will explain what it says, what it means for ${name} and what you can do online.`,
        ),
  });

  // ── Verdict ────────────────────────────────────────────────────────────────────────────
  const when = l(`Con il verbale ${itDate('del', b.verdictDate)}`, `With the report of ${date(b.verdictDate).en}`);
  let outcome: Localized;
  if (b.assessment === 'deafness')
    outcome = l(
      `${when.it} ${it.toWhom} è stata riconosciuta la sordità.`,
      self ? `${when.en} you have been recognised as deaf.` : `${when.en} ${name} has been recognised as deaf.`,
    );
  else if (b.assessment === 'blindness')
    outcome = l(
      `${when.it} ${it.toWhom} è stata riconosciuta la cecità civile assoluta.`,
      self ? `${when.en} you have been recognised as totally blind.` : `${when.en} ${name} has been recognised as totally blind.`,
    );
  else if (b.percentage !== undefined) {
    const pct = `${b.percentage}%`;
    outcome = recognised
      ? l(
          `${when.it} ${it.toWhom} è stata riconosciuta l'invalidità civile, con una percentuale ${prepArt('di', pct)}.`,
          `${when.en} ${self ? 'your' : possessive(name)} civil invalidity has been recognised, at ${pct}.`,
        )
      : l(
          `${cap(it.verdict)} ${itDate('del', b.verdictDate)} indica una percentuale di invalidità ${prepArt('di', pct)}. Sotto il 34% l'invalidità civile non è riconosciuta.`,
          `${cap(en.verdict)} of ${date(b.verdictDate).en} states an invalidity of ${pct}. Below 34%, civil invalidity is not recognised.`,
        );
  } else if (b.minorFinding === 'persistent-difficulties')
    outcome = l(
      `${when.it} la commissione ha riconosciuto l'invalidità civile di ${name}: ${name} ha difficoltà persistenti a svolgere i compiti e le funzioni proprie della sua età.`,
      `${when.en} the board recognised ${possessive(name)} civil invalidity: ${name} has persistent difficulties in carrying out the tasks and functions of their age.`,
    );
  else if (b.minorFinding === 'needs-constant-help')
    outcome = l(
      `${when.it} la commissione ha riconosciuto l'invalidità civile di ${name}, con il bisogno di un aiuto continuo: senza l'aiuto di qualcuno, ${name} non riesce a camminare o a svolgere gli atti quotidiani della vita.`,
      `${when.en} the board recognised ${possessive(name)} civil invalidity and the need for constant help: ${name} cannot walk or manage the acts of daily life without someone's help.`,
    );
  else
    outcome = l(
      `${when.it} la commissione non ha riconosciuto l'invalidità civile di ${name}.`,
      `${when.en} the board did not recognise ${possessive(name)} civil invalidity.`,
    );

  const law104 =
    b.law104 === 'not-assessed'
      ? NONE
      : sayL(
          b.law104 === 'not-recognised'
            ? l(
                `La commissione ha valutato anche la condizione di disabilità ${self ? '' : `di ${name} `}prevista dalla legge 104, ma non l'ha riconosciuta.`,
                `The board also assessed ${self ? 'your' : possessive(name)} disability condition under law 104, but did not recognise it.`,
              )
            : l(
                `La commissione ${self ? 'ti ha riconosciuto' : `ha riconosciuto ${aName(name)}`} anche la condizione di disabilità ${b.law104 === 'art3c3' ? "grave prevista dalla legge 104, all'articolo 3, comma 3" : 'prevista dalla legge 104'}.`,
                `The board also recognised ${self ? 'your' : possessive(name)} ${b.law104 === 'art3c3' ? 'severe disability condition under law 104, article 3(3)' : 'disability condition under law 104'}.`,
              ),
          l('Questo esito è scritto in un verbale separato, che arriva a parte.', 'This outcome is set out in a separate report, which arrives on its own.'),
        );

  const revision = !recognised
    ? NONE
    : b.revisionDate
      ? l(
          `Il verbale è rivedibile: vuol dire che la commissione ${self ? 'ti valuterà' : `valuterà ${name}`} di nuovo. La revisione è prevista per ${itDate('il', b.revisionDate)}.`,
          `The report is subject to review: the board will assess ${self ? 'you' : name} again. The review is planned for ${date(b.revisionDate).en}.`,
        )
      : l('Il verbale non è rivedibile: non è prevista una nuova visita di revisione.', 'The report is not subject to review: no review visit is planned.');

  const copies = l(
    'Il verbale ha due versioni: una completa, con le diagnosi, e una con il solo giudizio finale, senza diagnosi. Quando devi mostrarlo ad altri, usa quella senza diagnosi. Puoi aprire il verbale online con il pulsante.',
    'The report comes in two versions: a full one, with the diagnoses, and one with only the final judgement, without diagnoses. When you need to show it to others, use the one without diagnoses. You can open the report online with the button.',
  );

  const verdict: SceneDraft = {
    id: 'verdict',
    kind: 'status',
    title: l('Il verbale', 'The report'),
    deps: [...VERDICT_DEPS, 'benefit.blindness', 'benefit.reviewable', 'benefit.revisionDate', 'benefit.law104'],
    content: {
      // The minor's or ward's name in the headline: at most four facts fit the card.
      headline: self ? l('Il giudizio della commissione', "The board's decision") : l(`Il verbale di ${name}`, `${possessive(name)} report`),
      tone: recognised ? 'info' : 'warning',
      badge: civil ? (recognised ? ASSESSMENT_BADGE['civil-invalidity'] : ASSESSMENT_BADGE['not-recognised']) : ASSESSMENT_BADGE[b.assessment],
      facts: [
        { label: l('Data del verbale', 'Report date'), figure: { format: 'date' as const, value: b.verdictDate } },
        ...(b.percentage !== undefined ? [{ label: l('Percentuale', 'Percentage'), figure: { format: 'percent' as const, value: b.percentage } }] : []),
        ...(b.minorFinding ? [{ label: l('Esito', 'Outcome'), figure: { format: 'text' as const, value: MINOR_FINDING_LABEL[b.minorFinding] } }] : []),
        ...(b.law104 !== 'not-assessed'
          ? [{ label: l('Disabilità (L. 104)', 'Disability (L. 104)'), figure: { format: 'text' as const, value: LAW104_LABEL[b.law104] } }]
          : []),
        ...(recognised
          ? [
              b.revisionDate
                ? { label: l('Revisione', 'Review'), figure: { format: 'date' as const, value: b.revisionDate } }
                : { label: l('Revisione', 'Review'), figure: { format: 'text' as const, value: l('Non rivedibile', 'Not subject to review') } },
            ]
          : []),
      ],
      steps: [],
      numbered: false,
    },
    narration: sayL(outcome, law104, revision, copies),
    actions: [{ id: 'btn-verdict', kind: 'button', label: l('Apri il verbale', 'Open the report'), service: 'verdict-online', window: [0.6, 1] }],
  };

  // ── Cash benefits ──────────────────────────────────────────────────────────────────────
  const benefits = benefitsScene(g, year, { self, name, it, en });

  // ── Concessions ────────────────────────────────────────────────────────────────────────
  const cardGrounds = disabilityCardGrounds(v, b.law104, kinds);
  const card = cardGrounds.length > 0;
  const placement = targetedPlacement(v);
  const leave = b.taxBenefits.includes('paid-leave');
  const cars = CAR_BENEFITS.filter((t) => b.taxBenefits.includes(t)) as (keyof typeof CAR_SHORT)[];

  const items: { title: Localized; text: Localized }[] = [];
  const told: Localized[] = [];
  if (card) {
    items.push({
      title: l('Disability Card', 'Disability Card'),
      text: l('Carta europea della disabilità: si chiede online', 'European disability card: request it online'),
    });
    told.push(
      self
        ? l(
            'Puoi chiedere la Disability Card, la carta europea della disabilità: vale in tutta Europa per avere diverse agevolazioni. La chiedi online con il pulsante: servono una foto e un indirizzo per la spedizione.',
            'You can request the Disability Card, the European disability card: it is valid across Europe for a range of concessions. Request it online with the button: you need a photo and a delivery address.',
          )
        : l(
            `Puoi chiedere per ${name} la Disability Card, la carta europea della disabilità: vale in tutta Europa per avere diverse agevolazioni. La chiedi online con il pulsante: servono una foto di ${name} e un indirizzo per la spedizione.`,
            `You can request the Disability Card, the European disability card, for ${name}: it is valid across Europe for a range of concessions. Request it online with the button: you need a photo of ${name} and a delivery address.`,
          ),
    );
  }
  if (placement) {
    items.push({
      title: l('Collocamento mirato', 'Targeted job placement'),
      text: l('Dal 46%: iscrizione al centro per l’impiego', 'From 46%: register at the job centre'),
    });
    told.push(
      self
        ? l(
            "Con una percentuale dal 46% in su puoi iscriverti al collocamento mirato: è il servizio del centro per l'impiego che aiuta le persone con disabilità a trovare un lavoro adatto.",
            'With 46% or more you can register for targeted job placement (collocamento mirato): the job centre service that helps people with disabilities find suitable work.',
          )
        : l(
            `Con una percentuale dal 46% in su ${name} può iscriversi al collocamento mirato: è il servizio del centro per l'impiego che aiuta le persone con disabilità a trovare un lavoro adatto.`,
            `With 46% or more ${name} can register for targeted job placement (collocamento mirato): the job centre service that helps people with disabilities find suitable work.`,
          ),
    );
  }
  if (leave) {
    items.push({
      title: l('Permessi retribuiti', 'Paid leave'),
      text: l('Tre giorni al mese, per chi lavora', 'Three days a month, for workers'),
    });
    told.push(
      self
        ? l(
            'Se lavori, hai diritto a tre giorni al mese di permesso retribuito. Gli stessi permessi spettano anche a un familiare che lavora e ti assiste.',
            'If you work, you are entitled to three days of paid leave a month. A working relative who looks after you is entitled to the same leave.',
          )
        : b.subject.relation === 'child'
          ? l(
              `Se lavori, hai diritto a tre giorni al mese di permesso retribuito per assistere ${name}.`,
              `If you work, you are entitled to three days of paid leave a month to look after ${name}.`,
            )
          : l(
              `Se lavora, ${name} ha diritto a tre giorni al mese di permesso retribuito. Gli stessi permessi spettano anche a un familiare che lavora e assiste ${name}.`,
              `If ${name} works, ${name} is entitled to three days of paid leave a month. A working relative who looks after ${name} is entitled to the same leave.`,
            ),
    );
  }
  if (cars.length) {
    items.push({
      title: l('Agevolazioni per l’auto', 'Car concessions'),
      text: l(cars.map((k) => CAR_SHORT[k].it).join(' · '), cars.map((k) => CAR_SHORT[k].en).join(' · ')),
    });
    // Who may use them: the person assessed, and the relative who has them as a tax dependant.
    const rel = b.subject.relation;
    const verb =
      rel === 'self'
        ? l('hai diritto', 'you are entitled to')
        : rel === 'child'
          ? l('puoi avere', 'you can have')
          : l(`${name} ha diritto`, `${name} is entitled to`);
    const phrase: Record<(typeof cars)[number], Localized> = {
      'car-vat-4': l("l'IVA al 4% sull'acquisto", '4% VAT on the purchase'),
      'car-irpef-19': l(
        'la detrazione IRPEF del 19% su una spesa fino a 18.075,99 €, una volta ogni 4 anni',
        'a 19% income-tax deduction on up to €18,075.99, once every 4 years',
      ),
      'car-tax-exemption': l("l'esenzione dal bollo auto e dall'imposta di trascrizione", 'exemption from car tax and registration tax'),
    };
    const withVerb = (p: Localized): Localized => l(rel === 'child' ? p.it : withPrep('a', p.it), p.en);
    const carSentences: Localized[] = cars.map((k, i) => {
      const what = withVerb(phrase[k]);
      const first = i === 0;
      const it = first
        ? `${rel === 'child' ? `Se ${name} è fiscalmente a tuo carico, per l'auto` : "Per l'auto"} ${verb.it} ${what.it}.`
        : i === 1
          ? `${cap(verb.it)} anche ${what.it}.`
          : `Infine ${verb.it} ${what.it}.`;
      const en = first
        ? `${rel === 'child' ? `If ${name} is your dependant for tax, for a car` : 'For a car'} ${verb.en} ${what.en}.`
        : i === 1
          ? `${cap(verb.en.replace(/ (entitled to|have)$/, ' also $1'))} ${what.en}.`
          : `Finally, ${verb.en} ${what.en}.`;
      const vat =
        k === 'car-vat-4'
          ? l(
              ' Vale per le auto a benzina fino a 2.000 centimetri cubi di cilindrata, diesel fino a 2.800, ibride o elettriche.',
              ' It applies to petrol cars up to 2,000 cc, diesel up to 2,800 cc, hybrid or electric.',
            )
          : NONE;
      return l(it + vat.it, en + vat.en);
    });
    told.push(
      ...carSentences,
      rel === 'self'
        ? l(
            'Queste agevolazioni valgono anche per il familiare che ti ha fiscalmente a carico.',
            'These concessions also apply to the relative who has you as a dependant for tax.',
          )
        : rel === 'ward'
          ? l(
              `Queste agevolazioni valgono anche per il familiare che ha ${name} fiscalmente a carico.`,
              `These concessions also apply to the relative who has ${name} as a dependant for tax.`,
            )
          : NONE,
    );
  }
  const concessions: SceneDraft = {
    id: 'concessions',
    kind: 'obligations',
    title: l('Le agevolazioni', 'Concessions'),
    deps: [
      'citizen.age',
      'benefit.subject',
      'benefit.assessment',
      'benefit.percentage',
      'benefit.minorFinding',
      'benefit.blindness',
      'benefit.law104',
      'benefit.benefits',
      'benefit.taxBenefits',
    ],
    minSeconds: 8,
    content: {
      headline: l('Agevolazioni fiscali e per il lavoro', 'Tax and work concessions'),
      items: items.length ? items : [{ title: l('Nessuna agevolazione', 'No concession'), text: l('Questo verbale non ne prevede', 'This report gives none') }],
    },
    narration: items.length
      ? sayL(...told)
      : l('Questo verbale non prevede agevolazioni fiscali o per il lavoro.', 'This report gives no tax or work concessions.'),
    actions: card
      ? [
          {
            id: 'btn-disability-card',
            kind: 'button',
            label: l('Chiedi la Disability Card', 'Request the Disability Card'),
            service: 'disability-card',
            window: [0.3, 1],
          },
        ]
      : [],
  };

  // ── Next steps ─────────────────────────────────────────────────────────────────────────
  const forReview = recognised && b.reviewable;
  const next = servicesScene({
    id: 'next-steps',
    title: l('I prossimi passi', 'Next steps'),
    deps: ['benefit.subject', 'benefit.reviewable', 'benefit.assessment', 'benefit.percentage', 'benefit.minorFinding'],
    headline: l('Cosa puoi fare online', 'What you can do online'),
    narration: sayL(
      forReview
        ? l(
            `In vista della revisione puoi allegare online i documenti sanitari${self ? '' : ` di ${name}`}: la commissione potrà usarli per la nuova valutazione.`,
            `Ahead of the review you can attach ${self ? 'your' : possessive(name)} medical documents online: the board can use them for the new assessment.`,
          )
        : l(
            `Se ${it.health} peggiora, puoi chiedere una nuova visita: si parte dal certificato del medico, e puoi allegare online i documenti sanitari.`,
            `If ${self ? 'your' : possessive(name)} health gets worse, you can ask for a new assessment: it starts from a doctor's certificate, and you can attach medical documents online.`,
          ),
      self
        ? l(
            'Il verbale resta nella tua cassetta postale online: puoi scaricarlo quando ti serve.',
            'The report stays in your online mailbox: you can download it whenever you need it.',
          )
        : l(`Puoi scaricare online il verbale di ${name} quando ti serve.`, `You can download ${possessive(name)} report online whenever you need it.`),
    ),
    buttons: [
      {
        id: 'btn-next-verdict',
        text: l('Aprire e scaricare il verbale', 'Open and download the report'),
        label: l('Il verbale', 'The report'),
        service: 'verdict-online',
        window: [0.1, 1],
      },
      {
        id: 'btn-medical-documents',
        text: forReview
          ? l('Allegare documenti sanitari per la revisione', 'Attach medical documents for the review')
          : l('Allegare documenti sanitari', 'Attach medical documents'),
        label: l('Allega documenti', 'Attach documents'),
        service: 'medical-documents',
        window: [0.1, 1],
      },
    ],
  });

  // ── Closing ────────────────────────────────────────────────────────────────────────────
  const phones = contactNumbers(theme);
  const closing = closingScene({
    deps: [],
    minSeconds: 6,
    content: {
      headline: l('Siamo qui per aiutarti', 'We are here to help'),
      text: l('Puoi chiamare il contact center o rivolgerti a un patronato.', 'You can call the contact centre or go to a patronato.'),
    },
    narration: l(
      `Per ogni dubbio puoi chiamare il contact center al numero ${phones.it}, o rivolgerti a un patronato. ${RATING_REQUEST.it} Grazie.`,
      `If you have any questions, call the contact centre on ${phones.en}, or go to a patronato (a welfare advice office). ${RATING_REQUEST.en} Thank you.`,
    ),
  });

  return assembleStoryboard(
    { type: 'invalidita', version: INVALIDITA_VERSION, locale: g.locale, presenter: 'F' },
    [greeting, verdict, benefits, concessions, next, closing],
    options,
  );
}

interface Voice {
  self: boolean;
  name: string;
  it: { toWhom: string; income: string };
  en: { whose: string };
}

/** The cash benefits: each with its amount for the verdict's year and, where there is one, its income limit. */
function benefitsScene(g: InvaliditaGuide, year: RuleYear, w: Voice): SceneDraft {
  const b = g.benefit;
  const v = verdictFacts(b, g.citizen.age);
  const { self, name } = w;
  const deps = [...VERDICT_DEPS, 'benefit.benefits', 'benefit.reviewable'];
  const headline = l('Prestazioni economiche', 'Cash benefits');
  // One scene, with or without benefits: the same id, title, deps and length.
  const scene = (content: AmountContent, narration: Localized, actions: ActionDraft[]): SceneDraft => ({
    id: 'benefits',
    kind: 'amount',
    title: l('Le prestazioni economiche', 'Cash benefits'),
    deps,
    minSeconds: 8,
    content,
    narration,
    actions,
  });

  if (b.benefits.length === 0) {
    const p = b.percentage;
    let why: Localized;
    if (b.assessment === 'civil-invalidity' && p !== undefined && p < 34)
      why = l("Sotto il 34% non spettano prestazioni economiche per l'invalidità civile.", 'Below 34%, no civil invalidity cash benefit is due.');
    else if (b.assessment === 'civil-invalidity' && p !== undefined && p < 74)
      why = l(
        `Con una percentuale ${prepArt('di', `${p}%`)} non spettano prestazioni economiche: l'assegno mensile di assistenza spetta dal 74%, tra i 18 e i 67 anni.`,
        `At ${p}% no cash benefit is due: the monthly assistance allowance starts from 74%, between the ages of 18 and 67.`,
      );
    else if (b.assessment === 'civil-invalidity' && p !== undefined && p < 100 && v.band === '67+')
      why = l(
        `L'assegno mensile di assistenza spetta tra i 18 e i 67 anni: per questo, con una percentuale ${prepArt('di', `${p}%`)}, non spettano prestazioni economiche.`,
        `The monthly assistance allowance is paid between the ages of 18 and 67: so, at ${p}%, no cash benefit is due.`,
      );
    else if (b.assessment === 'civil-invalidity' && p === 100 && v.band === '67+')
      why = l(
        "La pensione di inabilità spetta tra i 18 e i 67 anni; l'indennità di accompagnamento spetta a chi ha bisogno di un aiuto continuo, e questo verbale non lo riconosce. Per questo non spettano prestazioni economiche.",
        'The incapacity pension is paid between the ages of 18 and 67; the attendance allowance is for those who need constant help, which this report does not recognise. So no cash benefit is due.',
      );
    else if (!recognisesInvalidity(b))
      why = l(
        `Senza un'invalidità civile riconosciuta non spettano prestazioni economiche${self ? '' : ` per ${name}`}.`,
        `Without a recognised civil invalidity no cash benefit is due${self ? '' : ` for ${name}`}.`,
      );
    else
      why = l(
        `Questo verbale non riconosce prestazioni economiche${self ? '' : ` per ${name}`}.`,
        `This report recognises no cash benefit${self ? '' : ` for ${name}`}.`,
      );
    return scene(
      { headline, amount: { format: 'text', value: l('Nessuna', 'None') }, caption: l('con questo verbale', 'with this report'), rows: [] },
      // The next steps scene says how to ask for a new visit unless a review is scheduled: said once.
      recognisesInvalidity(b) && b.reviewable
        ? sayL(
            why,
            l(
              `Se ${self ? 'la tua salute' : `la salute di ${name}`} peggiora, puoi chiedere una nuova visita.`,
              `If ${self ? 'your' : possessive(name)} health gets worse, you can ask for a new assessment.`,
            ),
          )
        : why,
      [],
    );
  }

  const limits = INCOME_LIMITS[year];
  const rows: { label: Localized; figure: { format: 'cents'; value: number }; emphasis?: boolean }[] = [];
  const sentences: Localized[] = [];
  b.benefits.forEach((x, i) => {
    const inline = BENEFIT_INLINE[x.kind];
    const limit = limits[x.kind];
    const times = PAYMENTS_PER_YEAR[x.kind];
    const also = i > 0 ? { it: ' anche', en: ' also' } : { it: '', en: '' };
    const head = self
      ? l(`Ti spetta${also.it} ${inline.it}`, `You are${also.en} entitled to ${inline.en}`)
      : l(`${cap(aName(name))} spetta${also.it} ${inline.it}`, `${name} is${also.en} entitled to ${inline.en}`);
    const condition =
      limit !== undefined
        ? l(` se ${w.it.income} non supera ${money(limit).it} all'anno.`, ` if ${w.en.whose} personal income is not above ${money(limit).en} a year.`)
        : l(', qualunque sia il reddito.', ', regardless of income.');
    const figure = l(
      `Nel ${year} l'importo è di ${money(x.monthlyCents).it} al mese${times ? `, con ${times} pagamenti all'anno` : ''}.`,
      `In ${year} it is ${money(x.monthlyCents).en} a month${times ? `, paid ${times} times a year` : ''}.`,
    );
    sentences.push(l(`${head.it}${condition.it} ${figure.it}`, `${head.en}${condition.en} ${figure.en}`));
    if (x.kind === 'frequency-allowance')
      sentences.push(
        l(
          `L'indennità di frequenza spetta mentre ${name} va a scuola o segue terapie e percorsi di riabilitazione.`,
          `The school attendance allowance is paid while ${name} attends school or follows therapy or rehabilitation.`,
        ),
      );
    rows.push({ label: BENEFIT_LABEL[x.kind], figure: { format: 'cents', value: x.monthlyCents }, emphasis: true });
    if (limit !== undefined) rows.push({ label: l('Limite di reddito annuo', 'Yearly income limit'), figure: { format: 'cents', value: limit } });
  });
  const total = b.benefits.reduce((s, x) => s + x.monthlyCents, 0);
  const kinds = b.benefits.map((x) => x.kind);
  const red = kinds.filter((k) => RED_LINKED.includes(k));
  const one = b.benefits.length === 1;
  const limited = kinds.filter((k) => limits[k] !== undefined).length;
  const notTaxed = one ? l('Non soggetta a IRPEF', 'No income tax') : l('Non soggette a IRPEF', 'No income tax');
  const withinLimit = limited === 1 ? l('Entro il limite di reddito', 'Within the income limit') : l('Entro i limiti di reddito', 'Within the income limits');
  const taxFree = one
    ? l("Su questa prestazione non si paga l'IRPEF, l'imposta sul reddito.", 'No income tax (IRPEF) is paid on this benefit.')
    : l("Su queste prestazioni non si paga l'IRPEF, l'imposta sul reddito.", 'No income tax (IRPEF) is paid on these benefits.');
  const yearly = l(`Sono gli importi del ${year}: ogni anno vengono aggiornati.`, `These are the ${year} amounts: they are updated every year.`);
  const redText =
    red.length > 0
      ? l(
          `${red.length === 1 && one ? 'Questa prestazione dipende' : red.length === 1 ? `${cap(BENEFIT_INLINE[red[0]!].it)} dipende` : 'Alcune prestazioni dipendono'} dal reddito: ogni anno potrebbe esserti chiesto di comunicare ${self ? 'i tuoi redditi' : `i redditi di ${name}`} con il modello RED, la dichiarazione della situazione reddituale, che non è la dichiarazione dei redditi per il fisco. Puoi farlo online, anche in forma semplificata, con il pulsante.`,
          `${red.length === 1 && one ? 'This benefit depends' : red.length === 1 ? `${cap(BENEFIT_INLINE[red[0]!].en)} depends` : 'Some of these benefits depend'} on income: every year you may be asked to report ${self ? 'your income' : `${possessive(name)} income`} with the RED form, the income statement for the institute, which is not the tax return. You can do it online, also in a simplified form, with the button.`,
        )
      : NONE;
  return scene(
    {
      headline,
      amount: { format: 'cents', value: total },
      caption: one ? l(`al mese nel ${year}`, `a month in ${year}`) : l(`al mese in tutto nel ${year}`, `a month in all in ${year}`),
      rows,
      note: limited === 0 ? notTaxed : l(`${withinLimit.it} · ${notTaxed.it.toLowerCase()}`, `${withinLimit.en} · ${notTaxed.en.toLowerCase()}`),
    },
    sayL(...sentences, yearly, taxFree, redText),
    red.length
      ? [{ id: 'btn-red-simplified', kind: 'button', label: l('RED semplificato', 'Simplified RED'), service: 'red-simplified', window: [0.55, 1] }]
      : [],
  );
}

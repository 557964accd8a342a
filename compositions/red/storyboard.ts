import { contactNumbers, date, itDate, l, money } from '../common/copy';
import { cap, prepArt, withPrep } from '../common/italian';
import { formatList, type Localized } from '../common/locale';
import { closingScene, dearGreeting, RATING_REQUEST } from '../common/common-scenes';
import { assembleStoryboard, themeOf, type SceneDraft, type StoryboardOptions } from '../common/storyboard-build';
import type { Storyboard } from '../common/storyboard-types';
import { BENEFIT_LABEL, BENEFIT_TITLE, INCOME_SAID, INCOME_TITLE } from './copy';
import { COUPLE_INCOME_BENEFITS, MONTHLY_BENEFITS, ordinaryDeadline, SUSPENSION_DAYS, type LinkedBenefit } from './rules';
import type { RedGuide } from './schema';

export const RED_VERSION = 'red@3';

/** The rule's 60 days, said in words. */
/** Whose income, after "i redditi del 2024". */
const SPOUSE = l("del coniuge, cioè di tuo marito, di tua moglie o della persona con cui hai un'unione civile", 'of your husband, wife or civil partner');

const SIXTY = SUSPENSION_DAYS === 60 ? l('sessanta', 'sixty') : l(String(SUSPENSION_DAYS), String(SUSPENSION_DAYS));

/** At most this many rows on screen; the narration names every one. */
const MAX_ROWS = 5;

export function redStoryboard(g: RedGuide, options: StoryboardOptions = {}): Storyboard {
  const theme = themeOf(options);
  const b = g.benefit;
  const c = g.citizen;
  const institute = l(cap(theme.instituteShort.it), cap(theme.instituteShort.en));
  const ofYear = prepArt('di', String(b.incomeYear));
  const join = (xs: Localized[]): Localized =>
    l(
      formatList(
        xs.map((x) => x.it),
        'it',
      ),
      formatList(
        xs.map((x) => x.en),
        'en',
      ),
    );
  const benefitsOf = (ks: readonly LinkedBenefit[]) => join(ks.map((k) => BENEFIT_LABEL[k]));
  const pluralOf = (ks: readonly LinkedBenefit[]) => ks.length > 1 || BENEFIT_LABEL[ks[0]!].plural === true;
  const benefits = benefitsOf(b.linkedBenefits);
  const many = pluralOf(b.linkedBenefits);
  const ordinary = ordinaryDeadline(b.incomeYear);
  const reminder = b.campaign === 'reminder';

  const greeting = dearGreeting(c, {
    deps: ['benefit.incomeYear'],
    minSeconds: 7,
    subtitle: l(`Manca il tuo RED per i redditi ${ofYear}`, `Your RED for your ${b.incomeYear} income is missing`),
    about: l(
      `${institute.it} non ha ancora ricevuto il tuo modello RED per i redditi ${ofYear}. Il RED è la dichiarazione della situazione reddituale: con il RED comunichi ${withPrep('a', theme.instituteShort.it)} i redditi da cui dipendono alcune prestazioni che ricevi. Non è la dichiarazione per le tasse, cioè il 730 o il modello Redditi. Ti spiego cosa dichiarare, perché è importante e come inviarlo, anche da casa.`,
      `${institute.en} has not yet received your RED form for your ${b.incomeYear} income. The RED is the income statement, in Italian "dichiarazione della situazione reddituale": with it you tell ${theme.instituteShort.en} the income that some of your benefits depend on. It is not your tax return, the 730 or the Redditi form. I will explain what to declare, why it matters and how to send it, even from home.`,
    ),
  });

  const deadline: SceneDraft = {
    id: 'deadline',
    kind: 'status',
    title: l('La scadenza', 'The deadline'),
    deps: ['benefit.incomeYear', 'benefit.deadline', 'benefit.campaign'],
    content: {
      headline: reminder ? l('Sollecito: RED da inviare', 'Reminder: RED to send') : l('RED da inviare', 'RED to send'),
      tone: 'warning',
      badge: reminder ? l('Sollecito', 'Reminder') : l('Campagna ordinaria', 'Ordinary campaign'),
      facts: [
        { label: l('Redditi', 'Income year'), figure: { format: 'count', value: b.incomeYear } },
        ...(reminder ? [{ label: l('Scadenza ordinaria', 'Ordinary deadline'), figure: { format: 'date' as const, value: ordinary } }] : []),
        { label: reminder ? l('Ora entro il', 'Now by') : l('Entro il', 'By'), figure: { format: 'date', value: b.deadline } },
      ],
      steps: [],
      numbered: false,
    },
    narration: reminder
      ? l(
          `Questo è un sollecito: il termine ordinario del RED per i redditi ${ofYear} era ${itDate('il', ordinary)}. Puoi ancora inviarlo, entro ${itDate('il', b.deadline)}. ${institute.it} chiede il RED ogni anno a chi riceve prestazioni legate al reddito, quando non conosce già tutti i redditi che servono.`,
          `This is a reminder: the ordinary deadline to send the RED for your ${b.incomeYear} income was ${date(ordinary).en}. You can still send it, by ${date(b.deadline).en}. ${institute.en} asks for the RED every year from people who receive income-linked benefits, when it does not already know all the income it needs.`,
        )
      : l(
          `Devi inviare il RED per i redditi ${ofYear} entro ${itDate('il', b.deadline)}. ${institute.it} chiede il RED ogni anno a chi riceve prestazioni legate al reddito, quando non conosce già tutti i redditi che servono.`,
          `You must send the RED for your ${b.incomeYear} income by ${date(b.deadline).en}. ${institute.en} asks for the RED every year from people who receive income-linked benefits, when it does not already know all the income it needs.`,
        ),
  };

  // What to declare.
  const own = b.incomesToDeclare.filter((k) => k !== 'spouse-income');
  const spouse = b.incomesToDeclare.includes('spouse-income');
  const coupleBenefits = b.linkedBenefits.filter((k) => COUPLE_INCOME_BENEFITS.includes(k));
  const incomeIt: string[] = [];
  const incomeEn: string[] = [];
  if (own.length) {
    const said = join(own.map((k) => INCOME_SAID[k]));
    incomeIt.push(
      `Nel RED indichi i redditi ${ofYear} che la dichiarazione fiscale non riporta, o riporta in modo diverso. Nel tuo caso devi dichiarare ${said.it}.`,
    );
    incomeEn.push(
      `In the RED you give the ${b.incomeYear} income that your tax return does not show, or shows differently. In your case you must declare ${said.en}.`,
    );
  }
  if (spouse && coupleBenefits.length) {
    const cb = benefitsOf(coupleBenefits);
    incomeIt.push(
      `${own.length ? 'Devi indicare anche' : 'Nel tuo caso devi dichiarare'} i redditi ${ofYear} ${SPOUSE.it}, perché ${cb.it} ${pluralOf(coupleBenefits) ? 'dipendono' : 'dipende'} anche dal reddito della coppia.`,
    );
    incomeEn.push(
      `${own.length ? 'You must also give' : 'In your case you must declare'} the ${b.incomeYear} income ${SPOUSE.en}, because ${cb.en} also ${pluralOf(coupleBenefits) ? 'depend' : 'depends'} on the couple's income.`,
    );
  }
  incomeIt.push('Nel RED precompilato alcuni dati sono già inseriti: controllali e aggiungi quelli che mancano.');
  incomeEn.push('In the pre-filled RED some details are already filled in: check them and add what is missing.');
  const rows = b.incomesToDeclare.map((k) => INCOME_TITLE[k]);
  const shownRows =
    rows.length > MAX_ROWS
      ? [
          ...rows.slice(0, MAX_ROWS - 1),
          {
            title: l(`E altri ${rows.length - MAX_ROWS + 1}`, `And ${rows.length - MAX_ROWS + 1} more`),
            text: l('Come spiegato a voce', 'As the narration says'),
          },
        ]
      : rows;
  const incomes: SceneDraft = {
    id: 'incomes',
    kind: 'status',
    title: l('Cosa dichiarare', 'What to declare'),
    deps: ['benefit.incomeYear', 'benefit.incomesToDeclare', 'benefit.linkedBenefits'],
    minSeconds: 8,
    content: {
      headline: l('Cosa dichiarare', 'What to declare'),
      tone: 'info',
      badge: l(`Redditi ${ofYear}`, `${b.incomeYear} income`),
      facts: [],
      steps: shownRows,
      numbered: false,
    },
    narration: l(incomeIt.join(' '), incomeEn.join(' ')),
  };

  // Why it matters: what depends on it, and what happens without it.
  const monthly = b.linkedBenefits.filter((k) => MONTHLY_BENEFITS.includes(k));
  const hasFourteenth = b.linkedBenefits.includes('fourteenth');
  const riskIt = [`Dal RED ${many ? 'dipendono' : 'dipende'} ${benefits.it}.`];
  const riskEn = [`${cap(benefits.en)} ${many ? 'depend' : 'depends'} on the RED.`];
  if (b.monthlyAtRiskCents !== undefined && monthly.length) {
    riskIt.push(
      `${monthly.length === b.linkedBenefits.length ? (many ? 'Queste prestazioni valgono in tutto' : 'Questa prestazione vale') : `${cap(benefitsOf(monthly).it)} ${pluralOf(monthly) ? 'valgono in tutto' : 'vale'}`} ${money(b.monthlyAtRiskCents).it} lordi al mese${hasFourteenth ? "; la quattordicesima si aggiunge una volta l'anno" : ''}.`,
    );
    riskEn.push(
      `${monthly.length === b.linkedBenefits.length ? (many ? 'These benefits are worth, in all,' : 'This benefit is worth') : `${cap(benefitsOf(monthly).en)} ${pluralOf(monthly) ? 'are worth, in all,' : 'is worth'}`} ${money(b.monthlyAtRiskCents).en} gross a month${hasFourteenth ? '; the fourteenth payment comes on top, once a year' : ''}.`,
    );
  }
  riskIt.push(
    many
      ? `Se il RED non arriva, queste prestazioni vengono sospese: i pagamenti si fermano. Se lo invii entro ${SIXTY.it} giorni dalla sospensione, i pagamenti riprendono dal mese successivo. Altrimenti le prestazioni sono revocate, cioè tolte in modo definitivo, e ${theme.instituteShort.it} ti chiede di restituire quanto già pagato per l'anno interessato.`
      : `Se il RED non arriva, questa prestazione viene sospesa: i pagamenti si fermano. Se lo invii entro ${SIXTY.it} giorni dalla sospensione, i pagamenti riprendono dal mese successivo. Altrimenti la prestazione è revocata, cioè tolta in modo definitivo, e ${theme.instituteShort.it} ti chiede di restituire quanto già pagato per l'anno interessato.`,
  );
  riskEn.push(
    `If the RED does not arrive, ${many ? 'these benefits are' : 'this benefit is'} suspended: payments stop. If you send it within ${SIXTY.en} days of the suspension, payments resume the following month. Otherwise ${many ? 'they are' : 'it is'} withdrawn for good, and ${theme.instituteShort.en} asks you to pay back what was already paid for the year concerned.`,
  );
  const atRisk: SceneDraft = {
    id: 'at-risk',
    kind: 'amount',
    title: l('Perché è importante', 'Why it matters'),
    deps: ['benefit.linkedBenefits', 'benefit.monthlyAtRiskCents'],
    minSeconds: 10,
    content: {
      headline: l('Prestazioni a rischio', 'Benefits at risk'),
      amount: b.monthlyAtRiskCents !== undefined ? { format: 'cents', value: b.monthlyAtRiskCents } : { format: 'count', value: b.linkedBenefits.length },
      caption:
        b.monthlyAtRiskCents !== undefined
          ? l('lordi al mese', 'gross a month')
          : b.linkedBenefits.length === 1
            ? l('prestazione legata al reddito', 'income-linked benefit')
            : l('prestazioni legate al reddito', 'income-linked benefits'),
      rows: b.linkedBenefits.map((k) => ({
        label: BENEFIT_TITLE[k],
        figure: { format: 'text' as const, value: k === 'fourteenth' ? l("una volta l'anno", 'once a year') : l('a rischio', 'at risk') },
      })),
    },
    narration: l(riskIt.join(' '), riskEn.join(' ')),
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
              "Alcune prestazioni spettano solo sotto certi limiti di reddito: l'integrazione al minimo, le maggiorazioni sociali, la quattordicesima, l'assegno sociale, le prestazioni d'invalidità civile e altre. Con il RED l'importo è calcolato sui redditi veri.",
              'Some benefits are due only below certain income limits: the minimum top-up, the social increases, the fourteenth payment, the social allowance, civil invalidity benefits and others. With the RED the amount is worked out on your actual income.',
            ),
            l(
              `Senza RED le prestazioni sono sospese. Se il RED arriva entro ${SIXTY.it} giorni dalla sospensione, i pagamenti riprendono dal mese seguente; dopo, le prestazioni sono revocate e le somme dell'anno interessato recuperate.`,
              `Without the RED the benefits are suspended. If the RED arrives within ${SIXTY.en} days of the suspension, payments resume the following month; after that, the benefits are withdrawn and the year's amounts recovered.`,
            ),
            l(
              'Il RED non serve a chi ha tutti i redditi nella dichiarazione fiscale o ha solo pensioni che non sono cambiate. Un CAF ti aiuta a compilarlo, gratis.',
              'The RED is not needed by people whose income is all in their tax return, or whose only income is pensions that have not changed. A CAF helps you fill it in, free of charge.',
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
      badge: l('Gratis, in due modi', 'Free, two ways'),
      facts: [],
      steps: [
        {
          title: l('Online, RED precompilato', 'Online, pre-filled RED'),
          text: l('Con SPID, CIE, CNS o eIDAS: controlla e conferma', 'With SPID, CIE, CNS or eIDAS: check and confirm'),
        },
        { title: l('Con un CAF o un professionista', 'Through a CAF or a professional'), text: l('Senza costi', 'Free of charge') },
        {
          title: l('Informazioni al telefono', 'Information by phone'),
          text: l(
            `${theme.contactCenter} da fisso, ${theme.contactCenterMobile} da cellulare`,
            `${theme.contactCenter} landline, ${theme.contactCenterMobile} mobile`,
          ),
        },
      ],
      numbered: true,
    },
    narration: l(
      `Puoi inviare il RED gratis, in due modi. Online, con il RED precompilato: premi il pulsante e accedi con SPID di livello 2, CIE, CNS o eIDAS; trovi già i dati che ${theme.instituteShort.it} conosce: controllali, correggili se serve e conferma. Oppure rivolgiti a un CAF o a un professionista abilitato, che lo inviano per te senza costi: con l'altro pulsante trovi quello più vicino. Per informazioni chiama il contact center: ${contactNumbers(theme).it}.`,
      `You can send the RED free of charge, in two ways. Online, with the pre-filled RED: press the button and sign in with SPID level 2, CIE, CNS or eIDAS; the details ${theme.instituteShort.en} already holds are filled in: check them, correct them if needed, and confirm. Or go to a CAF or an authorised professional, who will send it for you at no cost: the other button finds the nearest one. For information call the contact centre: ${contactNumbers(theme).en}.`,
    ),
    actions: [
      { id: 'btn-red-online', kind: 'button', label: l('Invia il RED online', 'Send the RED online'), service: 'red-online', window: [0.1, 1] },
      { id: 'btn-intermediary', kind: 'button', label: l('Trova un CAF', 'Find a CAF'), service: 'find-intermediary', window: [0.5, 1] },
    ],
  };

  const closing = closingScene({
    deps: ['benefit.deadline'],
    minSeconds: 6,
    content: {
      headline: l('Non aspettare la scadenza', "Don't wait for the deadline"),
      text: l(`Invia il RED entro ${itDate('il', b.deadline)}.`, `Send the RED by ${date(b.deadline).en}.`),
    },
    narration: l(
      `Ricorda: invia il RED entro ${itDate('il', b.deadline)}, così eviti che i pagamenti si fermino per il RED mancante. ${RATING_REQUEST.it} Grazie.`,
      `Remember: send the RED by ${date(b.deadline).en}, so your payments do not stop for a missing RED. ${RATING_REQUEST.en} Thank you.`,
    ),
  });

  return assembleStoryboard(
    { type: 'red', version: RED_VERSION, locale: g.locale, presenter: 'F' },
    [greeting, deadline, incomes, atRisk, how, closing],
    options,
  );
}

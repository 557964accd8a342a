import { AVAILABLE_UNTIL_SCREEN, contactNumbers, date, itDate, l, money, month } from '../common/copy';
import { cap, prepArt, the } from '../common/italian';
import { formatList, type Localized } from '../common/locale';
import { closingScene, greetingScene, RATING_REQUEST } from '../common/common-scenes';
import { assembleStoryboard, themeOf, type SceneDraft, type StoryboardOptions } from '../common/storyboard-build';
import type { StatusContent, Storyboard } from '../common/storyboard-types';
import { ADULT_CONDITION_SAID, ADULT_CONDITIONS_ALL, IBAN_PROBLEM_ADVICE, IBAN_PROBLEM_SAID, IBAN_PROBLEM_SHORT, ITEM_TITLE, REASON_BADGE } from './copy';
import { ADULT_FROM, ageOn, CHILD_UNTIL, ISEE_ARREARS_DEADLINE, ISEE_PERIOD_START, PAYMENT_RELEASE_DAYS, PAYMENT_USUAL_DAY } from './rules';
import type { AuuGuide, MissingItem } from './schema';

export const AUU_VERSION = 'auu@4';

type Child = AuuGuide['benefit']['children'][number];

const list = (names: string[]): Localized => l(formatList(names, 'it'), formatList(names, 'en'));

/** Where the ISEE deadline stands on the date of the guide's data. */
export type IseeMoment = 'before-deadline' | 'after-deadline' | 'new-period-ahead';
export function iseeMoment(onIso: string): IseeMoment {
  const md = onIso.slice(5);
  if (md < ISEE_PERIOD_START) return 'new-period-ahead';
  return md <= ISEE_ARREARS_DEADLINE ? 'before-deadline' : 'after-deadline';
}

export function auuStoryboard(g: AuuGuide, options: StoryboardOptions = {}): Storyboard {
  const theme = themeOf(options);
  const b = g.benefit;
  const c = g.citizen;
  const n = b.children.length;
  const on = b.blockedSince;
  const year = Number(on.slice(0, 4));
  const iban = b.blockReason === 'iban-error';
  const since = cap(itDate('dal', on));
  const institute = cap(theme.instituteShort.it);
  const ageOf = (ch: Child) => ageOn(ch.birthDate, on);
  const isAdult = (ch: Child) => ageOf(ch) >= ADULT_FROM && ageOf(ch) < CHILD_UNTIL;
  const pending = b.children.filter((ch) => isAdult(ch) && ch.disability === 'none' && !ch.adultCondition);
  const disabled = b.children.filter((ch) => ch.disability !== 'none');
  const names = (chs: Child[]) => list(chs.map((ch) => ch.givenName));

  const greeting = greetingScene({
    deps: ['citizen.givenName', 'benefit.blockReason'],
    minSeconds: 7,
    content: {
      salutation: l('Ciao', 'Hello'),
      name: c.givenName,
      subtitle: iban
        ? l('Il pagamento del tuo Assegno Unico è bloccato', 'Your Assegno Unico payment is on hold')
        : l('La tua domanda di Assegno Unico è bloccata', 'Your Assegno Unico application is on hold'),
    },
    narration: iban
      ? l(
          `Ciao ${c.givenName}, sono qui per aiutarti con il tuo Assegno Unico per i figli. In questo momento il pagamento è bloccato: ti spiego perché e come sbloccarlo.`,
          `Hello ${c.givenName}, I am here to help you with your Assegno Unico, the child allowance. Right now its payment is on hold: I will explain why, and how to release it.`,
        )
      : l(
          `Ciao ${c.givenName}, sono qui per aiutarti con la tua domanda di Assegno Unico per i figli. In questo momento la domanda è bloccata: ti spiego perché e come sbloccarla.`,
          `Hello ${c.givenName}, I am here to help you with your application for the Assegno Unico, the child allowance. Right now the application is on hold: I will explain why, and how to release it.`,
        ),
  });

  const count = b.missingItems.length;
  const status: SceneDraft = {
    id: 'status',
    kind: 'status',
    title: l('Lo stato della domanda', 'Application status'),
    deps: ['benefit.applicationId', 'benefit.blockedSince', 'benefit.blockReason', 'benefit.ibanProblem', 'benefit.missingItems'],
    content: {
      headline: iban ? l('Pagamento bloccato', 'Payment on hold') : l('Domanda bloccata', 'Application on hold'),
      tone: 'blocked',
      badge: REASON_BADGE[b.blockReason],
      facts: [
        { label: l('Domanda', 'Application'), figure: { format: 'text', value: l(b.applicationId, b.applicationId) } },
        { label: iban ? l('Bloccato dal', 'On hold since') : l('Bloccata dal', 'On hold since'), figure: { format: 'date', value: on } },
        ...(iban && b.ibanProblem ? [{ label: l('Motivo', 'Reason'), figure: { format: 'text' as const, value: IBAN_PROBLEM_SHORT[b.ibanProblem] } }] : []),
      ],
      steps: [],
      numbered: false,
    },
    narration:
      iban && b.ibanProblem
        ? l(
            `${since} il pagamento dell'Assegno è bloccato: ${IBAN_PROBLEM_SAID[b.ibanProblem].it}. L'IBAN deve essere di un conto, una carta o un libretto in un Paese dell'area SEPA, intestato o cointestato a chi ha fatto la domanda. Finché non indichi un IBAN valido, l'Assegno non può essere pagato.`,
            `Since ${date(on).en} the payment of the allowance has been on hold: ${IBAN_PROBLEM_SAID[b.ibanProblem].en}. The IBAN must belong to an account, card or savings book in a SEPA country, held by the applicant alone or jointly. Until you give a valid IBAN, the allowance cannot be paid.`,
          )
        : l(
            `${since} la tua domanda è ferma perché ${b.blockReason === 'missing-documents' ? (count === 1 ? 'manca un documento' : 'mancano alcuni documenti') : count === 1 ? "manca un'informazione" : 'mancano alcune informazioni'}. Finché non la completi, l'Assegno non può essere pagato.`,
            `Since ${date(on).en} your application has been on hold because ${b.blockReason === 'missing-documents' ? (count === 1 ? 'a document is missing' : 'some documents are missing') : count === 1 ? 'a piece of information is missing' : 'some information is missing'}. Until you complete it, the allowance cannot be paid.`,
          ),
  };

  // What the family's children bring, and what holds for each of them on the date of the data.
  const known = b.children.filter((ch) => ch.monthlyAmountCents !== undefined);
  const total = known.reduce((s, ch) => s + (ch.monthlyAmountCents ?? 0), 0);
  const it: string[] = [];
  const en: string[] = [];
  const say = (x: Localized) => {
    it.push(x.it);
    en.push(x.en);
  };
  const all = names(b.children);
  say(l(`La domanda riguarda ${all.it}.`, `The application is for ${all.en}.`));
  if (known.length)
    say(
      l(
        `Con i dati della domanda, l'Assegno è di ${money(total).it} al mese${known.length < n ? ` per ${names(known).it}` : ''}.`,
        `With the details in the application, the allowance is ${money(total).en} a month${known.length < n ? ` for ${names(known).en}` : ''}.`,
      ),
    );
  const unknown = b.children.filter((ch) => ch.monthlyAmountCents === undefined);
  if (known.length && unknown.length)
    say(
      l(
        `Per ${names(unknown).it} l'importo sarà calcolato quando riprende l'esame della domanda.`,
        `For ${names(unknown).en}, the amount will be worked out when the application is examined again.`,
      ),
    );
  const babies = known.filter((ch) => ageOf(ch) < 1);
  if (babies.length)
    say(
      l(
        `Per ${names(babies).it}, che ${babies.length === 1 ? 'ha' : 'hanno'} meno di un anno, l'importo è aumentato ${prepArt('di', '50%')}.`,
        `For ${names(babies).en}, under one year old, the amount is 50% higher.`,
      ),
    );
  for (const ch of b.children.filter((x) => isAdult(x) && x.disability === 'none' && x.adultCondition)) {
    const cond = ADULT_CONDITION_SAID[ch.adultCondition!];
    say(
      l(
        `Per ${ch.givenName}, che ha tra 18 e 21 anni, hai dichiarato che ${cond.it}: l'Assegno spetta finché dura questa condizione, fino ai 21 anni.`,
        `You declared that ${ch.givenName}, aged between 18 and 21, ${cond.en}: the allowance is due while this lasts, up to age 21.`,
      ),
    );
  }
  if (pending.length) {
    const p = names(pending);
    const one = pending.length === 1;
    say(
      l(
        `${p.it} ${one ? 'ha' : 'hanno'} tra 18 e 21 anni: l'Assegno spetta solo per ${one ? 'un figlio' : 'ogni figlio'} di questa età che ${ADULT_CONDITIONS_ALL.it}. Per questo serve la tua dichiarazione.`,
        `${p.en} ${one ? 'is' : 'are'} between 18 and 21: the allowance is due for a child of this age only if they ${ADULT_CONDITIONS_ALL.en}. That is why your declaration is needed.`,
      ),
    );
  }
  const disabledAdults = disabled.filter((ch) => ageOf(ch) >= CHILD_UNTIL);
  if (disabledAdults.length)
    say(
      l(
        `Per ${names(disabledAdults).it}, che ${disabledAdults.length === 1 ? 'ha' : 'hanno'} una disabilità, l'Assegno spetta anche dopo ${the('21 anni', 'm', 'pl')}.`,
        `For ${names(disabledAdults).en}, who ${disabledAdults.length === 1 ? 'has' : 'have'} a disability, the allowance is due after age 21 too.`,
      ),
    );
  const disabledMinorsKnown = known.filter((ch) => ch.disability !== 'none' && ageOf(ch) < ADULT_FROM);
  if (disabledMinorsKnown.length)
    say(
      l(
        `Per ${names(disabledMinorsKnown).it} l'importo comprende la maggiorazione per la disabilità.`,
        `For ${names(disabledMinorsKnown).en} the amount includes the disability increase.`,
      ),
    );
  if (n >= 4)
    say(
      l(
        'Con quattro o più figli spetta anche una maggiorazione mensile per tutta la famiglia, che non è compresa negli importi dei singoli figli.',
        'With four or more children the family also gets a monthly increase of its own, which is not included in each child’s amount.',
      ),
    );
  if (b.iseeCents === null) {
    say(
      l(
        "Non risulta un ISEE valido: senza ISEE l'Assegno è pagato con l'importo minimo.",
        'There is no valid ISEE on file: without one, the allowance is paid at the minimum amount.',
      ),
    );
    const deadline = `${year}-${ISEE_ARREARS_DEADLINE}`;
    const march = `${year}-${ISEE_PERIOD_START}`;
    const moment = iseeMoment(on);
    if (moment === 'before-deadline')
      say(
        l(
          `Se presenti l'ISEE entro ${itDate('il', deadline)}, l'importo è ricalcolato da ${month(march).it} e ricevi anche gli arretrati.`,
          `If you file the ISEE by ${date(deadline).en}, the amount is recalculated from ${month(march).en} and you also get the arrears.`,
        ),
      );
    else if (moment === 'after-deadline')
      say(
        l(
          `${cap(itDate('il', deadline))}, ultimo giorno per avere gli arretrati da marzo, è passato: se presenti l'ISEE adesso, l'importo è ricalcolato solo da quel momento in poi. Poi, per i mesi da ${month(`${year + 1}-03`).it}, rinnovalo entro ${itDate('il', `${year + 1}-${ISEE_ARREARS_DEADLINE}`)}.`,
          `${date(deadline).en}, the last day to get arrears from March, has passed: if you file the ISEE now, the amount is recalculated only from then on. Then, for the months from ${month(`${year + 1}-03`).en}, renew it by ${date(`${year + 1}-${ISEE_ARREARS_DEADLINE}`).en}.`,
        ),
      );
    else
      say(
        l(
          `L'ISEE va rinnovato ogni anno: se presenti quello nuovo entro ${itDate('il', deadline)}, da ${month(march).it} l'importo è calcolato sul tuo ISEE, con gli eventuali arretrati.`,
          `The ISEE must be renewed every year: if you file the new one by ${date(deadline).en}, from ${month(march).en} the amount is worked out on your ISEE, with any arrears.`,
        ),
      );
    say(l("Puoi presentarlo online sul Portale unico ISEE o con l'aiuto di un CAF.", 'You can file it online on the ISEE portal or with the help of a CAF.'));
  } else if (known.length) {
    say(l("L'importo dipende dall'ISEE, che va rinnovato ogni anno.", 'The amount depends on the ISEE, which must be renewed every year.'));
  } else {
    say(
      l(
        "L'importo non è ancora definito: dipende dall'ISEE, che va rinnovato ogni anno.",
        'The amount is not set yet: it depends on the ISEE, which must be renewed every year.',
      ),
    );
  }

  const children: SceneDraft = {
    id: 'children',
    kind: 'amount',
    title: l("Per chi è l'Assegno", 'Who the allowance is for'),
    deps: ['benefit.children', 'benefit.iseeCents', 'benefit.blockedSince'],
    minSeconds: 8,
    content: {
      headline:
        n === 1
          ? l(`Assegno per ${b.children[0]!.givenName}`, `Allowance for ${b.children[0]!.givenName}`)
          : l(`Assegno per ${n} figli`, `Allowance for ${n} children`),
      amount: known.length ? { format: 'cents', value: total } : { format: 'text', value: l('Da definire', 'To be set') },
      caption: known.length ? l('al mese, con i dati della domanda', 'a month, with the application’s details') : l("l'importo mensile", 'the monthly amount'),
      rows: b.children.map((ch) => ({
        label: l(ch.givenName, ch.givenName),
        figure:
          ch.monthlyAmountCents !== undefined
            ? { format: 'cents' as const, value: ch.monthlyAmountCents }
            : { format: 'text' as const, value: pending.includes(ch) ? l('manca la dichiarazione', 'declaration missing') : l('da definire', 'to be set') },
      })),
      note: b.iseeCents === null ? l('Senza ISEE valido: importo minimo', 'No valid ISEE: minimum amount') : undefined,
    },
    narration: l(it.join(' '), en.join(' ')),
  };

  // How to release it, and when payment usually follows.
  const timing = l(
    `Dopo lo sblocco, di solito il primo pagamento arriva a fine mese, tra ${the(String(PAYMENT_RELEASE_DAYS[0]))} e ${the(String(PAYMENT_RELEASE_DAYS[1]))} circa; poi, di norma, intorno ${prepArt('a', String(PAYMENT_USUAL_DAY))} di ogni mese.`,
    `Once released, the first payment usually arrives at the end of the month, between about the ${PAYMENT_RELEASE_DAYS[0]}th and the ${PAYMENT_RELEASE_DAYS[1]}th; after that, as a rule, around the ${PAYMENT_USUAL_DAY}th of each month.`,
  );
  const timingStep = {
    title: l('Dopo lo sblocco', 'Once released'),
    text: l(
      `Di solito pagamento a fine mese, poi intorno ${prepArt('a', String(PAYMENT_USUAL_DAY))}`,
      `Usually paid at month end, then around the ${PAYMENT_USUAL_DAY}th`,
    ),
  };
  const itemSaid = (item: MissingItem): Localized => {
    switch (item) {
      case 'adult-child-declaration': {
        const p = names(pending);
        return l(
          `la dichiarazione per ${p.it}, che ${pending.length === 1 ? 'ha' : 'hanno'} tra 18 e 21 anni`,
          `the declaration for ${p.en}, aged between 18 and 21`,
        );
      }
      case 'separated-parents-data':
        return l("i dati dell'altro genitore e quelli della separazione", "the other parent's details and those of the separation");
      case 'other-parent-data':
        return l("i dati dell'altro genitore", "the other parent's details");
      case 'disability-certificate':
        return l(`il certificato di disabilità di ${names(disabled).it}`, `the disability certificate for ${names(disabled).en}`);
      case 'residence-permit':
        return l('il tuo permesso di soggiorno', 'your residence permit');
      case 'large-family-data':
        return l('i dati per la maggiorazione delle famiglie numerose', 'the details for the large-family increase');
    }
  };
  const itemText = (item: MissingItem): Localized => {
    switch (item) {
      case 'adult-child-declaration':
        return l(`Per ${names(pending).it}`, `For ${names(pending).en}`);
      case 'separated-parents-data':
        return l('E quelli della separazione', 'And those of the separation');
      case 'disability-certificate':
        return l(`Per ${names(disabled).it}`, `For ${names(disabled).en}`);
      case 'residence-permit':
        return l('Il tuo, valido', 'Yours, valid');
      default:
        return l('Da inserire nella domanda', 'To add to the application');
    }
  };
  const items = b.missingItems.map(itemSaid);
  const fixContent: StatusContent = iban
    ? {
        headline: l("Come aggiornare l'IBAN", 'How to update the IBAN'),
        tone: 'info',
        badge: l(`IBAN che termina con ${b.ibanLast4 ?? ''}`, `IBAN ending in ${b.ibanLast4 ?? ''}`),
        facts: [],
        steps: [
          {
            title: l('Apri il servizio Assegno Unico', 'Open the Assegno Unico service'),
            text: l('Accedi con SPID, CIE o CNS', 'Sign in with SPID, CIE or CNS'),
          },
          {
            title: l('Consulta le domande', 'View your applications'),
            text: l('Scegli "Modifica della modalità di pagamento"', 'Choose "Change payment method"'),
          },
          {
            title: l('Inserisci un IBAN valido', 'Enter a valid IBAN'),
            text: l('Intestato a te, in area SEPA, poi salva', 'In your name, in a SEPA country; then save'),
          },
          timingStep,
        ],
        numbered: true,
      }
    : {
        headline: l('Come completare la domanda', 'How to complete the application'),
        tone: 'info',
        badge: l('Cosa manca', 'What is missing'),
        facts: [],
        steps: [
          ...b.missingItems.map((item) => ({ title: ITEM_TITLE[item], text: itemText(item) })),
          {
            title: l('Completa e invia la domanda', 'Complete and send the application'),
            text: l(`${institute} riprende poi l'esame`, `${cap(theme.instituteShort.en)} then resumes its review`),
          },
          timingStep,
        ],
        numbered: true,
      };
  const fix: SceneDraft = {
    id: 'fix',
    kind: 'status',
    title: l('Come sbloccarla', 'How to release it'),
    deps: ['benefit.blockReason', 'benefit.missingItems', 'benefit.ibanLast4', 'benefit.ibanProblem', 'benefit.children', 'benefit.blockedSince'],
    minSeconds: 12,
    content: fixContent,
    narration:
      iban && b.ibanProblem
        ? l(
            `Per sbloccare il pagamento, premi il pulsante per aggiornare l'IBAN: accedi con SPID, CIE o CNS, apri le domande presentate, scegli "Modifica della modalità di pagamento", inserisci l'IBAN di un conto intestato o cointestato a te e salva. ${IBAN_PROBLEM_ADVICE[b.ibanProblem].it} Puoi farlo in qualsiasi momento. ${timing.it}`,
            `To release the payment, press the button to update the IBAN: sign in with SPID, CIE or CNS, open the applications you have made, choose "Change payment method", enter the IBAN of an account in your name, alone or jointly, and save. ${IBAN_PROBLEM_ADVICE[b.ibanProblem].en} You can do it at any time. ${timing.en}`,
          )
        : l(
            `Per sbloccare la domanda devi aggiungere ${formatList(
              items.map((i) => i.it),
              'it',
            )}. Premi il pulsante per completare la domanda: accedi con SPID, CIE o CNS, apri la domanda, aggiungi ${items.length === 1 ? 'quello che manca' : 'ciò che manca'} e inviala. ${institute} riprende poi l'esame della domanda. ${timing.it} Nell'approfondimento trovi i documenti che possono servire.`,
            `To release the application you need to add ${formatList(
              items.map((i) => i.en),
              'en',
            )}. Press the button to complete the application: sign in with SPID, CIE or CNS, open the application, add what is missing and send it. ${cap(theme.instituteShort.en)} then resumes its review of the application. ${timing.en} The pop-up lists the documents you may need.`,
          ),
    actions: iban
      ? [{ id: 'btn-iban', kind: 'button', label: l("Aggiorna l'IBAN", 'Update the IBAN'), service: 'auu-iban', window: [0.1, 1] }]
      : [
          { id: 'btn-complete', kind: 'button', label: l('Completa la domanda', 'Complete the application'), service: 'auu-manage', window: [0.25, 1] },
          {
            id: 'popup-documents',
            kind: 'popup',
            label: l('Documenti necessari', 'Documents needed'),
            window: [0.55, 1],
            popup: {
              title: l('I documenti che possono servire', 'Documents you may need'),
              body: [
                l(
                  "Figli tra 18 e 21 anni: la dichiarazione che studiano o seguono un corso, lavorano con un reddito sotto gli 8.000 € l'anno, cercano lavoro tramite il Centro per l'Impiego o fanno il servizio civile.",
                  'Children aged 18 to 21: a statement that they are studying or in training, work and earn less than €8,000 a year, are looking for work through the Job Centre, or are doing civil service.',
                ),
                l(
                  "Genitori separati: i dati dell'altro genitore e, se c'è, il provvedimento del giudice sull'affidamento.",
                  "Separated parents: the other parent's details and, if there is one, the court's custody order.",
                ),
                l(
                  'Figli con disabilità: il verbale di invalidità o il certificato di disabilità.',
                  'Children with a disability: the invalidity report or the disability certificate.',
                ),
                l(
                  'Cittadini di Paesi fuori dall’Unione europea: il permesso di soggiorno valido.',
                  'Citizens of countries outside the European Union: a valid residence permit.',
                ),
              ],
            },
          },
        ],
  };

  const closing = closingScene({
    deps: ['benefit.blockReason'],
    minSeconds: 6,
    content: {
      headline: iban ? l("Aggiorna l'IBAN", 'Update the IBAN') : l('Completa la domanda', 'Complete the application'),
      text: AVAILABLE_UNTIL_SCREEN,
    },
    narration: l(
      `Se hai bisogno di aiuto, chiama il contact center: ${contactNumbers(theme).it}. Puoi anche rivolgerti a un patronato. ${RATING_REQUEST.it} Grazie!`,
      `If you need help, call the contact centre: ${contactNumbers(theme).en}. You can also go to a patronato. ${RATING_REQUEST.en} Thank you!`,
    ),
  });

  return assembleStoryboard(
    // The presenter is a parent like the recipient: a father speaks to fathers, a mother to mothers
    // (the figures are a woman and a man; a parent who chose X is spoken to by the woman).
    { type: 'auu', version: AUU_VERSION, locale: g.locale, presenter: c.gender === 'M' ? 'M' : 'F', commonDeps: ['citizen.gender'] },
    [greeting, status, children, fix, closing],
    options,
  );
}

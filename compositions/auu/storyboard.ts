import { date, itDate, l, money } from '../common/copy';
import { formatList } from '../common/locale';
import { assembleStoryboard, themeOf, type SceneDraft, type StoryboardOptions } from '../common/storyboard-build';
import type { StatusContent, Storyboard } from '../common/storyboard-types';
import { ITEM_LABEL, REASON_BADGE } from './copy';
import type { AuuGuide } from './schema';

export const AUU_VERSION = 'auu@1';

export function auuStoryboard(g: AuuGuide, options: StoryboardOptions = {}): Storyboard {
  const theme = themeOf(options);
  const b = g.benefit;
  const c = g.citizen;
  const n = b.children.length;
  const since = itDate('dal', b.blockedSince).replace(/^d/, 'D');

  const greeting: SceneDraft = {
    id: 'greeting',
    kind: 'greeting',
    title: l('Introduzione', 'Introduction'),
    deps: ['citizen.givenName'],
    minSeconds: 7,
    content: {
      salutation: l('Ciao', 'Hello'),
      name: c.givenName,
      subtitle: l('La tua domanda di Assegno Unico è bloccata', 'Your Assegno Unico application is on hold'),
    },
    narration: l(
      `Ciao ${c.givenName}, sono qui per aiutarti con la tua domanda di Assegno Unico per i figli. In questo momento la domanda è bloccata, ma bastano pochi passaggi per sbloccarla: vediamoli insieme.`,
      `Hello ${c.givenName}, I am here to help you with your Assegno Unico application, the child allowance. Right now the application is on hold, but a few steps are enough to release it: let's go through them together.`,
    ),
  };

  const status: SceneDraft = {
    id: 'status',
    kind: 'status',
    title: l('Lo stato della domanda', 'Application status'),
    deps: ['benefit.applicationId', 'benefit.blockedSince', 'benefit.blockReason'],
    content: {
      headline: l('Domanda bloccata', 'Application on hold'),
      tone: 'blocked',
      badge: REASON_BADGE[b.blockReason],
      facts: [
        { label: l('Domanda', 'Application'), figure: { format: 'text', value: l(b.applicationId, b.applicationId) } },
        { label: l('Bloccata dal', 'On hold since'), figure: { format: 'date', value: b.blockedSince } },
      ],
      steps: [],
      numbered: false,
    },
    narration:
      b.blockReason === 'iban-error'
        ? l(
            `${since} il pagamento dell'Assegno non è andato a buon fine: il conto indicato non risulta intestato a te. L'IBAN deve essere di un conto, una carta o un libretto intestato o cointestato a chi ha fatto la domanda.`,
            `Since ${date(b.blockedSince).en} the allowance could not be paid: the account you gave is not in your name. The IBAN must belong to an account, card or savings book held by the applicant, alone or jointly.`,
          )
        : l(
            `${since} la tua domanda è ferma perché ${b.blockReason === 'missing-documents' ? 'mancano alcuni documenti' : 'mancano alcune informazioni'}. Finché non la completi, l'Assegno non può essere pagato.`,
            `Since ${date(b.blockedSince).en} your application has been on hold because ${b.blockReason === 'missing-documents' ? 'some documents are missing' : 'some information is missing'}. Until you complete it, the allowance cannot be paid.`,
          ),
  };

  const known = b.children.filter((ch) => ch.monthlyAmountCents !== undefined);
  const total = known.reduce((s, ch) => s + (ch.monthlyAmountCents ?? 0), 0);
  const names = l(formatList(b.children.map((ch) => ch.givenName), 'it'), formatList(b.children.map((ch) => ch.givenName), 'en'));
  const children: SceneDraft = {
    id: 'children',
    kind: 'amount',
    title: l('I tuoi figli', 'Your children'),
    deps: ['benefit.children', 'benefit.iseeCents'],
    minSeconds: 8,
    content: {
      headline: n === 1 ? l('Assegno per tuo figlio', 'Allowance for your child') : l(`Assegno per ${n} figli`, `Allowance for ${n} children`),
      amount: known.length ? { format: 'cents', value: total } : { format: 'count', value: n },
      caption: known.length ? l('al mese, appena sbloccata', 'a month, once released') : l(n === 1 ? 'figlio' : 'figli', n === 1 ? 'child' : 'children'),
      rows: b.children.map((ch) => ({
        label: l(ch.givenName, ch.givenName),
        figure: ch.monthlyAmountCents !== undefined ? { format: 'cents' as const, value: ch.monthlyAmountCents } : { format: 'text' as const, value: l('da definire', 'to be set') },
      })),
      note: b.iseeCents === null ? l('Senza ISEE valido spetta l’importo minimo', 'Without a valid ISEE only the minimum is paid') : undefined,
    },
    narration: l(
      `La domanda riguarda ${n === 1 ? 'tuo figlio' : 'i tuoi figli'} ${names.it}.${known.length ? ` Appena sbloccata, riceverai ${money(total).it} al mese${known.length < n ? ' per i figli di cui conosciamo già l’importo' : ''}.` : ''}${b.iseeCents === null ? " Non risulta un ISEE valido: senza ISEE spetta solo l'importo minimo, quindi presentalo appena puoi; se lo fai entro il 30 giugno ricevi anche gli arretrati da marzo." : ''}`,
      `The application is for ${n === 1 ? 'your child' : 'your children'} ${names.en}.${known.length ? ` Once released, you will receive ${money(total).en} a month${known.length < n ? ' for the children whose amount is already known' : ''}.` : ''}${b.iseeCents === null ? ' There is no valid ISEE on file: without it only the minimum amount is paid, so file one as soon as you can; if you do so by 30 June you also get the arrears from March.' : ''}`,
    ),
  };

  const items = b.missingItems.map((k) => ITEM_LABEL[k]);
  const fixContent: StatusContent =
    b.blockReason === 'iban-error'
      ? {
          headline: l("Come aggiornare l'IBAN", 'How to update the IBAN'),
          tone: 'info',
          badge: l(`IBAN che termina con ${b.ibanLast4 ?? ''}`, `IBAN ending in ${b.ibanLast4 ?? ''}`),
          facts: [],
          steps: [
            { title: l('Apri il servizio Assegno Unico', 'Open the Assegno Unico service'), text: l('Accedi con SPID, CIE o CNS', 'Sign in with SPID, CIE or CNS') },
            { title: l('Consulta le domande', 'View your applications'), text: l('Scegli "Modifica della modalità di pagamento"', 'Choose "Change payment method"') },
            { title: l('Inserisci un IBAN intestato a te', 'Enter an IBAN in your name'), text: l('Salva: il pagamento riparte', 'Save: payment restarts') },
          ],
          numbered: true,
        }
      : {
          headline: l('Come completare la domanda', 'How to complete the application'),
          tone: 'info',
          badge: l('Cosa manca', 'What is missing'),
          facts: [],
          steps: [
            ...items.map((it) => ({ title: l(it.it.charAt(0).toUpperCase() + it.it.slice(1), it.en.charAt(0).toUpperCase() + it.en.slice(1)), text: l('Da inserire nella domanda', 'To add to the application') })),
            { title: l('Apri la domanda e completala', 'Open the application and complete it'), text: l('Poi conferma: la lavoriamo subito', 'Then confirm: we process it straight away') },
          ],
          numbered: true,
        };
  const fix: SceneDraft = {
    id: 'fix',
    kind: 'status',
    title: l('Come sbloccarla', 'How to release it'),
    deps: ['benefit.blockReason', 'benefit.missingItems', 'benefit.ibanLast4'],
    minSeconds: 12,
    content: fixContent,
    narration:
      b.blockReason === 'iban-error'
        ? l(
            `Per sbloccare il pagamento, premi il pulsante per aggiornare l'IBAN: accedi con SPID, CIE o CNS, apri le tue domande, scegli "Modifica della modalità di pagamento", inserisci un IBAN intestato a te e salva. Puoi farlo in ogni momento, e il pagamento riparte con il primo ciclo utile.`,
            `To release the payment, press the button to update the IBAN: sign in with SPID, CIE or CNS, open your applications, choose "Change payment method", enter an IBAN in your name and save. You can do it at any time, and payment restarts with the next cycle.`,
          )
        : l(
            `Per sbloccare la domanda ti serve ${formatList(items.map((i) => i.it), 'it')}. Premi il pulsante per completare la domanda: accedi con SPID, CIE o CNS, apri la domanda, aggiungi ${items.length === 1 ? 'quello che manca' : 'ciò che manca'} e conferma. Nell'approfondimento trovi l'elenco dei documenti che possono servire.`,
            `To release the application you need ${formatList(items.map((i) => i.en), 'en')}. Press the button to complete the application: sign in with SPID, CIE or CNS, open the application, add what is missing and confirm. The pop-up lists the documents you may need.`,
          ),
    actions:
      b.blockReason === 'iban-error'
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
                  l('Figli tra 18 e 21 anni: la dichiarazione che studiano, seguono un corso, lavorano con un reddito basso, sono disoccupati o fanno il servizio civile.', 'Children aged 18 to 21: a statement that they study, attend training, work on a low income, are unemployed or do civil service.'),
                  l("Genitori separati: i dati dell'altro genitore e, se c'è, il provvedimento del giudice sull'affidamento.", "Separated parents: the other parent's details and, if any, the court's custody order."),
                  l('Figli con disabilità: il verbale di invalidità o il certificato di disabilità.', "Children with a disability: the invalidity report or disability certificate."),
                  l('Cittadini extra UE: il permesso di soggiorno valido.', 'Non-EU citizens: a valid residence permit.'),
                ],
              },
            },
          ],
  };

  const closing: SceneDraft = {
    id: 'closing',
    kind: 'closing',
    title: l('Saluti', 'Goodbye'),
    deps: [],
    minSeconds: 6,
    content: {
      headline: l('Ci vogliono pochi minuti', 'It only takes a few minutes'),
      text: l('Questa videoguida resta disponibile per sei mesi nella tua area riservata.', 'This video guide stays available for six months in your reserved area.'),
    },
    narration: l(
      `Ci vogliono pochi minuti, e l'Assegno arriva alla tua famiglia. Se hai bisogno di aiuto, chiama il contact center al numero ${theme.contactCenter} o rivolgiti a un patronato. Se questa guida ti è stata utile, lascia una valutazione. Grazie!`,
      `It only takes a few minutes, and the allowance reaches your family. If you need help, call the contact centre on ${theme.contactCenter} or go to a patronato. If this guide helped you, please leave a rating. Thank you!`,
    ),
  };

  return assembleStoryboard(
    // The presenter is a parent like the recipient: a father speaks to fathers, a mother to mothers.
    { type: 'auu', version: AUU_VERSION, locale: g.locale, presenter: c.gender === 'M' ? 'M' : 'F', commonDeps: ['citizen.gender'] },
    [greeting, status, children, fix, closing],
    options,
  );
}


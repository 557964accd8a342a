import { l } from '../common/copy';
import { formatList } from '../common/locale';
import type { SceneDraft } from '../common/storyboard-build';
import type { PensionGuide } from './schema';

/** The scenes that depend on the deductions requested: this is why pension guides vary in length. */
export function deductionScenes(g: PensionGuide): SceneDraft[] {
  const b = g.benefit;
  if (b.deductionRequest === 'none') return [noDeductions];
  if (b.deductionRequest === 'pension-income') return [pensionIncome];
  return [pensionIncome, family(b.dependants ?? { spouse: false, children: 0, others: 0 })];
}

const requestButton = (id: string, window: [number, number]) =>
  ({ id, kind: 'button', label: l('Chiedi le detrazioni', 'Request deductions'), service: 'pension-deductions', window }) as const;

const noDeductions: SceneDraft = {
  id: 'deductions-none',
  kind: 'status',
  title: l('Le detrazioni fiscali', 'Tax deductions'),
  deps: ['benefit.deductionRequest'],
  minSeconds: 14,
  content: {
    headline: l('Non hai chiesto le detrazioni', 'You did not request deductions'),
    tone: 'warning',
    badge: l('Da verificare', 'Check this'),
    facts: [],
    steps: [
      { title: l('Paghi più tasse', 'You pay more tax'), text: l('Senza detrazioni la trattenuta IRPEF è più alta', 'Without deductions more income tax is withheld') },
      { title: l('Fino a 1.955 € l’anno', 'Up to €1,955 a year'), text: l('La detrazione per redditi da pensione, per i redditi più bassi', 'The pension-income deduction, for the lowest incomes') },
      { title: l('Chiedile online', 'Request them online'), text: l('Oppure tramite un CAF o un patronato', 'Or through a CAF or a patronato') },
    ],
    numbered: false,
  },
  narration: l(
    "Nella domanda non hai chiesto le detrazioni d'imposta. Senza detrazioni, sulla tua pensione si trattengono più tasse: la detrazione per redditi da pensione, ad esempio, arriva fino a 1.955 euro l'anno per i redditi più bassi, e fino a ottomilacinquecento euro di reddito l'IRPEF non si paga affatto. Puoi chiedere le detrazioni in ogni momento, online con il pulsante o tramite un CAF o un patronato: ti saranno applicate dai pagamenti successivi, e quello che hai pagato in più ti sarà restituito con il conguaglio.",
    'You did not request tax deductions in your application. Without deductions, more tax is withheld from your pension: the pension-income deduction, for example, is worth up to 1,955 euros a year on the lowest incomes, and on income up to eight thousand five hundred euros no income tax is due at all. You can request deductions at any time, online with the button or through a CAF or a patronato: they will apply from the following payments, and what you overpaid will be refunded in the annual tax adjustment.',
  ),
  actions: [requestButton('btn-deductions-request', [0.6, 1])],
};

const pensionIncome: SceneDraft = {
  id: 'deductions-pension',
  kind: 'status',
  title: l('La detrazione per pensione', 'Pension-income deduction'),
  deps: ['benefit.deductionRequest'],
  minSeconds: 14,
  content: {
    headline: l('Detrazione per redditi da pensione', 'Pension-income deduction'),
    tone: 'ok',
    badge: l('Applicata', 'Applied'),
    facts: [],
    steps: [
      { title: l('Fino a 8.500 €', 'Up to €8,500'), text: l("Nessuna IRPEF: è l'area esente", 'No income tax: the tax-free band') },
      { title: l('Da 8.500 a 28.000 €', '€8,500 to €28,000'), text: l('La detrazione scende da 1.955 a 700 €', 'The deduction falls from €1,955 to €700') },
      { title: l('Da 28.000 a 50.000 €', '€28,000 to €50,000'), text: l('Scende da 700 € fino a zero', 'It falls from €700 to zero') },
    ],
    numbered: false,
  },
  narration: l(
    "Nella domanda hai chiesto la detrazione per redditi da pensione, che riduce le tasse trattenute ogni mese. Più il reddito è basso, più la detrazione è alta: fino a ottomilacinquecento euro l'anno l'IRPEF non si paga; tra ottomilacinquecento e ventottomila euro la detrazione scende gradualmente da 1.955 a 700 euro; oltre i cinquantamila euro si azzera. L'Istituto la calcola sul reddito che conosce: se hai altri redditi, comunicalo, per non dover restituire la differenza con il conguaglio di fine anno.",
    'In your application you requested the pension-income deduction, which lowers the tax withheld each month. The lower the income, the higher the deduction: up to eight thousand five hundred euros a year no income tax is due; between eight thousand five hundred and twenty-eight thousand euros the deduction falls gradually from 1,955 to 700 euros; above fifty thousand euros it is zero. The Institute computes it on the income it knows: if you have other income, tell us, so you do not have to pay back the difference in the year-end adjustment.',
  ),
  actions: [requestButton('btn-deductions-pension', [0.75, 1])],
};

function family(d: { spouse: boolean; children: number; others: number }): SceneDraft {
  const it: string[] = [];
  const en: string[] = [];
  if (d.spouse) {
    it.push('il coniuge');
    en.push('your spouse');
  }
  if (d.children) {
    it.push(d.children === 1 ? 'un figlio' : `${d.children} figli`);
    en.push(d.children === 1 ? 'one child' : `${d.children} children`);
  }
  if (d.others) {
    it.push(d.others === 1 ? 'un altro familiare' : `${d.others} altri familiari`);
    en.push(d.others === 1 ? 'one other relative' : `${d.others} other relatives`);
  }
  const who = l(formatList(it, 'it'), formatList(en, 'en'));
  return {
    id: 'deductions-family',
    kind: 'status',
    title: l('Familiari a carico', 'Dependants'),
    deps: ['benefit.deductionRequest', 'benefit.dependants'],
    minSeconds: 16,
    content: {
      headline: l('Detrazioni per familiari a carico', 'Deductions for dependants'),
      tone: 'info',
      badge: l('Richieste', 'Requested'),
      facts: [{ label: l('A carico', 'Dependants'), figure: { format: 'text', value: who } }],
      steps: [
        { title: l('Figli dai 21 ai 29 anni', 'Children aged 21 to 29'), text: l('O di ogni età oltre i 21 se con disabilità', 'Or any age over 21 if disabled') },
        { title: l('Altri familiari', 'Other relatives'), text: l('Solo ascendenti che vivono con te', 'Only parents or grandparents living with you') },
        { title: l('Reddito del familiare', "The dependant's income"), text: l('Fino a 2.840,51 € (4.000 € per i figli fino a 24 anni)', 'Up to €2,840.51 (€4,000 for children up to 24)') },
        { title: l('Ogni cambiamento', 'Any change'), text: l('Va comunicato subito', 'Must be reported at once') },
      ],
      numbered: false,
    },
    narration: l(
      `Hai chiesto anche le detrazioni per familiari a carico: ${who.it}. Dal 2025 contano i figli tra i ventuno e i ventinove anni, o con disabilità; per i più piccoli c'è l'Assegno Unico. Gli altri familiari contano solo se sono genitori o nonni che vivono con te. Un familiare è a carico se il suo reddito non supera 2.840,51 euro l'anno, o quattromila euro per i figli fino a ventiquattro anni. Se qualcosa cambia, ad esempio un figlio inizia a lavorare, comunicalo subito.`,
      `You also requested deductions for dependants: ${who.en}. Since 2025, children aged twenty-one to twenty-nine count, or disabled children; younger ones are covered by the Assegno Unico. Other relatives count only if they are parents or grandparents living with you. A relative is a dependant if their income is no more than 2,840.51 euros a year, or four thousand euros for children up to twenty-four. If anything changes, for example a child starts working, report it at once.`,
    ),
    actions: [requestButton('btn-deductions-family', [0.8, 1])],
  };
}

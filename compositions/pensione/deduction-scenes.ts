import { l } from '../common/copy';
import { prepArt } from '../common/italian';
import { formatList } from '../common/locale';
import type { SceneDraft } from '../common/storyboard-build';
import type { Theme } from '../common/theme';
import type { PensionGuide } from './schema';

/** The scenes that depend on the deductions requested: this is why pension guides vary in length. */
export function deductionScenes(g: PensionGuide, theme: Theme): SceneDraft[] {
  const b = g.benefit;
  if (b.deductionRequest === 'none') return [noDeductions];
  if (b.deductionRequest === 'pension-income') return [pensionIncome(theme)];
  return [pensionIncome(theme), family(b.dependants ?? { spouse: false, children: [], others: [] })];
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
      {
        title: l('Paghi più tasse', 'You pay more tax'),
        text: l("Senza detrazioni l'IRPEF trattenuta è più alta", 'Without deductions more income tax is withheld'),
      },
      {
        title: l('Fino a 1.955 € l’anno', 'Up to €1,955 a year'),
        text: l('La detrazione per redditi da pensione, per i redditi più bassi', 'The pension-income deduction, on the lowest incomes'),
      },
      { title: l('Chiedile online', 'Request them online'), text: l('Oppure tramite un CAF o un patronato', 'Or through a CAF or a patronato') },
    ],
    numbered: false,
  },
  narration: l(
    "Nella domanda non hai chiesto le detrazioni d'imposta, cioè gli sconti sulle tasse, quindi ti sono trattenute più tasse. La detrazione per redditi da pensione, ad esempio, arriva a 1.955 euro l'anno per i redditi più bassi: con questa, fino a 8.500 euro di reddito l'IRPEF non si paga. Puoi chiederle in ogni momento, online con il pulsante o tramite un CAF o un patronato: valgono dai pagamenti successivi, e con il conguaglio recuperi le tasse pagate in più nell'anno.",
    'You did not request tax deductions in your application, so more tax is withheld from you. The pension-income deduction, for example, is worth up to 1,955 euros a year on the lowest incomes: with it, no income tax is due on up to 8,500 euros. You can request deductions at any time, online with the button or through a CAF or a patronato: they apply from the following payments, and the tax adjustment gives back the tax you overpaid in the year.',
  ),
  actions: [requestButton('btn-deductions-request', [0.6, 1])],
};

const pensionIncome = (_theme: Theme): SceneDraft => ({
  id: 'deductions-pension',
  kind: 'status',
  title: l('La detrazione per pensione', 'Pension-income deduction'),
  deps: ['benefit.deductionRequest'],
  minSeconds: 24,
  content: {
    headline: l('Detrazione per redditi da pensione', 'Pension-income deduction'),
    tone: 'ok',
    badge: l('Applicata', 'Applied'),
    facts: [],
    steps: [
      { title: l('Fino a 8.500 €', 'Up to €8,500'), text: l('Nessuna IRPEF da pagare', 'No income tax to pay') },
      { title: l('Da 8.500 a 28.000 €', '€8,500 to €28,000'), text: l('La detrazione scende da 1.955 a 700 €', 'The deduction falls from €1,955 to €700') },
      { title: l('Da 28.000 a 50.000 €', '€28,000 to €50,000'), text: l('Scende da 700 € fino a zero', 'It falls from €700 to zero') },
    ],
    numbered: false,
  },
  narration: l(
    `Hai chiesto la detrazione per redditi da pensione, che riduce le tasse trattenute ogni mese: fino a 8.500 euro di reddito l'anno l'IRPEF non si paga, poi la detrazione scende, da 1.955 euro fino a zero oltre i 50.000 euro. Se hai altri redditi, comunicalo, per non dover restituire la differenza con il conguaglio.`,
    `You requested the pension-income deduction, which lowers the tax withheld each month: up to 8,500 euros of income a year no income tax is due, then the deduction falls, from 1,955 euros to nothing above 50,000 euros. If you have other income, tell us, so you do not have to pay back the difference in the tax adjustment.`,
  ),
  actions: [requestButton('btn-deductions-pension', [0.75, 1])],
});

type Dependants = NonNullable<PensionGuide['benefit']['dependants']>;

const RELATION = {
  parent: l('un genitore', 'a parent'),
  grandparent: l('un nonno o una nonna', 'a grandparent'),
} as const;

/** "il coniuge, un figlio di 24 anni e un genitore che vive con te". */
function whoIs(d: Dependants) {
  const it: string[] = [];
  const en: string[] = [];
  if (d.spouse) {
    it.push('il coniuge');
    en.push('your spouse');
  }
  const ages = d.children.map((c) => c.age);
  if (ages.length === 1) {
    it.push(`un figlio di ${ages[0]} anni`);
    en.push(`a child aged ${ages[0]}`);
  } else if (ages.length > 1) {
    it.push(new Set(ages).size === 1 ? `${ages.length} figli di ${ages[0]} anni` : `${ages.length} figli di ${formatList(ages.map(String), 'it')} anni`);
    en.push(new Set(ages).size === 1 ? `${ages.length} children aged ${ages[0]}` : `${ages.length} children aged ${formatList(ages.map(String), 'en')}`);
  }
  const parents = d.others.filter((o) => o.relation === 'parent').length;
  const grand = d.others.filter((o) => o.relation === 'grandparent').length;
  if (parents) {
    it.push(parents === 1 ? `${RELATION.parent.it} che vive con te` : `${parents} genitori che vivono con te`);
    en.push(parents === 1 ? `${RELATION.parent.en} who lives with you` : `${parents} parents who live with you`);
  }
  if (grand) {
    it.push(grand === 1 ? `${RELATION.grandparent.it} che vive con te` : `${grand} nonni che vivono con te`);
    en.push(grand === 1 ? `${RELATION.grandparent.en} who lives with you` : `${grand} grandparents who live with you`);
  }
  return l(formatList(it, 'it'), formatList(en, 'en'));
}

function family(d: Dependants): SceneDraft {
  const who = whoIs(d);
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
        {
          title: l('Figli dai 21 ai 29 anni', 'Children aged 21 to 29'),
          text: l('O di ogni età oltre i 21 se con disabilità', 'Or any age over 21 if disabled'),
        },
        { title: l('Altri familiari', 'Other relatives'), text: l('Solo genitori e nonni che vivono con te', 'Only parents or grandparents living with you') },
        {
          title: l('Reddito del familiare', "The dependant's income"),
          text: l('Fino a 2.840,51 € (4.000 € per i figli fino a 24 anni)', 'Up to €2,840.51 (€4,000 for children up to 24)'),
        },
      ],
      numbered: false,
    },
    narration: l(
      `Hai chiesto anche le detrazioni per familiari a carico: ${who.it}. Dal 2025 contano i figli ${prepArt('da', '21', 'm', 'pl')} ai 29 anni, o più grandi se con disabilità, e tra gli altri familiari solo genitori e nonni che vivono con te. Il reddito del familiare non deve superare 2.840,51 euro l'anno, o 4.000 euro per i figli fino a 24 anni. Se qualcosa cambia, comunicalo subito.`,
      `You also requested deductions for dependants: ${who.en}. Since 2025, children aged 21 to 29 count, or older ones with a disability, and of other relatives only parents and grandparents who live with you. The relative's income must be no more than 2,840.51 euros a year, or 4,000 euros for children up to 24. If anything changes, tell us at once.`,
    ),
    actions: [requestButton('btn-deductions-family', [0.8, 1])],
  };
}

import type { Claim } from './claims';
import { textsOf } from './texts';
import type { InvaliditaGuide } from '../../compositions/invalidita/schema';
import type { Storyboard } from '../../compositions/common/storyboard-types';
import { formatCents, formatDate } from '../../compositions/common/locale';

/*
 * What the invalidita guide may say, and when it is true. The conditions are written here from
 * DOMAIN.md §6 (and §3 for the RED), not taken from the guide's own rules module.
 */

type G = InvaliditaGuide;
type Kind = G['benefit']['benefits'][number]['kind'];

// DOMAIN.md §6 table, euro cents.
const AMOUNT: Record<number, Partial<Record<Kind, number>>> = {
  2025: {
    'monthly-allowance': 33600,
    'inability-pension': 33600,
    'attendance-allowance': 54202,
    'frequency-allowance': 33600,
    'deaf-pension': 33600,
    'communication-allowance': 26783,
    'blind-pension': 36337,
    'blind-attendance-allowance': 102244,
  },
  2026: {
    'monthly-allowance': 34071,
    'inability-pension': 34071,
    'attendance-allowance': 55153,
    'frequency-allowance': 34071,
    'deaf-pension': 34071,
    'communication-allowance': 27213,
    'blind-pension': 36846,
  },
};
const LIMIT: Record<number, Partial<Record<Kind, number>>> = {
  2025: { 'monthly-allowance': 577135, 'frequency-allowance': 577135, 'inability-pension': 1977250, 'deaf-pension': 1977250, 'blind-pension': 1977250 },
  2026: { 'monthly-allowance': 585221, 'frequency-allowance': 585221, 'inability-pension': 2002955, 'deaf-pension': 2002955, 'blind-pension': 2002955 },
};

const year = (g: G) => Number(g.benefit.verdictDate.slice(0, 4));
const kinds = (g: G) => g.benefit.benefits.map((b) => b.kind);
const has = (g: G, k: Kind) => kinds(g).includes(k);
const self = (g: G) => g.benefit.subject.relation === 'self';
const subjectName = (g: G) => (g.benefit.subject.relation === 'self' ? '' : g.benefit.subject.givenName);
/** Age band of the person assessed on the verdict date. */
const band = (g: G): 'minor' | 'working' | 'older' => {
  const s = g.benefit.subject;
  if (s.relation === 'child') return 'minor';
  if (s.relation === 'ward') return s.ageBand === '0-17' ? 'minor' : s.ageBand === '18-66' ? 'working' : 'older';
  return g.citizen.age < 18 ? 'minor' : g.citizen.age < 67 ? 'working' : 'older';
};
const civil = (g: G) => g.benefit.assessment === 'civil-invalidity';
const pct = (g: G) => g.benefit.percentage;
const invalidAdult = (g: G) => civil(g) && pct(g) !== undefined && pct(g)! >= 34;
const invalidMinor = (g: G) => civil(g) && (g.benefit.minorFinding === 'persistent-difficulties' || g.benefit.minorFinding === 'needs-constant-help');
const nothingRecognised = (g: G) => civil(g) && ((pct(g) !== undefined && pct(g)! < 34) || g.benefit.minorFinding === 'not-invalid');
const accompaniment = (g: G) => has(g, 'attendance-allowance') || has(g, 'blind-attendance-allowance');
const cardEligible = (g: G) =>
  (civil(g) && band(g) !== 'minor' && (pct(g) ?? 0) > 67) ||
  (band(g) === 'minor' && invalidMinor(g)) ||
  accompaniment(g) ||
  g.benefit.law104 === 'art3c3' ||
  g.benefit.assessment === 'blindness' ||
  g.benefit.assessment === 'deafness';
const placement = (g: G) => civil(g) && band(g) === 'working' && (pct(g) ?? 0) >= 46;
const incomeLinked = (g: G) => kinds(g).filter((k) => LIMIT[year(g)]![k] !== undefined);

const itText = (board: Storyboard) => textsOf(board, 'it').narration;
const enText = (board: Storyboard) => textsOf(board, 'en').narration;
const euros = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => m[1]!);
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

export const claims: Claim<G>[] = [
  {
    why: 'how to ask for a new visit is said once, not in two scenes',
    says: /peggiora, puoi chiedere una nuova visita/,
    holds: (_g, b) => (itText(b).match(/peggiora, puoi chiedere una nuova visita/g) ?? []).length === 1,
  },
  // ── What the verdict recognises ───────────────────────────────────────────────────────
  {
    why: "civil invalidity is said to be recognised only from 34% (an adult's percentage)",
    says: /è stata riconosciuta l'invalidità civile/,
    holds: invalidAdult,
    when: invalidAdult,
  },
  {
    why: 'a verdict under 34% is told invalidity is not recognised',
    says: /Sotto il 34% l'invalidità civile non è riconosciuta/,
    holds: (g) => civil(g) && (pct(g) ?? 100) < 34,
    when: (g) => civil(g) && (pct(g) ?? 100) < 34,
  },
  {
    why: "a minor's invalidity is recognised only with a finding of invalidity",
    says: /(?<!non )ha riconosciuto l'invalidità civile di/,
    holds: invalidMinor,
    when: invalidMinor,
  },
  {
    why: "a minor's 'not invalid' finding is said as such",
    says: /non ha riconosciuto l'invalidità civile/,
    holds: (g) => g.benefit.minorFinding === 'not-invalid',
    when: (g) => g.benefit.minorFinding === 'not-invalid',
  },
  {
    why: 'persistent difficulties only when the verdict finds them',
    says: /difficoltà persistenti/,
    holds: (g) => g.benefit.minorFinding === 'persistent-difficulties',
  },
  {
    why: 'the need of constant help only when the verdict finds it',
    says: /aiuto continuo/,
    holds: (g) => g.benefit.minorFinding === 'needs-constant-help' || (g.benefit.benefits.length === 0 && pct(g) === 100 && band(g) === 'older'),
  },
  {
    why: 'deafness only on a deafness verdict',
    says: /sordità|pensione per sordi|indennità di comunicazione/,
    holds: (g) => g.benefit.assessment === 'deafness',
  },
  { why: 'blindness only on a blindness verdict', says: /cecità|ciechi/, holds: (g) => g.benefit.assessment === 'blindness' },
  {
    why: 'a percentage is said only for an adult civil invalidity verdict',
    says: /percentuale (di invalidità )?(del|dell'|dello)/,
    holds: (g) => civil(g) && pct(g) !== undefined,
  },
  {
    why: "the percentage said is the verdict's",
    says: /percentuale (?:di invalidità )?(?:del |dell'|dello )(\d+)%/,
    holds: (g, b) => euros(itText(b), /percentuale (?:di invalidità )?(?:del |dell'|dello )(\d+)%/g).every((p) => Number(p) === pct(g)),
  },

  // ── Law 104: only when assessed ───────────────────────────────────────────────────────
  {
    why: 'Law 104 is spoken of only when this verdict assessed it',
    says: /legge 104/,
    holds: (g) => g.benefit.law104 !== 'not-assessed',
    when: (g) => g.benefit.law104 !== 'not-assessed',
  },
  { why: 'Law 104 on screen only when assessed', says: /L\. 104/, holds: (g) => g.benefit.law104 !== 'not-assessed' },
  {
    why: 'Law 104 in English only when assessed',
    locale: 'en',
    says: /law 104/,
    holds: (g) => g.benefit.law104 !== 'not-assessed',
    when: (g) => g.benefit.law104 !== 'not-assessed',
  },
  {
    why: 'Law 104 "not recognised" only when assessed and not recognised',
    says: /ma non l'ha riconosciuta/,
    holds: (g) => g.benefit.law104 === 'not-recognised',
    when: (g) => g.benefit.law104 === 'not-recognised',
  },
  {
    why: 'the severe condition (art. 3 c. 3) only when recognised',
    says: /disabilità grave|articolo 3, comma 3/,
    holds: (g) => g.benefit.law104 === 'art3c3',
    when: (g) => g.benefit.law104 === 'art3c3',
  },
  {
    why: 'the L. 104 outcome comes in a separate report',
    says: /verbale separato/,
    holds: (g) => g.benefit.law104 !== 'not-assessed',
    when: (g) => g.benefit.law104 !== 'not-assessed',
  },

  // ── Revision ──────────────────────────────────────────────────────────────────────────
  {
    why: "reviewable, with the verdict's revision date",
    says: /(?<!non )è rivedibile/,
    holds: (g, b) => g.benefit.reviewable && !!g.benefit.revisionDate && itText(b).includes(formatDate(g.benefit.revisionDate, 'it').replace(/^1 /, '1º ')),
    when: (g) => g.benefit.reviewable,
  },
  {
    why: 'not reviewable only when recognised and not reviewable',
    says: /non è rivedibile/,
    holds: (g) => !g.benefit.reviewable && !nothingRecognised(g),
    when: (g) => !g.benefit.reviewable && !nothingRecognised(g),
  },

  // ── Cash benefits: amounts of the verdict's year, income limits said with them ─────────
  {
    why: "every monthly amount said is the DOMAIN.md table's, for the verdict's year, of a benefit the verdict recognises",
    says: /€ al mese/,
    holds: (g, b) =>
      sameSet(
        euros(itText(b), /l'importo è di ([\d.]+,\d{2}) € al mese/g),
        g.benefit.benefits.map((x) => formatCents(AMOUNT[year(g)]![x.kind]!, 'it').replace(/\s?€/, '')),
      ),
    when: (g) => g.benefit.benefits.length > 0,
  },
  {
    why: "every income limit said is the table's for the verdict's year, one for each income-linked benefit",
    says: /reddito personale(?: di [^.]+?)? non supera/,
    holds: (g, b) =>
      sameSet(
        euros(itText(b), /non supera ([\d.]+,\d{2}) € all'anno/g),
        incomeLinked(g).map((k) => formatCents(LIMIT[year(g)]![k]!, 'it').replace(/\s?€/, '')),
      ),
    when: (g) => incomeLinked(g).length > 0,
  },
  {
    why: "English: every income limit said is the table's",
    locale: 'en',
    says: /personal income is not above/,
    holds: (g, b) =>
      sameSet(
        euros(enText(b), /not above €([\d,]+\.\d{2}) a year/g),
        incomeLinked(g).map((k) => formatCents(LIMIT[year(g)]![k]!, 'en').replace('€', '')),
      ),
    when: (g) => incomeLinked(g).length > 0,
  },
  {
    why: 'paid whatever the income only for the accompaniment and communication allowances',
    says: /qualunque sia il reddito/,
    holds: (g) => accompaniment(g) || has(g, 'communication-allowance'),
    when: (g) => accompaniment(g) || has(g, 'communication-allowance'),
  },
  {
    why: "the year of the amounts is the verdict's",
    says: /Sono gli importi del \d{4}/,
    holds: (g, b) => itText(b).includes(`Sono gli importi del ${year(g)}`),
    when: (g) => g.benefit.benefits.length > 0,
  },
  {
    why: '13 payments only for the benefits paid 13 times',
    says: /13 pagamenti/,
    holds: (g) => has(g, 'monthly-allowance') || has(g, 'inability-pension') || has(g, 'deaf-pension'),
  },
  {
    why: '12 payments only for the accompaniment and communication allowances',
    says: /12 pagamenti/,
    holds: (g) => has(g, 'attendance-allowance') || has(g, 'communication-allowance'),
  },
  {
    why: 'the monthly allowance is said to be due only when recognised (74–99%, 18–67)',
    says: /spetta l'assegno mensile/,
    holds: (g) => has(g, 'monthly-allowance') && (pct(g) ?? 0) >= 74 && pct(g)! <= 99 && band(g) === 'working',
  },
  {
    why: 'the inability pension is said to be due only at 100%, 18–67',
    says: /spetta (anche )?la pensione di inabilità/,
    holds: (g) => has(g, 'inability-pension') && pct(g) === 100 && band(g) === 'working',
  },
  {
    why: 'the attendance allowance only with 100% (adults) or the need of constant help (minors)',
    says: /spetta (anche )?l'indennità di accompagnamento,/,
    holds: (g) => has(g, 'attendance-allowance') && (band(g) === 'minor' ? g.benefit.minorFinding === 'needs-constant-help' : pct(g) === 100),
  },
  {
    why: 'the attendance-at-school allowance only for minors with persistent difficulties',
    says: /spetta (anche )?l'indennità di frequenza/,
    holds: (g) => has(g, 'frequency-allowance') && band(g) === 'minor' && g.benefit.minorFinding === 'persistent-difficulties',
  },
  {
    why: 'the deafness pension only for the deaf of working age',
    says: /spetta (anche )?la pensione per sordi/,
    holds: (g) => has(g, 'deaf-pension') && g.benefit.assessment === 'deafness' && band(g) === 'working',
  },
  {
    why: 'the blindness pension only for totally blind adults',
    says: /spetta (anche )?la pensione per ciechi/,
    holds: (g) => has(g, 'blind-pension') && g.benefit.blindness === 'total' && band(g) !== 'minor',
  },
  {
    why: '"no cash benefit" only when none is recognised and the rule explains it',
    says: /non spettano prestazioni economiche/,
    holds: (g) =>
      g.benefit.benefits.length === 0 &&
      (nothingRecognised(g) || (civil(g) && pct(g) !== undefined && (pct(g)! < 74 || (band(g) === 'older' && !accompaniment(g))))),
    when: (g) => g.benefit.benefits.length === 0 && civil(g) && pct(g) !== undefined && (pct(g)! < 74 || band(g) === 'older'),
  },
  {
    why: 'the monthly allowance threshold is explained only to those who do not get it',
    says: /l'assegno mensile di assistenza spetta (dal 74%|tra i 18)/,
    holds: (g) => !has(g, 'monthly-allowance') && civil(g) && ((pct(g) ?? 0) < 74 || band(g) === 'older'),
  },
  {
    why: 'not taxed only when there is a benefit',
    says: /non si paga l'IRPEF/,
    holds: (g) => g.benefit.benefits.length > 0,
    when: (g) => g.benefit.benefits.length > 0,
  },
  {
    why: 'the RED only for benefits linked to income (DOMAIN.md §3: inability pension, monthly allowance, blind and deaf pensions)',
    says: /modello RED/,
    holds: (g) => ['monthly-allowance', 'inability-pension', 'deaf-pension', 'blind-pension'].some((k) => has(g, k as Kind)),
    when: (g) => ['monthly-allowance', 'inability-pension', 'deaf-pension', 'blind-pension'].some((k) => has(g, k as Kind)),
  },
  { why: 'the RED is never called the tax return', says: /(?<!non è )la dichiarazione dei redditi/, holds: () => false },
  {
    why: 'no amount follows "riceverai/ricevi" (a verdict does not say when money arrives)',
    says: /\b(riceverai|ricevi|ti arriva)\b[^.]*€/,
    holds: () => false,
  },

  // ── Concessions ───────────────────────────────────────────────────────────────────────
  {
    why: 'the Disability Card when the verdict makes the person eligible (DOMAIN.md, circ. 46/2022)',
    says: /Disability Card/,
    holds: cardEligible,
    when: cardEligible,
  },
  {
    why: 'targeted job placement: civil invalidity from 46%, working age only (never over 67 or to a minor)',
    says: /collocamento mirato/,
    holds: placement,
    when: placement,
  },
  { why: 'English: targeted job placement under the same condition', locale: 'en', says: /targeted job placement/, holds: placement, when: placement },
  {
    why: 'paid leave only with L. 104 art. 3 c. 3 and when listed',
    says: /permess[oi] retribuit/,
    holds: (g) => g.benefit.law104 === 'art3c3' && g.benefit.taxBenefits.includes('paid-leave'),
    when: (g) => g.benefit.taxBenefits.includes('paid-leave'),
  },
  { why: 'the parent takes leave to look after the child', says: /permesso retribuito per assistere/, holds: (g) => g.benefit.subject.relation === 'child' },
  {
    why: '4% VAT when listed',
    says: /IVA al 4%/,
    holds: (g) => g.benefit.taxBenefits.includes('car-vat-4'),
    when: (g) => g.benefit.taxBenefits.includes('car-vat-4'),
  },
  {
    why: '19% deduction when listed',
    says: /detrazione IRPEF del 19%/,
    holds: (g) => g.benefit.taxBenefits.includes('car-irpef-19'),
    when: (g) => g.benefit.taxBenefits.includes('car-irpef-19'),
  },
  {
    why: 'car tax exemption when listed',
    says: /bollo auto/,
    holds: (g) => g.benefit.taxBenefits.includes('car-tax-exemption'),
    when: (g) => g.benefit.taxBenefits.includes('car-tax-exemption'),
  },
  {
    why: 'car concessions only with a ground (blind, deaf, accompaniment, reduced mobility)',
    says: /Per l'auto|per l'auto/,
    holds: (g) => g.benefit.assessment !== 'civil-invalidity' || accompaniment(g) || g.benefit.reducedMobility === true,
  },
  { why: 'plural agreement: "servono una foto e un indirizzo"', says: /serve una foto/, holds: () => false },

  // ── Who is spoken to ──────────────────────────────────────────────────────────────────
  { why: 'the citizen hears "ti spetta" only about their own verdict', says: /\b[Tt]i spetta/, holds: self },
  { why: '"il tuo verbale" only for the person assessed', says: /il tuo verbale/, holds: self, when: self },
  {
    why: "a parent or guardian hears the minor's or ward's name",
    says: /il verbale di \S/,
    holds: (g, b) => !self(g) && itText(b).includes(`il verbale di ${subjectName(g)}`),
    when: (g) => !self(g),
  },
  { why: 'the minor is never addressed as the person assessed', says: /nella tua videoguida/, holds: self, when: self },
  { why: 'feminine welcome for F', says: /\bbenvenuta\b/, holds: (g) => g.citizen.gender === 'F', when: (g) => g.citizen.gender === 'F' },
  { why: 'masculine welcome for M', says: /(?<!il )\bbenvenuto\b/, holds: (g) => g.citizen.gender === 'M', when: (g) => g.citizen.gender === 'M' },
  { why: 'neutral welcome for X', says: /ti diamo il benvenuto/, holds: (g) => g.citizen.gender === 'X', when: (g) => g.citizen.gender === 'X' },
  { why: 'both contact-centre numbers', says: /803 164 da rete fissa, gratuito, oppure 06 164 164 da cellulare/, when: () => true },
  { why: 'English: both contact-centre numbers', locale: 'en', says: /803 164 from a landline, free of charge, or 06 164 164 from a mobile/, when: () => true },
];

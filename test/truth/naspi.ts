import type { Claim } from './claims';
import type { NaspiGuide } from '../../compositions/naspi/schema';
import type { Storyboard } from '../../compositions/common/storyboard-types';
import { addDays, addMonths, daysBetween } from '../../compositions/common/dates';
import { formatCents, formatDate } from '../../compositions/common/locale';
import { textsOf } from './texts';

/**
 * What the naspi guide may say, and when it is true. Conditions are written from DOMAIN.md §1,
 * independently of compositions/naspi (its rules.ts and storyboard are what is being checked).
 */

// DOMAIN.md §1: threshold and cap by year (the year the job ended).
const YEARS: Record<number, { threshold: number; cap: number }> = {
  2024: { threshold: 142_521, cap: 155_042 },
  2025: { threshold: 143_661, cap: 156_282 },
  2026: { threshold: 145_672, cap: 158_470 },
};
const yearOf = (g: NaspiGuide) => Number(g.benefit.jobEndDate.slice(0, 4));
const fig = (g: NaspiGuide) => YEARS[yearOf(g)]!;
/** 75% up to the threshold, 25% on the excess (uncapped). */
const formula = (g: NaspiGuide) => {
  const { threshold } = fig(g);
  const rmm = g.benefit.averageMonthlyPayCents;
  return Math.round(0.75 * Math.min(rmm, threshold) + 0.25 * Math.max(0, rmm - threshold));
};
const atCap = (g: NaspiGuide) => formula(g) >= fig(g).cap && g.benefit.firstMonthlyAmountCents === fig(g).cap;
const aboveThreshold = (g: NaspiGuide) => g.benefit.averageMonthlyPayCents > fig(g).threshold;
/** Benefit month k starts k − 1 months after the start date. */
const monthStart = (g: NaspiGuide, k: number) => addMonths(g.benefit.startDate, k - 1);
const reductionMonth = (g: NaspiGuide) => (g.citizen.age >= 55 ? 8 : 6);
const reachesReduction = (g: NaspiGuide) => monthStart(g, g.benefit.reductionFromMonth) <= g.benefit.endDate;
const filedEarly = (g: NaspiGuide) => g.benefit.applicationDate <= addDays(g.benefit.jobEndDate, 8);
const lastDayOf = (period: string) => addDays(addMonths(`${period}-01`, 1), -1);
const startsMidMonth = (g: NaspiGuide) => g.benefit.startDate.slice(8) !== '01';
const endsMidMonth = (g: NaspiGuide) => g.benefit.endDate !== lastDayOf(g.benefit.endDate.slice(0, 7));
/** Gross of benefit month m: −3% a month compounding from the reduction month. */
const monthly = (g: NaspiGuide, m: number) => {
  let v = g.benefit.firstMonthlyAmountCents;
  for (let k = 1; k <= m; k++) if (k >= reductionMonth(g)) v = Math.round(v * 0.97);
  return v;
};
// The narration is read with its spaces normalised (textsOf), so are the figures.
const eur = (cents: number) => formatCents(cents, 'it').replace(/\s/g, ' ');
const eurEn = (cents: number) => formatCents(cents, 'en').replace(/\s/g, ' ');
const itDay = (iso: string) => formatDate(iso, 'it').replace(/^1 /, '1º ');

const cache = new WeakMap<Storyboard, { narration: string; screen: string[] }>();
const texts = (board: Storyboard) => {
  let t = cache.get(board);
  if (!t) cache.set(board, (t = textsOf(board, board.locale)));
  return t;
};
/** Every match of `re` (global) in the narration. */
const matches = (board: Storyboard, re: RegExp) => [...texts(board).narration.matchAll(re)];

const ORDINALS = ['primo', 'secondo', 'terzo', 'quarto', 'quinto', 'sesto', 'settimo', 'ottavo', 'nono', 'decimo'];

export const claims: Claim<NaspiGuide>[] = [
  // ── Period ──
  {
    why: 'the period said is the start and end dates',
    says: /La tua NASpI va dal/,
    holds: (g, b) =>
      matches(b, /La tua NASpI va (?:dall'|dal )(.+?) (?:all'|al )(.+?)\. /g).every(
        (m) => m[1] === itDay(g.benefit.startDate) && m[2] === itDay(g.benefit.endDate),
      ),
    when: () => true,
  },
  {
    why: 'filed within 8 days: the benefit starts on the 8th day after the end of the job',
    says: /hai fatto domanda entro otto giorni: per questo la NASpI parte dall'ottavo giorno dopo la fine del lavoro/,
    holds: (g) => filedEarly(g) && g.benefit.startDate === addDays(g.benefit.jobEndDate, 8),
    when: (g) => filedEarly(g),
  },
  {
    why: 'filed later: the benefit starts on the day after the application',
    says: /per questo la NASpI parte dal giorno dopo la domanda/,
    holds: (g) => !filedEarly(g) && g.benefit.startDate === addDays(g.benefit.applicationDate, 1),
    when: (g) => !filedEarly(g),
  },
  {
    why: 'the days said are half of the contribution weeks, and the length of the period',
    says: /cioè \d+ giorni/,
    holds: (g, b) =>
      matches(b, /la metà sono \d+ settimane(?: e mezza)?, cioè (\d+) giorni/g).every(
        (m) => Number(m[1]) === Math.floor((g.benefit.contributionWeeks * 7) / 2) && Number(m[1]) === daysBetween(g.benefit.startDate, g.benefit.endDate) + 1,
      ),
    when: () => true,
  },
  {
    why: 'the longest possible duration only with 208 weeks',
    says: /la durata più lunga possibile/,
    holds: (g) => g.benefit.contributionWeeks === 208,
    when: (g) => g.benefit.contributionWeeks === 208,
  },
  { why: 'a half week only with an odd number of weeks', says: /settimane e mezza/, holds: (g) => g.benefit.contributionWeeks % 2 === 1 },

  // ── Amount ──
  {
    why: 'the threshold and cap named are those of the year the job ended',
    says: /per chi ha perso il lavoro nel \d{4}/i,
    holds: (g, b) => matches(b, /per chi ha perso il lavoro nel (\d{4})/gi).every((m) => Number(m[1]) === yearOf(g)),
    when: () => true,
  },
  {
    why: "below the threshold: 75% of the average pay, with that year's threshold",
    says: /la NASpI è il settantacinque per cento della retribuzione media\./,
    holds: (g, b) => !aboveThreshold(g) && texts(b).narration.includes(`Fino a ${eur(fig(g).threshold)}, la soglia`),
    when: (g) => !aboveThreshold(g),
  },
  {
    why: 'above the threshold: 75% of the threshold plus 25% of the excess, and the two parts add up to the formula',
    says: /il venticinque per cento della parte della tua retribuzione che supera la soglia/,
    holds: (g, b) =>
      aboveThreshold(g) &&
      matches(
        b,
        /la soglia è di (\S+ €): la NASpI è il settantacinque per cento della soglia, cioè (\S+ €), più il venticinque per cento .*?, cioè (\S+ €)\./g,
      ).every(
        (m) =>
          m[1] === eur(fig(g).threshold) && m[2] === eur(Math.round(0.75 * fig(g).threshold)) && m[3] === eur(formula(g) - Math.round(0.75 * fig(g).threshold)),
      ),
    when: (g) => aboveThreshold(g),
  },
  {
    why: "the amount is the maximum only when the formula reaches that year's cap, and it is said then",
    says: /il tuo è quindi l'importo massimo/,
    holds: (g) => atCap(g) && g.benefit.capped,
    when: (g) => atCap(g),
  },
  {
    locale: 'en',
    why: 'the amount is the maximum only at the cap (English)',
    says: /yours is therefore the maximum amount/,
    holds: (g) => atCap(g),
    when: (g) => atCap(g),
  },
  {
    why: '"the calculation would give" only above the cap, with the uncapped formula and the cap of the year',
    says: /Il calcolo darebbe/,
    holds: (g, b) =>
      formula(g) > fig(g).cap &&
      texts(b).narration.includes(
        `Il calcolo darebbe ${eur(formula(g))}, ma per chi ha perso il lavoro nel ${yearOf(g)} la NASpI non può superare ${eur(fig(g).cap)} lordi al mese`,
      ),
    when: (g) => formula(g) > fig(g).cap,
  },
  {
    why: 'the gross monthly amount said below the cap is the formula',
    says: /Per te sono \S+ € lordi al mese/,
    holds: (g, b) =>
      !atCap(g) && matches(b, /Per te sono (\S+ €) lordi al mese/g).every((m) => m[1] === eur(formula(g)) && m[1] === eur(g.benefit.firstMonthlyAmountCents)),
    when: (g) => !atCap(g),
  },
  {
    why: 'the net "you receive" for a whole month is the net of a whole calendar month paid at the first amount',
    says: /Per un mese intero, per esempio/,
    holds: (g, b) =>
      matches(b, /Per un mese intero, per esempio \S+ \d{4}, ricevi (\S+ €) netti/g).every((m) =>
        g.benefit.payments.some(
          (p) =>
            eur(p.netCents) === m[1] &&
            p.grossCents === g.benefit.firstMonthlyAmountCents &&
            `${p.period}-01` >= g.benefit.startDate &&
            lastDayOf(p.period) <= g.benefit.endDate &&
            lastDayOf(p.period) < monthStart(g, g.benefit.reductionFromMonth),
        ),
      ),
  },
  {
    why: '"the first N months" is the months before the reduction',
    says: /È l'importo dei primi (cinque|sette) mesi/,
    holds: (g, b) =>
      reachesReduction(g) && matches(b, /È l'importo dei primi (cinque|sette) mesi/g).every((m) => m[1] === (reductionMonth(g) === 8 ? 'sette' : 'cinque')),
    when: (g) => reachesReduction(g),
  },

  // ── Reduction ──
  {
    why: 'the reduction from the 8th month only for claimants 55 or older on the application date, and then it is said',
    says: /Dall'ottavo mese di NASpI/,
    holds: (g) => g.citizen.age >= 55 && g.benefit.reductionFromMonth === 8 && reachesReduction(g),
    when: (g) => g.citizen.age >= 55 && reachesReduction(g),
  },
  {
    why: 'the reduction from the 6th month only for claimants under 55, and then it is said',
    says: /Dal sesto mese di NASpI/,
    holds: (g) => g.citizen.age < 55 && g.benefit.reductionFromMonth === 6 && reachesReduction(g),
    when: (g) => g.citizen.age < 55 && reachesReduction(g),
  },
  {
    why: 'the 55+ reason states the age the citizen had on the application date, only when 55 or more',
    says: /avevi \d+ anni: per chi ha almeno cinquantacinque anni/,
    holds: (g, b) => g.citizen.age >= 55 && matches(b, /avevi (\d+) anni/g).every((m) => Number(m[1]) === g.citizen.age),
    when: (g) => g.citizen.age >= 55 && reachesReduction(g),
  },
  { why: 'fifty-five is mentioned only to claimants aged 55 or more', says: /cinquantacinque/, holds: (g) => g.citizen.age >= 55 },
  { locale: 'en', why: 'fifty-five is mentioned only to claimants aged 55 or more (English)', says: /fifty-five/, holds: (g) => g.citizen.age >= 55 },
  {
    locale: 'en',
    why: 'the age said in English is the age on the application date',
    says: /because you were \d+ when you applied/,
    holds: (g, b) => g.citizen.age >= 55 && matches(b, /because you were (\d+) when you applied/g).every((m) => Number(m[1]) === g.citizen.age),
  },
  {
    why: 'the reduced amounts said follow −3% a month compounding from the reduction month',
    says: /mese l'importo è di \S+ € lordi/,
    holds: (g, b) =>
      matches(b, /Nel(?:l')? ?(\w+) mese l'importo è di (\S+ €) lordi(?:, nel(?:l')? ?(\w+) di (\S+ €))?(?:, nel(?:l')? ?(\w+) di (\S+ €))?/g).every((m) => {
        const pairs = [
          [m[1], m[2]],
          [m[3], m[4]],
          [m[5], m[6]],
        ].filter((p) => p[0]);
        return pairs.every(([word, amount]) => {
          const n = ORDINALS.indexOf(word!) + 1;
          return n >= reductionMonth(g) && amount === eur(monthly(g, n));
        });
      }),
    when: (g) => reachesReduction(g),
  },
  {
    why: 'the amount stays the same only when the claim ends before the reduction, and that is said then',
    says: /Per tutta la tua NASpI l'importo mensile lordo resta lo stesso/,
    holds: (g) => !reachesReduction(g),
    when: (g) => !reachesReduction(g),
  },
  {
    why: 'a month paid partly at the old amount only when the reduction starts mid-month',
    says: /Nel mese in cui l'importo cambia/,
    holds: (g) => reachesReduction(g) && monthStart(g, g.benefit.reductionFromMonth).slice(8) !== '01',
    when: (g) => reachesReduction(g) && monthStart(g, g.benefit.reductionFromMonth).slice(8) !== '01',
  },

  // ── Payments ──
  {
    why: '"each month is paid in the following month" only when every payment is',
    says: /Ogni mese è pagato nel mese successivo/,
    holds: (g) => g.benefit.payments.every((p) => p.date.slice(0, 7) === addMonths(`${p.period}-01`, 1).slice(0, 7)),
  },
  {
    why: 'partial months are pro-rated: said whenever the claim starts or ends mid-month',
    says: /Quando la NASpI copre solo una parte di un mese, quel mese è pagato in proporzione ai giorni/,
    holds: (g) => startsMidMonth(g) || endsMidMonth(g),
    when: (g) => startsMidMonth(g) || endsMidMonth(g),
  },
  {
    why: 'the first payment: its date and net, and the days it covers when the claim starts mid-month',
    says: /Il primo pagamento è previsto/,
    holds: (g, b) => {
      const p = g.benefit.payments[0]!;
      const days = daysBetween(g.benefit.startDate, lastDayOf(p.period)) + 1;
      const cover = startsMidMonth(g) ? `per ${days === 1 ? 'un giorno' : `${days} giorni`} di ` : 'per ';
      return texts(b).narration.includes(
        `Il primo pagamento è previsto ${p.date.slice(8) === '08' || p.date.slice(8) === '11' ? "l'" : 'il '}${itDay(p.date)}: ${eur(p.netCents)} netti ${cover}`,
      );
    },
    when: () => true,
  },
  {
    why: 'the last payment: its net and date',
    says: /L'ultimo pagamento, /,
    holds: (g, b) => {
      const p = g.benefit.payments.at(-1)!;
      return (
        g.benefit.payments.length > 1 &&
        texts(b).narration.includes(`L'ultimo pagamento, ${eur(p.netCents)} netti`) &&
        texts(b).narration.includes(`${itDay(p.date)}.`)
      );
    },
    when: (g) => g.benefit.payments.length > 1,
  },
  {
    why: 'calendar labels name the days covered in a partial month',
    says: /^\d+ giorn[oi] di \p{L}+$/u,
    holds: (g, b) =>
      texts(b)
        .screen.filter((t) => /^\d+ giorn[oi] di \p{L}+$/u.test(t))
        .every((t) => {
          const n = Number(t.split(' ')[0]);
          return g.benefit.payments.some((p) => {
            const from = `${p.period}-01` > g.benefit.startDate ? `${p.period}-01` : g.benefit.startDate;
            const to = lastDayOf(p.period) < g.benefit.endDate ? lastDayOf(p.period) : g.benefit.endDate;
            return daysBetween(from, to) + 1 === n;
          });
        }),
  },

  // ── Tax ──
  {
    why: 'the employment deduction was requested',
    says: /Nella domanda hai chiesto le detrazioni/,
    holds: (g) => g.benefit.employmentDeduction,
    when: (g) => g.benefit.employmentDeduction,
  },
  {
    why: 'the employment deduction was not requested',
    says: /Nella domanda non hai chiesto le detrazioni/,
    holds: (g) => !g.benefit.employmentDeduction,
    when: (g) => !g.benefit.employmentDeduction,
  },
  { why: 'deductions applied (screen) only when requested', says: /^Detrazioni applicate$/, holds: (g) => g.benefit.employmentDeduction },
  { why: 'no amount is called what the citizen receives unless it is net', says: /(?:ricevi|riceverai) \S+ €(?! netti)/, holds: () => false },

  // ── New job, advance ──
  {
    why: 'the 31 January re-declaration only when the claim runs into a new year',
    says: /entro il 31 gennaio/,
    holds: (g) => g.benefit.endDate.slice(0, 4) > g.benefit.startDate.slice(0, 4),
    when: (g) => g.benefit.endDate.slice(0, 4) > g.benefit.startDate.slice(0, 4),
  },
  {
    why: 'income limits as DOMAIN.md (8,500 € employee, 5,500 € self-employed, 5,000 € occasional)',
    says: /fino a ottomilacinquecento euro l'anno, la NASpI continua.*Vale lo stesso per un lavoro autonomo fino a cinquemilacinquecento euro l'anno\. Se come dipendente guadagni di più.*Per un lavoro occasionale fino a cinquemila euro l'anno non devi comunicare niente\./,
    when: () => true,
  },
  { why: 'no older income limits', says: /8\.145|4\.800|ottomilacentoquarantacinque|quattromilaottocento/, holds: () => false },
  {
    why: 'the two-instalment advance stated without a date only for applications from 2026',
    says: /^L'anticipo è pagato in due rate/,
    holds: (g) => g.benefit.applicationDate >= '2026-01-01',
    when: (g) => g.benefit.applicationDate >= '2026-01-01',
  },
  {
    why: 'the two-instalment advance with its date when a request could fall either side of 1 January 2026',
    says: /^Per le domande di anticipo presentate dal 1º gennaio 2026/,
    holds: (g) => g.benefit.applicationDate < '2026-01-01' && addDays(g.benefit.endDate, 30) >= '2026-01-01',
    when: (g) => g.benefit.applicationDate < '2026-01-01' && addDays(g.benefit.endDate, 30) >= '2026-01-01',
  },
  {
    why: 'two instalments never told when every request would fall before 2026',
    says: /in due rate/,
    holds: (g) => addDays(g.benefit.endDate, 30) >= '2026-01-01',
  },
  {
    locale: 'en',
    why: 'two instalments never told when every request would fall before 2026 (English)',
    says: /two instalments/,
    holds: (g) => addDays(g.benefit.endDate, 30) >= '2026-01-01',
  },

  // ── Contact ──
  {
    why: 'the contact centre with both numbers',
    says: /chiama 803 164 da rete fissa, gratuito, oppure 06 164 164 da cellulare/,
    when: () => true,
  },
  { why: 'never the landline number alone', says: /803 164(?! da rete fissa, gratuito, oppure 06 164 164)/, holds: () => false },
  {
    locale: 'en',
    why: 'the contact centre with both numbers (English)',
    says: /call 803 164 from a landline, free of charge, or 06 164 164 from a mobile/,
    when: () => true,
  },

  // ── English amounts ──
  {
    locale: 'en',
    why: 'the English gross amount below the cap is the formula',
    says: /For you that is \S+ gross a month/,
    holds: (g, b) => !atCap(g) && matches(b, /For you that is (\S+) gross a month/g).every((m) => m[1] === eurEn(formula(g))),
    when: (g) => !atCap(g),
  },
  {
    locale: 'en',
    why: 'no amount is called what the citizen receives unless it is net (English)',
    says: /you receive €[\d.,]+(?![\d.,]| net)/,
    holds: () => false,
  },
];

import type { Claim } from './claims';
import type { PensionGuide } from '../../compositions/pensione/schema';
import type { Storyboard } from '../../compositions/common/storyboard-types';
import { textsOf } from './texts';

/**
 * What the pensione guide may say, and when it is true. The conditions are written from DOMAIN.md §2
 * (and the copy's plain rules), not from the storyboard's helpers: paydays, months of pension, the
 * 13th and the quattordicesima bands are recomputed here on their own.
 */

type G = PensionGuide;
type B = G['benefit'];

// --- The rules, recomputed -------------------------------------------------------------------

const HOLIDAYS = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];
const EASTER_MONDAYS = ['2024-04-01', '2025-04-21', '2026-04-06', '2027-03-29', '2028-04-17'];
const dayOfWeek = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const pays = (iso: string, channel: B['paymentChannel']) => {
  if (HOLIDAYS.includes(iso.slice(5)) || EASTER_MONDAYS.includes(iso)) return false;
  const d = dayOfWeek(iso);
  return d === 0 ? false : d === 6 ? channel === 'post' : true;
};
/** The month's payday: the first day the channel pays, the second in January (L. 205/2017). */
function payday(month: string, channel: B['paymentChannel']): string {
  let need = month.endsWith('-01') ? 2 : 1;
  for (let d = `${month}-01`; ; d = plusDays(d, 1)) if (pays(d, channel) && --need === 0) return d;
}
const addMonth = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const monthOf = (iso: string) => iso.slice(0, 7);
const yearOf = (iso: string) => Number(iso.slice(0, 4));
/** Months of pension in a year for a pension starting on the first of a month. */
const monthsIn = (b: B, year: number) => (yearOf(b.startDate) < year ? 12 : yearOf(b.startDate) > year ? 0 : 13 - Number(b.startDate.slice(5, 7)));
const slipMonth = (b: B) => addMonth(monthOf(b.firstPaymentDate), 1);
const withheld = (b: B, kinds: string[]) => b.monthly.withholdings.filter((w) => kinds.includes(w.kind)).reduce((s, w) => s + w.cents, 0);
const has = (b: B, kind: string) => b.monthly.withholdings.some((w) => w.kind === kind);
const irpef = (b: B) => withheld(b, ['irpef']);
/** December's ordinary instalment: no surcharge, advance or adjustment instalments in December. */
const decemberNet = (b: B) => b.monthly.grossCents - withheld(b, ['irpef', 'union-dues']);
const hasSurcharges = (b: B) => has(b, 'regional-surcharge') || has(b, 'municipal-surcharge');
const decembersInSpan = (b: B) => {
  const out: number[] = [];
  for (let y = yearOf(b.startDate); `${y}-12` <= monthOf(b.firstPaymentDate); y++) if (`${y}-12` >= monthOf(b.startDate)) out.push(y);
  return out;
};
const nextSix = (b: B) => Array.from({ length: 6 }, (_, i) => payday(addMonth(monthOf(b.firstPaymentDate), i + 1), b.paymentChannel));
const retired = (b: B) => b.pensionType === 'old-age' || b.pensionType === 'early';

// Figures of DOMAIN.md §2 (2027 is said with 2026's).
const figureYear = (b: B) => Math.min(2026, Math.max(2025, yearOf(b.firstPaymentDate)));
const MINIMUM = { 2025: 60_340, 2026: 61_185 } as Record<number, number>;
const fourteenthBand = (b: B) => {
  const [b1, b2] = b.fund === 'self-employed' ? [18, 28] : [15, 25];
  const y = b.contributionYears;
  return y <= b1 ? [43_700, 33_600] : y <= b2 ? [54_600, 42_000] : [65_500, 50_400];
};

// --- Reading the guide --------------------------------------------------------------------------

const narration = (board: Storyboard) => textsOf(board, board.locale).narration;
/** "1.234,56 €" / "655 €" / "€1,234.56" → cents. */
const cents = (s: string) => {
  const it = /,\d{2}\b/.test(s) || !/\./.test(s.replace(/\.(?=\d{3}\b)/g, ''));
  const clean = s.replace(/[€\s]/g, '');
  const n = it ? clean.replace(/\./g, '').replace(',', '.') : clean.replace(/,/g, '');
  return Math.round(Number(n) * 100);
};
const AMOUNT = '(\\d[\\d.]*(?:,\\d{2})?) €';
const match = (board: Storyboard, re: RegExp) => re.exec(narration(board));
const calendar = (board: Storyboard) => {
  const s = board.scenes.find((x) => x.kind === 'calendar');
  return s && s.kind === 'calendar' ? s.content.entries : [];
};

export const claims: Claim<G>[] = [
  // The 13th.
  {
    why: 'the December tile is the ordinary December instalment plus the 13th (DOMAIN: paid with December, no surcharges in December)',
    says: /^(Pensione|Assegno) e tredicesima$/,
    holds: (g, board) =>
      calendar(board)
        .filter((e) => /tredicesima/.test(e.label.it))
        .every((e) => e.date.slice(5, 7) === '12' && g.benefit.thirteenth !== undefined && e.cents === decemberNet(g.benefit) + g.benefit.thirteenth.netCents),
    when: (g) =>
      g.benefit.thirteenth !== undefined && nextSix(g.benefit).some((d) => d.slice(5, 7) === '12' && yearOf(d) === yearOf(`${slipMonth(g.benefit)}-01`)),
  },
  {
    why: 'every calendar page is a payday (first banking day, second in January, Saturdays at the post office) with the net the data tells, or no amount',
    says: /^I prossimi pagamenti netti$/,
    holds: (g, board) => {
      const b = g.benefit;
      const [first, ...rest] = calendar(board);
      if (!first || first.date !== b.firstPaymentDate || first.cents !== b.firstPayment.netCents) return false;
      const days = nextSix(b);
      return (
        rest.length === 6 &&
        rest.every((e, i) => {
          if (e.date !== days[i]) return false;
          if (e.cents === undefined) return true;
          if (yearOf(e.date) !== yearOf(`${slipMonth(b)}-01`)) return false;
          if (e.date.slice(5, 7) === '12') return e.cents === decemberNet(b) + (b.thirteenth?.netCents ?? 0);
          return e.cents === b.monthly.netCents;
        })
      );
    },
  },
  {
    why: 'the December 13th is said with its net as the institute computed it',
    says: /riceverai anche la tredicesima: /,
    holds: (g, board) => {
      const m = match(board, new RegExp(`riceverai anche la tredicesima: ${AMOUNT} netti`));
      return !!m && g.benefit.thirteenth !== undefined && cents(m[1]!) === g.benefit.thirteenth.netCents;
    },
    when: (g) => g.benefit.thirteenth !== undefined,
  },
  {
    why: "December's total is the ordinary month without surcharges plus the 13th's net",
    says: /riceverai quindi \S+ € netti in tutto/,
    holds: (g, board) => {
      const m = match(board, new RegExp(`riceverai quindi ${AMOUNT} netti in tutto`));
      return !!m && !!g.benefit.thirteenth && cents(m[1]!) === decemberNet(g.benefit) + g.benefit.thirteenth.netCents;
    },
  },
  {
    why: 'December has no surcharge instalments: said only to those who pay surcharges',
    says: /senza le rate delle addizionali/,
    holds: (g) => hasSurcharges(g.benefit),
  },
  {
    why: 'the 13th of the first payment year is pro-rated to the months of pension in that year (said whenever it is)',
    says: /È calcolata in proporzione (?:ai|agli) \d+ mesi di (?:pensione|assegno) del \d{4}/,
    holds: (g, board) => {
      const m = match(board, /È calcolata in proporzione (?:ai|agli) (\d+) mesi di (?:pensione|assegno) del (\d{4})/);
      return (
        !!m &&
        !!g.benefit.thirteenth &&
        Number(m[1]) === monthsIn(g.benefit, Number(m[2])) &&
        Number(m[1]) < 12 &&
        Number(m[2]) === yearOf(g.benefit.firstPaymentDate)
      );
    },
    when: (g) => g.benefit.thirteenth !== undefined && monthsIn(g.benefit, yearOf(g.benefit.firstPaymentDate)) < 12,
  },
  {
    why: 'a 13th inside the first payment is said with its gross, pro-rated to the months of pension of its year',
    says: /La tredicesima del \d{4} è di .* lordi, (?:in proporzione|calcolata su un solo mese)/,
    holds: (g, board) => {
      const b = g.benefit;
      const ys = decembersInSpan(b);
      return [
        ...narration(board).matchAll(
          new RegExp(`La tredicesima del (\\d{4}) è di ${AMOUNT} lordi, (?:in proporzione (?:ai|agli) (\\d+) mesi|calcolata su un solo mese)`, 'g'),
        ),
      ].every((m) => {
        const y = Number(m[1]);
        const months = m[3] ? Number(m[3]) : 1;
        const expected = ys.length === 1 ? b.firstPayment.thirteenthCents : Math.round((b.monthly.grossCents * months) / 12);
        return ys.includes(y) && monthsIn(b, y) === months && months < 12 && Math.abs(cents(m[2]!) - expected) <= 1;
      });
    },
    when: (g) => decembersInSpan(g.benefit).some((y) => monthsIn(g.benefit, y) < 12),
  },
  {
    why: "arrears that span a December carry that year's 13th, and it is said",
    says: /gli arretrati [^.]*, con (?:la tredicesima|le tredicesime) del \d{4}/,
    holds: (g) => decembersInSpan(g.benefit).some((y) => `${y}-12` < monthOf(g.benefit.firstPaymentDate)),
    when: (g) => decembersInSpan(g.benefit).some((y) => `${y}-12` < monthOf(g.benefit.firstPaymentDate)),
  },
  {
    why: 'a first payment in December holds the 13th',
    says: /di dicembre(?: \d{4})? con la tredicesima|Comprende anche la tredicesima/,
    holds: (g) => g.benefit.firstPaymentDate.slice(5, 7) === '12' && g.benefit.firstPayment.thirteenthCents > 0,
    when: (g) => g.benefit.firstPaymentDate.slice(5, 7) === '12',
  },
  {
    why: "the yearly 13th is said in general only when the first payment already held this year's",
    says: /Ogni anno, con (?:la pensione|l'assegno) di dicembre, ricevi anche la tredicesima/,
    holds: (g) => g.benefit.thirteenth === undefined && g.benefit.firstPaymentDate.slice(5, 7) === '12',
  },
  {
    why: 'the 13th has no tax deductions: said only where deductions apply',
    says: /Sulla tredicesima non si applicano le detrazioni/,
    holds: (g) => g.benefit.deductionRequest !== 'none' && irpef(g.benefit) > 0,
  },
  // The first payment.
  {
    why: 'the first payment is said with its net and date',
    says: /Il primo pagamento arriva /,
    holds: (g, board) => {
      const m = match(board, new RegExp(`Il primo pagamento arriva (?:il |l')(\\d+)º? \\S+ (\\d{4}): riceverai ${AMOUNT} netti`));
      return (
        !!m &&
        Number(m[1]) === Number(g.benefit.firstPaymentDate.slice(8)) &&
        Number(m[2]) === yearOf(g.benefit.firstPaymentDate) &&
        cents(m[3]!) === g.benefit.firstPayment.netCents
      );
    },
    when: () => true,
  },
  {
    why: 'the first payment is a payday or day 7 moved to the next day the channel pays (INPS msg. 1763/2016)',
    says: /La prima rata di una pensione nuova si paga il giorno 1 o il giorno 7/,
    holds: (g) => {
      const b = g.benefit;
      let seventh = `${monthOf(b.firstPaymentDate)}-07`;
      while (!pays(seventh, b.paymentChannel)) seventh = plusDays(seventh, 1);
      return [payday(monthOf(b.firstPaymentDate), b.paymentChannel), seventh].includes(b.firstPaymentDate);
    },
  },
  {
    why: 'no arrears only when the first payment is in the start month',
    says: /Non ci sono arretrati/,
    holds: (g) => g.benefit.firstPayment.arrearsMonths === 0 && monthOf(g.benefit.startDate) === monthOf(g.benefit.firstPaymentDate),
    when: (g) => g.benefit.firstPayment.arrearsMonths === 0,
  },
  {
    why: 'arrears are the months from the start month to the payment month, with their gross',
    says: /Comprende gli arretrati/,
    holds: (g, board) => {
      const b = g.benefit;
      const m = match(board, new RegExp(`In tutto sono ${AMOUNT} lordi, di cui ${AMOUNT} di arretrati`));
      const months = (yearOf(b.firstPaymentDate) - yearOf(b.startDate)) * 12 + Number(b.firstPaymentDate.slice(5, 7)) - Number(b.startDate.slice(5, 7));
      return (
        !!m &&
        months > 0 &&
        b.firstPayment.arrearsMonths === months &&
        cents(m[1]!) === b.firstPayment.grossCents &&
        cents(m[2]!) === b.firstPayment.arrearsCents
      );
    },
    when: (g) => g.benefit.firstPayment.arrearsMonths > 0,
  },
  {
    why: 'one month of arrears is singular',
    says: /cioè il mese che ti spettava già/,
    holds: (g) => g.benefit.firstPayment.arrearsMonths === 1,
  },
  {
    why: 'the first payment is higher than the following ones only when it is',
    says: /Per questo è più alto dei successivi/,
    holds: (g) => g.benefit.firstPayment.netCents > g.benefit.monthly.netCents,
  },
  // The payslip.
  {
    why: 'the monthly payslip: gross and net of the month after the first payment',
    says: /lordi al mese\./,
    holds: (g, board) => {
      const m = match(board, new RegExp(`è di ${AMOUNT} lordi al mese\\. (?:Si tolgono|Si toglie|Non si toglie nulla)[^:]*: riceverai ${AMOUNT} netti`));
      return !!m && cents(m[1]!) === g.benefit.monthly.grossCents && cents(m[2]!) === g.benefit.monthly.netCents;
    },
    when: () => true,
  },
  {
    why: "surcharges are last year's local taxes, January–November: said to those who pay them",
    says: /Le addizionali sono imposte locali dell'anno prima/,
    holds: (g) => hasSurcharges(g.benefit),
    when: (g) => hasSurcharges(g.benefit),
  },
  {
    why: 'surcharges will appear next year: only in the first year, with IRPEF withheld and none yet',
    says: /Dal prossimo anno si aggiungeranno/,
    holds: (g) => !hasSurcharges(g.benefit) && irpef(g.benefit) > 0 && yearOf(`${slipMonth(g.benefit)}-01`) === yearOf(g.benefit.startDate),
  },
  {
    why: 'no IRPEF is said only when none is withheld',
    says: /non è trattenuta l'IRPEF/,
    holds: (g) => irpef(g.benefit) === 0,
  },
  {
    why: 'the municipal advance may start in March: only for a January/February slip with a municipal surcharge and no advance',
    says: /Da marzo può aggiungersi l'acconto/,
    holds: (g) => Number(slipMonth(g.benefit).slice(5, 7)) <= 2 && has(g.benefit, 'municipal-surcharge') && !has(g.benefit, 'municipal-advance'),
  },
  {
    why: "next year's months are shown without an amount only when the calendar reaches next year",
    says: /Per il \d{4} vedi solo le date/,
    holds: (g, board) => {
      const m = match(board, /Per il (\d{4}) vedi solo le date/);
      return !!m && Number(m[1]) === yearOf(`${slipMonth(g.benefit)}-01`) + 1 && nextSix(g.benefit).some((d) => yearOf(d) === Number(m[1]));
    },
  },
  // The quattordicesima and the December extra amount.
  {
    why: 'the quattordicesima is mentioned only from 60 (as a future right below 64), never to a 45-year-old',
    says: /quattordicesima/i,
    holds: (g) => g.citizen.age >= 60,
  },
  {
    why: 'the quattordicesima is a right now only from 64, with the limit of the year (2 × the minimum) and the band of the contribution years',
    says: /ti spetta anche la quattordicesima/,
    holds: (g, board) => {
      const b = g.benefit;
      const y = figureYear(b);
      const m = match(
        board,
        new RegExp(
          `non supera ${AMOUNT} l'anno, il limite del (\\d{4}), ti spetta anche la quattordicesima[^.]*\\. Con [^.]*? è di ${AMOUNT} fino a ${AMOUNT} di reddito, altrimenti di ${AMOUNT}\\.`,
        ),
      );
      const [low, high] = fourteenthBand(b);
      return (
        !!m &&
        g.citizen.age >= 64 &&
        Number(m[2]) === y &&
        cents(m[1]!) === MINIMUM[y]! * 13 * 2 &&
        cents(m[3]!) === low &&
        cents(m[4]!) === Math.round(MINIMUM[y]! * 13 * 1.5) &&
        cents(m[5]!) === high
      );
    },
    when: (g) => g.citizen.age >= 64,
  },
  {
    why: 'the quattordicesima from the year one turns 64: only to those aged 60–63',
    says: /Dall'anno in cui compi 64 anni/,
    holds: (g) => g.citizen.age >= 60 && g.citizen.age < 64,
    when: (g) => g.citizen.age >= 60 && g.citizen.age < 64,
  },
  {
    why: 'the December extra amount (up to 154.94 €) only for pensions up to the minimum',
    says: /importo aggiuntivo/i,
    holds: (g) => g.benefit.monthly.grossCents <= MINIMUM[figureYear(g.benefit)]!,
    when: (g) => g.benefit.monthly.grossCents <= MINIMUM[figureYear(g.benefit)]!,
  },
  // The pension type and its age.
  {
    why: 'the old-age pension is paid from 67',
    says: /pensione di vecchiaia/,
    holds: (g) => g.benefit.pensionType === 'old-age' && g.citizen.age >= 67,
  },
  {
    why: 'the inability pension is compatible with no work at all (and is said so)',
    says: /non è compatibile con nessuna attività lavorativa/,
    holds: (g) => g.benefit.pensionType === 'inability' && g.citizen.age <= 66,
    when: (g) => g.benefit.pensionType === 'inability',
  },
  { why: '"non è compatibile con qualsiasi attività lavorativa" says the opposite of the rule', says: /qualsiasi attività lavorativa/, holds: () => false },
  {
    why: 'the early-pension work limits only for early pensions',
    says: /Alcune pensioni anticipate/,
    holds: (g) => g.benefit.pensionType === 'early' && g.citizen.age <= 66,
    when: (g) => g.benefit.pensionType === 'early',
  },
  {
    why: 'the three-year renewal only for the disability allowance, a working-age benefit',
    says: /dura tre anni/,
    holds: (g) => g.benefit.pensionType === 'disability-allowance' && g.citizen.age <= 66,
    when: (g) => g.benefit.pensionType === 'disability-allowance',
  },
  {
    why: "the survivor's reduction for other income only for survivors",
    says: /la pensione ai superstiti può essere ridotta/,
    holds: (g) => g.benefit.pensionType === 'survivors',
    when: (g) => g.benefit.pensionType === 'survivors',
  },
  {
    why: '"Buona pensione" only to those who retire (old-age, early)',
    says: /buona pensione/i,
    holds: (g) => retired(g.benefit),
    when: (g) => retired(g.benefit),
  },
  {
    why: 'an "assegno" is never called "pensione" in its own sentences',
    says: /La tua pensione è in pagamento|la tua pensione è in pagamento/,
    holds: (g) => g.benefit.pensionType !== 'disability-allowance',
  },
  // Addressing the citizen.
  { why: 'the feminine welcome only for women', says: /\bbenvenuta\b/, holds: (g) => g.citizen.gender === 'F' },
  { why: 'the masculine welcome only for men', says: /(?<!il )\bbenvenuto\b/, holds: (g) => g.citizen.gender === 'M' },
  { why: 'a neutral welcome for X', says: /ti diamo il benvenuto/, holds: (g) => g.citizen.gender === 'X', when: (g) => g.citizen.gender === 'X' },
  { why: 'no masculine "pensionato" (or any gendered noun for the citizen) in any guide', says: /\bpensionat[oaie]\b/i, holds: () => false },
  // Channel, contact, deductions, plain language.
  {
    why: 'Poste pays on Saturdays: said to post office customers only',
    says: /Con Poste Italiane conta anche il sabato/,
    holds: (g) => g.benefit.paymentChannel === 'post',
    when: (g) => g.benefit.paymentChannel === 'post',
  },
  {
    why: 'the account ending is said to bank customers, with its digits',
    says: /Arriva sul conto che termina con/,
    holds: (g, board) => g.benefit.paymentChannel === 'bank' && narration(board).includes(`termina con ${g.benefit.ibanLast4.split('').join(' ')}`),
    when: (g) => g.benefit.paymentChannel === 'bank',
  },
  {
    why: 'both contact-centre numbers, the free landline one and the mobile one',
    says: /803 164 da rete fissa, gratuito, oppure 06 164 164 da cellulare/,
    when: () => true,
  },
  { why: 'the landline number is never given alone', says: /803 164(?! da rete fissa)/, holds: () => false },
  {
    why: 'deductions not requested: said only then',
    says: /non hai chiesto le detrazioni/,
    holds: (g) => g.benefit.deductionRequest === 'none',
    when: (g) => g.benefit.deductionRequest === 'none',
  },
  {
    why: 'the 2025 dependants rules only with family deductions, naming the dependants with their ages',
    says: /Hai chiesto anche le detrazioni per familiari a carico/,
    holds: (g, board) => {
      const d = g.benefit.dependants;
      if (g.benefit.deductionRequest !== 'pension-income-and-family' || !d) return false;
      const text = narration(board);
      return (
        d.children.every((c) => c.age >= 21 && (c.age <= 29 || c.disabled) && text.includes(String(c.age))) &&
        d.others.every((o) => o.cohabiting && (o.relation === 'parent' || o.relation === 'grandparent'))
      );
    },
    when: (g) => g.benefit.deductionRequest === 'pension-income-and-family',
  },
  { why: '"decorrenza" is explained where it is first said', says: /questa data si chiama decorrenza/, when: () => true },
  { why: '"cedolino" is explained', says: /Il cedolino è il riepilogo di ogni pagamento/, when: () => true },
  { why: "no promise to act at once on the citizen's behalf", says: /la lavoriamo subito|ci pensiamo noi/i, holds: () => false },
  // English.
  {
    why: 'English: "enjoy your retirement" only to those who retire',
    locale: 'en',
    says: /enjoy your retirement/i,
    holds: (g) => retired(g.benefit),
    when: (g) => retired(g.benefit),
  },
  {
    why: 'English: the incapacity pension and no work at all',
    locale: 'en',
    says: /cannot be combined with any work at all/,
    holds: (g) => g.benefit.pensionType === 'inability',
    when: (g) => g.benefit.pensionType === 'inability',
  },
  {
    why: 'English: the pro-rated 13th of the first year',
    locale: 'en',
    says: /It is pro-rated to the \d+ months it is due in \d{4}/,
    holds: (g, board) => {
      const m = /It is pro-rated to the (\d+) months it is due in (\d{4})/.exec(narration(board));
      return !!m && !!g.benefit.thirteenth && Number(m[1]) === monthsIn(g.benefit, Number(m[2])) && Number(m[1]) < 12;
    },
    when: (g) => g.benefit.thirteenth !== undefined && monthsIn(g.benefit, yearOf(g.benefit.firstPaymentDate)) < 12,
  },
  { why: 'English: both contact-centre numbers', locale: 'en', says: /803 164 from a landline, free of charge, or 06 164 164 from a mobile/, when: () => true },
];

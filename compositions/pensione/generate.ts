import type { z } from 'zod';
import { addMonths, monthOf, yearOf, yearsBetween } from '../common/dates';
import { generatePerson, recipientOf, type Person } from '../generator/people';
import type { Rng } from '../generator/rng';
import {
  EARLIEST_CONTRIBUTION_AGE,
  expectedFirstPayment,
  familyDeduction,
  firstPaymentDays,
  irpefGross,
  MINIMUM_MONTHLY_CENTS,
  nextMonth,
  PENSION_AGES,
  pensionDeduction,
  pensionMonthsInYear,
  thirteenthGross,
} from './rules';
import { PENSION_FUNDS, PENSION_TYPES, type pensione } from './schema';

type PensionEnvelope = z.input<typeof pensione.envelope>;
type PensionType = (typeof PENSION_TYPES)[number];
type Withholding = { kind: 'irpef' | 'regional-surcharge' | 'municipal-surcharge' | 'municipal-advance' | 'union-dues'; cents: number };

/**
 * The edge cases walked in turn by `variant`: arrears that span December (the first payment holds a
 * pro-rated 13th), a first payment in December, zero arrears, a first payment in January, a delay over
 * two Decembers, the post office, each deduction request, each pension type at a consistent age
 * (a young survivor too), a pension starting mid-year (the calendar's December shows a pro-rated
 * 13th), a pension at or below the minimum, and ordinary ones.
 */
export const PENSIONE_EDGES = [
  'none',
  'pension-income',
  'family',
  'december-arrears',
  'zero-arrears',
  'first-in-december',
  'january',
  'long-delay',
  'post',
  'old-age',
  'early',
  'disability-allowance',
  'inability',
  'survivors',
  'young-survivor',
  'mid-year',
  'low-pension',
  'ordinary',
] as const;
type Edge = (typeof PENSIONE_EDGES)[number];

const month = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** Start month and payment month for the edge. */
function timeline(rng: Rng, edge: Edge): { start: string; pay: string } {
  const plus = (mo: string, n: number) => monthOf(addMonths(`${mo}-01`, n));
  switch (edge) {
    case 'december-arrears': {
      const start = month(rng.pick([2024, 2025]), rng.int(9, 12));
      return { start, pay: month(yearOf(`${start}-01`) + 1, rng.int(1, 3)) };
    }
    case 'first-in-december': {
      const y = rng.pick([2025, 2026]);
      return { start: month(y, rng.int(9, 12)), pay: month(y, 12) };
    }
    case 'zero-arrears': {
      const start = plus('2025-01', rng.int(0, 23));
      return { start, pay: start };
    }
    case 'january': {
      const pay = rng.pick(['2025-01', '2026-01']);
      return { start: plus(pay, -rng.int(0, 3)), pay };
    }
    case 'long-delay': {
      const start = month(2024, rng.int(9, 12));
      return { start, pay: plus(start, rng.int(13, 15)) };
    }
    case 'mid-year': {
      const start = month(rng.pick([2025, 2026]), rng.int(4, 7));
      return { start, pay: plus(start, rng.int(0, 2)) };
    }
    default: {
      const start = plus('2025-01', rng.int(0, 19));
      return { start, pay: plus(start, rng.chance(0.1) ? 0 : rng.int(1, 4)) };
    }
  }
}

function pensionTypeOf(rng: Rng, edge: Edge): PensionType {
  if (edge === 'young-survivor') return 'survivors';
  if ((PENSION_TYPES as readonly string[]).includes(edge)) return edge as PensionType;
  return rng.weighted(PENSION_TYPES.map((t) => [t, t === 'old-age' ? 6 : t === 'early' ? 4 : t === 'survivors' ? 1.5 : 1] as const));
}

/** Ages generated per type, inside what the type allows (PENSION_AGES). */
const AGES: Record<PensionType, [number, number]> = {
  'old-age': [67, 72],
  early: [58, 67],
  'disability-allowance': [30, 67],
  inability: [35, 67],
  survivors: [40, 90],
};

function personFor(rng: Rng, type: PensionType, edge: Edge, startDate: string): { person: Person; age: number } {
  const span = edge === 'young-survivor' ? ([18, 26] as [number, number]) : AGES[type];
  const [min, max] = PENSION_AGES[type];
  for (;;) {
    const person = generatePerson(rng, { age: span, onDate: startDate });
    const age = yearsBetween(person.birthDate, startDate);
    if (age >= Math.max(min, Math.floor(span[0])) && age <= Math.min(max, span[1] - 1)) return { person, age };
  }
}

function contributionYearsFor(rng: Rng, type: PensionType, age: number): number {
  const most = age - EARLIEST_CONTRIBUTION_AGE;
  switch (type) {
    case 'old-age':
      return rng.chance(0.1) ? rng.int(15, 19) : rng.int(20, Math.min(45, most));
    case 'early':
      return age >= 64 ? rng.int(20, Math.min(44, most)) : rng.int(35, Math.min(44, most));
    case 'survivors':
      return rng.int(5, 45);
    default:
      return rng.int(5, Math.min(40, most));
  }
}

function monthlyGrossFor(rng: Rng, type: PensionType, edge: Edge): number {
  if (edge === 'low-pension') return rng.int(30_000, MINIMUM_MONTHLY_CENTS[2025]);
  switch (type) {
    case 'old-age':
      return rng.int(55_000, rng.chance(0.2) ? 420_000 : 240_000);
    case 'early':
      return rng.int(150_000, rng.chance(0.2) ? 450_000 : 320_000);
    case 'disability-allowance':
      return rng.int(40_000, 150_000);
    case 'inability':
      return rng.int(60_000, 200_000);
    case 'survivors':
      return rng.int(40_000, 180_000);
  }
}

export function generatePensione(rng: Rng, variant: number): PensionEnvelope {
  const edge = PENSIONE_EDGES[variant % PENSIONE_EDGES.length]!;
  // Drawn first, so a seed's locale does not depend on the rest of the data.
  const locale = rng.chance(0.9) ? 'it' : 'en';
  const deductionRequest =
    edge === 'none'
      ? 'none'
      : edge === 'pension-income'
        ? 'pension-income'
        : edge === 'family'
          ? 'pension-income-and-family'
          : rng.weighted([
              ['pension-income', 6],
              ['pension-income-and-family', 3],
              ['none', 1],
            ] as const);
  const pensionType = pensionTypeOf(rng, edge);
  const { start, pay } = timeline(rng, edge);
  const startDate = `${start}-01`;
  const { person, age } = personFor(rng, pensionType, edge, startDate);
  const fund = rng.weighted(PENSION_FUNDS.map((f) => [f, f === 'private-employees' ? 6 : 2] as const));
  const contributionYears = contributionYearsFor(rng, pensionType, age);
  const paymentChannel = edge === 'post' || rng.chance(0.2) ? 'post' : 'bank';
  const firstPaymentDate = firstPaymentDays(pay, paymentChannel)[rng.chance(0.5) ? 0 : 1];
  const payYear = yearOf(firstPaymentDate);

  // Dependants (2025 rules): children 21–29 or older with a disability, ascendants living with the pensioner.
  const dependants =
    deductionRequest === 'pension-income-and-family'
      ? (() => {
          const children = Array.from({ length: age - 12 >= 21 ? rng.int(0, 2) : 0 }, () =>
            rng.chance(0.1) && age - 12 >= 30
              ? { age: rng.int(30, Math.min(60, age - 12)), disabled: true }
              : { age: rng.int(21, Math.min(29, age - 12)), disabled: rng.chance(0.05) },
          );
          const others = Array.from({ length: rng.int(0, 1) }, () => ({ relation: rng.pick(['parent', 'grandparent'] as const), cohabiting: true }));
          // A widowed spouse's survivor's pension ends on remarriage: survivors have no spouse to deduct.
          const spouse = pensionType !== 'survivors' && rng.chance(0.6);
          if (!spouse && children.length + others.length === 0) others.push({ relation: 'parent', cohabiting: true });
          return { spouse, children, others };
        })()
      : undefined;

  // The regular month: the payslip of the month after the first payment.
  const grossCents = monthlyGrossFor(rng, pensionType, edge);
  const annual = grossCents * 13;
  const slipMonth = nextMonth(pay);
  const slipYear = yearOf(`${slipMonth}-01`);
  const deductions =
    deductionRequest === 'none'
      ? 0
      : pensionDeduction(annual) +
        (dependants ? familyDeduction(annual, { spouse: dependants.spouse, children: dependants.children.length, others: dependants.others.length }) : 0);
  const irpef = Math.round(Math.max(0, irpefGross(annual, slipYear) - deductions) / 13);
  const withholdings: Withholding[] = [];
  if (irpef > 0) withholdings.push({ kind: 'irpef', cents: irpef });
  // Last year's surcharges, when the institute already paid the pension last year (January–November).
  const slipMo = Number(slipMonth.slice(5, 7));
  if (irpef > 0 && slipYear > yearOf(startDate) && slipMo <= 11) {
    const lastYear = pensionMonthsInYear(startDate, slipYear - 1);
    const income = grossCents * lastYear + thirteenthGross(grossCents, lastYear);
    withholdings.push({ kind: 'regional-surcharge', cents: Math.max(1, Math.round((income * rng.pick([0.0123, 0.0173, 0.0203, 0.0333])) / 11)) });
    const municipal = rng.pick([0, 0.004, 0.006, 0.008]);
    if (municipal > 0) {
      withholdings.push({ kind: 'municipal-surcharge', cents: Math.max(1, Math.round((income * municipal) / 11)) });
      if (slipMo >= 3) withholdings.push({ kind: 'municipal-advance', cents: Math.max(1, Math.round((income * municipal * 0.3) / 9)) });
    }
  }
  const dues = rng.chance(0.3);
  if (dues) withholdings.push({ kind: 'union-dues', cents: Math.round(grossCents * 0.005) });
  const netCents = grossCents - withholdings.reduce((s, w) => s + w.cents, 0);

  // A 13th: taxed at the gross rate (no deductions), no surcharges; union dues as on a month.
  const rate = irpef > 0 ? irpefGross(annual, slipYear) / annual : 0;
  const netOf13th = (gross13: number) => gross13 - Math.round(gross13 * rate) - (dues ? Math.round(gross13 * 0.005) : 0);
  const x = expectedFirstPayment(startDate, firstPaymentDate, grossCents);
  const firstNet = (x.arrearsMonths + 1) * netCents + x.thirteenths.reduce((s, t) => s + netOf13th(t.grossCents), 0);
  const thirteenth = pay.endsWith('-12')
    ? undefined
    : (() => {
        const months = pensionMonthsInYear(startDate, payYear);
        const gross13 = thirteenthGross(grossCents, months);
        return { months, grossCents: gross13, netCents: netOf13th(gross13) };
      })();

  let iban = '';
  for (let i = 0; i < 4; i++) iban += String(rng.int(0, 9));

  return {
    type: 'pensione',
    ...recipientOf(rng, person, locale, 'PENS'),
    benefit: {
      pensionType,
      fund,
      contributionYears,
      startDate,
      firstPaymentDate,
      firstPayment: {
        grossCents: x.grossCents,
        netCents: firstNet,
        arrearsCents: x.arrearsCents,
        arrearsMonths: x.arrearsMonths,
        thirteenthCents: x.thirteenthCents,
      },
      monthly: { grossCents, netCents, withholdings },
      ...(thirteenth ? { thirteenth } : {}),
      paymentChannel,
      ibanLast4: iban,
      deductionRequest,
      ...(dependants ? { dependants } : {}),
    },
  };
}

import type { z } from 'zod';
import { addMonths, monthOf, nextBankingDay, yearOf } from '../common/dates';
import { citizenOf, externalRef, generatePerson } from '../generator/people';
import type { Rng } from '../generator/rng';
import { familyDeduction, irpefGross, pensionDeduction } from './rules';
import { PENSION_FUNDS, PENSION_TYPES, type pensione } from './schema';

type PensionEnvelope = z.input<typeof pensione.envelope>;

const EDGES = ['none', 'pension-income', 'family', 'zero-arrears', 'year-boundary', 'post', 'ordinary'] as const;

export function generatePensione(rng: Rng, variant: number): PensionEnvelope {
  const edge = EDGES[variant % EDGES.length]!;
  const deductionRequest =
    edge === 'none' ? 'none' : edge === 'pension-income' ? 'pension-income' : edge === 'family' ? 'pension-income-and-family'
      : rng.weighted([['pension-income', 6], ['pension-income-and-family', 3], ['none', 1]] as const);
  const pensionType = rng.weighted(PENSION_TYPES.map((t) => [t, t === 'old-age' ? 6 : t === 'early' ? 4 : 1] as const));
  const age: [number, number] = pensionType === 'old-age' ? [67, 68] : pensionType === 'early' ? [60, 66] : [40, 66];

  // Decorrenza on the 1st of a month in 2025–2026; first paid 0–4 months later on day 1 or 7.
  let startDate = `${monthOf(addMonths('2025-01-01', rng.int(0, 20)))}-01`;
  if (edge === 'year-boundary') startDate = `${rng.pick([2024, 2025])}-${rng.pick(['10', '11', '12'])}-01`;
  const person = generatePerson(rng, { age, onDate: startDate });
  let lag = edge === 'zero-arrears' ? 0 : rng.int(1, 4);
  if (edge === 'year-boundary') lag = 13 - Number(startDate.slice(5, 7)) + rng.int(0, 1);
  const payMonth = monthOf(addMonths(startDate, lag));
  const firstPaymentDate = nextBankingDay(`${payMonth}-${rng.chance(0.5) ? '01' : '07'}`);

  const grossCents = rng.int(60_000, rng.chance(0.2) ? 420_000 : 240_000);
  const annual = grossCents * 13;
  const year = yearOf(firstPaymentDate);
  const dependants =
    deductionRequest === 'pension-income-and-family'
      ? (() => {
          const d = { spouse: rng.chance(0.6), children: rng.int(0, 2), others: rng.int(0, 1) };
          if (!d.spouse && d.children + d.others === 0) d.children = 1;
          return d;
        })()
      : undefined;
  const deductions =
    deductionRequest === 'none' ? 0 : pensionDeduction(annual) + (dependants ? familyDeduction(annual, dependants) : 0);
  const irpef = Math.round(Math.max(0, irpefGross(annual, year) - deductions) / 13);
  const withholdings: { kind: 'irpef' | 'union-dues'; cents: number }[] = [];
  if (irpef > 0) withholdings.push({ kind: 'irpef', cents: irpef });
  if (rng.chance(0.3)) withholdings.push({ kind: 'union-dues', cents: Math.round(grossCents * 0.005) });
  const netCents = grossCents - withholdings.reduce((s, w) => s + w.cents, 0);

  const arrearsMonths = lag;
  const arrearsCents = grossCents * arrearsMonths;
  let iban = '';
  for (let i = 0; i < 4; i++) iban += String(rng.int(0, 9));

  return {
    type: 'pensione',
    locale: rng.chance(0.9) ? 'it' : 'en',
    externalRef: externalRef(rng, 'PENS'),
    citizen: citizenOf(person),
    benefit: {
      pensionType,
      fund: rng.weighted(PENSION_FUNDS.map((f) => [f, f === 'private-employees' ? 6 : 2] as const)),
      startDate,
      firstPaymentDate,
      firstPayment: {
        grossCents: grossCents * (arrearsMonths + 1),
        netCents: netCents * (arrearsMonths + 1),
        arrearsCents,
        arrearsMonths,
      },
      monthly: { grossCents, netCents, withholdings },
      paymentChannel: edge === 'post' || rng.chance(0.2) ? 'post' : 'bank',
      ibanLast4: iban,
      deductionRequest,
      ...(dependants ? { dependants } : {}),
    },
  };
}

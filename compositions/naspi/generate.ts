import { addDays, addMonths, monthOf, yearOf, yearsBetween } from '../common/dates';
import { citizenOf, externalRef, generatePerson } from '../generator/people';
import type { Rng } from '../generator/rng';
import type { z } from 'zod';
import type { naspi } from './schema';
import { naspiMonthlyCents, naspiSchedule, NASPI_MAX_MONTHS } from './rules';

type NaspiEnvelope = z.input<typeof naspi.envelope>;

/** Edge cases walked in turn by `variant`; other variants are ordinary claims. */
const EDGES = ['one-payment', 'max-payments', 'year-boundary', 'over-55', 'high-pay', 'ordinary'] as const;

export function generateNaspi(rng: Rng, variant: number): NaspiEnvelope {
  const edge = EDGES[variant % EDGES.length]!;
  const over55 = edge === 'over-55' || (edge === 'ordinary' && rng.chance(0.15));
  // Job ended in 2025 or 2026.
  let jobEndDate = addDays('2025-01-15', rng.int(0, 540));
  if (edge === 'year-boundary') jobEndDate = `${rng.pick([2024, 2025])}-11-${String(rng.int(10, 28)).padStart(2, '0')}`;
  const person = generatePerson(rng, { age: over55 ? [55.2, 64] : [20, 54.5], onDate: jobEndDate });
  // Filing within the first 8 days starts the benefit on the 8th day; later, the day after filing.
  const applicationDate = addDays(jobEndDate, rng.chance(0.7) ? rng.int(1, 8) : rng.int(9, 60));
  const filedEarly = applicationDate <= addDays(jobEndDate, 8);
  const startDate = filedEarly ? addDays(jobEndDate, 8) : addDays(applicationDate, 1);
  const reductionFromMonth = yearsBetween(person.birthDate, applicationDate) >= 55 ? 8 : 6;

  const months =
    edge === 'one-payment' ? 1 : edge === 'max-payments' ? NASPI_MAX_MONTHS : edge === 'year-boundary' ? rng.int(4, 10) : rng.int(2, 20);
  const endDate = addDays(addMonths(startDate, months), -1);

  const averageMonthlyPayCents =
    edge === 'high-pay' ? rng.int(300_000, 480_000) : rng.int(90_000, rng.chance(0.3) ? 320_000 : 190_000);
  const firstMonthlyAmountCents = naspiMonthlyCents(averageMonthlyPayCents, yearOf(startDate));
  const amounts = naspiSchedule(firstMonthlyAmountCents, months, reductionFromMonth);
  const payDay = rng.int(7, 15);
  const payments = amounts.map((grossCents, i) => {
    const period = monthOf(addMonths(startDate, i));
    const date = `${monthOf(addMonths(`${period}-01`, 1))}-${String(payDay).padStart(2, '0')}`;
    return { period, date, grossCents };
  });
  let iban = '';
  for (let i = 0; i < 4; i++) iban += String(rng.int(0, 9));

  return {
    type: 'naspi',
    locale: rng.chance(0.9) ? 'it' : 'en',
    externalRef: externalRef(rng, 'NASPI'),
    citizen: citizenOf(person),
    benefit: {
      jobEndDate,
      applicationDate,
      startDate,
      endDate,
      averageMonthlyPayCents,
      firstMonthlyAmountCents,
      reductionFromMonth,
      payments,
      ibanLast4: iban,
      employmentDeduction: rng.chance(0.75),
    },
  };
}

import type { z } from 'zod';
import { addDays, addMonths, yearsBetween } from '../common/dates';
import { citizenOf, externalRef, generatePerson } from '../generator/people';
import type { Rng } from '../generator/rng';
import { BENEFIT_AMOUNTS_2026, type ECONOMIC_BENEFITS, type invalidita, type TAX_BENEFITS } from './schema';

type InvaliditaEnvelope = z.input<typeof invalidita.envelope>;
type Kind = (typeof ECONOMIC_BENEFITS)[number];

export function generateInvalidita(rng: Rng, variant: number): InvaliditaEnvelope {
  const verdictDate = addDays('2025-06-01', rng.int(0, 480));
  const person = generatePerson(rng, { age: [18, 85], onDate: verdictDate });
  const age = yearsBetween(person.birthDate, verdictDate);
  const assessment = variant % 7 === 5 ? 'deafness' : variant % 7 === 6 ? 'blindness' : 'civil-invalidity';
  const percentage = assessment === 'civil-invalidity' ? rng.pick([34, 46, 50, 67, 75, 80, 90, 100, 100]) : undefined;
  const kinds: Kind[] = [];
  if (assessment === 'civil-invalidity' && percentage !== undefined && age < 67) {
    if (percentage === 100) kinds.push('inability-pension');
    else if (percentage >= 74) kinds.push('monthly-allowance');
  }
  if (assessment === 'civil-invalidity' && percentage === 100 && rng.chance(0.5)) kinds.push('attendance-allowance');
  if (assessment === 'deafness') kinds.push('communication-allowance', ...(age < 67 ? (['deaf-pension'] as Kind[]) : []));
  if (assessment === 'blindness') kinds.push('blind-pension');
  const reviewable = rng.chance(0.4);
  const severe = kinds.includes('attendance-allowance') || (percentage ?? 0) >= 100;
  const tax: (typeof TAX_BENEFITS)[number][] = [];
  if ((percentage ?? 100) > 67) tax.push('disability-card');
  if (severe || assessment !== 'civil-invalidity') tax.push('car-vat-4', 'car-irpef-19', 'car-tax-exemption');
  if (severe) tax.push('paid-leave');
  return {
    type: 'invalidita',
    locale: rng.chance(0.9) ? 'it' : 'en',
    externalRef: externalRef(rng, 'INV'),
    citizen: citizenOf(person),
    benefit: {
      verdictDate,
      assessment,
      ...(percentage !== undefined ? { percentage } : {}),
      reviewable,
      ...(reviewable ? { revisionDate: addMonths(verdictDate, rng.pick([12, 24, 36])) } : {}),
      law104: severe ? 'art3c3' : (percentage ?? 0) >= 46 ? 'art3c1' : 'none',
      benefits: kinds.map((kind) => ({ kind, monthlyCents: BENEFIT_AMOUNTS_2026[kind] })),
      taxBenefits: tax,
    },
  };
}

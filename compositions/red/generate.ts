import type { z } from 'zod';
import { citizenOf, externalRef, generatePerson } from '../generator/people';
import type { Rng } from '../generator/rng';
import { LINKED_BENEFITS, type red } from './schema';

type RedEnvelope = z.input<typeof red.envelope>;

export function generateRed(rng: Rng, variant: number): RedEnvelope {
  const incomeYear = rng.pick([2023, 2024]);
  const person = generatePerson(rng, { age: [66, 92], onDate: `${incomeYear + 1}-10-01` });
  // Every benefit appears alone in turn, then random mixes.
  const linkedBenefits =
    variant < LINKED_BENEFITS.length ? [LINKED_BENEFITS[variant]!] : rng.sample(LINKED_BENEFITS, rng.int(1, 3));
  return {
    type: 'red',
    locale: rng.chance(0.92) ? 'it' : 'en',
    externalRef: externalRef(rng, 'RED'),
    citizen: citizenOf(person),
    benefit: {
      incomeYear,
      campaign: rng.chance(0.7) ? 'reminder' : 'ordinary',
      deadline: `${incomeYear + 2}-02-28`,
      linkedBenefits,
      ...(rng.chance(0.6) ? { monthlyAtRiskCents: rng.int(2_000, 60_000) } : {}),
    },
  };
}

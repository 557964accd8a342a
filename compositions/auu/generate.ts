import type { z } from 'zod';
import { addDays } from '../common/dates';
import { childName, citizenOf, externalRef, generatePerson } from '../generator/people';
import type { Rng } from '../generator/rng';
import { BLOCK_REASONS, MISSING_ITEMS, type auu } from './schema';

type AuuEnvelope = z.input<typeof auu.envelope>;

export function generateAuu(rng: Rng, variant: number): AuuEnvelope {
  const blockReason = BLOCK_REASONS[variant % BLOCK_REASONS.length]!;
  const submittedDate = addDays('2025-03-01', rng.int(0, 420));
  const person = generatePerson(rng, { age: [22, 50], onDate: submittedDate, gender: rng.chance(0.6) ? 'F' : rng.chance(0.95) ? 'M' : 'X' });
  const n = rng.weighted([[1, 45], [2, 35], [3, 13], [4, 5], [5, 2]] as const);
  const iseeCents = rng.chance(0.15) ? null : rng.int(500_000, 6_000_000);
  const children = Array.from({ length: n }, () => {
    const age = rng.float() * 20.5;
    const known = rng.chance(0.7);
    const base = iseeCents === null ? 5_750 : Math.max(5_750, Math.round(20_100 - (iseeCents - 1_722_733) * 0.005));
    const amount = Math.min(20_100, base) + (age < 1 ? Math.round(base / 2) : 0);
    return {
      givenName: childName(rng),
      birthDate: addDays(submittedDate, -Math.floor(age * 365.25) - 1),
      ...(known ? { monthlyAmountCents: amount } : {}),
      disability: rng.weighted([['none', 92], ['medium', 4], ['severe', 3], ['non-self-sufficient', 1]] as const),
    };
  });
  const missingItems = blockReason === 'iban-error' ? [] : rng.sample(MISSING_ITEMS, rng.int(1, 2));
  let iban = '';
  for (let i = 0; i < 4; i++) iban += String(rng.int(0, 9));
  return {
    type: 'auu',
    locale: rng.chance(0.85) ? 'it' : 'en',
    externalRef: externalRef(rng, 'AUU'),
    citizen: citizenOf(person),
    benefit: {
      applicationId: `AUU-${submittedDate.slice(0, 4)}-${String(rng.int(1, 9_999_999)).padStart(7, '0')}`,
      submittedDate,
      blockedSince: addDays(submittedDate, rng.int(1, 60)),
      blockReason,
      missingItems,
      ...(blockReason === 'iban-error' ? { ibanLast4: iban } : {}),
      children,
      iseeCents,
    },
  };
}

import type { z } from 'zod';
import { addDays } from '../common/dates';
import { childName, generatePerson, recipientOf } from '../generator/people';
import type { Rng } from '../generator/rng';
import { ADULT_FROM, ageOn, AUU_YEARS, byIsee, CHILD_UNTIL } from './rules';
import { ADULT_CONDITIONS, IBAN_PROBLEMS, type auu, type MissingItem } from './schema';

type AuuEnvelope = z.input<typeof auu.envelope>;
type Disability = 'none' | 'medium' | 'severe' | 'non-self-sufficient';
type ChildKind = 'baby' | 'minor' | 'adult' | 'adult-pending' | 'disabled-adult';

/** The edge cases walked in turn by `variant`; later variants mix them at random. */
const CASES = [
  'iban-not-holder',
  'late-no-isee', // applied after 30 June, no ISEE: no arrears from March
  'disability-certificate',
  'iban-account-closed',
  'adult-declaration-missing',
  'baby-no-isee-spring', // a child under 1, no ISEE, blocked between March and June
  'iban-invalid',
  'adult-with-declaration',
  'disabled-adult',
  'iban-outside-sepa',
  'large-family', // 4+ children
  'residence-permit-2026',
  'baby-at-maximum', // a child under 1 at the year's maximum (ISEE under the lower threshold)
  'new-period-no-isee', // no ISEE, blocked in January or February
] as const;
type Case = (typeof CASES)[number] | 'random';

const dayOfYear = (rng: Rng, year: number, from = '01-01', to = '12-31'): string => {
  const a = `${year}-${from}`;
  const span = Math.round((Date.parse(`${year}-${to}`) - Date.parse(a)) / 86_400_000);
  return addDays(a, rng.int(0, span));
};

export function generateAuu(rng: Rng, variant: number): AuuEnvelope {
  const kase: Case = variant < CASES.length * 2 ? CASES[variant % CASES.length]! : 'random';
  const ibanCase = kase.startsWith('iban-') ? kase : null;
  const blockReason =
    ibanCase || (kase === 'random' && rng.chance(0.34))
      ? 'iban-error'
      : kase === 'disability-certificate' || kase === 'residence-permit-2026' || (kase === 'random' && rng.chance(0.4))
        ? 'missing-documents'
        : 'missing-information';
  const year = kase === 'residence-permit-2026' ? 2026 : kase === 'late-no-isee' ? 2025 : rng.pick([2025, 2026]);

  // The date of the guide's data: when the block was raised.
  const blockedSince =
    kase === 'late-no-isee'
      ? dayOfYear(rng, year, '07-20', '12-20')
      : kase === 'baby-no-isee-spring'
        ? dayOfYear(rng, year, '03-01', '06-30')
        : kase === 'new-period-no-isee'
          ? dayOfYear(rng, year, '01-02', '02-28')
          : dayOfYear(rng, year, '01-02', '12-31');
  const submittedDate =
    kase === 'late-no-isee'
      ? addDays(`${year}-07-01`, rng.int(0, Math.round((Date.parse(blockedSince) - Date.parse(`${year}-07-01`)) / 86_400_000)))
      : addDays(blockedSince, -rng.int(1, 90));

  const iseeCents =
    kase === 'late-no-isee' || kase === 'baby-no-isee-spring' || kase === 'new-period-no-isee'
      ? null
      : kase === 'baby-at-maximum'
        ? rng.int(500_000, 1_700_000)
        : rng.chance(0.15)
          ? null
          : rng.int(500_000, 6_000_000);

  // The children, by kind.
  const kinds: ChildKind[] = [];
  const n =
    kase === 'large-family'
      ? rng.int(4, 6)
      : rng.weighted([
          [1, 45],
          [2, 35],
          [3, 13],
          [4, 5],
          [5, 2],
        ] as const);
  for (let i = 0; i < n; i++) kinds.push(rng.chance(0.1) ? 'baby' : rng.chance(0.1) ? 'adult' : rng.chance(0.02) ? 'disabled-adult' : 'minor');
  if (kase === 'baby-no-isee-spring' || kase === 'baby-at-maximum') kinds[0] = 'baby';
  if (kase === 'adult-with-declaration') kinds[0] = 'adult';
  if (kase === 'adult-declaration-missing') kinds[0] = 'adult-pending';
  if (kase === 'disabled-adult') kinds[0] = 'disabled-adult';
  // A pending declaration is only possible when the block is for missing information.
  if (blockReason !== 'missing-information') for (let i = 0; i < n; i++) if (kinds[i] === 'adult-pending') kinds[i] = 'adult';
  if (blockReason === 'missing-information' && kase === 'random')
    for (let i = 0; i < n; i++) if (kinds[i] === 'adult' && rng.chance(0.4)) kinds[i] = 'adult-pending';

  const daysFor: Record<ChildKind, [number, number]> = {
    baby: [0, 355],
    minor: [375, Math.floor(ADULT_FROM * 365.25) - 5],
    adult: [Math.ceil(ADULT_FROM * 365.25) + 5, Math.floor(CHILD_UNTIL * 365.25) - 5],
    'adult-pending': [Math.ceil(ADULT_FROM * 365.25) + 5, Math.floor(CHILD_UNTIL * 365.25) - 5],
    'disabled-adult': [Math.ceil(CHILD_UNTIL * 365.25) + 5, 40 * 365],
  };
  const table = AUU_YEARS[year]!;
  // Siblings are born at least ten months apart, or on the same day (twins): redraw a date that is
  // closer to a sibling's, and after a few tries make the child that sibling's twin when it can be.
  const born: { days: number }[] = [];
  const tooClose = (d: number) => born.find((o) => o.days !== d && Math.abs(o.days - d) < 300);
  const birthDays = (kind: ChildKind): number => {
    let d = rng.int(...daysFor[kind]);
    for (let tries = 0; tries < 50 && tooClose(d); tries++) d = rng.int(...daysFor[kind]);
    const near = tooClose(d);
    const [lo, hi] = daysFor[kind];
    if (near && near.days >= lo && near.days <= hi) d = near.days;
    else if (near) {
      // No twin possible: the first day of the range far enough from every sibling (one mother's
      // births, rules.ts MIN_SIBLING_GAP_DAYS).
      for (let x = lo; x <= hi; x++)
        if (!tooClose(x)) {
          d = x;
          break;
        }
    }
    born.push({ days: d });
    return d;
  };
  const kids = kinds.map((kind, i) => {
    const birthDate = addDays(blockedSince, -birthDays(kind));
    const age = ageOn(birthDate, blockedSince);
    let disability: Disability =
      kind === 'adult-pending' || (i === 0 && kase === 'adult-with-declaration')
        ? 'none'
        : kind === 'disabled-adult'
          ? rng.pick(['medium', 'severe', 'non-self-sufficient'] as const)
          : rng.weighted([
              ['none', 92],
              ['medium', 4],
              ['severe', 3],
              ['non-self-sufficient', 1],
            ] as const);
    if (kase === 'disability-certificate' && i === 0 && disability === 'none') disability = rng.pick(['medium', 'severe', 'non-self-sufficient'] as const);
    // A disabled child of 18–20 counts without a condition; give one only sometimes.
    const adultCondition = kind === 'adult' && (disability === 'none' || rng.chance(0.3)) ? rng.pick(ADULT_CONDITIONS) : undefined;
    const pendingDeclaration = kind === 'adult-pending' && disability === 'none';
    // The child's share by the year's table: the basic amount for the ISEE and the child's own increases.
    const minor = age < ADULT_FROM;
    const base = minor
      ? byIsee(iseeCents, table, table.minorMaxCents, table.minorMinCents)
      : byIsee(iseeCents, table, table.adultMaxCents, table.adultMinCents);
    const toddler = age >= 1 && age < 3 && n >= 3 && iseeCents !== null && iseeCents < table.iseeHighCents;
    const amount =
      Math.round(base * (age < 1 || toddler ? 1.5 : 1)) +
      (minor && disability !== 'none' ? table.disabilityCents[disability] : 0) +
      (n >= 3 && i >= 2 ? byIsee(iseeCents, table, table.thirdChildMaxCents, table.thirdChildMinCents) : 0) +
      (minor && iseeCents !== null && kase !== 'baby-at-maximum' && rng.chance(0.5) ? byIsee(iseeCents, table, table.dualEarnerMaxCents, 0) : 0);
    const known = !pendingDeclaration && (kase === 'baby-at-maximum' || rng.chance(0.7));
    return {
      child: {
        givenName: childName(rng),
        birthDate,
        ...(known ? { monthlyAmountCents: amount } : {}),
        disability,
        ...(adultCondition ? { adultCondition } : {}),
      },
      age,
      pendingDeclaration,
    };
  });
  // Distinct names within a family.
  const seen = new Set<string>();
  for (const k of kids) {
    while (seen.has(k.child.givenName)) k.child.givenName = childName(rng);
    seen.add(k.child.givenName);
  }

  // What is missing must fit the children.
  let missingItems: MissingItem[] = [];
  if (blockReason === 'missing-information') {
    if (kids.some((k) => k.pendingDeclaration)) missingItems.push('adult-child-declaration');
    const options: MissingItem[] = ['separated-parents-data', 'other-parent-data', ...(n >= 3 ? (['large-family-data'] as const) : [])];
    if (kase === 'large-family') missingItems.push('large-family-data');
    else if (!missingItems.length || rng.chance(0.3)) {
      const pick = rng.pick(options);
      missingItems.push(pick);
    }
  } else if (blockReason === 'missing-documents') {
    const hasDisabled = kids.some((k) => k.child.disability !== 'none');
    if (kase === 'disability-certificate' || (hasDisabled && rng.chance(0.6))) missingItems.push('disability-certificate');
    if (kase === 'residence-permit-2026' || !missingItems.length || rng.chance(0.2)) missingItems.push('residence-permit');
  }
  missingItems = [...new Set(missingItems)];

  // The parent: old enough for the eldest child.
  const eldest = Math.max(...kids.map((k) => k.age));
  const youngest = Math.min(...kids.map((k) => k.age));
  const lo = Math.max(18, eldest + 18) + 0.05;
  const hi = Math.max(lo + 1, Math.min(eldest + 45, youngest + 48, 88)) - 0.05;
  const gender = rng.chance(0.6) ? 'F' : rng.chance(0.95) ? 'M' : 'X';
  const person = generatePerson(rng, { age: [lo, hi], onDate: blockedSince, gender });

  let iban = '';
  for (let i = 0; i < 4; i++) iban += String(rng.int(0, 9));
  const ibanProblem =
    ibanCase === 'iban-not-holder'
      ? 'not-holder'
      : ibanCase === 'iban-account-closed'
        ? 'account-closed'
        : ibanCase === 'iban-invalid'
          ? 'invalid-iban'
          : ibanCase === 'iban-outside-sepa'
            ? 'outside-sepa'
            : rng.pick(IBAN_PROBLEMS);
  return {
    type: 'auu',
    ...recipientOf(rng, person, rng.chance(0.85) ? 'it' : 'en', 'AUU'),
    benefit: {
      applicationId: `AUU-${submittedDate.slice(0, 4)}-${String(rng.int(1, 9_999_999)).padStart(7, '0')}`,
      submittedDate,
      blockedSince,
      blockReason,
      missingItems,
      ...(blockReason === 'iban-error' ? { ibanLast4: iban, ibanProblem } : {}),
      children: kids.map((k) => k.child),
      iseeCents,
    },
  };
}

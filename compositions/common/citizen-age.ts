import { yearsBetween } from './dates';
import { fiscalCodeBirth } from './fiscal-code';

export type AgeRange = readonly [min: number, max: number];

const isCalendarDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** `born`: the birth date the age was taken from (the sent one, or the code's in the century chosen). */
export type DerivedAge = { ok: true; age: number; born: string } | { ok: false; reason: string };

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The citizen's age in whole years on `onDate`, from the fiscal code. Its two-digit year leaves the
 * century open: the youngest age inside the range the benefit allows is taken, unless the institute
 * sent the birth date, which must then agree with the code. Only this age is kept, never the code.
 */
export function deriveAge(fiscalCode: string, onDate: string, range: AgeRange, birthDate?: string): DerivedAge {
  const b = fiscalCodeBirth(fiscalCode);
  if (birthDate) {
    const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
    if (y % 100 !== b.yearOfCentury || m !== b.month || d !== b.day)
      return {
        ok: false,
        reason: `birth date ${birthDate} does not match the fiscal code (day ${b.day}, month ${b.month}, year ..${String(b.yearOfCentury).padStart(2, '0')})`,
      };
    const age = yearsBetween(birthDate, onDate);
    if (age < range[0] || age > range[1])
      return { ok: false, reason: `the citizen is ${age} on ${onDate}: this benefit is for ages ${range[0]} to ${range[1]}` };
    return { ok: true, age, born: birthDate };
  }
  const ages: { age: number; born: string }[] = [];
  for (const century of [2000, 1900, 1800]) {
    const born = iso(century + b.yearOfCentury, b.month, b.day);
    if (!isCalendarDate(born) || born > onDate) continue;
    const age = yearsBetween(born, onDate);
    if (age >= range[0] && age <= range[1]) ages.push({ age, born });
  }
  if (!ages.length)
    return {
      ok: false,
      reason: `the birth date in the fiscal code (${b.day}/${b.month}/..${String(b.yearOfCentury).padStart(2, '0')}) gives no age from ${range[0]} to ${range[1]} on ${onDate}, the ages this benefit is for`,
    };
  const youngest = ages.reduce((a, x) => (x.age < a.age ? x : a));
  return { ok: true, age: youngest.age, born: youngest.born };
}

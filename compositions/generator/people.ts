import { encodeFiscalCode } from '../common/fiscal-code';
import type { Gender } from '../common/envelope';
import type { Locale } from '../common/locale';
import type { Province } from '../common/provinces';
import { addDays } from '../common/dates';
import type { Rng } from './rng';

// Names chosen to exercise real-world spelling: accents, apostrophes, several given names,
// double surnames, particles ("De", "Lo", "Dell'").
const FEMALE = [
  'Maria',
  'Anna',
  'Giulia',
  'Francesca',
  'Chiara',
  'Sara',
  'Laura',
  'Valentina',
  'Alessandra',
  'Elena',
  'Federica',
  'Martina',
  'Silvia',
  'Paola',
  'Rosa',
  'Giuseppina',
  'Lucia',
  'Carmela',
  'Angela',
  'Teresa',
  'Antonella',
  'Simona',
  'Ilaria',
  'Noemi',
  'Aurora',
  'Beatrice',
  'Agnese',
  'Maria Grazia',
  'Anna Maria',
  'Maria Rosaria',
  'Rosa Anna',
  'Zoë',
  'Emanuela',
  'Daniela',
];
const MALE = [
  'Giuseppe',
  'Giovanni',
  'Antonio',
  'Mario',
  'Luigi',
  'Francesco',
  'Andrea',
  'Marco',
  'Luca',
  'Alessandro',
  'Stefano',
  'Paolo',
  'Roberto',
  'Salvatore',
  'Vincenzo',
  'Davide',
  'Matteo',
  'Lorenzo',
  'Simone',
  'Nicolò',
  'Niccolò',
  'Mosè',
  'Noè',
  'Gioele',
  'Elia',
  'Raffaele',
  'Gian Luca',
  'Pier Paolo',
  'Gian Maria',
  'Carlo Alberto',
  'Domenico',
  'Gennaro',
  'Ciro',
];
const SURNAMES = [
  'Rossi',
  'Russo',
  'Ferrari',
  'Esposito',
  'Bianchi',
  'Romano',
  'Colombo',
  'Ricci',
  'Marino',
  'Greco',
  'Bruno',
  'Gallo',
  'Conti',
  'De Luca',
  'Mancini',
  'Costa',
  'Giordano',
  'Rizzo',
  'Lombardi',
  'Moretti',
  "D'Amico",
  "D'Angelo",
  "Dell'Acqua",
  "Dell'Orto",
  "D'Alessandro",
  'Lo Russo',
  'La Rosa',
  'Di Stefano',
  'Cantù',
  'Pirrò',
  'Zappalà',
  'Mazzà',
  'Sciarrà',
  'Bertè',
  'Nicolò',
  'Caruso',
  'Fontana',
  'Santoro',
  'Marchetti',
  'Villa',
  'Barbieri',
  'Ferri-Bianchi',
  "Sant'Elia",
  'Dalla Valle',
  'Coppola',
  'Vitale',
  'Leone',
  'Longo',
  'Gentile',
  'Martinelli',
];

// Birthplaces: Belfiore code with the province it belongs to (EE: born abroad).
const BIRTHPLACES: readonly (readonly [string, Province])[] = [
  ['H501', 'RM'],
  ['F205', 'MI'],
  ['F839', 'NA'],
  ['L219', 'TO'],
  ['G273', 'PA'],
  ['D969', 'GE'],
  ['A944', 'BO'],
  ['D612', 'FI'],
  ['A662', 'BA'],
  ['C351', 'CT'],
  ['L736', 'VE'],
  ['L781', 'VR'],
  ['G224', 'PD'],
  ['B354', 'CA'],
  ['G478', 'PG'],
  ['L424', 'TS'],
  ['A271', 'AN'],
  ['F158', 'ME'],
  ['B157', 'BS'],
  ['H703', 'SA'],
  ['E506', 'LE'],
  ['Z112', 'EE'],
  ['Z129', 'EE'],
  ['Z100', 'EE'],
  ['Z330', 'EE'],
];
const RESIDENCE: readonly Province[] = [
  'RM',
  'MI',
  'NA',
  'TO',
  'PA',
  'BA',
  'BO',
  'FI',
  'CT',
  'VE',
  'GE',
  'SA',
  'BS',
  'PD',
  'VR',
  'LE',
  'CA',
  'PG',
  'AN',
  'TS',
  'CZ',
  'RC',
  'SS',
  'AQ',
  'PE',
  'TA',
  'FG',
  'BG',
  'MB',
  'VA',
];

export interface Person {
  givenName: string;
  familyName: string;
  gender: Gender;
  fiscalCode: string;
  province: Province;
  birthDate: string;
}

export interface PersonOptions {
  gender?: Gender;
  /** Age range on `onDate`. */
  age?: [number, number];
  onDate?: string;
}

export function generatePerson(rng: Rng, opts: PersonOptions = {}): Person {
  const gender: Gender =
    opts.gender ??
    rng.weighted([
      ['F', 49],
      ['M', 49],
      ['X', 2],
    ] as const);
  // The fiscal code encodes a legal sex (F/M); a citizen who asked for X still has one.
  const legalFemale = gender === 'X' ? rng.chance(0.5) : gender === 'F';
  const givenName = rng.pick(legalFemale ? FEMALE : MALE);
  const familyName = rng.pick(SURNAMES);
  const [minAge, maxAge] = opts.age ?? [25, 60];
  const onDate = opts.onDate ?? '2026-01-01';
  const birthDate = addDays(onDate, -Math.floor((minAge + rng.float() * (maxAge - minAge)) * 365.25));
  const [belfiore, birthProvince] = rng.pick(BIRTHPLACES);
  const province = rng.chance(0.7) && birthProvince !== 'EE' ? birthProvince : rng.pick(RESIDENCE);
  const fiscalCode = encodeFiscalCode({ givenName, familyName, birthDate, female: legalFemale, belfiore });
  return { givenName, familyName, gender, fiscalCode, province, birthDate };
}

const citizenOf = (p: Person) => ({
  givenName: p.givenName,
  familyName: p.familyName,
  gender: p.gender,
  fiscalCode: p.fiscalCode,
  province: p.province,
});

/** Whom an envelope is for: its locale, a random external reference with the type's prefix, and the citizen. */
export const recipientOf = (rng: Rng, person: Person, locale: Locale, refPrefix: string) => ({
  locale,
  externalRef: externalRef(rng, refPrefix),
  citizen: citizenOf(person),
});

export function childName(rng: Rng): string {
  return rng.pick(rng.chance(0.5) ? FEMALE : MALE);
}

export function externalRef(rng: Rng, prefix: string): string {
  let digits = '';
  for (let i = 0; i < 10; i++) digits += String(rng.int(0, 9));
  return `${prefix}-${digits}`;
}

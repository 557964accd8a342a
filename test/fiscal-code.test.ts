import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeFiscalCode, encodeGivenName, encodeSurname, fiscalCodeCheckChar, fiscalCodeProblem } from '../compositions/common/fiscal-code';

describe('fiscal code', () => {
  it.each([
    ['RSSMRA79B11C566', 'R'],
    ['RSSFNC80T31F205', 'U'],
    ['MRTMTT25D09F205', 'Z'],
    ['RSSMRA79B11C56S', 'O'],
  ])('check character of %s is %s (DOMAIN.md test vectors)', (first15, check) => {
    expect(fiscalCodeCheckChar(first15)).toBe(check);
    expect(fiscalCodeProblem(first15 + check)).toBeNull();
  });

  it('rejects a wrong check character, a wrong layout and a wrong length', () => {
    expect(fiscalCodeProblem('RSSMRA79B11C566X')).toBe('check-character');
    expect(fiscalCodeProblem('RSSMRA79Z11C566R')).toBe('format');
    expect(fiscalCodeProblem('rssmra79b11c566r')).toBe('format');
    expect(fiscalCodeProblem('RSSMRA79B11C566')).toBe('length');
  });

  it('encodes surnames and given names by the ministerial rules', () => {
    expect(encodeSurname('Rossi')).toBe('RSS');
    expect(encodeSurname("D'Amico")).toBe('DMC');
    expect(encodeSurname('Fo')).toBe('FOX');
    expect(encodeGivenName('Francesco')).toBe('FNC'); // 4+ consonants: 1st, 3rd, 4th
    expect(encodeGivenName('Maria')).toBe('MRA');
    expect(encodeGivenName('Noè')).toBe('NOE');
  });

  it('every generated code validates, whatever the name, date and sex', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.date({ min: new Date('1920-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
        fc.boolean(),
        (given, family, birth, female) => {
          const code = encodeFiscalCode({ givenName: given, familyName: family, birthDate: birth.toISOString().slice(0, 10), female, belfiore: 'H501' });
          expect(fiscalCodeProblem(code)).toBeNull();
        },
      ),
    );
  });

  it('any single changed character of a valid code is caught', () => {
    const valid = 'RSSMRA79B11C566R';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 }), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), (i, ch) => {
        fc.pre(valid[i] !== ch);
        const changed = valid.slice(0, i) + ch + valid.slice(i + 1);
        expect(fiscalCodeProblem(changed)).not.toBeNull();
      }),
    );
  });
});

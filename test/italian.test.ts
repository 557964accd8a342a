import { describe, expect, it } from 'vitest';
import { itDate } from '../compositions/common/copy';
import { articleFor, italianProblems, prepArt, startSound, the, withPrep } from '../compositions/common/italian';

describe('the Italian helper', () => {
  it.each([
    // preposition, word, gender, number → merged and elided as written Italian wants it
    ['di', '80%', 'm', 'sg', "dell'80%"],
    ['di', '0%', 'm', 'sg', 'dello 0%'],
    ['di', '100%', 'm', 'sg', 'del 100%'],
    ['di', '1%', 'm', 'sg', "dell'1%"],
    ['di', '11%', 'm', 'sg', "dell'11%"],
    ['di', '0,5%', 'm', 'sg', 'dello 0,5%'],
    ['da', '8 marzo 2026', 'm', 'sg', "dall'8 marzo 2026"],
    ['da', '1º marzo 2026', 'm', 'sg', 'dal 1º marzo 2026'],
    ['a', '11 maggio', 'm', 'sg', "all'11 maggio"],
    ['da', 'ottavo mese', 'm', 'sg', "dall'ottavo mese"],
    ['da', 'sesto mese', 'm', 'sg', 'dal sesto mese'],
    ['in', '2025', 'm', 'sg', 'nel 2025'],
    ['di', '2026', 'm', 'sg', 'del 2026'],
    ['di', '800 euro', 'm', 'sg', "dell'800 euro"],
    ['di', '80.000', 'm', 'sg', "dell'80.000"],
    ['di', '1.000', 'm', 'sg', 'del 1.000'],
    ['di', '8.500 €', 'm', 'sg', "dell'8.500 €"],
    ['di', 'arretrati', 'm', 'pl', 'degli arretrati'],
    ['a', 'figli', 'm', 'pl', 'ai figli'],
    ['di', 'studenti', 'm', 'pl', 'degli studenti'],
    ['su', 'assegno', 'm', 'sg', "sull'assegno"],
    ['di', 'SPID', 'm', 'sg', 'dello SPID'],
    ['di', 'IBAN', 'm', 'sg', "dell'IBAN"],
    ['di', 'ISEE', 'm', 'sg', "dell'ISEE"],
    ['di', 'invalidità', 'f', 'sg', "dell'invalidità"],
    ['da', 'domanda', 'f', 'sg', 'dalla domanda'],
    ['in', 'pensioni', 'f', 'pl', 'nelle pensioni'],
    ['di', 'zio', 'm', 'sg', 'dello zio'],
    ['di', 'iodio', 'm', 'sg', 'dello iodio'],
    ['di', 'psicologo', 'm', 'sg', 'dello psicologo'],
  ] as const)('%s + %s (%s %s) → %s', (prep, word, g, n, expected) => {
    expect(prepArt(prep, word, g, n)).toBe(expected);
  });

  it.each([
    ['80%', "l'80%"],
    ['8', "l'8"],
    ['2025', 'il 2025'],
    ['0%', 'lo 0%'],
    ['Istituto', "l'Istituto"],
    ['studente', 'lo studente'],
  ])('the %s → %s', (word, expected) => {
    expect(the(word)).toBe(expected);
  });

  it.each([
    ['di', "l'Istituto", "dell'Istituto"],
    ['da', "L'Istituto", "Dall'Istituto"],
    ['di', 'la Regione', 'della Regione'],
    ['a', 'i patronati', 'ai patronati'],
    ['di', 'INPS', 'di INPS'],
    ['di', 'l’Istituto', "dell'Istituto"],
  ] as const)('%s + %s → %s', (prep, phrase, expected) => {
    expect(withPrep(prep, phrase)).toBe(expected);
  });

  it.each([
    ['il', '2026-03-08', "l'8 marzo 2026"],
    ['dal', '2026-03-08', "dall'8 marzo 2026"],
    ['al', '2026-05-11', "all'11 maggio 2026"],
    ['del', '2026-03-01', 'del 1º marzo 2026'],
    ['dal', '2026-03-15', 'dal 15 marzo 2026'],
    ['nel', '2026-12-08', "nell'8 dicembre 2026"],
  ] as const)('a date after %s: %s → %s', (prep, iso, expected) => {
    expect(itDate(prep, iso)).toBe(expected);
  });

  it('knows how numbers start when said', () => {
    expect(['8', '11', '80', '88', '800', '8.000', '11.000', '80.000', '1', '1.000.000'].map(startSound)).toEqual(Array(10).fill('vowel'));
    expect(['2', '18', '100', '1.000', '1º', '21', '2025'].map(startSound)).toEqual(Array(7).fill('consonant'));
    expect(['0', '0,5'].map(startSound)).toEqual(['z', 'z']);
    expect(articleFor('anni', 'm', 'pl')).toBe('gli');
  });

  it('flags every slip of the issue, and nothing in correct Italian', () => {
    const slips = [
      'Dal ottavo mese',
      "Da parte di l'Istituto",
      'del 80%',
      'del 0%',
      'il 11 maggio',
      'i 8 mesi',
      'dei 11 mesi',
      'della assistenza',
      'nello anno',
    ];
    for (const s of slips) expect(italianProblems(s), s).not.toEqual([]);
    const right = [
      "Dall'ottavo mese",
      "Da parte dell'Istituto",
      "dell'80%",
      'dello 0%',
      "l'11 maggio",
      'gli 8 mesi',
      'degli 11 mesi',
      "dell'assistenza",
      'il 1º marzo',
      'dal 15 marzo 2026',
      'nel 2025',
      'i mesi',
      'gli anni',
      'se non lo invii',
      'la domanda',
      'il web',
    ];
    for (const s of right) expect(italianProblems(s), s).toEqual([]);
  });
});

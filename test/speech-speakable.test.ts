import { describe, expect, it } from 'vitest';
import { formatCents, formatDate } from '../compositions/common/locale';
import { defaultTheme } from '../compositions/common/theme';
import { cardinalEn, ordinalEn, yearEn } from '../speech/numbers-en';
import { cardinalIt, ordinalIt } from '../speech/numbers-it';
import { applyLexicon, speakable } from '../speech/speakable';

const it_ = (s: string) => speakable(s, 'it');
const en = (s: string) => speakable(s, 'en');

describe('Italian number words', () => {
  it.each([
    [0, 'zero'],
    [1, 'uno'],
    [3, 'tre'],
    [11, 'undici'],
    [17, 'diciassette'],
    [20, 'venti'],
    [21, 'ventuno'],
    [23, 'ventitré'],
    [28, 'ventotto'],
    [31, 'trentuno'],
    [38, 'trentotto'],
    [99, 'novantanove'],
    [100, 'cento'],
    [101, 'centouno'],
    [103, 'centotré'],
    [108, 'centootto'],
    [180, 'centottanta'],
    [181, 'centottantuno'],
    [200, 'duecento'],
    [888, 'ottocentottantotto'],
    [1000, 'mille'],
    [1001, 'milleuno'],
    [1003, 'milletré'],
    [1234, 'milleduecentotrentaquattro'],
    [2000, 'duemila'],
    [2026, 'duemilaventisei'],
    [21000, 'ventunmila'],
    [100000, 'centomila'],
    [1_000_000, 'un milione'],
    [2_500_000, 'due milioni cinquecentomila'],
    [21_000_000, 'ventun milioni'],
    [1_000_000_000, 'un miliardo'],
  ])('%i → %s', (n, words) => expect(cardinalIt(n)).toBe(words));

  it.each([
    [1, false, 'primo'],
    [1, true, 'prima'],
    [6, false, 'sesto'],
    [8, false, 'ottavo'],
    [11, false, 'undicesimo'],
    [13, true, 'tredicesima'],
    [14, true, 'quattordicesima'],
    [21, false, 'ventunesimo'],
    [23, false, 'ventitreesimo'],
    [26, false, 'ventiseiesimo'],
    [100, false, 'centesimo'],
    [1000, false, 'millesimo'],
  ])('ordinal %i (feminine %s) → %s', (n, f, words) => expect(ordinalIt(n, f)).toBe(words));

  it('rejects what it cannot say', () => {
    expect(() => cardinalIt(-1)).toThrow(/whole number/);
    expect(() => cardinalIt(1.5)).toThrow(/whole number/);
    expect(() => ordinalIt(0)).toThrow(/ordinal/);
  });
});

describe('English number words', () => {
  it.each([
    [0, 'zero'],
    [13, 'thirteen'],
    [21, 'twenty-one'],
    [100, 'one hundred'],
    [105, 'one hundred and five'],
    [1234, 'one thousand two hundred and thirty-four'],
    [2005, 'two thousand and five'],
    [8500, 'eight thousand five hundred'],
    [1_000_000, 'one million'],
    [1_200_050, 'one million two hundred thousand and fifty'],
  ])('%i → %s', (n, words) => expect(cardinalEn(n)).toBe(words));

  it.each([
    [1, 'first'],
    [2, 'second'],
    [3, 'third'],
    [12, 'twelfth'],
    [20, 'twentieth'],
    [21, 'twenty-first'],
    [30, 'thirtieth'],
    [100, 'one hundredth'],
  ])('ordinal %i → %s', (n, words) => expect(ordinalEn(n)).toBe(words));

  it.each([
    [2026, 'twenty twenty-six'],
    [2000, 'two thousand'],
    [2009, 'two thousand and nine'],
    [2010, 'twenty ten'],
    [1999, 'nineteen ninety-nine'],
    [1905, 'nineteen oh five'],
  ])('year %i → %s', (y, words) => expect(yearEn(y)).toBe(words));
});

describe('speakable Italian', () => {
  it.each([
    // Amounts exactly as compositions/common/locale.ts writes them (no-break space before €).
    [formatCents(123456, 'it'), 'milleduecentotrentaquattro euro e cinquantasei'],
    [formatCents(50000, 'it'), 'cinquecento euro'],
    [formatCents(100, 'it'), 'un euro'],
    [formatCents(50, 'it'), 'cinquanta centesimi'],
    [formatCents(2103, 'it'), 'ventuno euro e tre'],
    [formatCents(100_000_000, 'it'), 'un milione di euro'],
    ['fino a 1.955 euro', 'fino a millenovecentocinquantacinque euro'],
    ['2.840,51 euro', 'duemilaottocentoquaranta euro e cinquantuno'],
    ['8.500 €', 'ottomilacinquecento euro'],
  ])('amount %j → %j', (text, spoken) => expect(it_(text)).toBe(spoken));

  it.each([
    [formatDate('2026-03-15', 'it'), 'quindici marzo duemilaventisei'],
    ['15/03/2026', 'quindici marzo duemilaventisei'],
    ['2026-03-15', 'quindici marzo duemilaventisei'],
    [formatDate('2026-04-01', 'it'), 'primo aprile duemilaventisei'],
    ['entro il 30 giugno', 'entro il trenta giugno'],
    ['1° gennaio', 'primo gennaio'],
    ['il primo pagamento è previsto il 1 aprile 2026', 'il primo pagamento è previsto il primo aprile duemilaventisei'],
    // Elision before a vowel: "il 8" is said "l'otto", "dal 11" "dall'undici".
    ['il 8 marzo 2026', "l'otto marzo duemilaventisei"],
    ['Dal 8 marzo al 11 maggio', "Dall'otto marzo all'undici maggio"],
    ['del 11 dicembre 2025', "dell'undici dicembre duemilaventicinque"],
  ])('date %j → %j', (text, spoken) => expect(it_(text)).toBe(spoken));

  it.each([
    ['il 75%', 'il settantacinque per cento'],
    ['una percentuale del 67%', 'una percentuale del sessantasette per cento'],
    ['il 4,5%', 'il quattro virgola cinque per cento'],
    ['moltiplicate per 4,33', 'moltiplicate per quattro virgola trentatré'],
    ['la 2ª rata e il 13° mese', 'la seconda rata e il tredicesimo mese'],
    ['il mese 6 riceverai', 'il mese sei riceverai'],
    ['24 mesi', 'ventiquattro mesi'],
    ['i redditi del 2024', 'i redditi del duemilaventiquattro'],
    ['la legge 104', 'la legge centoquattro'],
  ])('number %j → %j', (text, spoken) => expect(it_(text)).toBe(spoken));

  it.each([
    ['il conto che termina con 4 7 5 4', 'il conto che termina con quattro sette cinque quattro'],
    ['il conto che termina con 0 0 A 9', 'il conto che termina con zero zero a nove'],
    [
      'IBAN IT60 X054 2811 1010 0000 0123 456',
      'ìban i ti sei zero, ics zero cinque quattro, due otto uno uno, uno zero uno zero, zero zero zero zero, zero uno due tre, quattro cinque sei',
    ],
    [`al numero ${defaultTheme.contactCenter}`, 'al numero otto zero tre, uno sei quattro'],
    [`da cellulare ${defaultTheme.contactCenterMobile}`, 'da cellulare zero sei, uno sei quattro, uno sei quattro'],
    // Any phone number, not only the theme's (more in speech-spoken-forms.test.ts).
    ['chiama il numero verde 800 123 456', 'chiama il numero verde otto zero zero, uno due tre, quattro cinque sei'],
  ])('spelled %j → %j', (text, spoken) => expect(it_(text)).toBe(spoken));

  it("reads the theme's numbers digit by digit whatever their shape", () => {
    const theme = { ...defaultTheme, contactCenter: '1500', contactCenterMobile: '+39 06 5994' };
    expect(speakable('chiama il 1500 o il +39 06 5994', 'it', { theme })).toBe(
      "chiama l'uno cinque zero zero o il più trentanove, zero sei, cinque nove nove quattro",
    );
    expect(speakable('call 1500', 'en', { theme })).toBe('call one five zero zero');
  });

  it.each([
    ['La NASpI ti spetta per 1 mese.', 'La Nàspi ti spetta per un mese.'],
    ['1 rata, 1 ora, 1 studente', "una rata, un'ora, uno studente"],
  ])('one %j → %j', (text, spoken) => expect(it_(text)).toBe(spoken));

  it.each([
    ['la NASpI e la NASpI-Com', 'la Nàspi e la Nàspi com'],
    ['il modello RED e la CU', 'il modello rèd e la ci u'],
    ["l'ISEE e l'IRPEF", "l'ìsee e l'ìrpef"],
    ['con SPID, CIE o CNS, tramite un CAF', 'con spid, ci i e o ci enne esse, tramite un caf'],
    ['il modello ObisM, la PEC, SIISL e AUU', 'il modello òbis emme, la pec, esse i i esse elle e a u u'],
    ['il contact center, online', 'il còntact sènter, onlàin'],
    // "modifica" is modìfica, as both engines already say it: no lexicon entry (it used to force mòdifica).
    ['scegli "Modifica della modalità di pagamento"', 'scegli Modifica della modalità di pagamento'],
    ['comunicalo subito', 'comùnicalo subito'],
    // Storyboards lower-case some labels: the lexicon still finds them.
    ['alcune agevolazioni: disability card', 'alcune agevolazioni: disabìliti card'],
    // Words that only contain an acronym's letters are left alone.
    ['REDDITO e credo', 'REDDITO e credo'],
  ])('lexicon %j → %j', (text, spoken) => expect(it_(text)).toBe(spoken));

  it('keeps names and apostrophes, drops what is only for the eye', () => {
    expect(it_('Gentile Nicolò D’Amico Dell’Acqua (Zoë) – «ciao»')).toBe("Gentile Nicolò D'Amico Dell'Acqua, Zoë, ciao");
  });

  it('falls back to plain numbers for a date it cannot say, instead of failing', () => {
    expect(it_('il 32 marzo')).toBe('il trentadue marzo');
    expect(en('on 0 May')).toBe('on zero May');
  });

  it('takes an institute lexicon on top of the built-in one', () => {
    expect(speakable('Chiama INPS o ACME', 'it', { lexicon: { it: { ACME: 'àcme' } } })).toBe('Chiama ìnps o àcme');
    expect(applyLexicon('NASpI', { NASpI: 'X' })).toBe('X');
  });
});

describe('speakable English', () => {
  it.each([
    [formatCents(123456, 'en'), 'one thousand two hundred and thirty-four euros and fifty-six cents'],
    [formatCents(50000, 'en'), 'five hundred euros'],
    [formatCents(100, 'en'), 'one euro'],
    [formatCents(101, 'en'), 'one euro and one cent'],
    [formatCents(50, 'en'), 'fifty cents'],
    ['up to 1,955 euros a year', 'up to one thousand nine hundred and fifty-five euros a year'],
    ['2,840.51 euros', 'two thousand eight hundred and forty euros and fifty-one cents'],
  ])('amount %j → %j', (text, spoken) => expect(en(text)).toBe(spoken));

  it.each([
    [`on ${formatDate('2026-03-15', 'en')}`, 'on the fifteenth of March twenty twenty-six'],
    ['from 1 April 2026', 'from the first of April twenty twenty-six'],
    ['by 30 June', 'by the thirtieth of June'],
    ['15/03/2026', 'the fifteenth of March twenty twenty-six'],
    ['March 15, 2026', 'March the fifteenth, twenty twenty-six'],
  ])('date %j → %j', (text, spoken) => expect(en(text)).toBe(spoken));

  it.each([
    ['your 2024 income', 'your twenty twenty-four income'],
    ['in month 6', 'in month six'],
    ['at 67%', 'at sixty-seven per cent'],
    ['multiplied by 4.33', 'multiplied by four point three three'],
    ['the 13th month, the 21st', 'the thirteenth month, the twenty-first'],
    ['the account ending in 4 7 5 4', 'the account ending in four seven five four'],
    [`call the contact centre on ${defaultTheme.contactCenter}`, 'call the contact centre on eight zero three, one six four'],
  ])('number %j → %j', (text, spoken) => expect(en(text)).toBe(spoken));

  it.each([
    ['NASpI and NASpI-Com', 'Naspi and Naspi Com'],
    ['the RED form, the CU', 'the red form, the C U'],
    ['ISEE and IRPEF', 'Eezay and Eerpef'],
    ['the withholdings: income tax (irpef)', 'the withholdings: income tax, Eerpef'],
    ['SPID, CIE or CNS, a CAF or a patronato', 'spid, C I E or C N S, a caf or a patronahto'],
    // "Ooneeko" made eSpeak NG stress oo-NEE-ko; Ùnico is stressed on its first syllable.
    ['your Certificazione Unica and the Assegno Unico', 'your Chairteefeekatsyohneh Ooneeka and the Assenyo Ooneekoh'],
  ])('lexicon %j → %j', (text, spoken) => expect(en(text)).toBe(spoken));
});

import { describe, expect, it } from 'vitest';
import { formatCents, formatDate } from '../compositions/common/locale';
import { defaultTheme } from '../compositions/common/theme';
import { isFeminineIt, oneBeforeIt } from '../speech/numbers-it';
import { isItalianPhoneShape } from '../speech/phone-numbers';
import { speakable } from '../speech/speakable';

const it_ = (s: string) => speakable(s, 'it');
const en = (s: string) => speakable(s, 'en');

describe('Italian: 1 before a noun agrees like the indefinite article', () => {
  it.each([
    ['1 mese', 'un mese'],
    ['1 anno', 'un anno'],
    ['1 figlio', 'un figlio'],
    ['1 giorno', 'un giorno'],
    ['1 componente', 'un componente'],
    ['1 studente', 'uno studente'],
    ['1 zio', 'uno zio'],
    ['1 gnomo', 'uno gnomo'],
    ['1 psicologo', 'uno psicologo'],
    ['1 SPID', 'uno spid'],
    ['1 rata', 'una rata'],
    ['1 settimana', 'una settimana'],
    ['1 figlia', 'una figlia'],
    ['1 volta al mese', 'una volta al mese'],
    ['1 mensilità', 'una mensilità'],
    ['1 pensione', 'una pensione'],
    ['1 parte', 'una parte'],
    ['1 card', 'una card'],
    ['1 ora', "un'ora"],
    ['1 altra rata', "un'altra rata"],
    ['1 unica rata', "un'unica rata"],
    ['1 altro mese', 'un altro mese'],
    ['1 solo mese', 'un solo mese'],
    ['1 problema', 'un problema'],
    ['La NASpI ti spetta per 1 mese.', 'La Nàspi ti spetta per un mese.'],
    ['arretrati per 1 mese e 1 settimana', 'arretrati per un mese e una settimana'],
    // Only the bare 1: 21, 31… keep the cardinal ("ventuno mesi", as the institute's letters say).
    ['21 mesi', 'ventuno mesi'],
    ['31 giorni', 'trentuno giorni'],
    ['101 giorni', 'centouno giorni'],
    // The other 1s: an ordinal date, a percentage, an amount, a number on its own, a label.
    ['dal 1º marzo', 'dal primo marzo'],
    ['il 1 aprile 2026', 'il primo aprile duemilaventisei'],
    ["dall'1 marzo", 'dal primo marzo'],
    ['1%', 'uno per cento'],
    ['del 1%', "dell'uno per cento"],
    ['1 euro', 'un euro'],
    [formatCents(100, 'it'), 'un euro'],
    ['1,5 mesi', 'uno virgola cinque mesi'],
    ['1 e 2', 'uno e due'],
    ['1 su 3', 'uno su tre'],
    ['1 dei figli', 'uno dei figli'],
    ['da 1 a 3 mesi', 'da uno a tre mesi'],
    ['il mese 1 riceverai', 'il mese uno riceverai'],
    ['articolo 1 comma 2', 'articolo uno comma due'],
    ['la rata 1 scade', 'la rata uno scade'],
    ['1.000 persone', 'mille persone'],
  ])('%j → %j', (text, spoken) => expect(it_(text)).toBe(spoken));

  it.each([
    ['mese', false],
    ['anno', false],
    ['rata', true],
    ['settimana', true],
    ['mensilità', true],
    ['prestazione', true],
    ['serie', true],
    ['diagnosi', true],
    ['problema', false],
    ['sistema', false],
    ['papà', false],
    ['legge', true],
    ['componente', false],
  ])('gender of %s: feminine %s', (word, feminine) => expect(isFeminineIt(word)).toBe(feminine));

  it.each([
    ['mese', 'un'],
    ['zaino', 'uno'],
    ['studente', 'uno'],
    ['iato', 'uno'],
    ['ora', "un'"],
    ['rata', 'una'],
    ['iena', 'una'],
    ['hotel', 'un'],
  ])('one before %s → %s', (word, one) => expect(oneBeforeIt(word)).toBe(one));
});

describe('phone numbers are read digit by digit, in groups', () => {
  it.each([
    // The theme's own numbers, from a landline and from a mobile.
    [`al numero ${defaultTheme.contactCenter}`, 'al numero otto zero tre, uno sei quattro'],
    [`da cellulare ${defaultTheme.contactCenterMobile}`, 'da cellulare zero sei, uno sei quattro, uno sei quattro'],
    [
      '803 164 da rete fissa, gratuito, oppure 06 164 164 da cellulare',
      'otto zero tre, uno sei quattro da rete fissa, gratuito, oppure zero sei, uno sei quattro, uno sei quattro da cellulare',
    ],
    // Any other Italian number, by its shape.
    ['il numero verde 800 123 456', 'il numero verde otto zero zero, uno due tre, quattro cinque sei'],
    ['chiama lo 02 1234 5678', 'chiama lo zero due, uno due tre quattro, cinque sei sette otto'],
    ['chiama il 06 164 164', 'chiama lo zero sei, uno sei quattro, uno sei quattro'],
    ['+39 06 164 164', 'più trentanove, zero sei, uno sei quattro, uno sei quattro'],
    ['dal cellulare 333 123 4567', 'dal cellulare tre tre tre, uno due tre, quattro cinque sei sette'],
    ['333 1234567', 'tre tre tre, uno due tre, quattro cinque sei sette'],
    ['0461 123456', 'zero quattro sei uno, uno due tre, quattro cinque sei'],
    ['848 800 333', 'otto quattro otto, otto zero zero, tre tre tre'],
    // Any digits after a phone cue, however they are written.
    ['chiama il numero 803164', 'chiama il numero otto zero tre, uno sei quattro'],
    ['telefono: 06.164.164', 'telefono: zero sei, uno sei quattro, uno sei quattro'],
    ['tel. 06-164164', 'telefono zero sei, uno sei quattro, uno sei quattro'],
    ['al numero 0039 06 164164', 'al numero zero zero tre nove, zero sei, uno sei quattro, uno sei quattro'],
  ])('Italian %j → %j', (text, spoken) => expect(it_(text)).toBe(spoken));

  it.each([
    [`call the contact centre on ${defaultTheme.contactCenter}`, 'call the contact centre on eight zero three, one six four'],
    [`from a mobile ${defaultTheme.contactCenterMobile}`, 'from a mobile zero six, one six four, one six four'],
    ['call 800 123 456', 'call eight zero zero, one two three, four five six'],
    ['+39 06 164 164', 'plus three nine, zero six, one six four, one six four'],
    ['mobile 333 123 4567', 'mobile three three three, one two three, four five six seven'],
    ['phone 02 1234 5678', 'phone zero two, one two three four, five six seven eight'],
    ['call 803164', 'call eight zero three, one six four'],
    ['on 06-164-164', 'on zero six, one six four, one six four'],
  ])('English %j → %j', (text, spoken) => expect(en(text)).toBe(spoken));

  // Numbers that are not phone numbers keep their meaning.
  it.each([
    [formatCents(123456, 'it'), 'milleduecentotrentaquattro euro e cinquantasei'],
    ['8.500 €', 'ottomilacinquecento euro'],
    ['al numero 1.234.567 di domande', 'al numero un milione duecentotrentaquattromilacinquecentosessantasette di domande'],
    ['i redditi del 2025', 'i redditi del duemilaventicinque'],
    ['nel 2025 300 persone', 'nel duemilaventicinque trecento persone'],
    [formatDate('2026-03-15', 'it'), 'quindici marzo duemilaventisei'],
    ['al 15 marzo 2026', 'al quindici marzo duemilaventisei'],
    ['al 75%', 'al settantacinque per cento'],
    ['il conto che termina con 4 7 5 4', 'il conto che termina con quattro sette cinque quattro'],
    ['24 mesi', 'ventiquattro mesi'],
    ['moltiplicate per 4,33', 'moltiplicate per quattro virgola trentatré'],
    ['al numero 3', 'al numero tre'],
    ['chiama il 112', 'chiama il centododici'],
    ['legge 104', 'legge centoquattro'],
    ['al 31 12', 'al trentuno dodici'],
    ['300 450', 'trecento quattrocentocinquanta'],
    ['al 1234567,5', 'al un milione duecentotrentaquattromilacinquecentosessantasette virgola cinque'],
    ['al numero 06 164 164 5%', 'al numero zero sei, uno sei quattro, uno sei quattro cinque per cento'],
  ])('Italian, not a phone number: %j → %j', (text, spoken) => expect(it_(text)).toBe(spoken));

  it.each([
    [formatCents(123456, 'en'), 'one thousand two hundred and thirty-four euros and fifty-six cents'],
    ['on 1 April 2026', 'on the first of April twenty twenty-six'],
    ['on 2025-03-15', 'on the fifteenth of March twenty twenty-five'],
    ['your 2024 income', 'your twenty twenty-four income'],
    ['on 100,000 euros', 'on one hundred thousand euros'],
    ['on 24 months', 'on twenty-four months'],
    ['multiplied by 4.33', 'multiplied by four point three three'],
  ])('English, not a phone number: %j → %j', (text, spoken) => expect(en(text)).toBe(spoken));

  it.each([
    [['803', '164'], true],
    [['800', '123', '456'], true],
    [['06', '164', '164'], true],
    [['02', '1234', '5678'], true],
    [['333', '123', '4567'], true],
    [['333', '1234567'], true],
    [['2025', '300'], false],
    [['300', '450'], false],
    [['24', '12'], false],
    [['06', '16'], false],
    [['333', '123'], false],
    [['803'], false],
  ])('shape of %j: phone %s', (groups, phone) => expect(isItalianPhoneShape(groups)).toBe(phone));
});

describe('Italian siblings: elision, ranges, abbreviations, times', () => {
  it.each([
    // Elision and plural articles before a number said with a vowel.
    ['Dal 8 marzo al 11 maggio', "Dall'otto marzo all'undici maggio"],
    ['dal 8º mese', "dall'ottavo mese"],
    ['Dal ottavo mese', "Dall'ottavo mese"],
    ['del 80%', "dell'ottanta per cento"],
    ['i 8 mesi dalla decorrenza', 'gli otto mesi dalla decorrenza'],
    ['per i 11 mesi', 'per gli undici mesi'],
    ['dei 8 mesi', 'degli otto mesi'],
    ['del 0%', 'dello zero per cento'],
    ['il 0,5%', 'lo zero virgola cinque per cento'],
    ['dal 1 al 5', "dall'uno al cinque"],
    // …but never inside something spelled: an IBAN's "I" before an 8 stays "i otto".
    ['il conto che termina con I 8 1 2', 'il conto che termina con i otto uno due'],
    [
      'IBAN IT60 X054 2811 1I80 0000 0123 456',
      'ìban i ti sei zero, ics zero cinque quattro, due otto uno uno, uno i otto zero, zero zero zero zero, zero uno due tre, quattro cinque sei',
    ],
    ['la 13ª e la 14esima', 'la tredicesima e la quattordicesima'],
    // Ranges.
    ['chi ha 18–59 anni', 'chi ha da diciotto a cinquantanove anni'],
    ['tra 18–59 anni', 'tra diciotto e cinquantanove anni'],
    ['dai 18-59 anni', 'dai diciotto ai cinquantanove anni'],
    ['un verbale 0–33%', 'un verbale da zero a trentatré per cento'],
    ['negli anni 2024–2025', 'negli anni dal duemilaventiquattro al duemilaventicinque'],
    ['il 18–20 marzo', 'dal diciotto al venti marzo'],
    ['1–3 mesi', 'da uno a tre mesi'],
    ['500–1.000 €', 'da cinquecento a mille euro'],
    ['2026-03-15', 'quindici marzo duemilaventisei'],
    // A falling hyphenated pair is no range: "803-164" is the contact centre written with a hyphen.
    ['803-164', 'otto zero tre, uno sei quattro'],
    // Abbreviations of the institute's letters.
    ['art. 3, c. 2', 'articolo tre, comma due'],
    ['L. 104/1992', 'legge centoquattro del millenovecentonovantadue'],
    ['la legge 104/92', 'la legge centoquattro del novantadue'],
    ['D.Lgs. 22/2015', 'decreto legislativo ventidue del duemilaquindici'],
    ['il modulo n. 5', 'il modulo numero cinque'],
    ['il nº 5', 'il numero cinque'],
    ['Gentile Sig.ra Rossi', 'Gentile Signora Rossi'],
    ['documenti, ricevute ecc. Poi', 'documenti, ricevute eccetera. Poi'],
    ['ricevute ecc. da allegare', 'ricevute eccetera da allegare'],
    ['ad es. il cedolino', 'ad esempio il cedolino'],
    ['entro 30 gg', 'entro trenta giorni'],
    ['max 12 mesi', 'massimo dodici mesi'],
    ['500 €/mese', 'cinquecento euro al mese'],
    // Times.
    ['dalle 8:30 alle 13:00', 'dalle otto e trenta alle tredici'],
    ['alle ore 8.30', 'alle ore otto e trenta'],
    ['alle 1:00', "all'una"],
    ['alle 9:05', 'alle nove e cinque'],
  ])('%j → %j', (text, spoken) => expect(it_(text)).toBe(spoken));
});

describe('English siblings: ranges, abbreviations, times', () => {
  it.each([
    ['people aged 18–59', 'people aged eighteen to fifty-nine'],
    ['between 18–59', 'between eighteen and fifty-nine'],
    ['a 0–33% verdict', 'a zero to thirty-three per cent verdict'],
    ['from 18–20 March', 'from the eighteenth to the twentieth of March'],
    ['in 2024–2025', 'in twenty twenty-four to twenty twenty-five'],
    ['at 0.5%', 'at zero point five per cent'],
    ['Law 104/1992', 'Law one hundred and four of nineteen ninety-two'],
    ['form no. 5', 'form number five'],
    ['No. 5', 'Number five'],
    ['Art. 3', 'Article three'],
    ['payslips, receipts, etc. Then', 'payslips, receipts, et cetera. Then'],
    ['a document, e.g. the payslip', 'a document, for example the payslip'],
    ['€500/month', 'five hundred euros a month'],
    ['from 8:30 to 13:00', 'from eight thirty to thirteen hundred'],
    ['at 9:00', "at nine o'clock"],
    ['at 9:05', 'at nine oh five'],
    ['at 8.30 am', 'at eight thirty a m'],
    ['the 1st, the 8th', 'the first, the eighth'],
  ])('%j → %j', (text, spoken) => expect(en(text)).toBe(spoken));
});

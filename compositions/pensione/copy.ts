import { l } from '../common/copy';
import { cap, prepArt, the, type SimplePrep } from '../common/italian';
import { formatCents, formatEuroWhole, type Localized } from '../common/locale';
import type { PENSION_FUNDS, PENSION_TYPES, WITHHOLDING_KINDS } from './schema';

type PensionType = (typeof PENSION_TYPES)[number];

export const PENSION_TYPE_LABEL: Record<PensionType, Localized> = {
  'old-age': l('Pensione di vecchiaia', 'Old-age pension'),
  early: l('Pensione anticipata', 'Early retirement pension'),
  'disability-allowance': l('Assegno ordinario di invalidità', 'Ordinary disability allowance'),
  inability: l('Pensione di inabilità', 'Incapacity pension'),
  survivors: l('Pensione ai superstiti', "Survivor's pension"),
};

/** The pension type with its article, for running text ("Ti spetta l'assegno ordinario…"). */
export const PENSION_TYPE_WITH_ARTICLE: Record<PensionType, Localized> = {
  'old-age': l('la pensione di vecchiaia', 'an old-age pension'),
  early: l('la pensione anticipata', 'an early retirement pension'),
  'disability-allowance': l("l'assegno ordinario di invalidità", 'an ordinary disability allowance'),
  inability: l('la pensione di inabilità', 'an incapacity pension'),
  survivors: l('la pensione ai superstiti', "a survivor's pension"),
};

/**
 * How the copy names the benefit in running text: the disability allowance is an "assegno"
 * (masculine), every other type a "pensione" (feminine); `o` is the ending its participles take.
 */
export interface BenefitNoun {
  the: Localized;
  The: Localized;
  your: Localized;
  Your: Localized;
  /** Participle ending in agreement: "pagata" / "pagato". */
  o: 'a' | 'o';
  /** Object pronoun: "la ricevi" / "lo ricevi". */
  it: 'la' | 'lo';
  /** "(mesi) di pensione" / "(mesi) di assegno". */
  of: string;
}
export function benefitNoun(type: PensionType): BenefitNoun {
  if (type === 'disability-allowance')
    return {
      the: l("l'assegno", 'the allowance'),
      The: l("L'assegno", 'The allowance'),
      your: l('il tuo assegno', 'your allowance'),
      Your: l('Il tuo assegno', 'Your allowance'),
      o: 'o',
      it: 'lo',
      of: 'di assegno',
    };
  return {
    the: l('la pensione', 'the pension'),
    The: l('La pensione', 'The pension'),
    your: l('la tua pensione', 'your pension'),
    Your: l('La tua pensione', 'Your pension'),
    o: 'a',
    it: 'la',
    of: 'di pensione',
  };
}

/** The fund with its article: "il Fondo…", "la Gestione…" (prepositions go through `withPrep`). */
export const FUND_WITH_ARTICLE: Record<(typeof PENSION_FUNDS)[number], Localized> = {
  'private-employees': l('il Fondo pensioni lavoratori dipendenti', "the Employees' Pension Fund"),
  'self-employed': l('la Gestione dei lavoratori autonomi', "the Self-employed Workers' Fund"),
  cpdel: l('la Cassa pensioni dei dipendenti degli enti locali (CPDEL)', "the Local Government Employees' Fund (CPDEL)"),
};

export const FUND_LABEL: Record<(typeof PENSION_FUNDS)[number], Localized> = {
  'private-employees': l('Fondo pensioni lavoratori dipendenti', "Employees' Pension Fund"),
  'self-employed': l('Gestione dei lavoratori autonomi', "Self-employed Workers' Fund"),
  cpdel: l('Cassa pensioni enti locali (CPDEL)', "Local Government Employees' Fund (CPDEL)"),
};

export const WITHHOLDING_LABEL: Record<(typeof WITHHOLDING_KINDS)[number], Localized> = {
  irpef: l('IRPEF', 'Income tax (IRPEF)'),
  'regional-surcharge': l('Addizionale regionale', 'Regional surcharge'),
  'municipal-surcharge': l('Addizionale comunale', 'Municipal surcharge'),
  'municipal-advance': l('Acconto addizionale comunale', 'Municipal surcharge advance'),
  'tax-adjustment': l('Conguaglio fiscale', 'Tax adjustment'),
  'union-dues': l('Trattenuta sindacale', 'Union dues'),
};

/** The same line in running text, with its article: "l'IRPEF", "la trattenuta sindacale", "income tax (IRPEF)". */
export const withholdingInText = (kind: (typeof WITHHOLDING_KINDS)[number]): Localized => {
  const it: Record<(typeof WITHHOLDING_KINDS)[number], string> = {
    irpef: the('IRPEF', 'f'),
    'regional-surcharge': the('addizionale regionale', 'f'),
    'municipal-surcharge': the('addizionale comunale', 'f'),
    'municipal-advance': `${the('acconto')} ${prepArt('di', 'addizionale comunale', 'f')}`,
    'tax-adjustment': the('conguaglio fiscale'),
    'union-dues': the('trattenuta sindacale', 'f'),
  };
  const en: Record<(typeof WITHHOLDING_KINDS)[number], string> = {
    irpef: 'income tax (IRPEF)',
    'regional-surcharge': 'the regional surcharge',
    'municipal-surcharge': 'the municipal surcharge',
    'municipal-advance': 'the municipal surcharge advance',
    'tax-adjustment': 'a tax adjustment',
    'union-dues': 'union dues',
  };
  return l(it[kind], en[kind]);
};

/** An obligation that only some pension types carry, spoken after the common ones. */
export const TYPE_OBLIGATION: Partial<Record<PensionType, { title: Localized; text: Localized }>> = {
  early: {
    title: l('Se torni a lavorare', 'If you go back to work'),
    text: l(
      'Alcune pensioni anticipate non si possono sommare ai redditi da lavoro: prima di accettare un lavoro, verifica i limiti.',
      'Some early pensions cannot be combined with income from work: check the limits before you take a job.',
    ),
  },
  'disability-allowance': {
    title: l('Rinnovo ogni tre anni', 'Renewal every three years'),
    text: l(
      "L'assegno ordinario di invalidità dura tre anni: chiedi la conferma prima che scada.",
      'The ordinary disability allowance lasts three years: ask for it to be confirmed before it runs out.',
    ),
  },
  survivors: {
    title: l('Altri redditi', 'Other income'),
    text: l(
      'Se hai altri redditi, la pensione ai superstiti può essere ridotta: dichiarali ogni anno.',
      "If you have other income, the survivor's pension may be reduced: declare it every year.",
    ),
  },
  inability: {
    title: l('Nessun lavoro', 'No work at all'),
    text: l(
      'La pensione di inabilità non è compatibile con nessuna attività lavorativa: se riprendi a lavorare, comunicalo subito.',
      'The incapacity pension cannot be combined with any work at all: if you start working again, tell us at once.',
    ),
  },
};

const IT_MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A month's name, with its year unless it is `sameYear`: "marzo", "dicembre 2025". */
export function monthName(month: string, sameYear?: number): Localized {
  const y = Number(month.slice(0, 4));
  const i = Number(month.slice(5, 7)) - 1;
  const year = sameYear === y ? '' : ` ${y}`;
  return l(`${IT_MONTHS[i]}${year}`, `${EN_MONTHS[i]}${year}`);
}

/** "i 3 mesi", "gli 8 mesi", "agli 11 mesi", "al mese": numbers said with a vowel take "gli". */
export const monthsWithArticle = (n: number, prep?: SimplePrep): string =>
  n === 1 ? (prep ? prepArt(prep, 'mese') : the('mese')) : prep ? prepArt(prep, `${n} mesi`, 'm', 'pl') : the(`${n} mesi`, 'm', 'pl');

/** "a marzo" → "ad aprile" before the same vowel (euphonic d). */
export const aOrAd = (word: string): string => (/^a/i.test(word) ? `ad ${word}` : `a ${word}`);

/** Amounts said in running text: whole euros without cents ("655 €"), otherwise with them. */
export const euro = (c: number): Localized =>
  c % 100 === 0 ? l(formatEuroWhole(c, 'it'), formatEuroWhole(c, 'en')) : l(formatCents(c, 'it'), formatCents(c, 'en'));

export { cap };

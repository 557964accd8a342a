import { l } from '../common/copy';
import type { Localized } from '../common/locale';
import type { PENSION_FUNDS, PENSION_TYPES, WITHHOLDING_KINDS } from './schema';

export const PENSION_TYPE_LABEL: Record<(typeof PENSION_TYPES)[number], Localized> = {
  'old-age': l('pensione di vecchiaia', 'old-age pension'),
  early: l('pensione anticipata', 'early retirement pension'),
  'disability-allowance': l("assegno ordinario di invalidità", 'ordinary disability allowance'),
  inability: l('pensione di inabilità', 'incapacity pension'),
  survivors: l('pensione ai superstiti', "survivor's pension"),
};

/** The pension type with its article, for running text ("Ti spetta l'assegno ordinario…"). */
export const PENSION_TYPE_WITH_ARTICLE: Record<(typeof PENSION_TYPES)[number], Localized> = {
  'old-age': l('la pensione di vecchiaia', 'an old-age pension'),
  early: l('la pensione anticipata', 'an early retirement pension'),
  'disability-allowance': l("l'assegno ordinario di invalidità", 'an ordinary disability allowance'),
  inability: l('la pensione di inabilità', 'an incapacity pension'),
  survivors: l('la pensione ai superstiti', "a survivor's pension"),
};

/** "a carico del Fondo…", "della Gestione…". */
export const FUND_AFTER_DI: Record<(typeof PENSION_FUNDS)[number], Localized> = {
  'private-employees': l('del Fondo pensioni lavoratori dipendenti', "the Employees' pension fund"),
  'self-employed': l('della Gestione dei lavoratori autonomi', "the Self-employed workers' fund"),
  cpdel: l('della Cassa pensioni dei dipendenti degli enti locali (CPDEL)', "the Local government employees' fund (CPDEL)"),
};

export const FUND_LABEL: Record<(typeof PENSION_FUNDS)[number], Localized> = {
  'private-employees': l('Fondo pensioni lavoratori dipendenti', "Employees' pension fund"),
  'self-employed': l('Gestione dei lavoratori autonomi', "Self-employed workers' fund"),
  cpdel: l('Cassa pensioni dei dipendenti degli enti locali (CPDEL)', "Local government employees' fund (CPDEL)"),
};

export const WITHHOLDING_LABEL: Record<(typeof WITHHOLDING_KINDS)[number], Localized> = {
  irpef: l('IRPEF', 'Income tax (IRPEF)'),
  'regional-surcharge': l('Addizionale regionale', 'Regional surcharge'),
  'municipal-surcharge': l('Addizionale comunale', 'Municipal surcharge'),
  'municipal-advance': l('Acconto addizionale comunale', 'Municipal surcharge advance'),
  'tax-adjustment': l('Conguaglio fiscale', 'Tax adjustment'),
  'union-dues': l('Trattenuta sindacale', 'Union dues'),
};

/** An obligation that only some pension types carry, spoken after the common ones. */
export const TYPE_OBLIGATION: Partial<Record<(typeof PENSION_TYPES)[number], { title: Localized; text: Localized }>> = {
  early: {
    title: l('Se torni a lavorare', 'If you go back to work'),
    text: l(
      'Alcune pensioni anticipate non si possono cumulare con i redditi da lavoro: verifica i limiti prima di accettare un impiego.',
      'Some early pensions cannot be combined with work income: check the limits before you accept a job.',
    ),
  },
  'disability-allowance': {
    title: l('Rinnovo ogni tre anni', 'Renewal every three years'),
    text: l(
      "L'assegno ordinario di invalidità dura tre anni: chiedi la conferma prima della scadenza.",
      'The ordinary disability allowance lasts three years: ask for it to be confirmed before it expires.',
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
    title: l('Nessun lavoro', 'No work'),
    text: l(
      'La pensione di inabilità non è compatibile con qualsiasi attività lavorativa.',
      'The incapacity pension is not compatible with any work.',
    ),
  },
};

import { l } from '../common/copy';
import type { Localized } from '../common/locale';
import type { BenefitKind, Law104, MinorFinding, TaxBenefit } from './rules';

/** Benefit names inside a sentence, with the Italian article. */
export const BENEFIT_INLINE: Record<BenefitKind, Localized> = {
  'monthly-allowance': l("l'assegno mensile di assistenza", 'the monthly assistance allowance'),
  'inability-pension': l('la pensione di inabilità', 'the incapacity pension'),
  'attendance-allowance': l("l'indennità di accompagnamento", 'the attendance allowance'),
  'frequency-allowance': l("l'indennità di frequenza", 'the school attendance allowance (indennità di frequenza)'),
  'deaf-pension': l('la pensione per sordi', 'the deafness pension'),
  'communication-allowance': l("l'indennità di comunicazione", 'the communication allowance'),
  'blind-pension': l('la pensione per ciechi assoluti', 'the pension for the totally blind'),
  'blind-attendance-allowance': l("l'indennità di accompagnamento per ciechi assoluti", 'the attendance allowance for the totally blind'),
};

/** Short labels for screen rows (1280×720: a few words each). */
export const BENEFIT_LABEL: Record<BenefitKind, Localized> = {
  'monthly-allowance': l('Assegno mensile di assistenza', 'Monthly assistance allowance'),
  'inability-pension': l('Pensione di inabilità', 'Incapacity pension'),
  'attendance-allowance': l('Indennità di accompagnamento', 'Attendance allowance'),
  'frequency-allowance': l('Indennità di frequenza', 'School attendance allowance'),
  'deaf-pension': l('Pensione per sordi', 'Deafness pension'),
  'communication-allowance': l('Indennità di comunicazione', 'Communication allowance'),
  'blind-pension': l('Pensione per ciechi assoluti', 'Pension for the totally blind'),
  'blind-attendance-allowance': l('Accompagnamento ciechi assoluti', 'Attendance allowance (blind)'),
};

export const ASSESSMENT_BADGE = {
  'civil-invalidity': l('Invalidità civile', 'Civil invalidity'),
  'not-recognised': l('Invalidità non riconosciuta', 'Invalidity not recognised'),
  deafness: l('Sordità', 'Deafness'),
  blindness: l('Cecità assoluta', 'Total blindness'),
} as const;

/** The minor's finding, on screen. */
export const MINOR_FINDING_LABEL: Record<MinorFinding, Localized> = {
  'not-invalid': l('Invalidità non riconosciuta', 'Invalidity not recognised'),
  'persistent-difficulties': l('Difficoltà persistenti', 'Persistent difficulties'),
  'needs-constant-help': l('Bisogno di assistenza continua', 'Needs constant help'),
};

/** The L. 104 outcome on screen; `not-assessed` is never shown. */
export const LAW104_LABEL: Record<Exclude<Law104, 'not-assessed'>, Localized> = {
  'not-recognised': l('Non riconosciuta', 'Not recognised'),
  art3c1: l('Riconosciuta (art. 3, c. 1)', 'Recognised (art. 3(1))'),
  art3c3: l('Grave (art. 3, c. 3)', 'Severe (art. 3(3))'),
};

export const CAR_SHORT: Record<Extract<TaxBenefit, 'car-vat-4' | 'car-irpef-19' | 'car-tax-exemption'>, Localized> = {
  'car-vat-4': l('IVA al 4%', '4% VAT'),
  'car-irpef-19': l('detrazione IRPEF del 19%', '19% income-tax deduction'),
  'car-tax-exemption': l('niente bollo auto', 'no car tax'),
};

/** "a Luca", "ad Anna": the euphonic d before a name that starts with a. */
export const aName = (name: string): string => (/^[aA]/.test(name) ? `ad ${name}` : `a ${name}`);

/** "Luca's", the English possessive. */
export const possessive = (name: string): string => `${name}'s`;

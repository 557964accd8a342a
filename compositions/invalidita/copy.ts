import { l } from '../common/copy';
import type { Localized } from '../common/locale';
import type { ASSESSMENTS, ECONOMIC_BENEFITS, TAX_BENEFITS } from './schema';

export const ASSESSMENT_LABEL: Record<(typeof ASSESSMENTS)[number], Localized> = {
  'civil-invalidity': l('invalidità civile', 'civil invalidity'),
  deafness: l('sordità', 'deafness'),
  blindness: l('cecità civile', 'civil blindness'),
};

/** The same, with the article running text needs ("ti è stata riconosciuta l'invalidità civile"). */
export const ASSESSMENT_WITH_ARTICLE: Record<(typeof ASSESSMENTS)[number], Localized> = {
  'civil-invalidity': l("l'invalidità civile", 'civil invalidity'),
  deafness: l('la sordità', 'deafness'),
  blindness: l('la cecità civile', 'civil blindness'),
};

/** Benefit names inside a sentence, with the Italian article. */
export const BENEFIT_INLINE: Record<(typeof ECONOMIC_BENEFITS)[number], Localized> = {
  'monthly-allowance': l("l'assegno mensile di assistenza", 'the monthly assistance allowance'),
  'inability-pension': l('la pensione di inabilità', 'the incapacity pension'),
  'attendance-allowance': l("l'indennità di accompagnamento", 'the attendance allowance'),
  'frequency-allowance': l("l'indennità di frequenza", 'the attendance-at-school allowance'),
  'deaf-pension': l('la pensione per sordi', 'the deafness pension'),
  'communication-allowance': l("l'indennità di comunicazione", 'the communication allowance'),
  'blind-pension': l('la pensione per ciechi', 'the blindness pension'),
};

export const BENEFIT_LABEL: Record<(typeof ECONOMIC_BENEFITS)[number], Localized> = {
  'monthly-allowance': l('Assegno mensile di assistenza', 'Monthly assistance allowance'),
  'inability-pension': l('Pensione di inabilità', 'Incapacity pension'),
  'attendance-allowance': l('Indennità di accompagnamento', 'Attendance allowance'),
  'frequency-allowance': l('Indennità di frequenza', 'Attendance-at-school allowance'),
  'deaf-pension': l('Pensione per sordi', 'Deafness pension'),
  'communication-allowance': l('Indennità di comunicazione', 'Communication allowance'),
  'blind-pension': l('Pensione per ciechi', 'Blindness pension'),
};

/** `inline` is the form used inside a sentence (article, lower case where Italian wants it). */
export const TAX_LABEL: Record<(typeof TAX_BENEFITS)[number], { title: Localized; text: Localized; inline: Localized }> = {
  'car-vat-4': {
    title: l('IVA al 4% sull’auto', '4% VAT on a car'),
    text: l('Per l’acquisto di un veicolo adattato o per la mobilità', 'When buying a car for your mobility'),
    inline: l('l’IVA al 4% sull’auto', '4% VAT on a car'),
  },
  'car-irpef-19': {
    title: l('Detrazione IRPEF del 19%', '19% income-tax deduction'),
    text: l('Sulla spesa per l’auto, fino a 18.075,99 € ogni 4 anni', 'On the car, up to €18,075.99 every 4 years'),
    inline: l('la detrazione IRPEF del 19% sull’auto', 'a 19% income-tax deduction on the car'),
  },
  'car-tax-exemption': {
    title: l('Esenzione dal bollo auto', 'Car tax exemption'),
    text: l('E dall’imposta di trascrizione', 'And from the registration tax'),
    inline: l('l’esenzione dal bollo auto', 'exemption from car tax'),
  },
  'paid-leave': {
    title: l('Permessi retribuiti', 'Paid leave'),
    text: l('Tre giorni al mese per te o per chi ti assiste', 'Three days a month for you or your carer'),
    inline: l('i permessi retribuiti', 'paid leave'),
  },
  'disability-card': {
    title: l('Disability Card', 'Disability Card'),
    text: l('Valida in tutta Europa per agevolazioni e accessi', 'Valid across Europe for concessions and access'),
    inline: l('la Disability Card', 'the Disability Card'),
  },
};

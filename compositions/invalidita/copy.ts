import { l } from '../common/copy';
import type { Localized } from '../common/locale';
import type { ASSESSMENTS, ECONOMIC_BENEFITS, TAX_BENEFITS } from './schema';

export const ASSESSMENT_LABEL: Record<(typeof ASSESSMENTS)[number], Localized> = {
  'civil-invalidity': l('invalidità civile', 'civil invalidity'),
  deafness: l('sordità', 'deafness'),
  blindness: l('cecità civile', 'civil blindness'),
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

export const TAX_LABEL: Record<(typeof TAX_BENEFITS)[number], { title: Localized; text: Localized }> = {
  'car-vat-4': { title: l('IVA al 4% sull’auto', '4% VAT on a car'), text: l('Per l’acquisto di un veicolo adattato o per la mobilità', 'When buying a car for your mobility') },
  'car-irpef-19': { title: l('Detrazione IRPEF del 19%', '19% income-tax deduction'), text: l('Sulla spesa per l’auto, fino a 18.075,99 € ogni 4 anni', 'On the car, up to €18,075.99 every 4 years') },
  'car-tax-exemption': { title: l('Esenzione dal bollo auto', 'Car tax exemption'), text: l('E dall’imposta di trascrizione', 'And from the registration tax') },
  'paid-leave': { title: l('Permessi retribuiti', 'Paid leave'), text: l('Tre giorni al mese per te o per chi ti assiste', 'Three days a month for you or your carer') },
  'disability-card': { title: l('Disability Card', 'Disability Card'), text: l('Valida in tutta Europa per agevolazioni e accessi', 'Valid across Europe for concessions and access') },
};

import { l } from '../common/copy';
import type { Localized } from '../common/locale';
import type { BLOCK_REASONS, MISSING_ITEMS } from './schema';

export const REASON_BADGE: Record<(typeof BLOCK_REASONS)[number], Localized> = {
  'missing-information': l('Domanda da completare', 'Application to complete'),
  'missing-documents': l('Mancano documenti', 'Documents missing'),
  'iban-error': l('Pagamento non riuscito', 'Payment failed'),
};

export const ITEM_LABEL: Record<(typeof MISSING_ITEMS)[number], Localized> = {
  'adult-child-declaration': l('la dichiarazione per il figlio maggiorenne (studio, lavoro o disoccupazione)', 'the declaration for your adult child (study, work or unemployment)'),
  'separated-parents-data': l("i dati dell'altro genitore separato", 'the details of the separated other parent'),
  'other-parent-data': l("i dati dell'altro genitore", 'the details of the other parent'),
  'disability-certificate': l('il certificato di disabilità del figlio', "your child's disability certificate"),
  'residence-permit': l('il permesso di soggiorno', 'your residence permit'),
  'large-family-data': l('i dati per la maggiorazione dei nuclei numerosi', 'the details for the large-family increase'),
};

import type { GuideType } from '../../compositions/common/envelope';
import { OUTCOME_KINDS, type OutcomeKind } from '../../contract/impact';
import type { Localized } from '../../compositions/common/locale';
import type { ServiceId } from '../../compositions/common/storyboard-types';

/**
 * What the institute reports after the fact (POST /api/outcomes, docs/impact.md): one outcome is one
 * event of one citizen on one day.
 */
export { OUTCOME_KINDS, type OutcomeKind };

/**
 * The online services of the guides' buttons, named for analysts (the citizen-facing wording is in
 * compositions/speech/transcript.ts). A Record over ServiceId: a new service fails to compile until named.
 */
export const SERVICE_LABELS: Record<ServiceId, Localized> = {
  'naspi-payments': { it: 'Pagamenti NASpI', en: 'NASpI payments' },
  'naspi-com': { it: 'NASpI-Com (nuovo lavoro e variazioni)', en: 'NASpI-Com (new job and changes)' },
  'naspi-advance': { it: 'Anticipo NASpI', en: 'NASpI advance' },
  'pension-payslip': { it: 'Cedolino della pensione', en: 'Pension payslip' },
  'pension-cu': { it: 'Certificazione Unica', en: 'Certificazione Unica (CU)' },
  'pension-certificate': { it: 'Certificato di pensione', en: 'Pension certificate' },
  'pension-deductions': { it: 'Detrazioni fiscali', en: 'Tax deductions' },
  'red-online': { it: 'RED online', en: 'RED online' },
  'find-intermediary': { it: 'Ricerca di un CAF o professionista', en: 'Find a CAF or professional' },
  'auu-manage': { it: 'Domanda di Assegno Unico', en: 'Assegno Unico application' },
  'auu-iban': { it: 'Aggiornamento IBAN', en: 'IBAN update' },
  'auu-documents': { it: 'Documenti Assegno Unico', en: 'Assegno Unico documents' },
  'sfl-apply': { it: 'Domanda SFL', en: 'SFL application' },
  'sfl-tutorial': { it: 'Tutorial SFL', en: 'SFL tutorial' },
  'verdict-online': { it: 'Verbale online', en: 'Verdict online' },
  'disability-card': { it: 'Disability Card', en: 'Disability Card' },
  'medical-documents': { it: 'Documentazione sanitaria', en: 'Medical documents' },
  'red-simplified': { it: 'RED semplificato', en: 'Simplified RED' },
  'reserved-area': { it: 'Area riservata', en: 'Reserved area' },
};

export const SERVICE_IDS = Object.keys(SERVICE_LABELS) as [ServiceId, ...ServiceId[]];

/** The deadline a guide type's citizens must meet; a type without one accepts no deadline_met outcome. */
export const DEADLINES: Partial<Record<GuideType, Localized>> = {
  red: { it: 'il RED inviato', en: 'the RED sent' },
  auu: { it: 'la domanda di Assegno Unico sistemata', en: 'the Assegno Unico application fixed' },
};

/** '*' in service_id: "any online service" (a guide counted once however many services it used). */
export const ANY_SERVICE = '*';

export interface OutcomeKey {
  kind: OutcomeKind;
  /** The service of an online_service outcome ('*': any); null for the other kinds. */
  serviceId: ServiceId | typeof ANY_SERVICE | null;
}

/** How a figure's outcome reads after "citizens with …" (sentences) and as a short label (tables). */
export function outcomeLabel(key: OutcomeKey, type: GuideType): { phrase: Localized; short: Localized } {
  switch (key.kind) {
    case 'contact_center_call':
      return {
        phrase: { it: 'almeno una chiamata al contact center', en: 'at least one contact-center call' },
        short: { it: 'Chiamate al contact center', en: 'Contact-center calls' },
      };
    case 'branch_visit':
      return { phrase: { it: 'almeno una visita in sede', en: 'at least one branch visit' }, short: { it: 'Visite in sede', en: 'Branch visits' } };
    case 'deadline_met': {
      const d = DEADLINES[type] ?? { it: 'la scadenza rispettata', en: 'the deadline met' };
      return { phrase: d, short: { it: `Scadenza rispettata: ${d.it}`, en: `Deadline met: ${d.en}` } };
    }
    case 'online_service': {
      if (key.serviceId === ANY_SERVICE || key.serviceId === null) {
        return {
          phrase: { it: 'almeno un uso dei servizi online', en: 'at least one use of the online services' },
          short: { it: 'Servizi online (uno qualsiasi)', en: 'Online services (any)' },
        };
      }
      const p = SERVICE_LABELS[key.serviceId];
      return {
        phrase: { it: `almeno un uso del servizio online «${p.it}»`, en: `at least one use of the online service “${p.en}”` },
        short: { it: `Servizio online: ${p.it}`, en: `Online service: ${p.en}` },
      };
    }
  }
}

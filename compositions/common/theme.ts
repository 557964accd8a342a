import type { Localized } from './locale';
import type { ServiceId } from './storyboard-types';

/**
 * Everything that makes the guides look like one institute's. The default is deliberately
 * neutral: no real institute's name, colours or logo.
 */
export interface Theme {
  instituteName: Localized;
  /** How narration refers to the institute in running text ("l'Istituto"). */
  instituteShort: Localized;
  portalName: Localized;
  /** Contact centre from a landline (free of charge). */
  contactCenter: string;
  /** Contact centre from a mobile phone (charged at the caller's operator's rate). */
  contactCenterMobile: string;
  servicesBaseUrl: string;
  colors: {
    primary: string;
    primaryDark: string;
    accent: string;
    background: string;
    surface: string;
    text: string;
    muted: string;
    ok: string;
    warning: string;
    danger: string;
  };
}

export const defaultTheme: Theme = {
  instituteName: { it: 'Istituto di Previdenza', en: 'Social Security Institute' },
  instituteShort: { it: "l'Istituto", en: 'the Institute' },
  portalName: { it: 'Area riservata', en: 'Reserved area' },
  contactCenter: '803 164',
  contactCenterMobile: '06 164 164',
  servicesBaseUrl: 'https://servizi.istituto.example',
  colors: {
    // Text/background pairs below all reach WCAG AA (4.5:1) or better.
    primary: '#0b4f8a',
    primaryDark: '#08365e',
    accent: '#f2b233',
    background: '#f4f7fb',
    surface: '#ffffff',
    text: '#16212e',
    muted: '#4a5a6c',
    ok: '#1d6b3a',
    warning: '#8a5200',
    danger: '#a3212b',
  },
};

const SERVICE_PATHS: Record<ServiceId, string> = {
  'naspi-payments': '/naspi/pagamenti',
  'naspi-com': '/naspi/naspi-com',
  'naspi-advance': '/naspi/anticipazione',
  'pension-payslip': '/pensione/cedolino',
  'pension-cu': '/pensione/certificazione-unica',
  'pension-certificate': '/pensione/obism',
  'pension-deductions': '/pensione/detrazioni',
  'red-online': '/red/precompilato',
  'find-intermediary': '/red/caf-patronati',
  'auu-manage': '/assegno-unico/domande',
  'auu-iban': '/assegno-unico/modalita-pagamento',
  'auu-documents': '/assegno-unico/documenti',
  'sfl-apply': '/sfl/domanda',
  'sfl-tutorial': '/sfl/tutorial.pdf',
  'verdict-online': '/invalidita/verbale',
  'disability-card': '/invalidita/disability-card',
  'medical-documents': '/invalidita/documentazione-sanitaria',
  'red-simplified': '/invalidita/red-semplificato',
  'reserved-area': '/area-riservata',
};

export function serviceUrl(service: ServiceId, theme: Theme = defaultTheme): string {
  return theme.servicesBaseUrl.replace(/\/$/, '') + SERVICE_PATHS[service];
}

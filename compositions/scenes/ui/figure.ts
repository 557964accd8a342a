import { formatCents, formatDate, formatMonth, formatPercent, type Locale, type Localized } from '../../common/locale';
import type { Figure } from '../../common/storyboard-types';

/** A storyboard figure as the viewer reads it, in the guide's language. */
export function formatFigure(figure: Figure, locale: Locale): string {
  switch (figure.format) {
    case 'cents':
      return formatCents(figure.value, locale);
    case 'date':
      return formatDate(figure.value, locale);
    case 'month':
      return formatMonth(figure.value, locale);
    case 'percent':
      return formatPercent(figure.value, locale);
    case 'count':
      return figure.value.toLocaleString(locale === 'it' ? 'it-IT' : 'en-GB');
    case 'text':
      return figure.value[locale];
  }
}

/** On-screen words the scenes draw themselves (the storyboard gives only the figures there). */
export const LABELS = {
  gross: { it: 'Importo lordo', en: 'Gross amount' },
  net: { it: 'Netto accreditato', en: 'Net paid to you' },
  availableUntil: { it: 'Disponibile fino al', en: 'Available until' },
  contact: { it: 'Contact center', en: 'Contact centre' },
  fromMobile: { it: 'da cellulare', en: 'from a mobile' },
  by: { it: 'entro il', en: 'by' },
} satisfies Record<string, Localized>;

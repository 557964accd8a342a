const int = new Intl.NumberFormat('it-IT');
const dec = (digits: number) => new Intl.NumberFormat('it-IT', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const count = (n: number): string => int.format(n);
export const decimal = (n: number | null, digits = 1): string => (n === null ? '–' : dec(digits).format(n));
/** A share (0–1) as a percentage with one decimal, e.g. 15,0 %. */
export const percent = (share: number | null, digits = 1): string => (share === null ? '–' : `${dec(digits).format(share * 100)} %`);

export const TYPE_LABELS: Record<string, string> = {
  naspi: 'NASpI',
  pensione: 'Neopensionati',
  red: 'Sollecito RED',
  auu: 'Assegno Unico',
  sfl: 'Supporto formazione e lavoro',
  invalidita: 'Invalidità civile',
};

export const CHANNEL_LABELS: Record<string, string> = {
  qr: 'Lettera (QR code)',
  email: 'Email',
  sms: 'SMS',
  app: 'App IO / App INPS',
  pec: 'PEC',
};

/** notifiedSource of GET /api/stats, for people (CSV). */
export const NOTIFIED_SOURCE_LABELS: Record<string, string> = {
  links_issued: 'lettere (link emessi)',
  notifications_sent: 'notifiche inviate',
};

export const typeLabel = (t: string | null): string => (t ? (TYPE_LABELS[t] ?? t) : '–');
export const channelLabel = (c: string): string => CHANNEL_LABELS[c] ?? c;
export const dateLabel = (iso: string | null): string =>
  iso ? new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString('it-IT', { day: 'numeric', month: 'short', year: 'numeric' }) : '–';

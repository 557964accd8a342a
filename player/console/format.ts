const int = new Intl.NumberFormat('it-IT');
const pct = new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat('it-IT', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Rome' });
const dayTime = new Intl.DateTimeFormat('it-IT', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Rome',
});

export const n = (v: number) => int.format(v);
export const share = (part: number, whole: number) => (whole > 0 ? pct.format(part / whole) : '–');
export const date = (iso: string | null) => (iso ? day.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)) : '–');
export const dateTime = (iso: string | null) => (iso ? dayTime.format(new Date(iso)) : '–');

export const CHANNEL_LABEL: Record<string, string> = { email: 'Email', sms: 'SMS', app: 'App (push)', pec: 'PEC', qr: 'Lettera (QR)' };
export const TYPE_LABEL: Record<string, string> = {
  naspi: 'NASpI',
  pensione: 'Nuova pensione',
  red: 'Sollecito RED',
  auu: 'Assegno Unico',
  sfl: 'Supporto Formazione e Lavoro',
  invalidita: 'Invalidità civile',
};
export const STATUS_LABEL: Record<string, string> = {
  queued: 'in coda',
  sending: 'in invio',
  sent: 'inviata',
  delivered: 'consegnata',
  bounced: 'respinta',
  failed: 'fallita',
  skipped: 'non inviata',
};
export const REASON_LABEL: Record<string, string> = {
  consent_withdrawn: 'consenso revocato',
  contact_removed: 'recapito rimosso',
  guide_deleted: 'guida cancellata',
  guide_expired: 'guida scaduta',
  link_revoked: 'link revocato',
  held_out: "gruppo di controllo (valutazione d'impatto)",
  channel_not_configured: 'canale non configurato',
};
export const SOURCE_LABEL: Record<string, string> = { citizen: 'cittadino (area riservata)', upstream: 'sincronizzazione', operator: 'operatore' };

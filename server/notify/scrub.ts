/**
 * Provider answers (SMTP replies, gateway errors) often quote the recipient. They end up in logs, in
 * the notification's `reason` and in BullMQ's failure reason, so addresses, numbers and fiscal codes
 * are cut out of them first.
 */
const EMAIL = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g;
const FISCAL_CODE = /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/gi;
// Digits with the separators people write numbers with; only runs of 8+ digits are numbers to hide
// (SMTP codes such as "550 5.1.1" stay readable).
const DIGIT_RUN = /\+?\d[\d\s().\-/]*\d/g;

export function scrub(text: string, max = 300): string {
  return text
    .replace(EMAIL, '[address]')
    .replace(FISCAL_CODE, '[fiscal code]')
    .replace(DIGIT_RUN, (run) => (run.replace(/\D/g, '').length >= 8 ? '[number]' : run))
    .replace(/[\r\n\t]+/g, ' ')
    .slice(0, max);
}

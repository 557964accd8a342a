import { z } from 'zod';
import { fiscalCode } from '../../compositions/common/primitives';

/**
 * Contacts as the consent registry stores them: trimmed, normalised, validated. Messages never
 * quote the value (a rejected line's report must not carry personal data).
 */
export const emailAddress = z
  .string({ error: 'expected an email address as a string' })
  .trim()
  .max(254, 'an email address has at most 254 characters')
  .pipe(z.email({ error: 'expected an email address such as nome.cognome@example.it' }))
  .transform((s) => {
    const at = s.lastIndexOf('@');
    return `${s.slice(0, at)}@${s.slice(at + 1).toLowerCase()}`;
  });

// Certified mail (PEC) is ordinary address syntax on a provider's certified domain. AgID's register
// of providers changes; their domains carry one of these words (pec.it, legalmail.it, postacert...).
const PEC_DOMAIN = /(pec|cert|legalmail)/i;

export const pecAddress = emailAddress.refine((s) => PEC_DOMAIN.test(s.slice(s.lastIndexOf('@') + 1)), {
  message: 'expected a PEC address on a certified-mail domain (e.g. nome@pec.it, nome@legalmail.it)',
});

/**
 * A mobile number in E.164. Accepted as people write it ("333 123 4567", "+39 333-1234567",
 * "0039…"); a bare Italian mobile gets +39. Italian numbers must be mobiles (3xx): SMS cannot
 * reach a landline. Other countries: + and 8 to 15 digits.
 */
export const mobileNumber = z
  .string({ error: 'expected a mobile number as a string' })
  .max(32, 'a phone number has at most 32 characters')
  .transform((s, ctx) => {
    let n = s.trim().replace(/[\s().\-/]/g, '');
    if (n.startsWith('00')) n = `+${n.slice(2)}`;
    if (/^3\d{8,9}$/.test(n)) n = `+39${n}`;
    if (!/^\+[1-9]\d{7,14}$/.test(n)) {
      ctx.addIssue({ code: 'custom', message: 'expected a mobile number such as +39 333 123 4567 (international numbers with their + prefix)' });
      return z.NEVER;
    }
    if (n.startsWith('+39') && !/^\+393\d{8,9}$/.test(n)) {
      ctx.addIssue({ code: 'custom', message: 'an Italian number must be a mobile (starting with 3): SMS cannot reach a landline' });
      return z.NEVER;
    }
    return n;
  });

const contact = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const consentFields = {
  proactive: z.boolean({ error: 'expected true (opt in to proactive messages) or false' }),
  email: contact(emailAddress),
  mobile: contact(mobileNumber),
  pec: contact(pecAddress),
  app: z.boolean({ error: 'expected true or false' }).optional(),
};

/** PUT /api/me/consents: a contact left out keeps its value, null removes it. */
export const myConsents = z.strictObject(consentFields);

/** One line of PUT /api/consents. */
export const consentLine = z.strictObject({ fiscalCode, ...consentFields });

export const historyRequest = z.strictObject({ fiscalCode });

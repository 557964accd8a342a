import { createHmac } from 'node:crypto';

/**
 * The fiscal code is never stored: a keyed HMAC lets the reserved area find a citizen's guides
 * (and the consent registry their preferences) without a table anyone could read the code from.
 */
export function fiscalCodeHmac(key: string, fiscalCode: string): string {
  return createHmac('sha256', key).update(fiscalCode.trim().toUpperCase()).digest('hex');
}

import type { Request } from 'express';
import { hashApiKey } from '../../server/db/api-keys';
import { fiscalCodeHmac } from '../../server/fiscal-code-hmac';
import type { AppContext } from '../deps';
import { ApiError, unauthorized } from '../errors';

/** The reserved-area citizen as the registry knows them: the HMAC of the JWT's fiscal code. */
export async function citizenHmacOf(ctx: AppContext, req: Request): Promise<string> {
  if (!ctx.citizenVerifier) throw new ApiError(503, 'reserved_area_not_configured', 'set JWT_PUBLIC_KEY or JWKS_URL to enable the reserved area');
  const [scheme, jwt] = (req.get('authorization') ?? '').split(' ', 2);
  if (scheme?.toLowerCase() !== 'bearer' || !jwt) throw unauthorized('expected Authorization: Bearer <reserved-area JWT>');
  const { fiscalCode } = await ctx.citizenVerifier(jwt);
  return fiscalCodeHmac(ctx.secrets.fiscalCodeHmacKey, fiscalCode);
}

/**
 * The label of the API key behind an already authorised request (requireRole ran first): the
 * consent history and the audit trail say which system or operator acted, never with the key.
 */
export async function actorOf(ctx: AppContext, req: Request): Promise<string> {
  const [scheme, value] = (req.get('authorization') ?? '').split(' ', 2);
  let key: string | undefined;
  if (scheme?.toLowerCase() === 'bearer') key = value?.trim();
  else if (scheme?.toLowerCase() === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    key = decoded.slice(decoded.indexOf(':') + 1);
  } else key = req.get('x-api-key') ?? undefined;
  if (!key) return `${req.role ?? 'unknown'}:?`;
  const rows = await ctx.db.query<{ label: string }>('SELECT label FROM api_keys WHERE hash = $1', [hashApiKey(key)]);
  return `${req.role ?? 'unknown'}:${rows[0]?.label ?? '?'}`;
}

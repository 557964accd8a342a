import { Router } from 'express';
import type { MyGuidesAnswer } from '../../contract/reserved-area';
import { GUIDE_TYPE_DEFINITIONS } from '../../compositions/guide-types';
import { guidesOfCitizen } from '../../server/db/guides';
import { fiscalCodeHmac } from '../../server/fiscal-code-hmac';
import type { AppContext } from '../deps';
import { ApiError, unauthorized } from '../errors';
import { linksOfGuides } from '../../server/guides/links';
import { privateAnswer } from '../middleware/security';

/**
 * GET /api/me/guides: the reserved-area citizen's guides still available, newest first, each with its
 * app-channel link. The fiscal code comes only from the verified JWT's `sub`, never from the URL.
 */
export function meRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/api/me/guides', privateAnswer, async (req, res) => {
    if (!ctx.citizenVerifier) throw new ApiError(503, 'reserved_area_not_configured', 'set JWT_PUBLIC_KEY or JWKS_URL to enable the reserved area');
    const [scheme, jwt] = (req.get('authorization') ?? '').split(' ', 2);
    if (scheme?.toLowerCase() !== 'bearer' || !jwt) throw unauthorized('expected Authorization: Bearer <reserved-area JWT>');
    const { fiscalCode } = await ctx.citizenVerifier(jwt);
    const rows = await guidesOfCitizen(ctx.db, fiscalCodeHmac(ctx.secrets.fiscalCodeHmacKey, fiscalCode));
    const links = await linksOfGuides(
      ctx.db,
      ctx.secrets.tokenSecret,
      ctx.config.publicBaseUrl,
      rows.map((g) => g.id),
    );
    res.json({
      guides: rows.map((g) => ({
        type: g.type,
        title: GUIDE_TYPE_DEFINITIONS[g.type].title[g.locale],
        locale: g.locale,
        status: g.status,
        createdAt: g.created_at.toISOString(),
        expiresAt: g.expires_at.toISOString(),
        link: links.get(g.id)?.app ?? null,
      })),
    } satisfies MyGuidesAnswer);
  });
  return r;
}

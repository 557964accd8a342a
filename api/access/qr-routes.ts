import { Router } from 'express';
import QRCode from 'qrcode';
import { tokensOfGuide } from '../../server/db/tokens';
import { linkOf } from '../../server/db/token-derivation';
import type { AppContext } from '../deps';
import { notFound } from '../errors';
import { requireRole } from '../middleware/api-key';
import { qrQuery } from '../schemas';
import { query } from '../validate';
import { guideOr404 } from '../guides/routes';

/** Error correction M (15%) survives a creased letter; the quiet zone of 4 modules is the standard's. */
export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { ...QR_OPTIONS, type: 'svg' }).then((svg) => svg.trim());
}

/** A guide's QR code for operators; the code holds the channel's link and nothing else. */
export function qrRoutes(ctx: AppContext): Router {
  const r = Router();
  const operator = requireRole(ctx, ['operator']);

  async function linkFor(id: unknown, q: unknown): Promise<{ link: string; size: number }> {
    const row = await guideOr404(ctx, id);
    const { channel, size } = query(qrQuery, q);
    const token = (await tokensOfGuide(ctx.db, ctx.secrets.tokenSecret, row.id))[channel];
    if (!token) throw notFound();
    return { link: linkOf(ctx.config.publicBaseUrl, token), size };
  }

  r.get('/api/guides/:id/qr.png', operator, async (req, res) => {
    const { link, size } = await linkFor(req.params.id, req.query);
    const png = await QRCode.toBuffer(link, { ...QR_OPTIONS, type: 'png', width: size });
    res.setHeader('Cache-Control', 'no-store');
    res.type('image/png').send(png);
  });

  r.get('/api/guides/:id/qr.svg', operator, async (req, res) => {
    const { link } = await linkFor(req.params.id, req.query);
    res.setHeader('Cache-Control', 'no-store');
    res.type('image/svg+xml').send(await qrSvg(link));
  });
  return r;
}

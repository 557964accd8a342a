import { once } from 'node:events';
import { Router, type Response } from 'express';
import { campaignPage } from '../../server/db/guides-bulk';
import { deriveToken, linkOf } from '../../server/db/token-derivation';
import type { AppContext } from '../deps';
import { requireRole } from '../middleware/api-key';
import { exportQuery } from '../schemas';
import { query } from '../validate';
import { campaignOr404 } from './routes';
import { qrSvg } from '../access/qr-routes';

const PAGE = 500;

const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Waits when the socket's buffer is full: the export runs at the print shop's pace, in flat memory. */
async function write(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  return !res.destroyed;
}

/**
 * GET /api/campaigns/:id/export: one record per guide for the print shop, in externalRef order:
 * external reference, link and the QR code as SVG. Pages through the campaign by keyset, so 650,000
 * guides stream as easily as ten. Guides whose channel token was revoked have link and qrSvg null.
 * A guide held out of the impact evaluation (docs/impact.md) is marked heldOut: its citizen gets the
 * institute's ordinary letter, so it never has a link or a QR code (it has no token at all).
 */
export function campaignExportRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/api/campaigns/:id/export', requireRole(ctx, ['operator']), async (req, res) => {
    const campaign = await campaignOr404(ctx, req.params.id);
    const { format, channel } = query(exportQuery, req.query);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="campaign-${campaign.id}.${format === 'csv' ? 'csv' : 'ndjson'}"`);
    res.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    if (format === 'csv' && !(await write(res, 'externalRef,guideId,link,qrSvg,heldOut\n'))) return;
    let after: string | null = null;
    for (;;) {
      const rows = await campaignPage(ctx.db, campaign.id, channel, after, PAGE);
      const lines: string[] = [];
      for (const [i, row] of rows.entries()) {
        // A QR code costs ~0.3 ms of CPU: yield now and then so citizens' requests are not held up.
        if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
        const link = row.nonce && !row.held_out ? linkOf(ctx.config.publicBaseUrl, deriveToken(ctx.secrets.tokenSecret, Buffer.from(row.nonce))) : null;
        const svg = link ? await qrSvg(link) : null;
        lines.push(
          format === 'csv'
            ? `${csvCell(row.external_ref)},${row.id},${link ?? ''},${svg ? csvCell(svg) : ''},${row.held_out}\n`
            : `${JSON.stringify({ externalRef: row.external_ref, guideId: row.id, link, qrSvg: svg, heldOut: row.held_out })}\n`,
        );
      }
      if (lines.length && !(await write(res, lines.join('')))) return;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.external_ref;
    }
    res.end();
  });
  return r;
}

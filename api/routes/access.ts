import fs from 'node:fs';
import path from 'node:path';
import { Router, type Response } from 'express';
import { GUIDE_TYPE_DEFINITIONS } from '../../compositions/guide-types';
import type { AppContext } from '../deps';
import { ApiError, notFound } from '../errors';
import { buildManifest, MEDIA_FILES, type MediaFile } from '../access/manifest';
import { notFoundPage, placeholderPage } from '../access/placeholder-page';
import { afterAccess, resolveToken } from '../access/resolve-token';
import { privateAnswer } from '../middleware/security';

function sendFile(res: Response, file: string, contentType: string): Promise<void> {
  res.type(contentType);
  return new Promise((resolve, reject) => {
    // `send` answers Range requests with 206 and Content-Range, and HEAD without a body.
    res.sendFile(file, { cacheControl: false, lastModified: true, etag: true, acceptRanges: true, dotfiles: 'deny' }, (err) => {
      if (!err) resolve();
      else reject((err as { status?: number }).status === 404 || (err as { code?: string }).code === 'ENOENT' ? notFound() : err);
    });
  });
}

/** The citizen's side: the player page, the manifest and the rendered files, all behind the token. */
export function accessRoutes(ctx: AppContext, playerDir: string): Router {
  const r = Router();
  const playerIndex = path.join(playerDir, 'index.html');

  r.get('/g/:token', privateAnswer, async (req, res) => {
    let row;
    try {
      row = await resolveToken(ctx, String(req.params.token));
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 404) throw err;
      res.status(404).type('html').send(notFoundPage());
      return;
    }
    afterAccess(ctx, row);
    if (fs.existsSync(playerIndex)) {
      await sendFile(res, playerIndex, 'text/html; charset=utf-8');
      return;
    }
    const title = GUIDE_TYPE_DEFINITIONS[row.type].title.it;
    res.type('html').send(placeholderPage(title, row.expires_at < row.guide_expires_at ? row.expires_at : row.guide_expires_at));
  });

  r.get('/api/access/:token', privateAnswer, async (req, res) => {
    const row = await resolveToken(ctx, String(req.params.token));
    afterAccess(ctx, row);
    res.json(buildManifest(row, String(req.params.token)));
  });

  r.get('/api/media/:token/:file', privateAnswer, async (req, res) => {
    const row = await resolveToken(ctx, String(req.params.token));
    const file = String(req.params.file) as MediaFile;
    if (!Object.hasOwn(MEDIA_FILES, file)) throw notFound();
    await sendFile(res, path.join(ctx.config.videoDir, row.guide_id, file), MEDIA_FILES[file]);
  });
  return r;
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Response } from 'express';
import { GUIDE_TYPE_DEFINITIONS } from '../../compositions/guide-types';
import type { AccessManifest } from '../../contract/access-manifest';
import type { AppContext } from '../deps';
import { ApiError, notFound } from '../errors';
import { exampleCsp, playerCsp } from './page-policy';
import { LiveNarrations, type NarrationState } from './live-narration';
import { buildManifest, MEDIA_FILES, type MediaFile } from './manifest';
import { notFoundPage, placeholderPage } from './placeholder-page';
import { afterAccess, resolveToken } from './resolve-token';
import { checkRange } from './byte-range';
import { sendStored } from './store-file';
import { SCENE_AUDIO_FORMATS, sceneAudioIn, type SceneAudioFormat } from '../../speech/scene-audio-formats';
import { privateAnswer } from '../middleware/security';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLE_PAGE = path.join(REPO, 'docs', 'embed-example.html');

const NARRATED_WAIT_MS = 60_000;
// Scene WAVs are named by content, so a URL's bytes never change: the browser may keep them for
// seeks and replays. `private`: the URL holds a bearer token and the sound says the citizen's name,
// so no shared cache may store it; a day, so it does not linger on a shared phone for months.
const NARRATION_CACHE = 'private, max-age=86400, immutable';

async function sendFile(res: Response, file: string, contentType: string): Promise<void> {
  const stat = await fs.promises.stat(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') throw notFound();
    throw err;
  });
  if (!stat.isFile()) throw notFound();
  // A Range the file cannot serve is the client's error: 416 with the size, before `send` runs.
  // With If-Range, `send` decides (a stale validator means the whole file) and its 416 is mapped too.
  if (!res.req.get('if-range') && res.req.headers.range !== undefined) res.req.headers.range = checkRange(res.req.headers.range, stat.size);
  res.type(contentType);
  return new Promise((resolve, reject) => {
    // `send` answers Range requests with 206 and Content-Range, and HEAD without a body.
    res.sendFile(file, { cacheControl: false, lastModified: true, etag: true, acceptRanges: true, dotfiles: 'deny' }, (err) => {
      if (!err) resolve();
      else if ((err as { status?: number }).status === 404 || (err as { code?: string }).code === 'ENOENT') reject(notFound());
      else if ((err as { status?: number }).status === 416) reject(rangeRefused(stat.size));
      // Any other client error of `send` (412 precondition failed) reaches the error handler as a 4xx.
      else reject(err);
    });
  });
}

const rangeRefused = (size: number) =>
  new ApiError(416, 'range_not_satisfiable', `Range: no byte of the range lies in the file (${size} bytes)`, 'Range', undefined, {
    'Content-Range': `bytes */${size}`,
  });

/** The citizen's side: the player page, the manifest and the rendered files, all behind the token; the embed. */
export function accessRoutes(ctx: AppContext, playerDir: string): Router {
  const r = Router();
  const playerIndex = path.join(playerDir, 'index.html');
  const embedPage = path.join(playerDir, 'embed.html');
  const narrations = ctx.speech ? new LiveNarrations(ctx.db, ctx.speech, ctx.logger) : null;
  const frameAncestors = ctx.config.embed.frameAncestors;
  const stateOf = async (row: Parameters<LiveNarrations['peek']>[0], waitMs: number): Promise<NarrationState> =>
    narrations ? narrations.within(row, waitMs) : { status: 'unavailable' };

  r.get('/g/:token', privateAnswer, async (req, res) => {
    let row;
    try {
      row = await resolveToken(ctx, String(req.params.token), req);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 404) throw err;
      res.status(404).type('html').send(notFoundPage());
      return;
    }
    afterAccess(ctx, row);
    if (fs.existsSync(playerIndex)) {
      res.setHeader('Content-Security-Policy', playerCsp());
      await sendFile(res, playerIndex, 'text/html; charset=utf-8');
      return;
    }
    const title = GUIDE_TYPE_DEFINITIONS[row.type].title.it;
    res.type('html').send(placeholderPage(title, row.expires_at < row.guide_expires_at ? row.expires_at : row.guide_expires_at));
  });

  r.get('/api/access/:token', privateAnswer, async (req, res) => {
    const token = String(req.params.token);
    const row = await resolveToken(ctx, token, req);
    afterAccess(ctx, row);
    const state: NarrationState = narrations ? narrations.peek(row) : { status: 'unavailable' };
    // Synthesis starts once the answer is out: it costs the API's thread CPU (clips are resampled in
    // process), and the page's first frame needs only this answer and the static files. A rendered
    // guide plays its MP4, whose sound is already in it: no live narration for it.
    if (state.status === 'pending' && row.status !== 'ready') res.once('finish', () => void narrations!.ensure(row));
    res.json(buildManifest(row, token, state) satisfies AccessManifest);
  });

  // The manifest again once the narration is done (or has failed): a page that got "pending" waits here.
  r.get('/api/access/:token/narrated', privateAnswer, async (req, res) => {
    const token = String(req.params.token);
    const row = await resolveToken(ctx, token, req);
    res.json(buildManifest(row, token, await stateOf(row, NARRATED_WAIT_MS)) satisfies AccessManifest);
  });

  r.get('/api/media/:token/narration/:file', privateAnswer, async (req, res) => {
    const row = await resolveToken(ctx, String(req.params.token), req);
    const m = /^([a-z0-9][a-z0-9-]{0,63})-([0-9a-f]{16})\.(wav|webm|m4a)$/.exec(String(req.params.file));
    if (!m || !narrations) throw notFound();
    const live = await narrations.ensure(row);
    const scene = live?.scenes.get(m[1]!);
    if (!scene || scene.hash !== m[2]) throw notFound();
    const format = m[3] as SceneAudioFormat;
    const file = await sceneAudioIn(scene.path, format);
    res.setHeader('Cache-Control', NARRATION_CACHE);
    await sendFile(res, file, SCENE_AUDIO_FORMATS[format].contentType);
  });

  r.get('/api/media/:token/:file', privateAnswer, async (req, res) => {
    const row = await resolveToken(ctx, String(req.params.token), req);
    const file = String(req.params.file) as MediaFile;
    if (!Object.hasOwn(MEDIA_FILES, file)) throw notFound();
    // A directory store: `send` serves the file as it always did; a bucket: store-file.ts.
    const local = ctx.media.localPath(row.guide_id, file);
    if (local) await sendFile(res, local, MEDIA_FILES[file]);
    else
      await sendStored(
        res,
        ctx.media,
        row.guide_id,
        file,
        MEDIA_FILES[file],
        ctx.config.mediaStore.kind === 's3' ? ctx.config.mediaStore.redirectSeconds : 0,
        ctx.logger,
      );
  });

  // The embeddable player. The token travels in the fragment (/embed#<token>), which browsers never
  // send: not to this server's access log, not in a Referer, not to the host site's servers.
  r.get('/embed', async (_req, res) => {
    if (!fs.existsSync(embedPage)) throw notFound();
    res.removeHeader('X-Frame-Options');
    res.setHeader('Content-Security-Policy', playerCsp(frameAncestors));
    res.setHeader('Cache-Control', 'no-cache');
    await sendFile(res, embedPage, 'text/html; charset=utf-8');
  });

  // An example host page (docs/embed-example.html): how another site embeds the player.
  r.get('/embed/example', async (_req, res) => {
    const html = await fs.promises.readFile(EXAMPLE_PAGE, 'utf8').catch(() => null);
    if (html === null) throw notFound();
    res.setHeader('Content-Security-Policy', exampleCsp(html));
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html);
  });
  return r;
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'express';

/** Where `npm run player:build` writes, when the app is given no other player directory. */
export const DEFAULT_PLAYER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'player', 'dist');

const notBuilt = (title: string, what: string) => `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;line-height:1.5">
<h1>Cruscotto non ancora compilato</h1><p>${what} has not been built. Run <code>npm run player:build</code> and reload.</p>
</body></html>`;

/**
 * A built staff page of player/ (the analysts' dashboard, the notifications console): its own Vite
 * entry, the API key typed in the page and never put in a URL; 503 with the build command until built.
 * `name` is the page's file in the player build (`playerDir`, by default DEFAULT_PLAYER_DIR).
 */
export function builtPage(playerDir: string | undefined, name: string, page: { title: string; what: string }): RequestHandler {
  const file = path.join(playerDir ?? DEFAULT_PLAYER_DIR, name);
  const placeholder = notBuilt(page.title, page.what);
  return (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    if (!fs.existsSync(file)) {
      res.status(503).type('html').send(placeholder);
      return;
    }
    res.type('html').sendFile(file, { cacheControl: false, dotfiles: 'deny' });
  };
}

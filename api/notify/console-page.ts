import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';

const NOT_BUILT = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Videoguida – cruscotto notifiche</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;line-height:1.5">
<h1>Cruscotto non ancora compilato</h1><p>The notifications console has not been built. Run <code>npm run player:build</code> and reload.</p>
</body></html>`;

/** GET /console: the built monitoring console (the API key is typed in the page, never put in a URL). */
export function consolePage(playerDir: string): RequestHandler {
  const file = path.join(playerDir, 'console.html');
  return (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    if (!fs.existsSync(file)) {
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    res.type('html').sendFile(file, { cacheControl: false, dotfiles: 'deny' });
  };
}

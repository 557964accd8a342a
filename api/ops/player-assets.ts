import expressStaticGzip from 'express-static-gzip';
import type { RequestHandler } from 'express';

/**
 * The built player's static files (JS, CSS, fonts), with the Brotli or gzip copy the build wrote
 * beside each text asset (player/precompress.ts) when the browser accepts it: the citizen page's
 * JavaScript crosses the network at a third of its size, and nothing is compressed per request.
 * Vite names what it emits under /assets/ by content hash, so those never change: a phone keeps
 * them for a year and a second guide's page loads no script again.
 */
export function playerAssets(playerDir: string): RequestHandler {
  return expressStaticGzip(playerDir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      fallthrough: true,
      setHeaders(res, file) {
        if (/[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.\w+(\.(br|gz))?$/.test(file)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    },
  });
}

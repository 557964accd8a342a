import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pageShell } from './page-shell';
import { precompress } from './precompress';

const root = path.dirname(fileURLToPath(import.meta.url));
const PAGES = ['index', 'embed', 'dashboard', 'console'] as const;

// The player's tests and bench build only the citizen page and the embed, into a directory of
// their own: another page's unfinished work cannot break them, and they never empty the player/dist
// that a running server (or another test) is serving.
const only = (process.env.PLAYER_BUILD_PAGES ?? '').split(',').filter((p): p is (typeof PAGES)[number] => (PAGES as readonly string[]).includes(p));
const pages = only.length ? only : PAGES;
// A build is what citizens download: React's production build even when the caller's environment
// says otherwise (vitest runs with NODE_ENV=test, which made the tests' and bench's build React's
// development one: 115 KB gzip instead of 59).
if (process.argv.includes('build')) process.env.NODE_ENV = 'production';
const outDir = process.env.PLAYER_BUILD_OUT_DIR ? path.resolve(process.env.PLAYER_BUILD_OUT_DIR) : path.join(root, 'dist');

/**
 * The browser side, one multi-page build served by the API:
 *   index.html     — the citizen page at /g/:token (issue #6)
 *   embed.html     — the embeddable player for other sites, at /embed#<token> (issue #6)
 *   dashboard.html — the analysts' dashboard (issue #7), its own chunks: never in the citizen's download
 *   console.html   — the notifications monitoring console (issue #10)
 * each holding only its own title, root and entry script, in the one document of page-shell.html.
 * Browser code imports compositions/ only, never server code.
 *
 * assets/ is the public directory: the compositions load their fonts with staticFile('fonts/…'),
 * which in the browser is /fonts/…, the same files the renderer uses.
 * The manifest (dist/.vite/manifest.json, never served: express.static ignores dot-directories)
 * lets bench:player and the tests add up exactly the JavaScript each page loads.
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: path.resolve(root, '..', 'assets'),
  plugins: [pageShell(root), react(), precompress()],
  resolve: { alias: { '@compositions': path.resolve(root, '..', 'compositions') } },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    rollupOptions: {
      input: Object.fromEntries(pages.map((p) => [p, path.join(root, `${p}.html`)])),
      // Named shared chunks: React for every page, Remotion only where a guide plays. (Not the
      // compositions as a group: the dashboard reads a few of their tables, and a group would pull
      // the scenes, and with them Remotion, into its download.)
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'remotion', test: /node_modules[\\/](remotion|@remotion)[\\/]/ },
          ],
        },
      },
    },
  },
});

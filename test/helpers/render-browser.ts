import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openRenderBrowser, type HeadlessBrowser } from '../../render-worker/browser';
import { ensureBundle } from '../../render-worker/bundle';
import { TEST_BUNDLE_DIR } from './render-env';

/**
 * One bundle, one render browser and a temp directory (named after `label`) for a whole test file:
 * opened before its tests, closed and removed after them. Read the fields inside the tests.
 */
export function useRenderBrowser(label: string): { serveUrl: string; browser: HeadlessBrowser; dir: string } {
  const r = {} as { serveUrl: string; browser: HeadlessBrowser; dir: string };
  beforeAll(async () => {
    r.serveUrl = await ensureBundle({ cacheDir: TEST_BUNDLE_DIR });
    r.browser = await openRenderBrowser();
    r.dir = fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
  }, 300_000);
  afterAll(async () => {
    await r.browser?.close({ silent: true });
    if (r.dir) fs.rmSync(r.dir, { recursive: true, force: true });
  });
  return r;
}

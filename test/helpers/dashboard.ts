import path from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { pageShell } from '../../player/page-shell';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/**
 * Only the dashboard page, built into a directory of its own (a temp dir): player/dist is left alone.
 * With the page shell, as player/vite.config.ts builds it: dashboard.html alone is not the whole page
 * (no head: a browser would ask for /favicon.ico).
 */
export async function buildDashboardInto(outDir: string): Promise<void> {
  const root = path.join(REPO, 'player');
  await build({
    root,
    base: '/',
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [pageShell(root), react()],
    build: { outDir, emptyOutDir: true, rollupOptions: { input: { dashboard: path.join(root, 'dashboard.html') } } },
  });
}

/** Debian's Chromium, headless, Italian. */
export function launchItalianChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--lang=it-IT'],
    env: { ...process.env, LANGUAGE: 'it', LANG: 'it_IT.UTF-8' },
  });
}

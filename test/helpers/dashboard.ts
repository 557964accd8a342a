import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { build } from 'vite';
import { pageShell } from '../../player/page-shell';
import { startTestApi, type TestApi } from './api';
import { closeInOrder } from './close-in-order';

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

export interface DashboardRig {
  /** A PGlite API serving the freshly built dashboard at /dashboard. */
  api: TestApi;
  browser: Browser;
  close(): Promise<void>;
}

/** The dashboard built into a temp dir, an API serving it, and Chromium; close() undoes all three. */
export async function startDashboardRig(label: string): Promise<DashboardRig> {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), `vg-${label}-dist-`));
  const api = await buildDashboardInto(dist).then(() => startTestApi({ backend: 'pglite', label, playerDir: dist }));
  const browser = await launchItalianChromium().catch(async (err: unknown) => {
    await api.close();
    throw err;
  });
  return {
    api,
    browser,
    async close() {
      await closeInOrder(browser, api);
      fs.rmSync(dist, { recursive: true, force: true });
    },
  };
}

export interface DashboardPage {
  page: Page;
  /** The first answer, of /dashboard itself. */
  response: Response | null;
  /** Every URL the page requested. */
  urls: string[];
  /** Uncaught errors and console errors, which a test expects to stay empty. */
  errors: string[];
}

/** A desktop page on the API's /dashboard (not signed in yet), its requests and errors recorded. */
export async function openDashboard(browser: Browser, apiUrl: string): Promise<DashboardPage> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true, locale: 'it-IT' });
  const urls: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const response = await page.goto(`${apiUrl}/dashboard`);
  return { page, response, urls, errors };
}

/** The key gate: type the key, press Accedi. */
export async function signIn(page: Page, key: string): Promise<void> {
  await page.getByLabel('Chiave API').fill(key);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

/** Presses "Esporta CSV" and answers the downloaded file's text. */
export async function exportCsv(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Esporta CSV' }).click();
  return fs.readFileSync((await (await download).path())!, 'utf8');
}

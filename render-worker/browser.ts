import fs from 'node:fs';
import { openBrowser, type ChromeMode, type ChromiumOptions } from '@remotion/renderer';

type HeadlessBrowser = Awaited<ReturnType<typeof openBrowser>>;
export type { HeadlessBrowser };

/** The configured executable (config.browserExecutable), then Debian's Chromium; null means Remotion downloads its headless shell. */
export function systemChromium(configured: string | undefined): string | null {
  const candidates = [configured, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p && p.trim() && fs.existsSync(p))) ?? null;
}

export interface BrowserSetup {
  browserExecutable: string | null;
  chromeMode: ChromeMode;
  chromiumOptions: ChromiumOptions;
}

/**
 * How to launch Chrome here. A full Chromium (Debian's, v132+) no longer has the old headless
 * mode Remotion asks "headless-shell" binaries for, so it runs as "chrome-for-testing", which
 * passes --headless=new. Remotion always adds --no-sandbox and --disable-setuid-sandbox, which
 * running as root in a container needs. The guides draw no WebGL, for which Remotion's docs advise
 * the default GL backend (null: Chrome decides) over a software one.
 */
export function browserSetup(configured: string | undefined): BrowserSetup {
  const browserExecutable = systemChromium(configured);
  return {
    browserExecutable,
    chromeMode: browserExecutable ? 'chrome-for-testing' : 'headless-shell',
    chromiumOptions: { gl: null, enableMultiProcessOnLinux: true },
  };
}

/**
 * For callers handed no setup (tests, benches): Debian's Chromium where it is, else Remotion's
 * shell. Processes pass browserSetup(config.browserExecutable) from their composition root.
 */
export const defaultBrowserSetup = (): BrowserSetup => browserSetup(undefined);

/** Opens the one browser a process renders with; close it with `browser.close({ silent: true })`. */
export async function openRenderBrowser(setup: BrowserSetup = defaultBrowserSetup()): Promise<HeadlessBrowser> {
  return openBrowser('chrome', {
    browserExecutable: setup.browserExecutable,
    chromeMode: setup.chromeMode,
    chromiumOptions: setup.chromiumOptions,
    logLevel: 'error',
  });
}

/** What every Remotion call drawing in `browser` passes: the bundle, the browser and the Chrome mode and options it was opened with, quiet logs. */
export const remotionTarget = (serveUrl: string, browser: HeadlessBrowser, setup: BrowserSetup) => ({
  serveUrl,
  puppeteerInstance: browser,
  chromeMode: setup.chromeMode,
  chromiumOptions: setup.chromiumOptions,
  logLevel: 'error' as const,
});

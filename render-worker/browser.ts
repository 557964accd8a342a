import fs from 'node:fs';
import { openBrowser, type ChromeMode, type ChromiumOptions } from '@remotion/renderer';

type HeadlessBrowser = Awaited<ReturnType<typeof openBrowser>>;
export type { HeadlessBrowser };

/** BROWSER_EXECUTABLE, then Debian's Chromium; null means Remotion downloads its headless shell. */
export function systemChromium(env: Record<string, string | undefined> = process.env): string | null {
  const candidates = [env.BROWSER_EXECUTABLE, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
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
export function browserSetup(env: Record<string, string | undefined> = process.env): BrowserSetup {
  const browserExecutable = systemChromium(env);
  return {
    browserExecutable,
    chromeMode: browserExecutable ? 'chrome-for-testing' : 'headless-shell',
    chromiumOptions: { gl: null, enableMultiProcessOnLinux: true },
  };
}

/** Opens the one browser a process renders with; close it with `browser.close({ silent: true })`. */
export async function openRenderBrowser(env: Record<string, string | undefined> = process.env): Promise<HeadlessBrowser> {
  const setup = browserSetup(env);
  return openBrowser('chrome', {
    browserExecutable: setup.browserExecutable,
    chromeMode: setup.chromeMode,
    chromiumOptions: setup.chromiumOptions,
    logLevel: 'error',
  });
}

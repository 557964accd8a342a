// Remotion CLI settings (`npm run studio`, `npx remotion render`). Renders from code pass the same
// options explicitly (render-worker/), so the two never drift: fonts and images live in assets/.
import fs from 'node:fs';
import { Config } from '@remotion/cli/config';

Config.setEntryPoint('./compositions/index.ts');
Config.setPublicDir('./assets');
Config.setVideoImageFormat('jpeg');
Config.setCodec('h264');
Config.setPixelFormat('yuv420p');

// Prefer the system Chromium (Debian's `chromium`); without one Remotion downloads its own.
const chromium = [process.env.BROWSER_EXECUTABLE, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => Boolean(p && fs.existsSync(p)));
if (chromium) {
  Config.setBrowserExecutable(chromium);
  // A full Chromium has no old headless mode: launch it the way the render worker does.
  Config.setChromeMode('chrome-for-testing');
}

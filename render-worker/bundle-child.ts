/**
 * Builds the Remotion bundle in its own process (ensureBundle's default, render-worker/bundle.ts):
 * webpack's long synchronous stretches stay off the render worker's event loop.
 * Argument: the bundle cache directory. Prints `progress <percent>` lines.
 */
import { ensureBundle } from './bundle';

const cacheDir = process.argv[2];
if (!cacheDir) {
  process.stderr.write('usage: bundle-child.ts <cache dir>\n');
  process.exit(2);
}
let last = -1;
await ensureBundle({
  cacheDir,
  inProcess: true,
  onProgress: (p) => {
    if (p !== last) process.stdout.write(`progress ${(last = p)}\n`);
  },
});
process.exit(0);

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** Text assets worth compressing; fonts (woff2), images and audio are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|vtt)$/;
const MIN_BYTES = 1024;

function* walk(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.')) yield* walk(p);
    } else if (COMPRESSIBLE.test(e.name)) yield p;
  }
}

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside every text asset of the build, once, at build
 * time: the API serves them by Accept-Encoding (express-static-gzip) and compresses nothing per
 * request, which a million citizens' page loads would otherwise pay for on the API's CPU.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'videoguida-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        const data = fs.readFileSync(file);
        if (data.length < MIN_BYTES) continue;
        const br = zlib.brotliCompressSync(data, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        });
        const gz = zlib.gzipSync(data, { level: 9 });
        if (br.length < data.length) fs.writeFileSync(`${file}.br`, br);
        if (gz.length < data.length) fs.writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

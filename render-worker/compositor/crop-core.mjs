// Plain JavaScript on purpose: this runs in a worker thread (crop-thread.mjs), which loads files
// with Node's own loader, without the TypeScript hooks of tsx or vitest. Types: crop-core.d.mts.
import fs from 'node:fs';
import pngjs from 'pngjs';

const { PNG } = pngjs;

/**
 * Layers are full-frame transparent PNGs with a small visible part; blending only their bounding
 * box makes compositing several times faster and changes no pixel. Synchronous and CPU-bound (a
 * full-frame decode, a scan of every pixel, an encode): call it through cropLayers (crop-layer.ts),
 * which runs it off the event loop.
 */
export function cropLayer(src, dest) {
  const png = PNG.sync.read(fs.readFileSync(src));
  const { width, height, data } = png;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    for (let x = 0; x < width; x++) {
      if (data[row + x * 4 + 3] !== 0) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (maxX < 0) return { path: null, x: 0, y: 0, width: 0, height: 0 };
  // Even offsets and sizes keep chroma subsampling aligned when the result is converted to 4:2:0.
  minX -= minX % 2;
  minY -= minY % 2;
  const w = Math.min(width - minX, maxX - minX + 1 + ((maxX - minX + 1) % 2));
  const h = Math.min(height - minY, maxY - minY + 1 + ((maxY - minY + 1) % 2));
  const out = new PNG({ width: w, height: h });
  PNG.bitblt(png, out, minX, minY, w, h, 0, 0);
  fs.writeFileSync(dest, PNG.sync.write(out));
  return { path: dest, x: minX, y: minY, width: w, height: h };
}

import { Worker } from 'node:worker_threads';
import { cropLayer, type CroppedLayer } from './crop-core.mjs';

export { cropLayer, type CroppedLayer };

interface Pending {
  resolve: (r: CroppedLayer) => void;
  reject: (e: Error) => void;
}

let thread: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function cropThread(): Worker {
  if (thread) return thread;
  const w = new Worker(new URL('./crop-thread.mjs', import.meta.url));
  w.on('message', (m: { id: number; result?: CroppedLayer; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(`crop failed: ${m.error}`));
    else p.resolve(m.result!);
    if (pending.size === 0) w.unref();
  });
  const fail = (err: Error) => {
    if (thread === w) thread = undefined;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(err);
    }
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`crop thread exited with ${code}`)));
  w.unref();
  thread = w;
  return w;
}

/**
 * Crops a layer (crop-core.mjs) in a worker thread. Decoding, scanning and encoding a full-frame
 * PNG takes 0.1–0.6 s of CPU at 720p on a loaded 2-core machine (more at 1080p), and a scene has
 * several layers: on the render worker's event loop that starved BullMQ's lock renewal (measured
 * with `npx tsx bench/render-event-loop.ts`, docs/operations.md). The thread is idle-unref'd: it
 * never keeps a process alive.
 */
export function cropLayerOffThread(src: string, dest: string): Promise<CroppedLayer> {
  const w = cropThread();
  const id = nextId++;
  return new Promise<CroppedLayer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, src, dest });
  });
}

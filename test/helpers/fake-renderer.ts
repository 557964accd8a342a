import fs from 'node:fs';
import path from 'node:path';
import type { GuideRenderer, RenderRequest } from '../../render-worker/renderer';

/**
 * A renderer that writes a placeholder video.mp4 (naming `tag`) and counts renders per guide, for
 * the tests about queues and leases (no Chrome, no ffmpeg). `delayMs` makes each render take that
 * long (waiting: the event loop stays free); `busyMs` computes for that long in `sliceMs` slices
 * (CPU-bound work that yields between slices, as the render pipeline does once its long
 * synchronous stretches are off the event loop); `blockMs` holds the event loop in one go.
 */
export function fakeRenderer(
  o: { delayMs?: number; busyMs?: number; sliceMs?: number; blockMs?: number; tag?: string; onStart?: (guideId: string) => void } = {},
): GuideRenderer & { renders: Map<string, number>; started: Map<string, number> } {
  const renders = new Map<string, number>();
  const started = new Map<string, number>();
  return {
    name: 'fake',
    renders,
    started,
    async render(req: RenderRequest) {
      started.set(req.guideId, (started.get(req.guideId) ?? 0) + 1);
      o.onStart?.(req.guideId);
      if (o.busyMs) {
        const end = Date.now() + o.busyMs;
        while (Date.now() < end) {
          const sliceEnd = Math.min(end, Date.now() + (o.sliceMs ?? 200));
          while (Date.now() < sliceEnd) {
            /* computing */
          }
          await new Promise((r) => setImmediate(r));
          if (req.signal.aborted) throw new Error('render aborted');
        }
      }
      if (o.blockMs) {
        const until = Date.now() + o.blockMs;
        while (Date.now() < until) {
          /* a synchronous stretch */
        }
      }
      if (o.delayMs) {
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(resolve, o.delayMs);
          req.signal.addEventListener(
            'abort',
            () => {
              clearTimeout(t);
              reject(new Error('render aborted'));
            },
            { once: true },
          );
        });
      }
      if (req.signal.aborted) throw new Error('render aborted');
      fs.writeFileSync(path.join(req.outDir, 'video.mp4'), `fake render of ${req.guideId} by ${o.tag ?? 'fake'}\n`);
      renders.set(req.guideId, (renders.get(req.guideId) ?? 0) + 1);
      req.onProgress(1);
    },
    async close() {},
  };
}

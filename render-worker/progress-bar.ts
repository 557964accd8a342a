import type { RenderProgress } from './render-guide';

/** A one-line progress bar on a terminal; plain lines every 10% when stderr is not a TTY (CI logs). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { update: (p: RenderProgress) => void; done: () => void } {
  const started = Date.now();
  let lastDecile = -1;
  let drawn = false;
  return {
    update(p) {
      const pct = Math.round(p.progress * 100);
      const elapsed = (Date.now() - started) / 1000;
      const fps = elapsed > 0 ? p.renderedFrames / elapsed : 0;
      const eta = p.progress > 0.02 ? Math.max(0, (elapsed * (1 - p.progress)) / p.progress) : NaN;
      const text = `${p.stage.padEnd(9)} ${String(pct).padStart(3)}%  frames ${p.renderedFrames}/${p.totalFrames}  ${fps.toFixed(1)} fps  ${Number.isNaN(eta) ? '' : `ETA ${Math.round(eta)} s`}`;
      if (stream.isTTY) {
        const width = 28;
        const filled = Math.round((pct / 100) * width);
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
        drawn = true;
      } else if (Math.floor(pct / 10) !== lastDecile) {
        lastDecile = Math.floor(pct / 10);
        stream.write(`${text}\n`);
      }
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}

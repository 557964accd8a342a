/**
 * npm run worker: a render worker process on its own (scale out by starting more of them against
 * PostgreSQL; with the embedded PGlite database use `npm start`, which runs the worker in-process).
 */
import { runServiceProcess } from './process-shell';
import { startRenderWorker } from '../render-worker/start';

await runServiceProcess({
  process: 'worker',
  loggerName: 'render-worker',
  name: 'render worker',
  start: startRenderWorker,
  shutdownMs: (_worker, config) => config.render.shutdownTimeoutSeconds * 1000,
});

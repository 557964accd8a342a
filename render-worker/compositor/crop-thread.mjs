// The worker thread behind cropLayers (crop-layer.ts): crops one layer per message.
import { parentPort } from 'node:worker_threads';
import { cropLayer } from './crop-core.mjs';

parentPort.on('message', ({ id, src, dest }) => {
  try {
    parentPort.postMessage({ id, result: cropLayer(src, dest) });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});

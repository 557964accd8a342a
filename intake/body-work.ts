import { parentPort, workerData } from 'node:worker_threads';
import { readBody } from './message';

/** The work of one body-reader thread: a batch of bodies in, their BodyResults out. */
const { maxMessageBytes, fiscalCodeHmacKey } = workerData as { maxMessageBytes: number; fiscalCodeHmacKey: string };

parentPort!.on('message', ({ id, bodies }: { id: number; bodies: unknown[] }) => {
  try {
    parentPort!.postMessage({ id, results: bodies.map((b) => readBody(b, maxMessageBytes, fiscalCodeHmacKey)) });
  } catch (err) {
    parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});

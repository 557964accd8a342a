/**
 * A render worker process with a fake renderer (test/helpers/fake-renderer.ts), for the tests that
 * freeze or kill a worker mid-render: system/worker.ts with FAKE_RENDER_DELAY_MS instead of
 * Chrome. Prints `started <guideId>` and `rendered <guideId>` lines; logs (JSON) on stderr.
 */
import path from 'node:path';
import { startRenderWorker } from '../../render-worker/start';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/database';
import { createLogger } from '../../server/logger';
import { fakeRenderer } from './fake-renderer';

const config = loadConfig(process.env);
const logger = createLogger({ level: 'info', name: 'render-worker', destination: { write: (l: string) => void process.stderr.write(l) } });
const db = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'db'), schema: config.databaseSchema, ...config.database });
const inner = fakeRenderer({
  delayMs: Number(process.env.FAKE_RENDER_DELAY_MS ?? 1000),
  tag: process.env.FAKE_RENDER_TAG ?? 'process',
  onStart: (id) => process.stdout.write(`started ${id}\n`),
});
const renderer = {
  ...inner,
  async render(req: Parameters<typeof inner.render>[0]) {
    await inner.render(req);
    process.stdout.write(`rendered ${req.guideId}\n`);
  },
};
const running = await startRenderWorker({ config, db, logger, redisUrl: config.redisUrl, renderer });
process.stdout.write('worker ready\n');
process.once('SIGTERM', async () => {
  await running.close();
  await db.close();
  process.exit(0);
});

/**
 * npm run bench:access [-- --rate 1000 --duration 20 --guides 2000 --backend postgres|pglite|both]
 * Autocannon at a fixed overall rate on GET /api/access/:token over many guides' tokens, with the
 * real middleware (helmet, request log, Redis rate limits with the per-address budget raised because
 * every request comes from one address). The load runs in a worker thread so it does not share the
 * server's event loop. Prints `access_p99_ms: N` (first backend) and per-backend lines.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { Worker, isMainThread } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { Readable } from 'node:stream';

interface Load {
  url: string;
  tokens: string[];
  rate: number;
  duration: number;
}
interface LoadResult {
  p50: number;
  p99: number;
  rps: number;
  non2xx: number;
  errors: number;
  total: number;
}

// The load generator runs as plain JavaScript in a worker thread (no TypeScript loader needed there),
// so autocannon and the server do not share an event loop.
const LOAD_SCRIPT = `
const { parentPort, workerData: w } = require('node:worker_threads');
const autocannon = require(w.autocannon);
let i = 0;
autocannon({
  url: w.url,
  connections: 50,
  overallRate: w.rate,
  duration: w.duration,
  requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: '/api/access/' + w.tokens[i++ % w.tokens.length] }) }],
}, (err, raw) => {
  if (err) throw err;
  // Inside a worker thread autocannon hands back encoded histograms; aggregate them here.
  const r = autocannon.aggregateResult([raw], { url: w.url, connections: 50, overallRate: w.rate, duration: w.duration });
  parentPort.postMessage({ codes: r.statusCodeStats, p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.mean, non2xx: r.non2xx, errors: r.errors, total: r.requests.total });
});
`;

if (isMainThread) {

  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: '1000' },
      duration: { type: 'string', default: '20' },
      guides: { type: 'string', default: '2000' },
      backend: { type: 'string', default: 'both' },
    },
  });
  const { generateEnvelopes } = await import('../compositions/generator/generate');
  const { deriveToken } = await import('../server/db/token-derivation');
  const { call, startTestApi } = await import('../test/helpers/api');
  type Backend = 'pglite' | 'postgres';
  const backends: Backend[] = values.backend === 'both' ? ['postgres', 'pglite'] : [values.backend as Backend];
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const runLoad = (w: Load) =>
    new Promise<LoadResult>((resolve, reject) => {
      const autocannon = createRequire(import.meta.url).resolve('autocannon');
      const worker = new Worker(LOAD_SCRIPT, { eval: true, workerData: { ...w, autocannon } });
      worker.once('message', resolve);
      worker.once('error', reject);
    });

  const p99: Record<string, number> = {};
  for (const backend of backends) {
    // Request logs go to a file asynchronously, as npm start's go to stdout.
    const logFile = path.join(os.tmpdir(), `vg-bench-access-${process.pid}.log`);
    const logDestination = pino.destination({ dest: logFile, sync: false });
    const api = await startTestApi({ backend, label: 'bench_access', rateLimits: { publicPerMinute: 100_000_000 }, logDestination });
    try {
      const c = await call(api, 'POST', '/api/campaigns', { body: { guideType: 'naspi', name: 'bench', renderPolicy: 'eager' } });
      const { id } = (await c.json()) as { id: string };
      const ndjson = [...generateEnvelopes('naspi', Number(values.guides), 'bench-access')].map((e) => JSON.stringify(e)).join('\n');
      await call(api, 'POST', `/api/campaigns/${id}/guides`, { raw: Readable.toWeb(Readable.from([ndjson])) as ReadableStream, headers: { 'content-type': 'application/x-ndjson' } });
      const rows = await api.db.query<{ nonce: Uint8Array }>(`SELECT nonce FROM tokens`);
      const tokens = rows.map((r) => deriveToken(api.ctx.secrets.tokenSecret, Buffer.from(r.nonce)));
      const base = { url: api.url, tokens };
      await runLoad({ ...base, rate: Math.round(Number(values.rate) / 2), duration: 3 }); // warm-up: JIT, pools, caches
      const elu = performance.eventLoopUtilization();
      const r = await runLoad({ ...base, rate: Number(values.rate), duration: Number(values.duration) });
      const busy = performance.eventLoopUtilization(elu);
      if (r.non2xx || r.errors) throw new Error(`${JSON.stringify((r as unknown as { codes: unknown }).codes)} ${r.non2xx} non-2xx answers and ${r.errors} errors out of ${r.total}`);
      p99[backend] = r.p99;
      say(`# ${backend}: ${r.total} requests over ${tokens.length} tokens, ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms; server event loop ${(busy.utilization * 100).toFixed(0)}% busy, ${((busy.active / r.total) * 1000).toFixed(0)} µs per request`);
    } finally {
      await api.close();
      logDestination.end();
      fs.rmSync(logFile, { force: true });
    }
  }
  say(`access_p99_ms: ${p99[backends[0]!]}`);
  for (const b of backends) say(`access_p99_ms_${b}: ${p99[b]}`);
}

/**
 * npm run bench:access [-- --rate 1000 --duration 20 --connections 10 --guides 2000 --backend postgres|pglite|both]
 * Autocannon at a fixed overall rate on GET /api/access/:token over many guides' tokens (every token
 * of 2,000 guides, round robin), with the real middleware: helmet, request log to a file, Redis rate
 * limits (the per-address budget raised, since every request comes from one address). The load runs
 * in its own process. Prints `access_p99_ms: N` (first backend), and per backend the p99, the rate
 * achieved and the API process's CPU time per request (what decides the rate one core can serve).
 *
 * Why 10 connections: autocannon paces a rate by giving each connection a quota per second that it
 * spends back to back from the top of each second, all connections together. With 50 connections
 * that is a burst of 50 requests in flight every second, not a steady 1,000 req/s (Little's law: a
 * steady 1,000 req/s at ~1 ms each keeps about one request in flight). Ten connections still send the
 * whole second's quota as a burst of ten concurrent streams, so the figure remains conservative;
 * --connections 50 shows the burstier case.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pino from 'pino';
import { generateEnvelopes } from '../compositions/generator/generate';
import { deriveToken } from '../server/db/token-derivation';
import { call, startTestApi } from '../test/helpers/api';
import { databaseBenchArgs, runScript, say } from './bench-common';

interface Load {
  url: string;
  tokens: string[];
  rate: number;
  duration: number;
  autocannon: string;
  connections: number;
}
interface LoadResult {
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  codes: Record<string, { count: number }>;
}

// Plain JavaScript for a separate node process: reads its job on stdin, prints the result as JSON.
// With a fixed rate autocannon corrects latencies for coordinated omission.
const LOAD_SCRIPT = `
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', () => {
  const w = JSON.parse(input);
  const autocannon = require(w.autocannon);
  let i = 0;
  autocannon({
    url: w.url, connections: w.connections, overallRate: w.rate, duration: w.duration,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: '/api/access/' + w.tokens[i++ % w.tokens.length] }) }],
  }, (err, r) => {
    if (err) throw err;
    process.stdout.write(JSON.stringify({ p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, non2xx: r.non2xx, errors: r.errors, codes: r.statusCodeStats }));
  });
});
`;

const runLoad = (w: Load) => runScript<LoadResult>(LOAD_SCRIPT, w);

const { values, backends } = databaseBenchArgs({
  rate: { type: 'string', default: '1000' },
  duration: { type: 'string', default: '20' },
  guides: { type: 'string', default: '2000' },
  connections: { type: 'string', default: '10' },
});
const autocannon = createRequire(import.meta.url).resolve('autocannon');
const rate = Number(values.rate);
const duration = Number(values.duration);

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
    await call(api, 'POST', `/api/campaigns/${id}/guides`, {
      raw: Readable.toWeb(Readable.from([ndjson])) as ReadableStream,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    const rows = await api.db.query<{ nonce: Uint8Array }>(`SELECT nonce FROM tokens`);
    const tokens = rows.map((r) => deriveToken(api.ctx.secrets.tokenSecret, Buffer.from(r.nonce)));
    const base = { url: api.url, tokens, autocannon, connections: Number(values.connections) };
    await runLoad({ ...base, rate: Math.round(rate / 2), duration: 5 }); // warm-up: JIT, pools, caches, first accesses
    const cpu = process.cpuUsage();
    const r = await runLoad({ ...base, rate, duration });
    const used = process.cpuUsage(cpu);
    if (r.non2xx || r.errors) throw new Error(`${r.non2xx} non-2xx answers (${JSON.stringify(r.codes)}) and ${r.errors} errors out of ${r.total}`);
    p99[backend] = r.p99;
    const cpuPerRequest = (used.user + used.system) / r.total;
    say(
      `# ${backend}: ${r.total} requests in ${duration} s over ${tokens.length} tokens (${Math.round(r.total / duration)} req/s, ${values.connections} connections), p50 ${r.p50} ms, p99 ${r.p99} ms`,
    );
    say(`access_cpu_us_per_request_${backend}: ${Math.round(cpuPerRequest)} µs`);
  } finally {
    await api.close();
    logDestination.end();
    fs.rmSync(logFile, { force: true });
  }
}
say(`access_p99_ms: ${p99[backends[0]!]}`);
for (const b of backends) say(`access_p99_ms_${b}: ${p99[b]}`);

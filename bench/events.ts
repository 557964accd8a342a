/**
 * npm run bench:events [-- --views 9000 --batch 20 --connections 16 --backend both|postgres|pglite --pglite disk|nosync|memory]
 * Sustained ingestion through the real POST /api/events: helmet, request log to a file, the Redis rate
 * limits (raised, every request comes from one address), the token lookup, per-event zod validation,
 * the group-committed INSERT and the rollup trigger. The load runs in its own process (autocannon, as
 * fast as the API answers); each batch is sent once and carries `--batch` events of one view, as the
 * player sends them (it flushes at 20 events; a beacon carries up to 50).
 *
 * A 202 is only answered once the batch is committed, so the count check is exact: every event of
 * every 202-answered batch must be in the events table. Prints per backend `events_rate` (events
 * stored per second of load), `events_lost` (answered 202 but missing) and `events_refused`
 * (answered otherwise; the player would retry them), then the first backend's figures unsuffixed.
 * PGlite runs on a data directory as in production, syncing every commit (`--pglite nosync`: without
 * fsync, as before; `--pglite memory`: the in-memory database the tests use).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { generateEnvelopes } from '../compositions/generator/generate';
import { syntheticHistory } from '../server/analytics/synthetic-history';
import { deriveToken } from '../server/db/token-derivation';
import { call, startTestApi } from '../test/helpers/api';
import { databaseBenchArgs, runScript, say } from './bench-common';
import { openBenchDatabase } from './bench-database';

const { values, backends } = databaseBenchArgs({
  views: { type: 'string', default: '9000' },
  batch: { type: 'string', default: '20' },
  connections: { type: 'string', default: '16' },
  guides: { type: 'string', default: '2000' },
  pglite: { type: 'string', default: 'disk' },
});

// Plain JavaScript for a separate node process: reads the bodies on stdin, sends each once.
const LOAD_SCRIPT = `
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', () => {
  const w = JSON.parse(input);
  const autocannon = require(w.autocannon);
  let i = 0;
  const started = Date.now();
  autocannon({
    url: w.url, connections: w.connections, amount: w.bodies.length, timeout: 30,
    requests: [{ method: 'POST', path: '/api/events', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: w.bodies[i++] }) }],
  }, (err, r) => {
    if (err) throw err;
    process.stdout.write(JSON.stringify({ seconds: (Date.now() - started) / 1000, total: r.requests.total, non2xx: r.non2xx, errors: r.errors, codes: r.statusCodeStats, p50: r.latency.p50, p99: r.latency.p99 }));
  });
});
`;
interface LoadResult {
  seconds: number;
  total: number;
  non2xx: number;
  errors: number;
  codes: Record<string, { count: number }>;
  p50: number;
  p99: number;
}

const runLoad = (job: object) => runScript<LoadResult>(LOAD_SCRIPT, job);

// Every request comes from 127.0.0.1 and one token sends many batches: raise the limits in the
// configuration the test API is built from (process.env never reaches it). The distinct views a link
// may record an hour too: the warm-up and the measured run together give a link more than 20 views
// when there are few links (--guides 20), and the refused batches would measure the budget instead.
const LIMITS = { EVENTS_BATCHES_PER_MINUTE_PER_ADDRESS: '100000000', EVENTS_BATCHES_PER_MINUTE_PER_TOKEN: '100000', EVENTS_VIEWS_PER_TOKEN_PER_HOUR: '100000' };

const results: Record<string, { rate: number; lost: number; refused: number }> = {};
for (const backend of backends) {
  const logFile = path.join(os.tmpdir(), `vg-bench-events-${process.pid}.log`);
  const logDestination = pino.destination({ dest: logFile, sync: false });
  const own = await openBenchDatabase(backend, values.pglite);
  const api = await startTestApi({ backend, label: 'bench_events', logDestination, env: LIMITS, ...(own ? { db: own.db } : {}) });
  try {
    const c = await call(api, 'POST', '/api/campaigns', { body: { guideType: 'naspi', name: 'bench events' } });
    const { id } = (await c.json()) as { id: string };
    const ndjson = [...generateEnvelopes('naspi', Number(values.guides), 'bench-events')].map((e) => JSON.stringify(e)).join('\n');
    await call(api, 'POST', `/api/campaigns/${id}/guides`, { raw: ndjson, headers: { 'content-type': 'application/x-ndjson' } });
    const rows = await api.db.query<{ nonce: Uint8Array }>(`SELECT nonce FROM tokens WHERE channel = 'qr'`);
    const tokens = rows.map((r) => deriveToken(api.ctx.secrets.tokenSecret, Buffer.from(r.nonce)));
    const scenes = Array.from({ length: 8 }, (_, i) => ({
      id: `scene-${i + 1}`,
      from: i * 450,
      durationInFrames: 450,
      actions:
        i === 2
          ? [
              { id: 'payments', kind: 'button' as const },
              { id: 'amount-info', kind: 'popup' as const },
            ]
          : [],
    }));
    const { batches } = syntheticHistory({
      tokens,
      views: Number(values.views),
      interactingViewers: Math.round(tokens.length * 0.63),
      ratings: Array(Math.round(tokens.length / 3)).fill(5),
      scenes,
      durationInFrames: 3600,
      seed: 7,
    });
    // The player's batches: each view's events in groups of --batch.
    const size = Number(values.batch);
    const views = new Map<string, { token: string; events: (typeof batches)[number]['events'] }>();
    for (const b of batches)
      for (const e of b.events) (views.get(e.viewId) ?? views.set(e.viewId, { token: b.token, events: [] }).get(e.viewId)!).events.push(e);
    const bodies: string[] = [];
    for (const v of views.values())
      for (let i = 0; i < v.events.length; i += size) bodies.push(JSON.stringify({ token: v.token, events: v.events.slice(i, i + size) }));
    const total = [...views.values()].reduce((a, v) => a + v.events.length, 0);

    const job = { url: api.url, connections: Number(values.connections), autocannon: createRequire(import.meta.url).resolve('autocannon') };
    // Warm-up on other events (JIT, pools, token lookups), then the measured run.
    const warm = syntheticHistory({ tokens: tokens.slice(0, 200), views: 400, interactingViewers: 0, ratings: [], scenes, durationInFrames: 3600, seed: 8 });
    await runLoad({ ...job, bodies: warm.batches.map((b) => JSON.stringify(b)) });
    const [{ n: before }] = (await api.db.query<{ n: number }>('SELECT count(*) AS n FROM events')) as [{ n: number }];
    const cpu = process.cpuUsage();
    const r = await runLoad({ ...job, bodies });
    const used = process.cpuUsage(cpu);
    const [{ n: after }] = (await api.db.query<{ n: number }>('SELECT count(*) AS n FROM events')) as [{ n: number }];
    const stored = after - before;
    const refusedBatches = r.non2xx + r.errors;
    // Batches answered otherwise than 202 hold size events at most each; all others must be stored.
    const refused = refusedBatches === 0 ? 0 : total - stored;
    const lost = refusedBatches === 0 ? total - stored : Math.max(0, total - stored - refusedBatches * size);
    results[backend] = { rate: Math.round(stored / r.seconds), lost, refused };
    say(
      `# ${backend}: ${total} events in ${bodies.length} batches of up to ${size} over ${tokens.length} links, ${r.seconds.toFixed(1)} s (${Math.round(bodies.length / r.seconds)} req/s, ${values.connections} connections), p50 ${r.p50} ms, p99 ${r.p99} ms, answers ${JSON.stringify(r.codes)}`,
    );
    say(`events_rate_${backend}: ${results[backend]!.rate} events/s`);
    say(`events_sent_${backend}: ${total} events`);
    say(`events_stored_${backend}: ${stored} events`);
    say(`events_lost_${backend}: ${lost}`);
    say(`events_refused_${backend}: ${refused}`);
    say(`events_cpu_us_per_event_${backend}: ${Math.round((used.user + used.system) / total)} µs`);
  } finally {
    await api.close();
    await own?.close();
    logDestination.end();
    fs.rmSync(logFile, { force: true });
  }
}
const first = results[backends[0]!]!;
say(`events_rate: ${first.rate} events/s`);
say(`events_lost: ${first.lost}`);
process.exit(0);

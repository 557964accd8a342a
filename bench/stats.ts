/**
 * npm run bench:stats [-- --guides 790000 --backend both|postgres|pglite --chunk 2500 --runs 7]
 * Loads ~10 million viewing events (790,000 guides produced, each with a link per channel, over two years, 15% viewed, 4.8 views per
 * viewer, ~18 events per view) and times GET /api/stats over real HTTP for representative filters.
 *
 * The load is generated in SQL (INSERT … SELECT), 2,500 views per statement, each view's events split
 * over two consecutive statements: every event goes through the same statement-level rollup trigger
 * as the API's group-committed flushes, including the merge of a view's second batch into its state.
 * Nothing is bypassed; what is skipped is HTTP, JSON and zod, which bench:events measures.
 *
 * Prints per backend the load rate and, per query, the median of --runs timings (after one warm-up);
 * `stats_ms_<backend>` is the slowest query's median, `stats_ms` the slowest over the backends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { benchCampaignId, loadBulkHistory } from '../server/analytics/bulk-history';
import { openDatabase, type Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { TEST_DATABASE_URL } from '../test/helpers/databases';
import { startTestApi } from '../test/helpers/api';
import { databaseBenchArgs, say } from './bench-common';

const { values, backends } = databaseBenchArgs({
  guides: { type: 'string', default: '790000' },
  chunk: { type: 'string', default: '2500' },
  runs: { type: 'string', default: '7' },
});

const QUERIES: [string, string][] = [
  ['all', ''],
  ['type', '?type=naspi'],
  ['type_quarter', '?type=naspi&from=2024-01-01&to=2024-03-31'],
  ['province_channel', '?province=RM&channel=qr'],
  ['campaign', `?campaign=${benchCampaignId('naspi1')}`],
  ['ragged_range', '?type=pensione&from=2023-02-14&to=2024-11-03'],
  ['everything', '?type=naspi&province=NA&channel=app&from=2023-03-10&to=2024-10-20'],
];

async function open(backend: string): Promise<{ db: Database; cleanup: () => Promise<void> }> {
  if (backend === 'postgres') {
    const schema = `bench_stats_${process.pid}`;
    const db = await openDatabase({ url: TEST_DATABASE_URL, schema, max: 4 });
    return {
      db,
      cleanup: async () => {
        await db.exec(`DROP SCHEMA ${schema} CASCADE`);
        await db.close();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-bench-stats-'));
  const db = await openDatabase({ dataDir: dir });
  return {
    db,
    cleanup: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function run(backend: 'postgres' | 'pglite'): Promise<number> {
  const { db, cleanup } = await open(backend);
  try {
    await migrate(db);
    const started = performance.now();
    let last = 0;
    const loaded = await loadBulkHistory(db, {
      guides: Number(values.guides),
      firstDay: '2023-01-01',
      days: 730,
      chunkViews: Number(values.chunk),
      onProgress: (step, done, total) => {
        if (performance.now() - last < 15_000 && done < total) return;
        last = performance.now();
        process.stderr.write(`[${backend}] ${step} ${done}/${total} after ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    say(`[${backend}] loaded ${loaded.guides} guides, ${loaded.views} views, ${loaded.events} events in ${seconds.toFixed(0)} s`);
    say(`stats_load_rate_${backend}: ${Math.round(loaded.events / seconds)} events/s`);
    const cells = await db.query<{ grain: string; n: number }>(`SELECT grain, count(*) AS n FROM analytics_cells GROUP BY 1 ORDER BY 1`);
    say(`[${backend}] rollup cells: ${cells.map((c) => `${c.grain}=${c.n}`).join(' ')}`);

    const logFile = path.join(os.tmpdir(), `vg-bench-stats-${backend}-${process.pid}.log`);
    const api = await startTestApi({ backend, label: 'bench_stats', db, logDestination: pino.destination({ dest: logFile, sync: false }) });
    let worst = 0;
    try {
      for (const [name, q] of QUERIES) {
        const times: number[] = [];
        let body: Record<string, unknown> = {};
        for (let i = 0; i <= Number(values.runs); i++) {
          const t = performance.now();
          const res = await fetch(`${api.url}/api/stats${q}`, { headers: { authorization: `Bearer ${api.analystKey}` } });
          body = (await res.json()) as Record<string, unknown>;
          if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
          if (i > 0) times.push(performance.now() - t);
        }
        const ms = median(times);
        worst = Math.max(worst, ms);
        say(
          `stats_ms_${backend}_${name}: ${ms.toFixed(1)} ms   (produced ${body.produced}, views ${body.views}, viewedRate ${body.viewedRate}, viewsPerViewer ${body.viewsPerViewer}, interactionRate ${body.interactionRate}, avgRating ${body.avgRating})`,
        );
      }
    } finally {
      await api.close();
    }
    say(`stats_ms_${backend}: ${worst.toFixed(1)} ms`);
    return worst;
  } finally {
    await cleanup();
  }
}

let worst = 0;
for (const b of backends) worst = Math.max(worst, await run(b));
say(`stats_ms: ${worst.toFixed(1)} ms`);
process.exit(0);

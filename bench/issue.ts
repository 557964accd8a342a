/**
 * npm run bench:issue [-- --count 100000 --backend pglite|postgres|both --render eager|lazy --pglite disk|nosync|memory]
 * Bulk-creates guides with their four tokens through the real upload endpoint (NDJSON over HTTP,
 * validation, storyboard duration, HMAC, tokens, batched INSERTs, render jobs in Redis) and prints
 * `issue_rate: N guides/s` (first backend) plus one `issue_rate_<backend>` and `issue_peak_rss_<backend>`
 * line per backend run. PGlite runs on a data directory as in production, syncing every commit
 * (`--pglite nosync`: without fsync, as before; `--pglite memory`: the in-memory database of the tests).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { generateEnvelopes } from '../compositions/generator/generate';
import { call, startTestApi } from '../test/helpers/api';
import { databaseBenchArgs, say } from './bench-common';
import { openBenchDatabase } from './bench-database';

const { values, backends } = databaseBenchArgs({
  count: { type: 'string', default: '100000' },
  render: { type: 'string', default: 'eager' },
  pglite: { type: 'string', default: 'disk' },
});
const count = Number(values.count);

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vg-bench-issue-')), 'campaign.ndjson');
{
  const out = fs.createWriteStream(file);
  for (const e of generateEnvelopes('red', count, 'bench-issue'))
    if (!out.write(`${JSON.stringify(e)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
}
say(`# ${count} red envelopes, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB NDJSON; render policy ${values.render}`);

/** node:http rather than fetch: fetch gives up waiting for the answer's headers after 5 minutes. */
function upload(url: string, key: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' } }, (res) => {
      let body = '';
      res
        .setEncoding('utf8')
        .on('data', (d: string) => (body += d))
        .on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    fs.createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(req);
  });
}

const rates: Record<string, number> = {};
const peaks: Record<string, number> = {};
for (const backend of backends) {
  const own = await openBenchDatabase(backend, values.pglite);
  const api = await startTestApi({ backend, label: 'bench_issue', ...(own ? { db: own.db } : {}) });
  try {
    const c = await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'bench', renderPolicy: values.render, printDate: '2027-01-15' } });
    const campaign = (await c.json()) as { id: string };
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
    const started = performance.now();
    const res = await upload(`${api.url}/api/campaigns/${campaign.id}/guides`, api.operatorKey, file);
    const report = JSON.parse(res.body) as { created: number; rejected: number; enqueued: number; errors: unknown[] };
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peaks[backend] = peak / 1e6;
    const [{ n: tokens }] = (await api.db.query<{ n: number }>('SELECT count(*) AS n FROM tokens')) as [{ n: number }];
    if (res.status !== 200 || report.created !== count || tokens !== count * 4) {
      throw new Error(`bench upload went wrong: HTTP ${res.status}, ${res.body.slice(0, 300)}, ${tokens} tokens`);
    }
    rates[backend] = count / seconds;
    say(`# ${backend}: ${count} guides + ${tokens} tokens + ${report.enqueued} render jobs in ${seconds.toFixed(1)} s`);
  } finally {
    await api.close();
    await own?.close();
  }
}
say(`issue_rate: ${Math.round(rates[backends[0]!]!)} guides/s`);
for (const b of backends) say(`issue_rate_${b}: ${Math.round(rates[b]!)} guides/s`);
// Server and client share this process: the peak covers both, and should not grow with --count.
for (const b of backends) say(`issue_peak_rss_${b}: ${Math.round(peaks[b]!)} MB`);
fs.rmSync(path.dirname(file), { recursive: true, force: true });

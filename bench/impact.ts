/**
 * npm run bench:impact [-- --guides 650000 --share 0.05 --runs 7 --screenshot DIR]
 *
 * A RED campaign of 650,000 guides with a 5% holdout (the real keyed hash), 15% of the treated watching
 * (a view_start event each, through the events rollup), and about 2 million synthetic outcomes of known
 * effect (server/impact/synthetic.ts: calls 12% → 9%, RED sent 40% → 55%, RED online 30% → 45%, branch
 * visits and CAF look-ups unchanged), on PostgreSQL.
 *
 * The guides are loaded in SQL (INSERT … SELECT over unnest of 50,000 references and holdout flags per
 * statement; the guide and analytics triggers run as on an upload), not through the HTTP bulk path
 * (bench:issue measures that). The outcomes go through the real endpoint: POST /api/outcomes, one
 * streamed NDJSON body, over HTTP. Then GET /api/impact over HTTP, median of --runs after a warm-up.
 *
 * Prints `name: value unit` per figure: the outcome ingestion rate (target ≥ 10,000 rows/s), the impact
 * query time (target ≤ 500 ms), and each simulated effect against its estimate and interval.
 * --screenshot DIR: the dashboard's Impatto view of this campaign, in Chromium, saved as DIR/impact-650k.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { romeToday } from '../server/impact/ingest-outcomes';
import { insertCampaign } from '../server/db/campaigns';
import { openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { holdoutKey, isHeldOut } from '../server/impact/holdout';
import { emptyTally, syntheticOutcomes, watches, type OutcomeModel, type SyntheticGuide, type SyntheticSpec } from '../server/impact/synthetic';
import { startTestApi } from '../test/helpers/api';
import { TEST_DATABASE_URL } from '../test/helpers/databases';
import { buildDashboardInto, launchItalianChromium } from '../test/helpers/dashboard';
import { openImpactTab } from '../test/helpers/dashboard-impact';

/** The parts of GET /api/impact's answer this bench reads. */
interface ImpactAnswer {
  queryMs: number;
  effects: {
    kind: string;
    serviceId: string | null;
    windowDays: number;
    verdict: string;
    sentence: { it: string };
    difference: { estimate: number; low: number; high: number };
    treated: { withOutcome: number };
    holdout: { withOutcome: number };
  }[];
}

const { values } = parseArgs({
  options: {
    guides: { type: 'string', default: '650000' },
    share: { type: 'string', default: '0.05' },
    runs: { type: 'string', default: '7' },
    screenshot: { type: 'string' },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);
const GUIDES = Number(values.guides);
const SHARE = Number(values.share);
const CAMPAIGN = '9b7a1c52-3e4d-4f60-8a71-2c5d9e0f6b13';
const DAY = 86_400_000;
const printDate = new Date(Date.parse(`${romeToday()}T00:00:00Z`) - 120 * DAY).toISOString().slice(0, 10);

const MODELS: OutcomeModel[] = [
  { kind: 'contact_center_call', holdout: 0.12, treated: 0.09, watched: 0.05, repeats: 1.5, late: 0.03, before: 0.02 },
  { kind: 'branch_visit', holdout: 0.05, treated: 0.05, repeats: 0.3, late: 0.02 },
  { kind: 'deadline_met', holdout: 0.4, treated: 0.55, watched: 0.75 },
  { kind: 'online_service', serviceId: 'red-online', holdout: 0.3, treated: 0.45, repeats: 3.5 },
  { kind: 'online_service', serviceId: 'find-intermediary', holdout: 0.1, treated: 0.1, repeats: 0.5 },
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ref = (i: number) => `RED-BENCH-${String(i).padStart(7, '0')}`;

const schema = `bench_impact_${process.pid}`;
const db = await openDatabase({ url: TEST_DATABASE_URL, schema, max: 6 });
let dist: string | undefined;
try {
  await migrate(db);
  if (values.screenshot) {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-bench-impact-dashboard-'));
    await buildDashboardInto(dist);
  }
  const api = await startTestApi({
    backend: 'postgres',
    label: 'bench_impact',
    db,
    playerDir: dist,
    logDestination: pino.destination({ dest: path.join(os.tmpdir(), `vg-bench-impact-${process.pid}.log`), sync: false }),
  });
  try {
    await insertCampaign(db, {
      id: CAMPAIGN,
      guideType: 'red',
      name: 'Sollecito RED 2026 – 650.000 lettere',
      channels: ['qr'],
      renderPolicy: 'lazy',
      printDate,
      expiresAt: null,
      holdoutShare: SHARE,
    });

    // 1. The guides, with the holdout the API would have drawn for them.
    const key = holdoutKey(api.config.impact, api.ctx.secrets.tokenSecret);
    const guides: SyntheticGuide[] = Array.from({ length: GUIDES }, (_, i) => ({
      externalRef: ref(i),
      heldOut: isHeldOut(key, CAMPAIGN, ref(i), SHARE),
      startOn: printDate,
    }));
    let t = performance.now();
    const CHUNK = 50_000;
    for (let a = 0; a < GUIDES; a += CHUNK) {
      const part = guides.slice(a, a + CHUNK);
      await db.query(
        `INSERT INTO guides (id, campaign_id, type, type_version, locale, external_ref, province, data, duration_frames, expires_at, status, held_out)
         SELECT md5('bench-impact-' || u.r)::uuid, $3::uuid, 'red', '2', 'it', u.r, 'RM', '{}', 3600, now() + interval '365 days', 'pending', u.h
         FROM unnest($1::text[], $2::boolean[]) AS u(r, h)`,
        [part.map((g) => g.externalRef), part.map((g) => g.heldOut), CAMPAIGN],
      );
    }
    const guideSeconds = (performance.now() - t) / 1000;
    say(`impact_guides_load_rate: ${Math.round(GUIDES / guideSeconds)} guides/s   (${GUIDES} guides in ${guideSeconds.toFixed(1)} s, SQL multi-row INSERT)`);

    // 2. Who watched: one view_start each, through the events rollup (analytics_viewers → 'watched').
    const spec: SyntheticSpec = { campaignId: CAMPAIGN, window: 30, watchShare: 0.15, models: MODELS, seed: 20_260_317, idPrefix: 'bench' };
    const watchers = guides.flatMap((g, i) => (watches(spec, i, g) ? [g.externalRef] : []));
    t = performance.now();
    for (let a = 0; a < watchers.length; a += 10_000) {
      await db.query(
        `INSERT INTO events (id, guide_id, guide_type, campaign_id, channel, province, view_id, kind, occurred_at)
         SELECT md5('bench-impact-event-' || r)::uuid, md5('bench-impact-' || r)::uuid, 'red', $2::uuid, 'qr', 'RM', md5('bench-impact-view-' || r)::uuid, 'view_start', now()
         FROM unnest($1::text[]) AS r`,
        [watchers.slice(a, a + 10_000), CAMPAIGN],
      );
    }
    note(`[bench] ${watchers.length} viewers in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // 3. The outcomes, through POST /api/outcomes: one streamed NDJSON body.
    const tally = emptyTally();
    const lines = syntheticOutcomes(spec, guides, tally);
    const body = Readable.from(
      (function* () {
        let chunk: string[] = [];
        for (const o of lines) {
          chunk.push(JSON.stringify(o));
          if (chunk.length === 2000) {
            yield Buffer.from(`${chunk.join('\n')}\n`);
            chunk = [];
          }
        }
        if (chunk.length) yield Buffer.from(`${chunk.join('\n')}\n`);
      })(),
    );
    t = performance.now();
    const res = await fetch(`${api.url}/api/outcomes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.operatorKey}`, 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(body) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const report = (await res.json()) as { rows: number; created: number; rejected: number; seconds: number };
    const seconds = (performance.now() - t) / 1000;
    if (res.status !== 200 || report.rejected !== 0 || report.created !== tally.outcomes)
      throw new Error(`outcome upload: ${res.status} ${JSON.stringify(report).slice(0, 400)}`);
    say(`impact_outcomes: ${report.created} outcomes   (${tally.treated} treated, ${tally.holdout} held out, ${tally.watched} watched)`);
    say(
      `impact_ingest_rate: ${Math.round(report.created / seconds)} rows/s   (${seconds.toFixed(1)} s over HTTP, streamed NDJSON, PostgreSQL; target ≥ 10000)`,
    );
    const [cells] = await db.query<{ cells: number; firsts: number }>(
      `SELECT (SELECT count(*) FROM impact_cells) AS cells, (SELECT count(*) FROM impact_firsts) AS firsts`,
    );
    note(`[bench] rollups: ${cells!.cells} cells, ${cells!.firsts} first outcomes`);

    // 4. The impact query, over HTTP.
    const q = `${api.url}/api/impact?campaign=${CAMPAIGN}&windows=7,30,60,90`;
    const times: number[] = [];
    let impact = undefined as unknown as ImpactAnswer;
    for (let i = 0; i <= Number(values.runs); i++) {
      const s = performance.now();
      const r = await fetch(q, { headers: { authorization: `Bearer ${api.analystKey}` } });
      impact = await r.json();
      if (r.status !== 200) throw new Error(`impact: ${r.status} ${JSON.stringify(impact)}`);
      if (i > 0) times.push(performance.now() - s);
    }
    say(
      `impact_query_ms: ${median(times).toFixed(1)} ms   (median of ${times.length} over HTTP, 4 windows, ${impact.effects.length} figures; server ${impact.queryMs} ms; target ≤ 500)`,
    );

    // 5. Each simulated effect against what the API found.
    let covered = 0;
    MODELS.forEach((m, k) => {
      const e = impact.effects.find((x) => x.kind === m.kind && x.serviceId === (m.serviceId ?? null) && x.windowDays === 30);
      if (!e) throw new Error(`impact: no ${m.kind} figure over 30 days in the answer`);
      const truth = m.treated - m.holdout;
      const inside = e.difference.low <= truth && truth <= e.difference.high;
      const exact = e.treated.withOutcome === tally.withOutcome[k]!.treated && e.holdout.withOutcome === tally.withOutcome[k]!.holdout;
      if (inside) covered += 1;
      const name = `${m.kind}${m.serviceId ? `_${m.serviceId}` : ''}`.replace(/-/g, '_');
      say(
        `impact_effect_${name}_pp: ${(e.difference.estimate * 100).toFixed(2)} pp   (95% CI ${(e.difference.low * 100).toFixed(2)} to ${(e.difference.high * 100).toFixed(2)}; true ${(truth * 100).toFixed(2)}; ${inside ? 'inside' : 'OUTSIDE'}; ${e.verdict}; counts ${exact ? 'equal the drawn ones' : 'DIFFER from the drawn ones'})`,
      );
      say(`# ${e.sentence.it}`);
    });
    say(`impact_true_effects_covered: ${covered}/${MODELS.length} effects`);

    if (values.screenshot && dist) {
      const browser = await launchItalianChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'it-IT' });
        await openImpactTab(page, api, CAMPAIGN);
        await page.waitForSelector('.forest svg');
        fs.mkdirSync(values.screenshot, { recursive: true });
        const file = path.join(values.screenshot, 'impact-650k.png');
        await page.screenshot({ path: file, fullPage: true });
        note(`[bench] screenshot: ${file}`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    // Cleanup only (the test API's Redis keys): a slow shared Redis must not fail a finished bench.
    await api.close().catch((err: Error) => note(`[bench] cleanup: ${err.message}`));
  }
} finally {
  await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
  await db.close();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
}
process.exit(0);

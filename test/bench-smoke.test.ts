/**
 * Issue #16, point 7: every benchmark runs here at a tiny size, as a real process (`npx tsx
 * bench/<name>.ts` with the options the bench takes), and its `name: value unit` lines are checked:
 * each figure present and finite, and the counts exact (events sent = stored, none lost or refused,
 * no 429 or other error answer, one guide per distinct intake message, every outcome created, …). So a
 * refactor cannot silently break a figure again (bench:events measured 429s for months).
 *
 * The rendering benches (render, render-full, render-event-loop) render real MP4s and cannot be tiny:
 * they run in test/bench-smoke-render.test.ts at their smallest real input, which says what it costs.
 *
 * Two benches at a time (BENCH_SMOKE_PARALLEL): the rest waits for a slot. Each bench makes its own
 * schemas, queue prefixes, vhosts and temporary directories (named with its process id).
 */
import { describe, expect, it } from 'vitest';
import { figure, limiter, runBench, type BenchRun } from './helpers/bench-run';

const slot = limiter(Math.max(1, Number(process.env.BENCH_SMOKE_PARALLEL ?? 2)));
// Per bench, including the wait for a slot (the whole file takes ~4–5 minutes on a loaded machine).
const TIMEOUT = 420_000;
const bench = (name: string, args: string[]) => slot(() => runBench(name, args, { timeoutMs: 240_000 }));

/** The numbers inside a comment line's text, e.g. "60 guides, 60 message rows". */
const numberBefore = (text: string, word: string): number => {
  const m = new RegExp(`(\\d+) ${word}`).exec(text);
  expect(m, `"<n> ${word}" in: ${text}`).not.toBeNull();
  return Number(m![1]);
};
const commentLine = (run: BenchRun, includes: string): string => {
  const line = run.stdout.split('\n').find((l) => l.startsWith('#') && l.includes(includes));
  expect(line, `a comment line with "${includes}" in:\n${run.stdout}`).toBeDefined();
  return line!;
};

describe.concurrent('benchmarks at a tiny size', () => {
  // Longest first, so the two lanes end together.
  it('bench:player — first frame, bundle sizes, and a slow phone watching 6 s of a NASpI guide (bytes, fps, drift)', { timeout: TIMEOUT }, async () => {
    const r = await bench('player', ['--runs', '1', '--watch', '6']);
    for (const name of ['player_first_frame_ms', 'player_first_frame_narrated_ms', 'player_first_frame_max_ms', 'player_throttled_first_frame_ms'])
      expect(figure(r, name, 'ms')).toBeGreaterThan(0);
    for (const name of ['player_js_gzip_kb', 'player_js_lazy_gzip_kb', 'player_embed_js_gzip_kb']) expect(figure(r, name, 'KB')).toBeGreaterThan(0);
    expect(figure(r, 'player_runs', 'runs')).toBe(1);
    expect(figure(r, 'player_watched_s', 's')).toBeGreaterThanOrEqual(5.9);
    // The first scene's narration was fetched and counted, and the page's other bytes with it.
    const audio = figure(r, 'player_audio_bytes', 'bytes');
    expect(audio).toBeGreaterThan(1000);
    expect(figure(r, 'player_page_bytes', 'bytes')).toBeGreaterThan(audio + 100_000);
    expect(commentLine(r, 'narration requests')).toMatch(/\.(webm|m4a) \d+× \d+ B/);
    expect(figure(r, 'player_throttled_fps', 'fps')).toBeGreaterThan(0);
    expect(figure(r, 'player_throttled_realtime', 'x')).toBeGreaterThan(0);
    // Drift was sampled while the narration played: a figure, not NaN from no samples.
    for (const name of ['player_throttled_drift_ms', 'player_throttled_drift_max_ms', 'player_throttled_drift_median_ms'])
      expect(figure(r, name, 'ms')).toBeGreaterThanOrEqual(0);
    expect(numberBefore(commentLine(r, 'slow phone'), 'drift samples')).toBeGreaterThan(5);
  });

  it('bench:narration-burst — 2 fresh invalidity citizens at once, today and narrated ahead', { timeout: TIMEOUT }, async () => {
    const r = await bench('narration-burst', ['--count', '2', '--type', 'invalidita']);
    for (const phase of ['today', 'ahead']) {
      for (const name of ['manifest_p50_ms', 'manifest_p95_ms']) expect(figure(r, `${phase}_${name}`, 'ms')).toBeGreaterThan(0);
      for (const name of ['narration_ready_p50_s', 'narration_ready_p95_s', 'burst_wall_s']) expect(figure(r, `${phase}_${name}`, 's')).toBeGreaterThan(0);
      expect(figure(r, `${phase}_api_cpu_per_citizen_s`, 's')).toBeGreaterThanOrEqual(0);
    }
    // Today the API synthesises at first access; narrated ahead it synthesises nothing, and the
    // narrator narrated every guide of the burst.
    expect(figure(r, 'today_api_syntheses', 'clips')).toBeGreaterThan(0);
    expect(figure(r, 'ahead_api_syntheses', 'clips')).toBe(0);
    expect(figure(r, 'narrator_guides', 'guides')).toBe(2);
    for (const name of [
      'narrator_wall_per_guide_s',
      'narrator_opus_encode_wall_per_guide_s',
      'narrator_process_cpu_per_guide_s',
      'narrator_tree_cpu_per_guide_s',
    ])
      expect(figure(r, name, 's')).toBeGreaterThan(0);
    expect(figure(r, 'narrator_throughput_guides_per_min', 'guides/min')).toBeGreaterThan(0);
    expect(figure(r, 'narrator_syntheses_per_guide', 'clips')).toBeGreaterThan(0);
  });

  it('bench:narration — cold, warm and second-citizen synthesis of an invalidity guide', { timeout: TIMEOUT }, async () => {
    const r = await bench('narration', ['--type', 'invalidita']);
    const sentences = figure(r, 'narration_sentences', 'sentences');
    expect(sentences).toBeGreaterThan(5);
    const cold = figure(r, 'narration_cold_syntheses', 'clips');
    expect(cold).toBeGreaterThan(0);
    const second = figure(r, 'narration_second_citizen_syntheses', 'clips');
    // A warm cache synthesises nothing; a second citizen only what is personal (some, never none).
    expect(figure(r, 'narration_warm_syntheses', 'clips')).toBe(0);
    expect(second).toBeGreaterThan(0);
    expect(figure(r, 'narration_warm_s', 's')).toBeLessThan(figure(r, 'narration_cold_s', 's'));
    expect(figure(r, 'narration_second_citizen_s', 's')).toBeGreaterThan(0);
    expect(figure(r, 'narration_guide_duration_s', 's')).toBeGreaterThan(30);
    expect(figure(r, 'narration_audio_track_s', 's')).toBeGreaterThan(0);
  });

  it('bench:events — 60 views over 20 links on PostgreSQL and PGlite: every event sent is stored, none refused', { timeout: TIMEOUT }, async () => {
    const r = await bench('events', ['--views', '60', '--guides', '20', '--connections', '4', '--backend', 'both', '--pglite', 'memory']);
    for (const b of ['postgres', 'pglite']) {
      const sent = figure(r, `events_sent_${b}`, 'events');
      expect(sent).toBeGreaterThan(500);
      expect(figure(r, `events_stored_${b}`, 'events')).toBe(sent);
      expect(figure(r, `events_lost_${b}`)).toBe(0);
      expect(figure(r, `events_refused_${b}`)).toBe(0);
      expect(figure(r, `events_rate_${b}`, 'events/s')).toBeGreaterThan(0);
      expect(figure(r, `events_cpu_us_per_event_${b}`, 'µs')).toBeGreaterThan(0);
      // Every batch answered 202: no 429, no 422.
      expect(commentLine(r, `# ${b}:`)).toMatch(/answers \{"202":\{"count":\d+\}\}$/);
    }
    expect(figure(r, 'events_rate', 'events/s')).toBe(figure(r, 'events_rate_postgres', 'events/s'));
    expect(figure(r, 'events_lost')).toBe(0);
  });

  it('bench:pglite-commits — 20 commits without and with fsync', { timeout: TIMEOUT }, async () => {
    const r = await bench('pglite-commits', ['--commits', '20']);
    expect(figure(r, 'pglite_commit_ms_nosync', 'ms')).toBeGreaterThan(0);
    expect(figure(r, 'pglite_commit_ms_sync', 'ms')).toBeGreaterThan(0);
  });

  it('bench:stats — 2,000 guides of history on PostgreSQL and PGlite, every query answered from the same rollups', { timeout: TIMEOUT }, async () => {
    const r = await bench('stats', ['--guides', '2000', '--chunk', '500', '--runs', '1', '--backend', 'both']);
    for (const b of ['postgres', 'pglite']) {
      expect(figure(r, `stats_load_rate_${b}`, 'events/s')).toBeGreaterThan(0);
      for (const q of ['all', 'type', 'type_quarter', 'province_channel', 'campaign', 'ragged_range', 'everything'])
        expect(figure(r, `stats_ms_${b}_${q}`, 'ms')).toBeGreaterThan(0);
      // The unfiltered query counts every guide loaded, once.
      expect(r.figures.get(`stats_ms_${b}_all`)!.rest).toContain('(produced 2000,');
      expect(figure(r, `stats_ms_${b}`, 'ms')).toBeGreaterThan(0);
    }
    // Both backends answer the same figures for the same history.
    const answers = (b: string) => [...r.figures].filter(([k]) => k.startsWith(`stats_ms_${b}_`)).map(([, f]) => f.rest.replace(/^ms\s+/, ''));
    expect(answers('pglite')).toEqual(answers('postgres'));
    expect(figure(r, 'stats_ms', 'ms')).toBeGreaterThan(0);
  });

  it('bench:issue — 200 RED guides through the upload endpoint on both backends: 200 guides, 800 tokens, 200 jobs', { timeout: TIMEOUT }, async () => {
    // The bench itself fails unless every guide and its four tokens were created.
    const r = await bench('issue', ['--count', '200', '--backend', 'both', '--pglite', 'memory']);
    for (const b of ['postgres', 'pglite']) {
      expect(figure(r, `issue_rate_${b}`, 'guides/s')).toBeGreaterThan(0);
      expect(figure(r, `issue_peak_rss_${b}`, 'MB')).toBeGreaterThan(0);
      expect(commentLine(r, `# ${b}:`)).toMatch(/^# \w+: 200 guides \+ 800 tokens \+ 200 render jobs in/);
    }
    expect(figure(r, 'issue_rate', 'guides/s')).toBe(figure(r, 'issue_rate_postgres', 'guides/s'));
  });

  it('bench:impact — 4,000 RED guides, their outcomes and the impact query', { timeout: TIMEOUT }, async () => {
    // The bench itself fails unless every outcome line was created and none rejected.
    const r = await bench('impact', ['--guides', '4000', '--runs', '1']);
    expect(figure(r, 'impact_guides_load_rate', 'guides/s')).toBeGreaterThan(0);
    expect(figure(r, 'impact_outcomes', 'outcomes')).toBeGreaterThan(4000);
    expect(figure(r, 'impact_ingest_rate', 'rows/s')).toBeGreaterThan(0);
    expect(figure(r, 'impact_query_ms', 'ms')).toBeGreaterThan(0);
    const effects = [...r.figures.keys()].filter((k) => k.startsWith('impact_effect_'));
    expect(effects).toHaveLength(5);
    // Each effect's group counts are exactly those the simulation drew.
    for (const k of effects) {
      figure(r, k, 'pp');
      expect(r.figures.get(k)!.rest, k).toContain('counts equal the drawn ones');
    }
    expect(r.figures.get('impact_true_effects_covered')!.raw).toMatch(/^[0-5]\/5$/);
  });

  it('bench:access — the manifest at 50 req/s for 2 s over 20 guides: every answer 200', { timeout: TIMEOUT }, async () => {
    // The bench itself fails on any non-2xx answer (a 429 included) or connection error.
    const r = await bench('access', ['--rate', '50', '--duration', '2', '--guides', '20', '--backend', 'postgres']);
    expect(figure(r, 'access_p99_ms')).toBeGreaterThan(0);
    expect(figure(r, 'access_p99_ms_postgres')).toBe(figure(r, 'access_p99_ms'));
    expect(figure(r, 'access_cpu_us_per_request_postgres', 'µs')).toBeGreaterThan(0);
    expect(numberBefore(commentLine(r, '# postgres:'), 'requests')).toBeGreaterThan(50);
    expect(numberBefore(commentLine(r, '# postgres:'), 'tokens')).toBe(80);
  });

  it('bench:scale — 60 envelopes and 3 retries through RabbitMQ and one intake process: 60 guides, no duplicate', { timeout: TIMEOUT }, async () => {
    const r = await bench('scale', ['--messages', '60', '--consumers', '1']);
    expect(figure(r, 'intake_rate', 'envelopes/s')).toBeGreaterThan(0);
    expect(figure(r, 'intake_duplicates_created', 'guides')).toBe(0);
    expect(commentLine(r, 'consumer(s):')).toMatch(/^# 1 consumer\(s\): 60 guides, 60 message rows in/);
  });
});

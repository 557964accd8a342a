import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { italianProblems } from '../compositions/common/italian';
import { generateEnvelopes } from '../compositions/generator/generate';
import { romeToday } from '../server/impact/ingest-outcomes';
import { insertCampaign } from '../server/db/campaigns';
import { emptyTally, syntheticOutcomes, type OutcomeModel, type SyntheticGuide, type SyntheticSpec } from '../server/impact/synthetic';
import { BACKENDS } from './helpers/databases';
import { call, startTestApi, type TestApi } from './helpers/api';

/**
 * Issue #17, outcomes in and the effect out: POST /api/outcomes (streamed NDJSON, refused rows by line,
 * idempotent per outcome id) and GET /api/impact on a 5,000-guide RED campaign with a 5% holdout and
 * synthetic outcomes of known effect. The rollups must give back exactly the counts the generator drew;
 * the intervals must hold the true effects (the coverage over many draws is test/impact-simulation).
 */

const N = 5000;
const CAMPAIGN = '3f6c2a9e-5b1d-4c7e-9a20-17e5c0d4b8a1';
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.parse(`${romeToday()}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const postOutcomes = (api: TestApi, body: string, key?: string, type = 'application/x-ndjson') =>
  call(api, 'POST', '/api/outcomes', { raw: body, key, headers: { 'content-type': type } });

/** Calls 12% → 9% (watchers 5%), RED sent 40% → 60%, branch visits and CAF look-ups unchanged. */
export const MODELS: OutcomeModel[] = [
  { kind: 'contact_center_call', holdout: 0.12, treated: 0.09, watched: 0.05, repeats: 1, late: 0.03, before: 0.02 },
  { kind: 'branch_visit', holdout: 0.06, treated: 0.06, late: 0.02 },
  { kind: 'deadline_met', holdout: 0.4, treated: 0.6, watched: 0.8 },
  { kind: 'online_service', serviceId: 'red-online', holdout: 0.3, treated: 0.45, repeats: 2 },
  { kind: 'online_service', serviceId: 'find-intermediary', holdout: 0.1, treated: 0.1 },
];

describe.each(BACKENDS)('outcomes and impact on %s', (backend) => {
  let api: TestApi;
  let campaign = '';
  let guides: (SyntheticGuide & { id: string })[] = [];
  const printDate = daysAgo(120);

  beforeAll(async () => {
    api = await startTestApi({ backend, label: 'impact_outcomes' });
    // A fixed campaign id (and envelope seed, and TOKEN_SECRET in the test config): the same holdout,
    // the same draws, the same figures on every run and both backends.
    campaign = CAMPAIGN;
    await insertCampaign(api.db, {
      id: CAMPAIGN,
      guideType: 'red',
      name: 'RED 2026 – valutazione',
      channels: ['qr'],
      renderPolicy: 'lazy',
      printDate,
      expiresAt: null,
      holdoutShare: 0.05,
    });
    const envelopes = [...generateEnvelopes('red', N, 'impact')] as { externalRef: string }[];
    const report = await (
      await call(api, 'POST', `/api/campaigns/${campaign}/guides`, { raw: ndjson(envelopes), headers: { 'content-type': 'application/x-ndjson' } })
    ).json();
    expect(report).toMatchObject({ created: N, rejected: 0 });
    const rows = new Map(
      (
        await api.db.query<{ id: string; external_ref: string; held_out: boolean }>('SELECT id, external_ref, held_out FROM guides WHERE campaign_id = $1', [
          campaign,
        ])
      ).map((r) => [r.external_ref, r]),
    );
    guides = envelopes.map((e) => ({
      externalRef: e.externalRef,
      heldOut: rows.get(e.externalRef)!.held_out,
      startOn: printDate,
      id: rows.get(e.externalRef)!.id,
    }));
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('stores good outcome lines and refuses bad ones with line, field and reason', async () => {
    const [a, b] = guides;
    const direct = [...generateEnvelopes('naspi', 1, `impact-direct-${backend}`)][0]! as { externalRef: string };
    expect((await call(api, 'POST', '/api/guides', { body: direct })).status).toBe(201);
    const base = { campaignId: campaign, externalRef: a!.externalRef, date: daysAgo(100) };
    const body = ndjson([
      { outcomeId: 'ok-1', ...base, kind: 'contact_center_call' },
      '{"outcomeId": "broken", ',
      { outcomeId: 'pii-1', ...base, kind: 'branch_visit', fiscalCode: 'RSSMRA79B11C566R' },
      { outcomeId: 'kind-1', ...base, kind: 'complaint' },
      { outcomeId: 'svc-1', ...base, kind: 'online_service' },
      { outcomeId: 'svc-2', ...base, kind: 'online_service', serviceId: 'fax-service' },
      { outcomeId: 'svc-3', ...base, kind: 'branch_visit', serviceId: 'red-online' },
      { outcomeId: 'ref-1', ...base, externalRef: 'RED-NOBODY', kind: 'branch_visit' },
      { outcomeId: 'camp-1', ...base, campaignId: '00000000-0000-4000-8000-000000000001', kind: 'branch_visit' },
      { outcomeId: 'future-1', ...base, date: daysAgo(-3), kind: 'branch_visit' },
      { outcomeId: 'date-1', ...base, date: '2026-02-30', kind: 'branch_visit' },
      { outcomeId: 'dl-1', externalRef: direct.externalRef, date: daysAgo(10), kind: 'deadline_met' },
      { outcomeId: 'direct-1', externalRef: direct.externalRef, date: daysAgo(10), kind: 'online_service', serviceId: 'naspi-com' },
      '',
      { outcomeId: 'ok-2', ...base, externalRef: b!.externalRef, kind: 'online_service', serviceId: 'red-online' },
    ]);
    expect((await postOutcomes(api, body, api.analystKey)).status).toBe(403);
    expect((await postOutcomes(api, body, undefined, 'application/json')).status).toBe(415);
    const res = await postOutcomes(api, body);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ format: 'ndjson', rows: 14, created: 3, existing: 0, rejected: 11, complete: true, errorsTruncated: false });
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [2, '(line)'],
      [3, 'fiscalCode'],
      [4, 'kind'],
      [5, 'serviceId'],
      [6, 'serviceId'],
      [7, 'serviceId'],
      [8, 'externalRef'],
      [9, 'campaignId'],
      [10, 'date'],
      [11, 'date'],
      [12, 'kind'],
    ]);
    const messages = report.errors.map((e: { message: string }) => e.message);
    expect(messages[0]).toContain('expected one outcome object');
    expect(messages[1]).toContain('no personal data beyond the external reference');
    expect(messages[2]).toContain('expected one of contact_center_call, branch_visit, online_service, deadline_met');
    expect(messages[3]).toContain('required when kind is online_service');
    expect(messages[4]).toMatch(/expected the service id .*red-online/);
    expect(messages[8]).toContain('must not be after today');
    expect(messages[10]).toContain('deadline_met is for guide types with a deadline (red, auu); this guide is naspi');
    // Nothing personal is echoed back or logged.
    expect(JSON.stringify(report)).not.toContain('RSSMRA79B11C566R');
    expect(api.logs.join('\n')).not.toContain(a!.externalRef);

    // Sent again: nothing is counted twice.
    const again = await (await postOutcomes(api, body)).json();
    expect(again).toMatchObject({ created: 0, existing: 3, rejected: 11 });
    expect(await api.db.query(`SELECT count(*) AS n FROM outcomes WHERE id IN ('ok-1', 'ok-2', 'direct-1')`)).toEqual([{ n: 3 }]);
    const [stored] = await api.db.query<Record<string, unknown>>(`SELECT * FROM outcomes WHERE id = 'ok-1'`);
    expect(stored).toMatchObject({
      guide_id: a!.id,
      campaign_id: campaign,
      guide_type: 'red',
      held_out: a!.heldOut,
      kind: 'contact_center_call',
      service_id: '',
      occurred_on: daysAgo(100),
      start_on: printDate,
    });
    // The test rows leave the simulation's figures alone.
    await api.db.query(`DELETE FROM outcomes`);
    await api.db.query(`DELETE FROM impact_firsts`);
    await api.db.query(`DELETE FROM impact_cells`);
  });

  it('finds the simulated effects within their intervals and says no effect where none was simulated', async () => {
    const spec: SyntheticSpec = { campaignId: campaign, window: 30, watchShare: 0.15, models: MODELS, seed: 17, idPrefix: 'sim' };
    const tally = emptyTally();
    const watchers: string[] = [];
    const lines = [...syntheticOutcomes(spec, guides, tally, (i) => watchers.push(guides[i]!.id))].map((o) => JSON.stringify(o));
    // Half the watchers watch before their outcomes arrive, half after: both paths of the rollup.
    const watch = async (ids: string[]) =>
      api.db.query(
        `INSERT INTO events (id, guide_id, guide_type, campaign_id, channel, province, view_id, kind, occurred_at)
         SELECT gen_random_uuid(), g.id, g.type, g.campaign_id, 'qr', g.province, gen_random_uuid(), 'view_start', now() FROM guides g WHERE g.id = ANY($1::uuid[])`,
        [ids],
      );
    await watch(watchers.slice(0, watchers.length / 2));
    const report = await (await postOutcomes(api, `${lines.join('\n')}\n`)).json();
    expect(report).toMatchObject({ rows: tally.outcomes, created: tally.outcomes, rejected: 0 });
    await watch(watchers.slice(watchers.length / 2));

    const res = await call(api, 'GET', `/api/impact?campaign=${campaign}&windows=30,90`, { key: api.analystKey });
    expect(res.status).toBe(200);
    const impact = await res.json();
    expect(impact.scope).toMatchObject({ campaignId: campaign, guideType: 'red', holdoutShare: 0.05, printDate });
    expect(impact).toMatchObject({
      startBasis: 'print_date',
      windows: [30, 90],
      method: { difference: 'newcombe-hybrid-score', ratio: 'katz-log', confidence: 0.95 },
    });
    expect(impact.groups).toEqual({
      treated: tally.treated,
      holdout: tally.holdout,
      watched: tally.watched,
      notWatched: tally.treated - tally.watched,
      holdoutShareObserved: tally.holdout / N,
    });
    const figure = (m: OutcomeModel, window: number) =>
      impact.effects.find((e: any) => e.kind === m.kind && e.serviceId === (m.serviceId ?? null) && e.windowDays === window);

    MODELS.forEach((m, k) => {
      const f = figure(m, 30);
      // The rollups give back exactly what the generator drew.
      expect(f.treated).toMatchObject({ citizens: tally.treated, withOutcome: tally.withOutcome[k]!.treated });
      expect(f.holdout).toMatchObject({ citizens: tally.holdout, withOutcome: tally.withOutcome[k]!.holdout });
      expect(f.watched.watched).toMatchObject({ citizens: tally.watched, withOutcome: tally.withOutcome[k]!.watched });
      expect(f.watched.randomised).toBe(false);
      expect(f.windowComplete).toBe(true);
      // The true effect lies within the 95% interval (seed 17; test/impact-simulation checks ~95% of seeds).
      const truth = m.treated - m.holdout;
      expect(f.difference.low).toBeLessThanOrEqual(truth);
      expect(f.difference.high).toBeGreaterThanOrEqual(truth);
      expect(f.difference.low).toBeLessThanOrEqual(f.difference.estimate);
      expect(f.difference.estimate).toBeLessThanOrEqual(f.difference.high);
    });

    const deadline = figure(MODELS[2]!, 30);
    expect(deadline.verdict).toBe('increase');
    expect(deadline.label.it).toBe('Scadenza rispettata: il RED inviato');
    expect(deadline.sentence.it).toMatch(
      /^Effetto misurato: entro 30 giorni dalla stampa della lettera, i cittadini con il RED inviato sono stati il \d+,\d% di chi ha ricevuto la videoguida e il \d+,\d% del gruppo di controllo\. La videoguida ha aumentato questa quota di \d+,\d punti percentuali/,
    );
    expect(deadline.sentence.en).toMatch(/^Effect measured: .* The guide raised this share by \d+\.\d percentage points/);
    expect(deadline.relativeChange.low).toBeLessThanOrEqual(0.6 / 0.4 - 1);
    expect(deadline.relativeChange.high).toBeGreaterThanOrEqual(0.6 / 0.4 - 1);

    // No effect simulated: the sentence says none was found.
    const branch = figure(MODELS[1]!, 30);
    expect(branch.verdict).toBe('no_effect');
    expect(branch.sentence.it).toMatch(/^Nessun effetto dimostrato: .*comprende lo zero/);
    expect(branch.sentence.en).toMatch(/^No effect found: .*includes zero/);

    // Watchers called less than non-watchers (selection, by construction): shown, labelled as not randomised.
    for (const e of impact.effects) for (const s of [e.sentence.it, e.watched.sentence.it]) expect(italianProblems(s), s).toEqual([]);
    const calls = figure(MODELS[0]!, 30);
    expect(calls.watched.watched.rate).toBeLessThan(calls.watched.notWatched.rate);
    expect(calls.watched.sentence.it).toContain('Confronto non randomizzato');
    expect(calls.watched.sentence.en).toContain('Not randomised');

    // "Any online service" counts a citizen once however many services they used; 90 days ≥ 30 days.
    const any = impact.effects.find((e: any) => e.kind === 'online_service' && e.serviceId === '*' && e.windowDays === 30);
    expect(any.treated.withOutcome).toBeGreaterThanOrEqual(tally.withOutcome[3]!.treated);
    expect(any.treated.withOutcome).toBeLessThanOrEqual(tally.withOutcome[3]!.treated + tally.withOutcome[4]!.treated);
    for (const m of MODELS) expect(figure(m, 90).treated.withOutcome).toBeGreaterThanOrEqual(figure(m, 30).treated.withOutcome);
    // The late calls (days 30–89) count in the 90-day window only.
    expect(figure(MODELS[0]!, 90).treated.withOutcome).toBeGreaterThan(figure(MODELS[0]!, 30).treated.withOutcome);

    // Outcomes sent again change nothing.
    const again = await (await postOutcomes(api, `${lines.slice(0, 2000).join('\n')}\n`)).json();
    expect(again).toMatchObject({ created: 0, existing: 2000 });
    const after = await (await call(api, 'GET', `/api/impact?campaign=${campaign}&windows=30,90`, { key: api.analystKey })).json();
    expect(after.effects.map((e: any) => [e.treated.withOutcome, e.holdout.withOutcome])).toEqual(
      impact.effects.map((e: any) => [e.treated.withOutcome, e.holdout.withOutcome]),
    );
  });

  it('refuses to conclude on groups too small, and validates its query', async () => {
    // The NASpI guide created one at a time above: one treated citizen, no holdout.
    const small = await (await call(api, 'GET', '/api/impact?type=naspi', { key: api.analystKey })).json();
    expect(small.scope).toMatchObject({ campaignId: null, guideType: 'naspi', holdoutShare: 0 });
    expect(small.startBasis).toBe('creation');
    expect(small.effects.every((e: any) => e.verdict === 'too_small')).toBe(true);
    expect(small.effects[0].sentence.it).toMatch(/^Gruppi troppo piccoli per concludere: servono almeno 10 cittadini con l'esito e 10 senza in ciascun gruppo/);
    expect(small.effects[0].sentence.en).toMatch(/^Groups too small to conclude/);

    const bad = async (q: string, field: string, status = 400) => {
      const r = await call(api, 'GET', `/api/impact${q}`, { key: api.analystKey });
      expect(r.status, q).toBe(status);
      if (status === 400) expect((await r.json()).error.field).toBe(field);
    };
    await bad('', 'campaign');
    await bad(`?campaign=${campaign}&type=red`, 'type');
    await bad(`?campaign=${campaign}&windows=0`, 'windows.0');
    await bad(`?campaign=${campaign}&windows=400`, 'windows.0');
    await bad(`?campaign=${campaign}&windows=7,30,60,90,120,180,365`, 'windows');
    await bad('?campaign=nope', 'campaign');
    await bad('?type=bonus', 'type');
    await bad('?campaign=00000000-0000-4000-8000-000000000001', '', 404);
    expect((await call(api, 'GET', `/api/impact?campaign=${campaign}`)).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'rabbitmq-client';
import { generateEnvelopes } from '../compositions/generator/generate';
import type { EnvelopeInput } from '../compositions/guide-types';
import { createBodyReader } from '../intake/body-reader';
import { HEADERS, resultOf } from '../intake/results';
import { fiscalCodeHmac } from '../server/fiscal-code-hmac';
import { RULE_REFUSED } from '../server/guides/field-errors';
import { applyConsentChanges } from '../server/notify/consents';
import { startTestIntake, type TestIntake } from './helpers/intake';
import { startIntakeWithResults } from './helpers/intake-with-results';
import { drainQueue, testPublisher, waitFor, type TestVhost } from './helpers/rabbitmq';

/**
 * The intake against the real RabbitMQ (issue #18): a vhost of this file's own on the shared broker,
 * PostgreSQL in a schema of its own, the render queue under its own prefix in the shared Redis.
 */

let vhost: TestVhost;
let t: TestIntake;
let resultQueue: string;
let admin: Connection;

beforeAll(async () => {
  // The upstream's side: a queue bound to the reply exchange for every result.
  ({ vhost, t, admin, resultQueue } = await startIntakeWithResults('intake', { queueSuffix: 'results-seen', routingKey: 'guide.#' }));
});

afterAll(async () => {
  await t?.close();
  if (admin) {
    for (const q of [resultQueue, t?.config.intake.queue, t?.config.intake.deadLetterQueue])
      if (q) await admin.queueDelete({ queue: q }).catch(() => undefined);
    for (const x of [t?.config.intake.replyExchange, t?.config.intake.deadLetterExchange])
      if (x) await admin.exchangeDelete({ exchange: x }).catch(() => undefined);
    await admin.close();
  }
  await vhost?.remove();
});

type Result = { headers: Record<string, unknown>; body: unknown; messageId?: string; correlationId?: string; routingKey: string };
const seen: { results: Result[]; dead: Result[] } = { results: [], dead: [] };
/** Results and dead letters so far (the queues are drained into `seen`). */
async function collect(): Promise<typeof seen> {
  seen.results.push(...(await drainQueue(vhost.url, resultQueue)));
  seen.dead.push(...(await drainQueue(vhost.url, t.config.intake.deadLetterQueue)));
  return seen;
}
const bodyOf = (r: Result) =>
  r.body as {
    messageId: string | null;
    outcome: string;
    guideId: string | null;
    status: string | null;
    links?: Record<string, string>;
    errors?: { field: string; message: string }[];
  };
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: number }>(sql, params))[0]!.n);

function message(messageId: string | undefined, body: unknown, extra: Record<string, unknown> = {}) {
  return { envelope: { routingKey: t.config.intake.queue, messageId, durable: true, ...extra }, body };
}

describe('intake: the message contract', () => {
  const [envelope, second] = [...generateEnvelopes('naspi', 2, 'intake-contract')] as [
    EnvelopeInput & { citizen: { fiscalCode: string; givenName: string } },
    EnvelopeInput,
  ];

  it('creates a guide from a message, answers with its id and links, and acknowledges after the commit', async () => {
    const pub = testPublisher(vhost.url);
    await pub.publishAll([message('contract-1', envelope)]);
    await pub.close();
    const r = await waitFor(async () => (await collect()).results.find((x) => x.correlationId === 'contract-1'), 20_000, 'the result of contract-1');
    expect(r.routingKey).toBe('guide.created');
    expect(r.messageId).toBe('contract-1/result');
    expect(r.headers[HEADERS.source]).toBe(t.config.intake.source);
    const b = bodyOf(r);
    expect(b).toMatchObject({ messageId: 'contract-1', outcome: 'created', status: 'queued' });
    expect(Object.keys(b.links ?? {}).sort()).toEqual(['app', 'email', 'qr', 'sms']);
    expect(b.links!.qr).toMatch(/^https:\/\/guide\.example\.org\/g\/[A-Za-z0-9_-]{32}$/);
    const row = (
      await t.db.query<{ guide_id: string; created_guide: boolean }>(
        `SELECT guide_id, created_guide FROM intake_messages WHERE source = $1 AND message_id = 'contract-1'`,
        [t.config.intake.source],
      )
    )[0];
    expect(row).toEqual({ guide_id: b.guideId, created_guide: true });
    expect(await count('SELECT count(*)::int AS n FROM tokens WHERE guide_id = $1', [b.guideId])).toBe(4);
    // Event-triggered: rendered at once, ahead of campaigns.
    expect((await t.renderQueue.getJobs(['prioritized', 'waiting'])).some((j) => j.data.guideId === b.guideId)).toBe(true);
    // The message was acknowledged: nothing left on the queue, nothing unacknowledged.
    const q = await admin.queueDeclare({ queue: t.config.intake.queue, passive: true });
    expect(q.messageCount).toBe(0);
  });

  it('answers a message delivered again with the same guide and creates nothing; a new message for an existing externalRef gets that guide', async () => {
    const before = await count('SELECT count(*)::int AS n FROM guides');
    const pub = testPublisher(vhost.url);
    await pub.publishAll([message('contract-1', envelope), message('contract-2', envelope), message('contract-3', { ...second, notify: false })]);
    await pub.close();
    const first = bodyOf(seen.results.find((x) => x.correlationId === 'contract-1')!);
    const again = await waitFor(
      async () => (await collect()).results.filter((x) => x.correlationId === 'contract-1')[1],
      20_000,
      'the second result of contract-1',
    );
    expect(again.routingKey).toBe('guide.duplicate');
    expect(bodyOf(again)).toMatchObject({ outcome: 'duplicate', guideId: first.guideId, links: first.links });
    const other = await waitFor(async () => (await collect()).results.find((x) => x.correlationId === 'contract-2'), 20_000, 'the result of contract-2');
    expect(bodyOf(other)).toMatchObject({ outcome: 'existing', guideId: first.guideId, links: first.links });
    const third = await waitFor(async () => (await collect()).results.find((x) => x.correlationId === 'contract-3'), 20_000, 'the result of contract-3');
    expect(bodyOf(third).outcome).toBe('created');
    expect(await count('SELECT count(*)::int AS n FROM guides')).toBe(before + 1);
    expect((await t.db.query<{ notify: boolean }>('SELECT notify FROM guides WHERE id = $1', [bodyOf(third).guideId]))[0]!.notify).toBe(false);
    expect((await t.db.query<{ created_guide: boolean }>(`SELECT created_guide FROM intake_messages WHERE message_id = 'contract-2'`))[0]!.created_guide).toBe(
      false,
    );
  });

  it('refuses an invalid message to the dead-letter queue with the field and the reason in its headers, writes nothing, and says no personal datum', async () => {
    const before = { guides: await count('SELECT count(*)::int AS n FROM guides'), messages: await count('SELECT count(*)::int AS n FROM intake_messages') };
    const e = envelope as unknown as { benefit: Record<string, unknown>; citizen: Record<string, unknown> };
    const bad = [
      {
        id: 'bad-amount',
        body: { ...envelope, externalRef: 'BAD-1', benefit: { ...e.benefit, firstMonthlyAmountCents: 'lots' } },
        field: 'benefit.firstMonthlyAmountCents',
      },
      { id: 'bad-type', body: { ...envelope, externalRef: 'BAD-2', type: 'naspo' }, field: 'type' },
      {
        id: 'bad-rule',
        body: {
          ...envelope,
          externalRef: 'BAD-3',
          citizen: { ...e.citizen, fiscalCode: `${String(e.citizen.fiscalCode).slice(0, 15)}${String(e.citizen.fiscalCode).endsWith('A') ? 'B' : 'A'}` },
        },
        field: 'citizen.fiscalCode',
      },
      {
        id: 'bad-json',
        body: Buffer.from(`{"externalRef": "BAD-4", "citizen": {"givenName": "${String(e.citizen.givenName)}"`),
        field: '(body)',
        extra: { contentType: 'application/json' },
      },
      { id: undefined, body: { ...envelope, externalRef: 'BAD-5' }, field: 'properties.messageId' },
      { id: 'bad-notify', body: { ...envelope, externalRef: 'BAD-6', notify: 'yes' }, field: 'notify' },
      { id: 'bad-key', body: { ...envelope, externalRef: 'BAD-7', surprise: 1 }, field: 'surprise' },
    ];
    const pub = testPublisher(vhost.url);
    await pub.publishAll(bad.map((b, i) => message(b.id, b.body, { ...b.extra, headers: { 'x-test-case': i } })));
    await pub.close();
    await waitFor(async () => (await collect()).dead.filter((d) => d.headers['x-test-case'] !== undefined).length >= bad.length, 20_000, 'every dead letter');
    for (const [i, b] of bad.entries()) {
      const d = seen.dead.find((x) => x.headers['x-test-case'] === i)!;
      expect(d, `dead letter of ${b.id}`).toBeDefined();
      expect(d.headers[HEADERS.field], b.id).toBe(b.field);
      expect(String(d.headers[HEADERS.reason]).length, b.id).toBeGreaterThan(10);
      expect(d.messageId).toBe(b.id);
      const all = JSON.parse(String(d.headers[HEADERS.errors])) as { field: string; message: string }[];
      expect(all.some((x) => x.field === b.field)).toBe(true);
    }
    const amount = seen.dead.find((x) => x.headers['x-test-case'] === 0)!;
    expect(amount.headers[HEADERS.reason]).toMatch(/got a string of 4 characters$/);
    expect(seen.dead.find((x) => x.headers['x-test-case'] === 2)!.headers[HEADERS.reason]).toBe(RULE_REFUSED);
    // The dead letter keeps the body as sent, for an operator to fix and publish again.
    expect((seen.dead.find((x) => x.headers['x-test-case'] === 5)!.body as { notify: unknown }).notify).toBe('yes');
    // Each refused message got a "rejected" result too, naming the fields.
    for (const b of bad.filter((x) => x.id)) {
      const r = await waitFor(async () => (await collect()).results.find((x) => x.correlationId === b.id), 20_000, `the result of ${b.id}`);
      expect(r.routingKey).toBe('guide.rejected');
      expect(bodyOf(r).errors!.some((x) => x.field === b.field)).toBe(true);
    }
    expect(await count('SELECT count(*)::int AS n FROM guides')).toBe(before.guides);
    expect(await count('SELECT count(*)::int AS n FROM intake_messages')).toBe(before.messages);
    expect(await count(`SELECT count(*)::int AS n FROM guides WHERE external_ref LIKE 'BAD-%'`)).toBe(0);
    // Headers, results and logs: ids, fields and reasons; no name, fiscal code or figure.
    const published = JSON.stringify([seen.dead.map((d) => d.headers), seen.results.map((r) => [r.headers, r.body]), t.logs]);
    for (const personal of [String(e.citizen.fiscalCode), String(e.citizen.givenName), String(e.citizen.familyName), 'lots', 'naspo'])
      expect(published).not.toContain(personal);
  });

  it('reads bodies the same on worker threads as inline: parsed JSON, bytes, text, refusals', async () => {
    const bodies = [
      envelope,
      Buffer.from(JSON.stringify(second)),
      JSON.stringify({ ...envelope, notify: false }),
      Buffer.from('{"nope'),
      { ...envelope, type: 'naspo' },
      Buffer.from([0xff, 0xfe]),
    ];
    const inline = createBodyReader({ threads: 0, maxMessageBytes: 65_536, fiscalCodeHmacKey: t.secrets.fiscalCodeHmacKey });
    const threads = createBodyReader({ threads: 2, maxMessageBytes: 65_536, fiscalCodeHmacKey: t.secrets.fiscalCodeHmacKey });
    try {
      const [a, b] = [await inline.read(bodies), await threads.read(bodies)];
      expect(b).toEqual(a);
      expect(a.map((r) => r.ok)).toEqual([true, true, true, false, false, false]);
      expect(a[2]).toMatchObject({ ok: true, notify: false });
      expect(a[0]).toMatchObject({
        ok: true,
        prepared: { externalRef: envelope.externalRef, fiscalCodeHmac: fiscalCodeHmac(t.secrets.fiscalCodeHmacKey, envelope.citizen.fiscalCode) },
      });
      expect(JSON.stringify(a[0])).not.toContain(envelope.citizen.fiscalCode); // the guide keeps its HMAC only
    } finally {
      await threads.close();
    }
  });

  it('leaves the links out of results when INTAKE_REPLY_LINKS=false', () => {
    const o = { messageId: 'm', outcome: 'created' as const, guideId: 'g', status: 'queued' as const, heldOut: false, links: { qr: 'https://x/g/t' } };
    expect(resultOf({ ...t.config.intake, replyLinks: false }, o).body.links).toBeUndefined();
    expect(resultOf(t.config.intake, o).body.links).toEqual(o.links);
  });
});

describe('intake on PGlite (the embedded database npm start uses)', () => {
  it('creates a guide once from a message delivered twice: the same migration and SQL as on PostgreSQL', async () => {
    const lite = await startTestIntake({ label: 'intake_pglite', amqpUrl: vhost.url, backend: 'pglite' });
    try {
      const [e] = [...generateEnvelopes('red', 1, 'intake-pglite')];
      const pub = testPublisher(vhost.url);
      const m = { envelope: { routingKey: lite.config.intake.queue, messageId: 'lite-1', durable: true }, body: e };
      await pub.publishAll([m, m]);
      await pub.close();
      await waitFor(() => lite.intake.stats.created + lite.intake.stats.duplicate >= 2, 20_000, 'both deliveries handled');
      expect(lite.intake.stats).toMatchObject({ created: 1, duplicate: 1 });
      expect((await lite.db.query<{ n: number }>('SELECT count(*)::int AS n FROM guides'))[0]!.n).toBe(1);
      expect(
        (await lite.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM intake_messages WHERE message_id = 'lite-1' AND guide_id IS NOT NULL`))[0]!.n,
      ).toBe(1);
    } finally {
      await lite.close();
      await admin.queueDelete({ queue: lite.config.intake.queue }).catch(() => undefined);
      await admin.queueDelete({ queue: lite.config.intake.deadLetterQueue }).catch(() => undefined);
    }
  });
});

describe('intake: 10,000 messages, 5% duplicates, 2% invalid', () => {
  it('creates exactly one guide per distinct message, dead-letters every invalid one with its reason, writes nothing half', async () => {
    const DISTINCT = 9300;
    const DUPLICATES = 500;
    const INVALID = 200;
    await t.restart(); // a fresh consumer, so its counters are this test's
    await collect();
    seen.results = [];
    seen.dead = [];
    const valid = [...generateEnvelopes('all', DISTINCT, 'intake-10k')] as (EnvelopeInput & {
      citizen?: { fiscalCode: string; givenName: string; familyName: string };
    })[];
    // Some citizens consented to email: their guides' outbox rows must be written with the guides.
    const consenting = valid.filter((v) => v.citizen).slice(0, 30);
    await applyConsentChanges(
      t.db,
      consenting.map((v) => ({ hmac: fiscalCodeHmac(t.secrets.fiscalCodeHmacKey, v.citizen!.fiscalCode), proactive: true, email: 'cittadino@example.it' })),
      'upstream',
      'test',
    );

    const invalidCases: { body: unknown; id: string | undefined; field: string; extra?: Record<string, unknown> }[] = [];
    for (let i = 0; i < INVALID; i++) {
      const base = { ...(valid[i] as object), externalRef: `INVALID-${i}` } as Record<string, unknown>;
      const kind = i % 5;
      if (kind === 0)
        invalidCases.push({
          id: `x-${i}`,
          body: { ...base, benefit: { ...(base.benefit as object), monthlyAmountCents: 'many' } },
          field: 'benefit.monthlyAmountCents',
        });
      else if (kind === 1) invalidCases.push({ id: `x-${i}`, body: { ...base, type: 'nope' }, field: 'type' });
      else if (kind === 2) invalidCases.push({ id: undefined, body: base, field: 'properties.messageId' });
      else if (kind === 3)
        invalidCases.push({ id: `x-${i}`, body: Buffer.from('{"truncated": '), field: '(body)', extra: { contentType: 'application/json' } });
      else invalidCases.push({ id: `x-${i}`, body: { ...base, locale: 'fr' }, field: 'locale' });
    }
    // The stream: every distinct message, 500 of them twice (half right after, half at the end), the
    // invalid ones spread through it.
    type Out = { envelope: Record<string, unknown>; body: unknown };
    const stream: Out[] = [];
    const later: Out[] = [];
    const step = Math.floor(DISTINCT / DUPLICATES);
    for (let i = 0; i < DISTINCT; i++) {
      const m = message(`m-${i}`, valid[i]);
      stream.push(m);
      if (i % step === 0 && i / step < DUPLICATES) (i / step) % 2 === 0 ? stream.push(m) : later.push(m);
      if (i % Math.floor(DISTINCT / INVALID) === 0 && invalidCases.length) {
        const c = invalidCases.shift()!;
        stream.push(message(c.id, c.body, { ...c.extra, headers: { 'x-expected-field': c.field, 'x-invalid': i } }));
      }
    }
    while (invalidCases.length) {
      const c = invalidCases.shift()!;
      stream.push(message(c.id, c.body, { ...c.extra, headers: { 'x-expected-field': c.field, 'x-invalid': -1 - invalidCases.length } }));
    }
    stream.push(...later);
    expect(stream).toHaveLength(DISTINCT + DUPLICATES + INVALID);

    const guidesBefore = await count('SELECT count(*)::int AS n FROM guides');
    const started = performance.now();
    const pub = testPublisher(vhost.url);
    await pub.publishAll(stream as never);
    await pub.close();
    await waitFor(
      () => t.intake.stats.created + t.intake.stats.duplicate + t.intake.stats.existing + t.intake.stats.rejected >= stream.length,
      120_000,
      'every message handled',
      100,
    );
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`intake: ${stream.length} messages in ${seconds.toFixed(1)} s (${Math.round(stream.length / seconds)}/s) on ${t.db.kind}\n`);

    expect(t.intake.stats).toMatchObject({ created: DISTINCT, duplicate: DUPLICATES, rejected: INVALID, existing: 0 });
    // Exactly one guide per distinct message, each with its message row, its four tokens, and the
    // outbox rows of its consenting citizen: nothing half-written.
    expect((await count('SELECT count(*)::int AS n FROM guides')) - guidesBefore).toBe(DISTINCT);
    expect(await count(`SELECT count(*)::int AS n FROM intake_messages WHERE source = $1 AND message_id LIKE 'm-%'`, [t.config.intake.source])).toBe(DISTINCT);
    expect(
      await count(`SELECT count(*)::int AS n FROM intake_messages m JOIN guides g ON g.id = m.guide_id WHERE m.message_id LIKE 'm-%' AND m.created_guide`),
    ).toBe(DISTINCT);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM guides g JOIN intake_messages m ON m.guide_id = g.id WHERE m.message_id LIKE 'm-%' AND (SELECT count(*) FROM tokens t WHERE t.guide_id = g.id AND t.revoked_at IS NULL) <> 4`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM guides WHERE external_ref LIKE 'INVALID-%'`)).toBe(0);
    const consentingHmacs = consenting.map((v) => fiscalCodeHmac(t.secrets.fiscalCodeHmacKey, v.citizen!.fiscalCode));
    expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE channel = 'email' AND fiscal_code_hmac = ANY($1::text[])`, [consentingHmacs])).toBe(
      30,
    );
    expect(await count(`SELECT count(*)::int AS n FROM notifications`)).toBe(30);
    // Every render queued once.
    const jobs = await t.renderQueue.getJobCountByTypes('prioritized', 'waiting', 'active', 'delayed');
    expect(jobs).toBeGreaterThanOrEqual(DISTINCT);

    // Every invalid message dead-lettered, with the field it broke and a reason.
    const dead = await waitFor(
      async () => {
        const d = (await collect()).dead.filter((x) => x.headers['x-invalid'] !== undefined);
        return d.length >= INVALID && d;
      },
      // Bounds, not waits: it returns once they are all in; a loaded CI machine drains the queues late.
      120_000,
      'every dead letter',
    );
    expect(new Set(dead.map((d) => d.headers['x-invalid'])).size).toBe(INVALID);
    for (const d of dead) {
      expect(d.headers[HEADERS.field]).toBe(d.headers['x-expected-field']);
      expect(String(d.headers[HEADERS.reason])).toMatch(/expected|unknown field/);
    }
    // Every distinct message answered with its guide; the duplicates with the same one.
    const results = await waitFor(
      async () => {
        const r = (await collect()).results.filter((x) => /^(m|x)-/.test(x.correlationId ?? '') || bodyOf(x).messageId === null);
        return r.length >= stream.length && r;
      },
      120_000,
      'every result',
    );
    const created = new Map(results.filter((r) => bodyOf(r).outcome === 'created').map((r) => [r.correlationId!, bodyOf(r).guideId]));
    expect(created.size).toBe(DISTINCT);
    for (const r of results.filter((x) => bodyOf(x).outcome === 'duplicate')) expect(bodyOf(r).guideId).toBe(created.get(r.correlationId!));
    expect(results.filter((r) => bodyOf(r).outcome === 'rejected')).toHaveLength(INVALID);
    // No personal datum in what was published or logged.
    const published = JSON.stringify([dead.map((d) => d.headers), results.map((r) => r.body), t.logs]);
    for (const v of valid.slice(0, 500)) if (v.citizen) expect(published).not.toContain(v.citizen.fiscalCode);
  }, 480_000);
});

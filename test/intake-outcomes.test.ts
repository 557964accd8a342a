import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'rabbitmq-client';
import { generateEnvelopes } from '../compositions/generator/generate';
import { HEADERS } from '../intake/results';
import { romeToday } from '../server/impact/ingest-outcomes';
import type { OutcomeResultBody } from '../intake/outcomes';
import type { TestIntake } from './helpers/intake';
import { startIntakeWithResults } from './helpers/intake-with-results';
import { drainQueue, testPublisher, waitFor, type TestVhost } from './helpers/rabbitmq';

/**
 * Outcomes from the institute's broker (issue #17 point 2, docs/impact.md): NDJSON messages on the
 * outcomes queue, stored by the code POST /api/outcomes uses, idempotent by outcome id, refused lines
 * answered with line, field and reason and the message copied to the dead-letter queue. Real
 * RabbitMQ (a vhost of this file's own), PostgreSQL in a schema of its own.
 */

let vhost: TestVhost;
let t: TestIntake;
let admin: Connection;
let resultQueue: string;
const refs: string[] = [];
const today = romeToday();

type Seen = { headers: Record<string, unknown>; body: unknown; messageId?: string; correlationId?: string; routingKey: string };
const results: Seen[] = [];
const dead: Seen[] = [];
async function collect() {
  results.push(...(await drainQueue(vhost.url, resultQueue)));
  dead.push(...(await drainQueue(vhost.url, t.config.intake.outcomes!.deadLetterQueue)));
}
const resultFor = (id: string) =>
  waitFor(
    async () => {
      await collect();
      return results.find((r) => r.correlationId === id);
    },
    30_000,
    `the result of ${id}`,
  );
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: number }>(sql, params))[0]!.n);

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const ndjson = (lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8');

beforeAll(async () => {
  ({ vhost, t, admin, resultQueue } = await startIntakeWithResults('intake-outcomes', { queueSuffix: 'outcome-results', routingKey: 'outcomes.#' }));
  // The guides the outcomes are about, created through the guide intake (guides created one at a time).
  const envelopes = [...generateEnvelopes('red', 6, 'intake-outcomes')];
  const pub = testPublisher(vhost.url);
  await pub.publishAll(envelopes.map((e, i) => ({ envelope: { routingKey: t.config.intake.queue, messageId: `guide-${i}`, durable: true }, body: e })));
  await pub.close();
  for (const e of envelopes) refs.push((e as { externalRef: string }).externalRef);
  await waitFor(async () => (await count(`SELECT count(*) AS n FROM guides`)) === 6, 30_000, 'six guides');
});

afterAll(async () => {
  await t?.close();
  await admin?.close();
  await vhost?.remove();
});

describe('outcomes from the broker', () => {
  it('stores an NDJSON message of outcomes once, however often it is delivered, and answers each delivery with the counts', async () => {
    const lines = refs.map((ref, i) => line({ outcomeId: `call-${i}`, externalRef: ref, kind: 'contact_center_call', date: today }));
    const pub = testPublisher(vhost.url);
    const send = (messageId: string) =>
      pub.publishAll([
        { envelope: { routingKey: t.config.intake.outcomes!.queue, messageId, durable: true, contentType: 'application/x-ndjson' }, body: ndjson(lines) },
      ]);
    await send('calls-1');
    const first = (await resultFor('calls-1')).body as OutcomeResultBody;
    // The same outcomes again (an upstream retry with a new message id): nothing is counted twice.
    await send('calls-2');
    const second = (await resultFor('calls-2')).body as OutcomeResultBody;
    await pub.close();
    expect(first).toMatchObject({ outcome: 'stored', rows: 6, created: 6, existing: 0, rejected: 0, errors: [] });
    expect(second).toMatchObject({ outcome: 'stored', rows: 6, created: 0, existing: 6, rejected: 0 });
    expect(await count(`SELECT count(*) AS n FROM outcomes WHERE kind = 'contact_center_call'`)).toBe(6);
    // The rollups the impact figures read were kept by the same statement.
    expect(await count(`SELECT coalesce(sum(guides), 0) AS n FROM impact_cells WHERE kind = 'contact_center_call'`)).toBeGreaterThan(0);
  });

  it('takes a JSON array body too, and refuses bad lines with line, field and reason while storing the rest; the message goes to the dead-letter queue', async () => {
    const body = [
      { outcomeId: 'red-0', externalRef: refs[0], kind: 'deadline_met', date: today },
      { outcomeId: 'svc-1', externalRef: refs[1], kind: 'online_service', serviceId: 'red-online', date: today },
      { outcomeId: 'bad-ref', externalRef: 'NOBODY-1', kind: 'branch_visit', date: today },
      { outcomeId: 'bad-kind', externalRef: refs[2], kind: 'letter_read', date: today },
      { outcomeId: 'bad-pii', externalRef: refs[3], kind: 'branch_visit', date: today, fiscalCode: 'RSSMRA85T10A562S' },
    ];
    const pub = testPublisher(vhost.url);
    await pub.publishAll([
      { envelope: { routingKey: t.config.intake.outcomes!.queue, messageId: 'mixed-1', durable: true, contentType: 'application/json' }, body },
    ]);
    await pub.close();
    const r = await resultFor('mixed-1');
    expect(r.routingKey).toBe('outcomes.rejected');
    const b = r.body as OutcomeResultBody;
    expect(b).toMatchObject({ outcome: 'rejected', rows: 5, created: 2, existing: 0, rejected: 3 });
    expect(b.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'externalRef'],
      [4, 'kind'],
      [5, 'fiscalCode'],
    ]);
    expect(JSON.stringify(b)).not.toContain('RSSMRA85T10A562S');
    expect(await count(`SELECT count(*) AS n FROM outcomes WHERE id IN ('red-0', 'svc-1')`)).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM outcomes WHERE id LIKE 'bad-%'`)).toBe(0);
    const d = await waitFor(
      async () => {
        await collect();
        return dead.find((x) => x.messageId === 'mixed-1');
      },
      20_000,
      'the dead letter of mixed-1',
    );
    expect(d.headers[HEADERS.count]).toBe(3);
    expect(d.headers[HEADERS.field]).toBe('line 3: externalRef');
    expect(JSON.parse(String(d.headers[HEADERS.errors])).length).toBe(3);
    // Fixed and sent again, the message stores only what is new.
    const again = testPublisher(vhost.url);
    await again.publishAll([
      {
        envelope: { routingKey: t.config.intake.outcomes!.queue, messageId: 'mixed-2', durable: true, contentType: 'application/json' },
        body: [body[0], body[1], { ...body[3], kind: 'branch_visit' }],
      },
    ]);
    await again.close();
    expect((await resultFor('mixed-2')).body).toMatchObject({ outcome: 'stored', created: 1, existing: 2, rejected: 0 });
  });

  it('refuses a message that is not outcomes as a whole, with the reason, and writes nothing', async () => {
    const before = await count(`SELECT count(*) AS n FROM outcomes`);
    const pub = testPublisher(vhost.url);
    await pub.publishAll([
      {
        envelope: { routingKey: t.config.intake.outcomes!.queue, messageId: 'junk-1', durable: true, contentType: 'text/plain' },
        body: 'not json at all\n{"also": 1',
      },
    ]);
    await pub.close();
    const b = (await resultFor('junk-1')).body as OutcomeResultBody;
    expect(b.outcome).toBe('rejected');
    expect(b.created).toBe(0);
    expect(b.errors.length).toBeGreaterThan(0);
    expect(b.errors.every((e) => e.field && e.message)).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM outcomes`)).toBe(before);
  });
});

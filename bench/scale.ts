/**
 * npm run bench:scale [-- --only intake --messages 20000 --duplicates 0.05 --render eager|lazy]
 * The figures of growing past one machine (issue #18), one `name: value unit` line each. Each group
 * of figures is one entry of FIGURES below, run in order (`--only a,b` picks some); a group returns
 * its lines, so the worker figures (guides_per_hour_workers_N, the campaign model) join as another
 * entry without touching the others.
 *
 * intake: `--messages` distinct guide envelopes (all six types) plus `--duplicates` of them again
 * (the same message id and body, as a publisher's retry) are published persistent, with confirms,
 * to the intake's queue on the real RabbitMQ (a vhost of the bench's own) before the consumer
 * starts; then one intake consumer (intake/start.ts, default settings) creates the guides in
 * PostgreSQL (a schema of its own), with tokens, outbox and render jobs (INTAKE_RENDER_POLICY, eager
 * by default), publishing a result per message. Prints
 * - intake_rate: messages handled per second, from the consumer's start to the last message
 *   committed, answered and acknowledged;
 * - intake_duplicates_created: guides created for a message that already had one (must be 0):
 *   guides beyond the distinct messages, plus messages whose row points at no guide.
 */
import { parseArgs } from 'node:util';
import { generateEnvelopes } from '../compositions/generator/generate';
import { startTestIntake } from '../test/helpers/intake';
import { createTestVhost, testPublisher, uniqueName, waitFor } from '../test/helpers/rabbitmq';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    messages: { type: 'string', default: '20000' },
    duplicates: { type: 'string', default: '0.05' },
    render: { type: 'string', default: 'eager' },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Figure {
  name: string;
  value: number | string;
  unit?: string;
}

async function intakeFigures(): Promise<Figure[]> {
  const distinct = Number(values.messages);
  const duplicates = Math.round(distinct * Number(values.duplicates));
  const vhost = await createTestVhost('bench-scale');
  // INTAKE_* variables of the bench's environment tune the consumer as they would `npm run intake`.
  const tuning = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('INTAKE_') && e[1] !== undefined));
  const env = { ...tuning, INTAKE_RENDER_POLICY: values.render === 'lazy' ? 'lazy' : 'eager' };
  const t = await startTestIntake({ label: 'bench_scale', amqpUrl: vhost.url, env, logDestination: { write: () => undefined } });
  try {
    // The consumer stops while the queue fills, so the rate is the intake's, not the publisher's.
    await t.intake.close();
    const queue = t.config.intake.queue;
    const envelopes = [...generateEnvelopes('all', distinct, uniqueName('bench'))];
    const messages = envelopes.map((e, i) => ({ envelope: { routingKey: queue, messageId: `bench-${i}`, durable: true }, body: e }));
    const step = Math.max(1, Math.floor(distinct / Math.max(1, duplicates)));
    const stream = [...messages];
    for (let k = 0; k < duplicates; k++) stream.splice(Math.min(stream.length, (k + 1) * step + k + 1), 0, messages[(k * step) % distinct]!);
    const pub = testPublisher(vhost.url);
    const published = performance.now();
    await pub.publishAll(stream);
    await pub.close();
    say(`# ${stream.length} messages (${distinct} distinct, ${duplicates} again) published in ${((performance.now() - published) / 1000).toFixed(1)} s; render policy ${values.render}; ${t.db.kind}`);

    const started = performance.now();
    await t.restart();
    const handled = () => t.intake.stats.created + t.intake.stats.existing + t.intake.stats.duplicate + t.intake.stats.rejected;
    await waitFor(() => handled() >= stream.length, 30 * 60_000, 'every message handled', 20);
    const seconds = (performance.now() - started) / 1000;
    const n = async (sql: string) => Number((await t.db.query<{ n: number }>(sql))[0]!.n);
    const guides = await n('SELECT count(*)::int AS n FROM guides');
    const orphans = await n('SELECT count(*)::int AS n FROM intake_messages WHERE guide_id IS NULL');
    say(`# ${JSON.stringify(t.intake.stats)} in ${seconds.toFixed(1)} s; prefetch ${t.config.intake.prefetch}, batch ${t.config.intake.batchSize}`);
    return [
      { name: 'intake_rate', value: Math.round(stream.length / seconds), unit: 'envelopes/s' },
      { name: 'intake_duplicates_created', value: Math.max(0, guides - distinct) + orphans, unit: 'guides' },
    ];
  } finally {
    await t.close();
    await vhost.remove();
  }
}

/** Each group of figures, in the order they run. */
const FIGURES: Record<string, () => Promise<Figure[]>> = {
  intake: intakeFigures,
};

const chosen = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(FIGURES);
for (const name of chosen) {
  const run = FIGURES[name];
  if (!run) throw new Error(`--only: expected one of ${Object.keys(FIGURES).join(', ')}, got "${name}"`);
  for (const f of await run()) say(`${f.name}: ${f.value}${f.unit ? ` ${f.unit}` : ''}`);
}
process.exit(0);

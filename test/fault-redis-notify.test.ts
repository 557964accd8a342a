import net, { type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startNotifier } from '../notifier/start';
import { createLogger } from '../server/logger';
import { startMailSink } from './helpers/channel-sinks';
import { emailCampaign, emailOf, Inbox, statusCounts } from './helpers/fault-notify';
import { FaultStacks } from './helpers/fault-stack';
import { memoryLogger } from './helpers/memory-logger';
import { waitUntil } from './helpers/services';

/**
 * Email exactly once does not rest on Redis. (1) Redis is SIGKILLed in the middle of a 600-email
 * batch and comes back empty (no persistence, as the doctor's development settings): the notifier
 * keeps running, its periodic reconcile puts the lost jobs back, and each consenting citizen gets
 * exactly one email at a real SMTP server (the commit before the final "." is in PostgreSQL, so
 * the sends in flight at the kill are not repeated). (2) An SMTP server that takes a message and
 * drops the line before answering 250: the message is recorded as sent (unconfirmed), not sent
 * again. API, PostgreSQL and Redis are the test's own processes.
 */

const stacks = new FaultStacks();
afterAll(() => stacks.close());

async function setUp(label: string) {
  const stack = await stacks.start(label);
  return { ...stack, config: stack.config(), db: await stack.openDb(10) };
}

const settings = (smtpUrl: string) => ({
  smtpUrl,
  ratePerSecond: { email: 120, sms: 20, app: 20, pec: 5 },
  concurrency: 8,
  lockDurationMs: 4000,
  outboxPollMs: 200,
  backoffMs: 300,
  reconcileIntervalMs: 1000,
});

describe('email exactly once, whatever Redis does', () => {
  it('Redis killed and restarted empty mid-batch: each consenting citizen gets exactly one email', async () => {
    const CONSENTING = 600;
    const KILL_AT = 150;
    const { redis, api, config, db } = await setUp('notify-redis');
    await emailCampaign(api, { consenting: CONSENTING, declined: 60, seed: 'fault-notify-redis' });
    expect(await statusCounts(db)).toEqual({ queued: CONSENTING });

    const inbox = new Inbox();
    let killed: Promise<void> | undefined;
    const sink = await startMailSink((m) => {
      inbox.add(m.to);
      if (inbox.total === KILL_AT) {
        // Redis dies while sends are in flight, stays away a while, and comes back empty.
        killed = (async () => {
          await redis.kill();
          await new Promise((r) => setTimeout(r, 1500));
          await redis.start();
        })();
      }
    });
    stacks.defer(() => sink.close());
    const { logger, logs } = memoryLogger();
    const notifier = await startNotifier({ config, db, logger, redisUrl: redis.url, settings: settings(sink.url) });
    stacks.defer(() => notifier.close());

    await waitUntil(() => killed !== undefined, 60_000, 'the kill').catch(async (err: Error) => {
      throw new Error(`${err.message}: ${inbox.total} received; ${JSON.stringify(await statusCounts(db))}; ${logs.slice(-8).join(' ')}`);
    });
    await killed;
    const atRestart = inbox.total;
    await waitUntil(async () => (await statusCounts(db)).sent === CONSENTING, 80_000, 'every notification to be sent', 250);
    // Anything still in flight would land now.
    await new Promise((r) => setTimeout(r, 1000));
    const recovered = logs
      .filter((l) => l.includes('notifications whose jobs were lost are back in the outbox'))
      .map((l) => (JSON.parse(l) as { recovered: number }).recovered);
    console.info(
      `redis kill mid-batch: ${atRestart} emails before Redis came back empty, ${recovered.join(' + ')} notifications put back by the periodic reconcile, ${inbox.total} emails in all`,
    );
    expect(recovered.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(inbox.problems(Array.from({ length: CONSENTING }, (_, i) => emailOf(i)))).toEqual([]);
    expect(inbox.total).toBe(CONSENTING);
    expect(await statusCounts(db)).toEqual({ sent: CONSENTING });
  }, 120_000);

  it('an SMTP line dropped after the final "." (before the 250): recorded as sent, unconfirmed, and not sent again', async () => {
    const { redis, api, config, db } = await setUp('notify-dot');
    await emailCampaign(api, { consenting: 3, declined: 0, seed: 'fault-notify-dot' });

    // A minimal SMTP server: it stores every message it gets the "." of, and drops the line instead
    // of answering the first one's 250 (the server has the message, the sender never hears so).
    const stored: string[] = [];
    const server = net.createServer((socket) => {
      let buf = '';
      let inData = false;
      const reply = (line: string) => socket.write(`${line}\r\n`);
      reply('220 fault.test ESMTP');
      socket.on('error', () => undefined);
      socket.on('data', (d) => {
        buf += d.toString('latin1');
        for (;;) {
          if (inData) {
            const end = buf.indexOf('\r\n.\r\n');
            if (end < 0) return;
            const message = buf.slice(0, end);
            buf = buf.slice(end + 5);
            inData = false;
            stored.push(/^To: (.*)$/m.exec(message)?.[1]?.trim() ?? '?');
            if (stored.length === 1) return void socket.destroy();
            reply('250 2.0.0 stored');
            continue;
          }
          const eol = buf.indexOf('\r\n');
          if (eol < 0) return;
          const line = buf.slice(0, eol);
          buf = buf.slice(eol + 2);
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO' || verb === 'HELO') reply('250 fault.test');
          else if (verb === 'DATA') {
            inData = true;
            reply('354 go ahead');
          } else if (verb === 'QUIT') {
            reply('221 bye');
            socket.end();
          } else reply('250 ok');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stacks.defer(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const notifier = await startNotifier({
      config,
      db,
      logger: createLogger({ level: 'silent' }),
      redisUrl: redis.url,
      settings: { ...settings(url), concurrency: 1 },
    });
    stacks.defer(() => notifier.close());

    await waitUntil(async () => (await statusCounts(db)).sent === 3, 60_000, 'the three notifications to be sent', 200);
    // A retry would come after the backoff (300 ms here): give it time to show.
    await new Promise((r) => setTimeout(r, 2000));
    expect(stored.sort()).toEqual([emailOf(0), emailOf(1), emailOf(2)].sort());
    const rows = await db.query<{ status: string; reason: string | null; attempts: number }>(
      `SELECT status, reason, attempts FROM notifications ORDER BY reason NULLS LAST`,
    );
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(rows[0]!.reason).toMatch(/^no answer after the final "\."/);
    expect(rows.map((r) => r.attempts)).toEqual([1, 1, 1]);
  }, 90_000);
});

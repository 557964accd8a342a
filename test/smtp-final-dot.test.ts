import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SendAbandoned, SmtpPool } from '../notifier/adapters/smtp-pool';
import { startMailSink, type MailSink } from './helpers/channel-sinks';

/**
 * The notifier's point of no return (send-attempt.ts) is written to PostgreSQL right before SMTP's
 * final "."; a process killed between the two loses a message recorded as sent. So the commit runs
 * inside the socket write of the "." and nothing else runs between them: test/notify-kill.test.ts
 * lost a message in CI when several stream ticks separated them.
 */

const TIMEOUTS = { connectMs: 5000, greetingMs: 5000, socketMs: 10_000 };
let sink: MailSink;
const stored: string[] = [];
const pools: SmtpPool[] = [];
const originalWrite = net.Socket.prototype.write;

beforeAll(async () => {
  sink = await startMailSink((m) => stored.push((m.messageId ?? '?').replace(/@.*/, '')));
});
afterEach(() => {
  net.Socket.prototype.write = originalWrite;
});
afterAll(async () => {
  for (const p of pools) p.close();
  await sink.close();
});

const message = (id: string) =>
  Buffer.from(`Message-ID: <${id}@test>\r\nSubject: t\r\n\r\n${'A line of the body.\r\n'.repeat(400)}.starts with a dot\r\n`, 'latin1');
const envelope = { from: 'noreply@inps.test', to: ['citizen@example.test'] };

/** Every socket write in this process (the sink's answers too), in order, as 'dot' (the final ".") or 'data'. */
function recordWrites(events: string[]): void {
  net.Socket.prototype.write = function (this: net.Socket, chunk: unknown, ...rest: unknown[]) {
    const text = Buffer.isBuffer(chunk) ? chunk.toString('latin1') : String(chunk);
    events.push(/^(\r?\n)?\.\r\n$/.test(text) ? 'dot' : 'data');
    return (originalWrite as (...a: unknown[]) => boolean).apply(this, [chunk, ...rest]);
  } as net.Socket['write'];
}

/** A pool of `size` connections to the sink, closed after the file. */
function newPool(size: number): SmtpPool {
  const pool = new SmtpPool(sink.url, size, TIMEOUTS);
  pools.push(pool);
  return pool;
}

/**
 * Sends `body` with every socket write recorded; the point of no return marks 'commit' (then runs
 * `alsoAtCommit`) and is expected to pass once, right before the one and only final ".".
 */
async function sendRecordingWrites(pool: SmtpPool, body: Buffer, alsoAtCommit: (events: string[]) => void = () => undefined): Promise<string[]> {
  const events: string[] = [];
  recordWrites(events);
  let passes = 0;
  await pool.send(envelope, body, async () => () => {
    passes += 1;
    events.push('commit');
    alsoAtCommit(events);
  });
  expect(passes).toBe(1);
  const at = events.indexOf('commit');
  expect(events.slice(at, at + 2)).toEqual(['commit', 'dot']);
  expect(events.filter((e) => e === 'dot')).toHaveLength(1);
  return events;
}

describe('SMTP final "." and the point of no return', () => {
  it('records the point of no return inside the write of the ".", with nothing run between them', async () => {
    const events = await sendRecordingWrites(newPool(2), message('adjacent'), (seen) => {
      // Anything queued here (a stream tick, a promise) runs only after the "." has been written.
      process.nextTick(() => seen.push('tick'));
      void Promise.resolve().then(() => seen.push('microtask'));
    });
    const at = events.indexOf('commit');
    expect(events.indexOf('tick')).toBeGreaterThan(at + 1);
    expect(events.indexOf('microtask')).toBeGreaterThan(at + 1);
    expect(stored).toContain('adjacent');
  });

  it('a body line that is only a dot is escaped by the client, never taken for the final "."', async () => {
    await sendRecordingWrites(newPool(1), Buffer.from(`Message-ID: <lone-dot@test>\r\nSubject: t\r\n\r\n.\r\n.\r\nend\r\n`, 'latin1'));
    expect(stored).toContain('lone-dot');
  });

  it('abandons the message without its "." when the gate says no, and the next message on the pool goes through', async () => {
    const pool = newPool(1);
    await expect(pool.send(envelope, message('abandoned'), async () => null)).rejects.toBeInstanceOf(SendAbandoned);
    await pool.send(envelope, message('after-abandon'), async () => () => undefined);
    expect(stored).toContain('after-abandon');
    expect(stored).not.toContain('abandoned');
  });

  it('a point of no return that throws keeps the "." back: the server discards the message', async () => {
    const pool = newPool(1);
    const events: string[] = [];
    recordWrites(events);
    const sent = pool.send(envelope, message('commit-threw'), async () => () => {
      throw new Error('the database socket is gone');
    });
    await expect(sent).rejects.toThrow();
    expect(events).not.toContain('dot');
    // Another message, on a fresh connection, is stored: the sink has had time to store the first one too.
    await pool.send(envelope, message('after-throw'), async () => () => undefined);
    expect(stored).toContain('after-throw');
    expect(stored).not.toContain('commit-threw');
  });
});

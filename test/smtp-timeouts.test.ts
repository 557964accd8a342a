import net, { type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import type { Envelope } from '../compositions/guide-types';
import type { ChannelAdapter } from '../notifier/adapters';
import { smtpAdapter } from '../notifier/adapters/smtp';
import { startNotifier, type RunningNotifier } from '../notifier/start';
import { checkEnvelope } from '../server/guides/prepare';
import { call, startTestApi, type TestApi } from './helpers/api';
import { outgoingMessage } from './helpers/outgoing-message';
import { waitUntil } from './helpers/services';
import { timed } from './helpers/timed';

/**
 * Issue #15, beside external-timeouts.test.ts: an SMTP server that takes the connection and never
 * greets, or greets and goes silent after DATA, fails the send at its bound (NOTIFY_SMTP_*_TIMEOUT_MS)
 * with a reason that names it; the notifier retries such a send with backoff and, once the attempts
 * are spent, marks the notification failed with that reason. Silence after the final "." stays what
 * it was: recorded as sent, unconfirmed (the server may have the message).
 */

const GREETING_MS = 300;
const SOCKET_MS = 600;
/** Above the bound: a loaded machine's scheduling; far below the 15 s and 60 s defaults. */
const SLACK_MS = 4400;
// Distinct, so each test shows which bound fired (the socket's idle timer runs from the connect on).
const TIMEOUTS = { connectMs: 5000, greetingMs: GREETING_MS, socketMs: SOCKET_MS };

interface FakeSmtp {
  url: string;
  /** host:port, as the adapter's errors name the server. */
  address: string;
  /** SMTP commands received, in order, over every connection. */
  commands: string[];
  connections: number;
  close(): Promise<void>;
}

const servers: FakeSmtp[] = [];
let api: TestApi | undefined;
let notifier: RunningNotifier | undefined;
afterAll(async () => {
  await notifier?.close();
  await api?.close();
  for (const s of servers) await s.close();
});

/**
 * A TCP server speaking just enough SMTP, silent from `silentAt` on: 'connect' (accepts, never
 * greets), 'DATA' (no 354), or '.' (takes the body, never answers the final ".").
 */
async function fakeSmtp(silentAt: 'connect' | 'DATA' | '.'): Promise<FakeSmtp> {
  const sockets = new Set<net.Socket>();
  const fake = { commands: [] as string[], connections: 0 };
  const server = net.createServer((socket) => {
    fake.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (silentAt === 'connect') return;
    socket.write('220 fake.test ESMTP\r\n');
    let buf = '';
    let inData = false;
    socket.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      if (inData) {
        if (!buf.includes('\r\n.\r\n')) return;
        fake.commands.push('.');
        buf = '';
        inData = false;
        return; // silentAt '.': never answered
      }
      let i;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const verb = line.split(/[ :]/)[0]!.toUpperCase();
        fake.commands.push(verb);
        if (verb === 'DATA') {
          if (silentAt === 'DATA') return;
          inData = true;
          socket.write('354 go ahead\r\n');
          return;
        }
        socket.write(verb === 'QUIT' ? '221 bye\r\n' : '250 ok\r\n');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const s: FakeSmtp = {
    url: `smtp://${address}`,
    address,
    get commands() {
      return fake.commands;
    },
    get connections() {
      return fake.connections;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((r) => server.close(r));
    },
  };
  servers.push(s);
  return s;
}

/** The reason a send cut off by the socket bound fails with. */
const socketBound = (fake: FakeSmtp) => `email server ${fake.address} did not answer within ${SOCKET_MS} ms (NOTIFY_SMTP_SOCKET_TIMEOUT_MS)`;

/** An SMTP adapter on a fake server silent from `silentAt` on, closed once `check` is done. */
async function againstSilentServer(silentAt: 'connect' | 'DATA' | '.', check: (fake: FakeSmtp, adapter: ChannelAdapter) => Promise<void>): Promise<void> {
  const fake = await fakeSmtp(silentAt);
  const adapter = smtpAdapter({ channel: 'email', url: fake.url, from: 'Videoguida <noreply@example.test>', timeouts: TIMEOUTS });
  try {
    await check(fake, adapter);
  } finally {
    await adapter.close();
  }
}

/** Cut off at the bound: not before it, and not much after it. */
function expectAtBound(ms: number, boundMs: number): void {
  expect(ms).toBeGreaterThanOrEqual(boundMs - 5);
  expect(ms).toBeLessThan(boundMs + SLACK_MS);
}

const send = (adapter: ChannelAdapter, n: number) => timed(adapter.send(outgoingMessage('email', 'citizen@example.test', n)));

describe('an SMTP server that does not answer', () => {
  it('fails the send at the greeting bound when it accepts the connection and never greets', () =>
    againstSilentServer('connect', async (fake, adapter) => {
      const { error, ms } = await send(adapter, 1);
      expect(error?.message).toBe(`email server ${fake.address} sent no greeting within ${GREETING_MS} ms (NOTIFY_SMTP_GREETING_TIMEOUT_MS)`);
      expectAtBound(ms, GREETING_MS);
    }));

  it('fails the send at the socket bound when it greets and goes silent after DATA, before any "."', () =>
    againstSilentServer('DATA', async (fake, adapter) => {
      const { error, ms } = await send(adapter, 2);
      expect(error?.message).toBe(socketBound(fake));
      expectAtBound(ms, SOCKET_MS);
      expect(fake.commands.slice(-1)).toEqual(['DATA']);
    }));

  it('silence after the final "." is recorded as sent, unconfirmed, naming the bound (not sent again)', () =>
    againstSilentServer('.', async (fake, adapter) => {
      const { value, ms } = await send(adapter, 3);
      expect(value?.unconfirmed).toBe(`no answer after the final "." (${socketBound(fake)})`);
      expect(ms).toBeLessThan(SOCKET_MS + SLACK_MS);
    }));

  it('the notifier retries a send that timed out, then marks the notification failed with the bound as reason', async () => {
    api = await startTestApi({ backend: 'pglite', label: 'smtp_timeouts' });
    const fake = await fakeSmtp('DATA');
    const [raw] = [...generateEnvelopes('naspi', 1, 'smtp-timeouts')];
    const checked = checkEnvelope(raw);
    if (!checked.ok) throw new Error('generator produced an invalid envelope');
    const envelope = checked.envelope as Envelope & { citizen: { fiscalCode: string } };
    const sync = await call(api, 'PUT', '/api/consents', {
      raw: JSON.stringify({ fiscalCode: envelope.citizen.fiscalCode, proactive: true, email: 'citizen@example.test' }) + '\n',
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(sync.status).toBe(200);
    const created = await call(api, 'POST', '/api/guides', { body: envelope });
    expect(created.status).toBe(201);
    const guideId = ((await created.json()) as { id: string }).id;

    notifier = await startNotifier({
      config: api.config,
      db: api.db,
      logger: api.ctx.logger,
      redisUrl: api.config.redisUrl,
      settings: { smtpUrl: fake.url, smtpTimeouts: TIMEOUTS, attempts: 2, backoffMs: 100, outboxPollMs: 100 },
    });
    const reason = socketBound(fake);
    const row = await waitUntil(
      async () => {
        const [r] = await api!.db.query<{ status: string; reason: string | null; attempts: number; sent_at: Date | null }>(
          `SELECT status, reason, attempts, sent_at FROM notifications WHERE guide_id = $1 AND channel = 'email'`,
          [guideId],
        );
        return r && r.status === 'failed' ? r : undefined;
      },
      30_000,
      'the notification to be marked failed',
    );
    expect(row).toMatchObject({ status: 'failed', reason, attempts: 2, sent_at: null });
    // Two attempts, each cut off at DATA: no "." ever left.
    expect(fake.commands.filter((c) => c === 'DATA')).toHaveLength(2);
    expect(fake.commands).not.toContain('.');
    expect(api.logs.some((l) => l.includes('notification attempt failed') && l.includes('NOTIFY_SMTP_SOCKET_TIMEOUT_MS'))).toBe(true);
  }, 60_000);
});

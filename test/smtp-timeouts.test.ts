import net, { type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import type { Envelope } from '../compositions/guide-types';
import { smtpAdapter } from '../notifier/adapters/smtp';
import { startNotifier, type RunningNotifier } from '../notifier/start';
import { checkEnvelope } from '../server/guides/prepare';
import { call, startTestApi, type TestApi } from './helpers/api';
import { waitUntil } from './helpers/services';

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
  const s: FakeSmtp = {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
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

const message = (n: number) => ({
  notificationId: `00000000-0000-4000-8000-00000000000${n}`,
  channel: 'email' as const,
  to: 'citizen@example.test',
  guideType: 'naspi' as const,
  locale: 'it' as const,
  link: 'http://x/g/t',
  expiresAt: new Date(),
  subject: 's',
  text: 't',
  html: '<p>t</p>',
});

async function timed<T>(p: Promise<T>): Promise<{ value?: T; error?: Error; ms: number }> {
  const started = performance.now();
  const r = await p.then(
    (value) => ({ value }),
    (error: Error) => ({ error }),
  );
  return { ...r, ms: performance.now() - started };
}

describe('an SMTP server that does not answer', () => {
  it('fails the send at the greeting bound when it accepts the connection and never greets', async () => {
    const fake = await fakeSmtp('connect');
    const adapter = smtpAdapter({ channel: 'email', url: fake.url, from: 'Videoguida <noreply@example.test>', timeouts: TIMEOUTS });
    try {
      const { error, ms } = await timed(adapter.send(message(1)));
      expect(error?.message).toBe(
        `email server ${fake.url.slice('smtp://'.length)} sent no greeting within ${GREETING_MS} ms (NOTIFY_SMTP_GREETING_TIMEOUT_MS)`,
      );
      expect(ms).toBeGreaterThanOrEqual(GREETING_MS - 5);
      expect(ms).toBeLessThan(GREETING_MS + SLACK_MS);
    } finally {
      await adapter.close();
    }
  });

  it('fails the send at the socket bound when it greets and goes silent after DATA, before any "."', async () => {
    const fake = await fakeSmtp('DATA');
    const adapter = smtpAdapter({ channel: 'email', url: fake.url, from: 'Videoguida <noreply@example.test>', timeouts: TIMEOUTS });
    try {
      const { error, ms } = await timed(adapter.send(message(2)));
      expect(error?.message).toBe(`email server ${fake.url.slice('smtp://'.length)} did not answer within ${SOCKET_MS} ms (NOTIFY_SMTP_SOCKET_TIMEOUT_MS)`);
      expect(ms).toBeGreaterThanOrEqual(SOCKET_MS - 5);
      expect(ms).toBeLessThan(SOCKET_MS + SLACK_MS);
      expect(fake.commands.slice(-1)).toEqual(['DATA']);
    } finally {
      await adapter.close();
    }
  });

  it('silence after the final "." is recorded as sent, unconfirmed, naming the bound (not sent again)', async () => {
    const fake = await fakeSmtp('.');
    const adapter = smtpAdapter({ channel: 'email', url: fake.url, from: 'Videoguida <noreply@example.test>', timeouts: TIMEOUTS });
    try {
      const { value, ms } = await timed(adapter.send(message(3)));
      expect(value?.unconfirmed).toBe(
        `no answer after the final "." (email server ${fake.url.slice('smtp://'.length)} did not answer within ${SOCKET_MS} ms (NOTIFY_SMTP_SOCKET_TIMEOUT_MS))`,
      );
      expect(ms).toBeLessThan(SOCKET_MS + SLACK_MS);
    } finally {
      await adapter.close();
    }
  });

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
    const reason = `email server ${fake.url.slice('smtp://'.length)} did not answer within ${SOCKET_MS} ms (NOTIFY_SMTP_SOCKET_TIMEOUT_MS)`;
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

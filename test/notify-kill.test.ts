import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { startSmtpSink, type SmtpSink } from '../notifier/smtp-sink';
import { createLogger } from '../server/logger';
import { call, startTestApi, type TestApi } from './helpers/api';
import { TEST_DATABASE_URL } from './helpers/databases';

/**
 * Kill the notifier (its own process, SIGKILL to its process group, like a machine dying) in the
 * middle of a 1,000-email campaign, start another one: every consenting citizen gets exactly one
 * email, counted at a real SMTP server by recipient; nobody else gets any.
 */

const CONSENTING = 1000;
/** The worst moment: the server has just taken message 250, its sender has not yet heard the 250 reply. */
const KILL_AT = 250;
const DECLINED = 100;
const UNKNOWN = 100;

let api: TestApi;
let sink: SmtpSink;
let killOnReceipt: (() => void) | undefined;
const received = new Map<string, string[]>();
const childLogs: string[] = [];
const children: ChildProcess[] = [];

const emailOf = (i: number) => `citizen.${i}@example.test`;

function spawnNotifier(): ChildProcess {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: api.db.schema,
    DATA_DIR: api.dataDir,
    REDIS_URL: api.config.redisUrl,
    QUEUE_PREFIX: api.config.queuePrefix,
    PUBLIC_BASE_URL: api.config.publicBaseUrl,
    TOKEN_SECRET: 's'.repeat(40),
    FISCAL_CODE_HMAC_KEY: 'h'.repeat(40),
    LOG_LEVEL: 'info',
    SMTP_URL: sink.url,
    NOTIFY_RATE_EMAIL: '150',
    NOTIFY_CONCURRENCY: '8',
    NOTIFY_LOCK_DURATION_MS: '4000',
    NOTIFY_OUTBOX_POLL_MS: '200',
    NOTIFY_BACKOFF_MS: '500',
  };
  // Its own process group, so SIGKILL takes everything tsx started with it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'system/notifier.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (d: Buffer) => childLogs.push(...d.toString('utf8').split('\n').filter(Boolean)));
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* already gone */
  }
}

async function waitFor(fn: () => Promise<boolean> | boolean, ms: number, what: string, every = 25): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

const totalReceived = () => [...received.values()].reduce((n, ids) => n + ids.length, 0);
const statusCounts = async () =>
  Object.fromEntries(
    (await api.db.query<{ status: string; n: number }>(`SELECT status, count(*) AS n FROM notifications GROUP BY status`)).map((r) => [r.status, r.n]),
  );

beforeAll(async () => {
  api = await startTestApi({ backend: 'postgres', label: 'notify_kill' });
  sink = await startSmtpSink({
    dir: fs.mkdtempSync(path.join(os.tmpdir(), 'vg-kill-mail-')),
    logger: createLogger({ level: 'silent' }),
    onMessage: (m) => {
      for (const to of m.to) received.set(to, [...(received.get(to) ?? []), m.messageId ?? '?']);
      if (totalReceived() === KILL_AT) killOnReceipt?.();
    },
  });
}, 60_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) killGroup(c, 'SIGKILL');
  await sink?.stop();
  await api?.close();
});

describe('notifier crash', () => {
  it('after SIGKILL mid-batch, a new notifier finishes: exactly one email per consenting citizen', async () => {
    const envelopes = [...generateEnvelopes('red', CONSENTING + DECLINED + UNKNOWN, 'notify-kill')] as { citizen: { fiscalCode: string } }[];
    expect(new Set(envelopes.map((e) => e.citizen.fiscalCode)).size).toBe(envelopes.length);
    const consents = envelopes
      .slice(0, CONSENTING + DECLINED)
      .map((e, i) => ({ fiscalCode: e.citizen.fiscalCode, proactive: i < CONSENTING, email: emailOf(i) }));
    const sync = await call(api, 'PUT', '/api/consents', {
      raw: consents.map((c) => JSON.stringify(c)).join('\n'),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(await sync.json()).toMatchObject({ rows: CONSENTING + DECLINED, updated: CONSENTING + DECLINED, rejected: 0 });

    const campaign = (await (
      await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'RED reminders by email', channels: ['email'] } })
    ).json()) as { id: string };
    const upload = await call(api, 'POST', `/api/campaigns/${campaign.id}/guides`, {
      raw: envelopes.map((e) => JSON.stringify(e)).join('\n'),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect((await upload.json()).created).toBe(envelopes.length);
    expect(await statusCounts()).toEqual({ queued: CONSENTING });

    const first = spawnNotifier();
    // Killed from inside the SMTP server's own handler, before it answers 250 to message KILL_AT.
    killOnReceipt = () => killGroup(first, 'SIGKILL');
    await waitFor(() => first.exitCode !== null || first.signalCode !== null, 90_000, 'the first notifier to be killed');
    const atKill = totalReceived();
    const inDoubt = (await statusCounts()).sending ?? 0;
    expect(atKill).toBeGreaterThanOrEqual(KILL_AT);
    expect(atKill).toBeLessThan(CONSENTING);
    expect(inDoubt).toBeGreaterThan(0);

    const second = spawnNotifier();
    await waitFor(async () => (await statusCounts()).sent === CONSENTING, 90_000, 'every notification to be sent', 200);
    // Anything still in flight would land now.
    await new Promise((r) => setTimeout(r, 1000));
    killGroup(second, 'SIGTERM');
    expect(await exited(second)).toBe(0);

    const counts = [...received.entries()].map(([to, ids]) => ({ to, n: ids.length }));
    const extra = counts.filter((c) => c.n !== 1);
    const recovered = childLogs.filter((l) => l.includes('found committed after a crash')).length;
    const resent = childLogs.filter((l) => l.includes('died before its point of no return')).length;
    console.info(
      `kill test: ${atKill} emails before SIGKILL, ${inDoubt} in flight (${recovered} past the point of no return, ${resent} before it), ${extra.length} recipients with other than one email`,
    );
    expect(recovered).toBeGreaterThanOrEqual(1);
    expect(recovered + resent).toBe(inDoubt);
    expect(extra).toEqual([]);
    expect(received.size).toBe(CONSENTING);
    for (let i = 0; i < CONSENTING; i++) expect(received.get(emailOf(i)), emailOf(i)).toHaveLength(1);
    for (let i = CONSENTING; i < CONSENTING + DECLINED; i++) expect(received.has(emailOf(i))).toBe(false);
    expect(await statusCounts()).toEqual({ sent: CONSENTING });

    // The second process found the first one's jobs (stalled) and sends, and said nothing personal.
    expect(childLogs.some((l) => l.includes('notifier started'))).toBe(true);
    const fiscalCodes = new Set(envelopes.map((e) => e.citizen.fiscalCode));
    for (const line of childLogs) {
      expect(line).not.toMatch(/@example\.test/);
      for (const token of line.match(/[A-Z0-9]{16}/g) ?? []) expect(fiscalCodes.has(token), line).toBe(false);
    }
  }, 240_000);
});

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { webhookAdapter } from '../notifier/adapters/webhook';
import { FestivalSession } from '../speech/festival-session';
import { httpEngine } from '../speech/http-engine';
import { run } from '../speech/process';
import { outgoingMessage } from './helpers/outgoing-message';
import { timedFailure } from './helpers/timed';

/**
 * Issue #15: every external call has a timeout and a defined failure — a program that hangs is
 * killed, a wedged Festival is replaced, a speech service or a gateway that does not answer fails the
 * call naming the bound. Each against a real process or server that never answers.
 */

const BOUND_MS = 5_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-timeouts-'));
const servers: http.Server[] = [];
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A server that takes every request and answers nothing (or only the headers, then nothing). */
async function silentServer(headersOnly = false): Promise<string> {
  const server = http.createServer((_req, res) => {
    if (headersOnly) {
      res.writeHead(200, { 'content-type': 'audio/wav' });
      res.write('RIFF');
    }
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/speak`;
}

/**
 * A stand-in for `festival --pipe` speaking its protocol (utt.save.wave writes the file, format
 * stderr prints the marker); started while `hang` exists, it reads everything and answers nothing.
 */
function fakeFestival(): { command: string; hang(on: boolean): void } {
  const command = path.join(dir, 'festival');
  const flag = path.join(dir, 'hang');
  fs.writeFileSync(
    command,
    `#!/usr/bin/env node
const fs = require('node:fs');
const hang = fs.existsSync(${JSON.stringify(flag)});
let buf = '';
process.stdin.on('data', (d) => {
  buf += d.toString('latin1');
  let i;
  while ((i = buf.indexOf('\\n')) >= 0) {
    const line = buf.slice(0, i);
    buf = buf.slice(i + 1);
    if (hang) continue;
    const file = /utt\\.save\\.wave .* "([^"]+)" 'riff/.exec(line);
    if (file) fs.writeFileSync(file[1], 'RIFF-fake');
    const done = /VG-DONE (\\w+)/.exec(line);
    if (done) process.stderr.write('VG-DONE ' + done[1] + '\\n');
  }
});
`,
    { mode: 0o755 },
  );
  return { command, hang: (on) => (on ? fs.writeFileSync(flag, '') : fs.rmSync(flag, { force: true })) };
}

describe('external calls are bounded', () => {
  it('a program that hangs is killed at its timeout, and the error says so', async () => {
    const { error, ms } = await timedFailure(run('sleep', ['30'], { timeoutMs: 200 }));
    expect(error.message).toBe('sleep 30 took over 200 ms, expected it to finish; it was killed');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a wedged Festival fails its sentence at the timeout and is replaced by a fresh process', async () => {
    const festival = fakeFestival();
    // The bound covers the fresh process's start too (a Node program here): 2 s, so a loaded machine
    // starts it in time (300 ms failed under a load of 17 on two cores).
    const session = new FestivalSession(['(voice_lp_diphone)'], { command: festival.command, timeoutMs: 2000 });
    try {
      festival.hang(true);
      const { error, ms } = await timedFailure(session.synthesize('Buongiorno'));
      expect(error.message).toBe('festival took over 2000 ms for one sentence, expected well under a second; the process was killed');
      expect(ms).toBeLessThan(BOUND_MS);
      // The wedged process would never answer; the next sentence is spoken by a new one.
      festival.hang(false);
      expect((await session.synthesize('Buongiorno')).toString()).toBe('RIFF-fake');
    } finally {
      session.close();
    }
  });

  it('a speech service that does not answer, or stops mid-body, fails the sentence naming the bound', async () => {
    const voices = { it: { F: 'a', M: 'b' }, en: { F: 'c', M: 'd' } };
    for (const url of [await silentServer(), await silentServer(true)]) {
      const engine = httpEngine({ url, key: 'k', voices, timeoutMs: 200 });
      const { error, ms } = await timedFailure(engine.synthesize({ text: 'ciao', locale: 'it', voice: 'F' }));
      expect(error.message).toMatch(/^speech service 127\.0\.0\.1:\d+ did not answer within 200 ms \(SPEECH_HTTP_TIMEOUT_MS\)$/);
      expect(ms).toBeLessThan(BOUND_MS);
    }
  });

  it('an SMS or app gateway that does not answer fails the send (retried with backoff), naming the bound', async () => {
    const adapter = webhookAdapter({
      channel: 'sms',
      url: await silentServer(),
      secret: 's'.repeat(40),
      receiptUrl: 'http://127.0.0.1/receipts',
      timeoutMs: 300,
    });
    const { error, ms } = await timedFailure(adapter.send(outgoingMessage('sms', '+393330000000')));
    expect(error.message).toBe('sms gateway did not answer within 300 ms (NOTIFY_WEBHOOK_TIMEOUT_MS)');
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('a queue whose Redis never answered', () => {
  it('fails a render enqueue at its bound instead of hanging the guide creation', async () => {
    const { Queue } = await import('bullmq');
    const { createRedis } = await import('../server/redis');
    const { enqueueRenders } = await import('../server/queues');
    const { createLogger } = await import('../server/logger');
    // A port nothing listens on: the connection is never ready, and BullMQ waits for it.
    const nobody = await new Promise<number>((resolve) => {
      const s = http.createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const connection = createRedis(
      { url: `redis://127.0.0.1:${nobody}`, commandTimeoutMs: 200 } as never,
      'queue',
      'timeout-test',
      createLogger({ level: 'silent' }),
    );
    const queue = new Queue('render', { connection, prefix: `timeouts-${process.pid}` });
    queue.on('error', () => {});
    try {
      const { error, ms } = await timedFailure(
        enqueueRenders(queue, [{ guideId: '00000000-0000-4000-8000-000000000001', typeVersion: 'naspi@1', priority: 1 }], 500),
      );
      expect(error.message).toBe('no answer from Redis within 500 ms');
      expect(ms).toBeLessThan(BOUND_MS);
    } finally {
      connection.disconnect();
      await Promise.race([queue.close().catch(() => {}), new Promise((r) => setTimeout(r, 1000))]);
    }
  });
});

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startSmtpSink, type SmtpSinkOptions } from '../../notifier/smtp-sink';
import { createLogger, type Logger } from '../../server/logger';

/**
 * What receives the notifier's sends in a test: the real SMTP sink for email, a local HTTP server
 * standing in for the SMS and app gateways. Each cleans up after itself on close().
 */

export interface MailSink {
  /** smtp://host:port, for SMTP_URL. */
  url: string;
  close(): Promise<void>;
}

/** The notifier's SMTP sink on a temporary directory of its own, which close() removes. */
export async function startMailSink(onMessage: SmtpSinkOptions['onMessage'], logger: Logger = createLogger({ level: 'silent' })): Promise<MailSink> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-mail-'));
  const sink = await startSmtpSink({ dir, logger, onMessage });
  return {
    url: sink.url,
    async close() {
      await sink.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface WebhookCall {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface WebhookSink {
  /** http://127.0.0.1:<port>, the base of the gateway URLs. */
  base: string;
  close(): Promise<void>;
}

/** A gateway stand-in: every request's whole body goes to `answer`, whose status and JSON go back. */
export async function startWebhookSink(answer: (call: WebhookCall) => { status: number; json: unknown }): Promise<WebhookSink> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { status, json } = answer({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

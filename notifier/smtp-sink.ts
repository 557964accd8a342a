import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { Logger } from '../server/logger';

export interface SmtpSink {
  /** smtp://host:port, for SMTP_URL. */
  url: string;
  dir: string;
  stop(): Promise<void>;
}

export interface SmtpSinkOptions {
  dir: string;
  host?: string;
  /** 0 (default): any free port. */
  port?: number;
  logger: Logger;
  /** Called for every message accepted, duplicates included (tests count deliveries with it). */
  onMessage?: (m: { messageId: string | null; to: string[]; raw: Buffer; file: string }) => void;
}

// The Message-ID's local part is the notification id: a file name with nothing personal in it.
const safeName = (messageId: string) =>
  messageId
    .split('@')[0]!
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .slice(0, 120);

/**
 * A real SMTP server that delivers every message into a directory as an .eml file, for `npm start`:
 * a new user reads exactly what a citizen would receive (open the file in any mail program). One
 * file per Message-ID, so a message the notifier had to send twice (it died mid-send) is one file,
 * as a mail store that drops duplicates would show it. A message cut off mid-transfer is discarded.
 */
export async function startSmtpSink(o: SmtpSinkOptions): Promise<SmtpSink> {
  fs.mkdirSync(o.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    // Local clients only: a reverse DNS look-up per connection would only add latency.
    disableReverseLookup: true,
    logger: false,
    size: 10 * 1024 * 1024,
    rejectOversized: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', () => undefined);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const id = /^Message-ID:\s*<([^>\r\n]+)>/im.exec(raw.subarray(0, 64 * 1024).toString('latin1'))?.[1];
        const name = `${id ? safeName(id) : `${Date.now()}-${randomBytes(4).toString('hex')}`}.eml`;
        const tmp = path.join(o.dir, `.${name}.${process.pid}.tmp`);
        try {
          fs.writeFileSync(tmp, raw);
          fs.renameSync(tmp, path.join(o.dir, name));
        } catch (err) {
          callback(Object.assign(new Error('could not store the message'), { responseCode: 451 }));
          o.logger.warn({ err: { message: (err as Error).message } }, 'smtp sink: store failed');
          return;
        }
        o.logger.info({ file: name }, 'smtp sink: mail stored');
        o.onMessage?.({ messageId: id ?? null, to: session.envelope.rcptTo.map((a) => a.address), raw, file: name });
        callback(null, 'stored');
      });
    },
  });
  server.on('error', (err) => o.logger.warn({ err: { message: err.message } }, 'smtp sink error'));
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${host}:${port}`,
    dir: o.dir,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

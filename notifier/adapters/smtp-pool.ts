import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type { SmtpTimeouts } from '../../server/config';
import { passRightBeforeFinalDot } from './final-dot';
import type { FinalDotGate } from './types';

export type SmtpSendInfo = SMTPConnection.SentMessageInfo;

/** The message was abandoned before its final "." (another attempt holds the notification). */
export class SendAbandoned extends Error {
  constructor() {
    super('abandoned before the final "." (another attempt holds the notification)');
    this.name = 'SendAbandoned';
  }
}

interface Pooled {
  conn: SMTPConnection;
  dead: boolean;
  sent: number;
  idleTimer?: NodeJS.Timeout;
}

const MAX_MESSAGES_PER_CONNECTION = 500;
const IDLE_CLOSE_MS = 30_000;

/**
 * A few long-lived SMTP connections (nodemailer's SMTPConnection), each carrying one message at a
 * time. Ours rather than nodemailer's pool because the notifier needs the moment between the last
 * byte of the body and the final "." (see `send`), which the pool's buffering hides.
 */
export class SmtpPool {
  private readonly idle: Pooled[] = [];
  private readonly waiters: ((p: Pooled | null) => void)[] = [];
  private open = 0;
  private closed = false;
  private readonly options: SMTPConnection.Options & { auth?: { user: string; pass: string } };

  constructor(
    url: string,
    private readonly max: number,
    /** NOTIFY_SMTP_*_TIMEOUT_MS: every step of a session is bounded; smtp.ts names the bound that ran out. */
    readonly timeouts: SmtpTimeouts,
  ) {
    const parsed = parseConnectionUrl(url);
    this.options = {
      host: parsed.host,
      port: parsed.port,
      secure: parsed.secure,
      auth: parsed.auth,
      tls: parsed.tls as SMTPConnection.Options['tls'],
      connectionTimeout: timeouts.connectMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
      logger: false,
    };
  }

  /** host:port, without the URL's credentials: for error messages. */
  get server(): string {
    return `${this.options.host ?? 'localhost'}:${this.options.port ?? (this.options.secure ? 465 : 587)}`;
  }

  private async connect(): Promise<Pooled> {
    const conn = new SMTPConnection(this.options);
    const p: Pooled = { conn, dead: false, sent: 0 };
    await new Promise<void>((resolve, reject) => {
      conn.once('error', reject);
      conn.connect(() => {
        conn.removeListener('error', reject);
        resolve();
      });
    });
    conn.on('error', () => (p.dead = true));
    conn.on('end', () => (p.dead = true));
    if (this.options.auth) {
      await new Promise<void>((resolve, reject) => conn.login(this.options.auth!, (err) => (err ? reject(err) : resolve())));
    }
    return p;
  }

  private async acquire(): Promise<Pooled> {
    for (;;) {
      if (this.closed) throw new Error('smtp pool closed');
      const p = this.idle.pop();
      if (p) {
        clearTimeout(p.idleTimer);
        if (!p.dead) return p;
        this.open -= 1;
        continue;
      }
      if (this.open < this.max) {
        this.open += 1;
        try {
          return await this.connect();
        } catch (err) {
          this.open -= 1;
          throw err;
        }
      }
      const next = await new Promise<Pooled | null>((resolve) => this.waiters.push(resolve));
      if (next) return next;
    }
  }

  private release(p: Pooled, reusable: boolean): void {
    if (!reusable || p.dead || this.closed || p.sent >= MAX_MESSAGES_PER_CONNECTION) {
      this.open -= 1;
      if (!p.dead) p.conn.quit();
      p.dead = true;
      this.waiters.shift()?.(null);
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) return waiter(p);
    p.idleTimer = setTimeout(() => {
      const i = this.idle.indexOf(p);
      if (i < 0) return;
      this.idle.splice(i, 1);
      this.open -= 1;
      p.conn.quit();
    }, IDLE_CLOSE_MS);
    p.idleTimer.unref();
    this.idle.push(p);
  }

  /**
   * Sends one message. `gate` runs once the server has accepted the envelope and the whole body has
   * been handed downstream: the last moment at which not sending is still possible. It resolves to
   * the function that records the point of no return, which is called inside the write of the "."
   * right before it (final-dot.ts); null (or a rejection) abandons the message: the connection is
   * closed without its ".", so the server discards what it received (SendAbandoned, or the
   * rejection, is thrown).
   * An error after the "." carries `afterFinalDot: true`: with no reply code, the server may have
   * taken the message (the line dropped before its answer arrived).
   */
  async send(envelope: { from: string; to: string[] }, message: Buffer, gate?: FinalDotGate): Promise<SmtpSendInfo> {
    const p = await this.acquire();
    let reads = 0;
    let afterFinalDot = false;
    let abandoned: unknown;
    let deciding: Promise<void> | undefined;
    let unhook: (() => void) | undefined;
    // highWaterMark 0: the second read is asked for only after the body has gone downstream.
    const body = new Readable({
      highWaterMark: 0,
      read() {
        reads += 1;
        if (reads === 1) return void this.push(message);
        if (reads > 2) return;
        deciding = Promise.resolve()
          .then(() => (gate ? gate() : () => undefined))
          .then(
            (pass) => {
              if (this.destroyed) return; // the line dropped meanwhile: no "." can leave
              if (!pass) {
                abandoned = new SendAbandoned();
                this.destroy(abandoned as Error);
                return;
              }
              const passing = () => {
                afterFinalDot = true;
                pass();
              };
              const socket = (p.conn as unknown as { _socket?: Socket })._socket;
              if (socket) unhook = passRightBeforeFinalDot(socket, passing);
              else {
                // nodemailer's internals changed: the point of no return a few stream ticks early (final-dot.ts).
                try {
                  passing();
                } catch (err) {
                  abandoned = err;
                  afterFinalDot = false;
                  this.destroy(err as Error);
                  return;
                }
              }
              this.push(null);
            },
            (err: unknown) => {
              abandoned = err;
              if (!this.destroyed) this.destroy(err as Error);
            },
          );
      },
    });
    try {
      const info = await new Promise<SmtpSendInfo>((resolve, reject) => p.conn.send(envelope, body, (err, i) => (err ? reject(err) : resolve(i!))));
      unhook?.();
      p.sent += 1;
      this.release(p, true);
      return info;
    } catch (err) {
      // The caller settles the attempt after this returns: its commit must have finished first.
      await deciding;
      unhook?.();
      if (abandoned !== undefined) {
        // Mid-DATA: no QUIT (it would travel as body text); drop the line, the server discards the message.
        p.dead = true;
        p.conn.close();
        this.release(p, false);
        throw abandoned;
      }
      // A refused envelope leaves the session usable in principle; a fresh connection is simpler and safe.
      this.release(p, false);
      throw Object.assign(err as Error, { afterFinalDot });
    }
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w(null);
    for (const p of this.idle.splice(0)) {
      clearTimeout(p.idleTimer);
      p.conn.quit();
    }
  }
}

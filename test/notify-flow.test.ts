import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKeyPair, signDemoToken } from '../api/auth/demo-keys';
import { checkEnvelope } from '../server/guides/prepare';
import type { Envelope } from '../compositions/guide-types';
import { generateEnvelopes } from '../compositions/generator/generate';
import type { RunningNotifier } from '../notifier/start';
import { fiscalCodeHmac } from '../server/fiscal-code-hmac';
import { relayOutboxBatch } from '../server/notify/outbox';
import { createNotifyQueue } from '../server/notify/queue';
import { signBody, SIGNATURE_HEADER, verifySignature } from '../server/notify/signature';
import { call, startTestApi, tokenOf, type TestApi } from './helpers/api';
import { closeInOrder } from './helpers/close-in-order';
import { startNotifierBeside } from './helpers/test-notifier';
import { startMailSink, startWebhookSink, type WebhookSink, type MailSink } from './helpers/channel-sinks';
import { waitUntil } from './helpers/services';

/** The whole path on PGlite: consents → guide → outbox → notify queue → real SMTP / signed webhooks → receipts. */

interface Mail {
  at: number;
  to: string[];
  messageId: string | null;
  raw: string;
}
interface Hook {
  url: string;
  signature: string | undefined;
  body: Buffer;
  json: Record<string, string>;
}

const decodeQp = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const linksIn = (raw: string) => [...new Set([...decodeQp(raw).matchAll(/http:\/\/127\.0\.0\.1:\d+\/g\/([A-Za-z0-9_-]{32})/g)].map((m) => m[1]!))];

function envelopes(n: number, seed: string): Envelope[] {
  return [...generateEnvelopes('naspi', n, seed)].map((raw) => {
    const c = checkEnvelope(raw);
    if (!c.ok) throw new Error('generator produced an invalid envelope');
    return c.envelope;
  });
}

const ndjson = (lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';

let api: TestApi;
let sink: MailSink;
let notifier: RunningNotifier | undefined;
let hookServer: WebhookSink;
const mails: Mail[] = [];
const hooks: Hook[] = [];
let secret = '';

type Personal = Envelope & { citizen: { fiscalCode: string; givenName: string } };
const people = envelopes(4, 'notify-flow') as Personal[];
const [anna, bruno, carla, dario] = [people[0]!, people[1]!, people[2]!, people[3]!];
// Markup in a name must reach the HTML part escaped.
anna.citizen.givenName = 'Anna <b>&amp;';
const ANNA_EMAIL = 'Anna.Verdi@Example.IT';
const ANNA_MOBILE = '+393331234567';

const put = (p: string, raw: string, key = api.operatorKey, type = 'application/x-ndjson') =>
  call(api, 'PUT', p, { raw, key, headers: { 'content-type': type } });
const asCitizen = async (fiscalCode: string) => `Bearer ${await signDemoToken(demoKeyPair(api.config.dataDir), fiscalCode)}`;
const meConsents = async (fiscalCode: string, body?: unknown) =>
  fetch(`${api.url}/api/me/consents`, {
    method: body === undefined ? 'GET' : 'PUT',
    headers: { authorization: await asCitizen(fiscalCode), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const rows = (sql: string, params: unknown[] = []) => api.db.query<Record<string, any>>(sql, params);
const hmacOf = (fc: string) => fiscalCodeHmac(api.ctx.secrets.fiscalCodeHmacKey, fc);

async function createGuide(e: Envelope, extra: Record<string, unknown> = {}) {
  const res = await call(api, 'POST', '/api/guides', { body: { ...e, ...extra } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; links: Record<string, string> };
}

async function settled(guideIds: string[]) {
  return waitUntil(
    async () => {
      const open = await rows(`SELECT count(*) AS n FROM notifications WHERE guide_id = ANY($1::uuid[]) AND status IN ('queued', 'sending')`, [guideIds]);
      return open[0]!.n === 0;
    },
    20_000,
    'notifications to settle',
    50,
  );
}

beforeAll(async () => {
  api = await startTestApi({ backend: 'pglite', label: 'notify_flow' });
  secret = api.ctx.secrets.notifyWebhookSecret!;
  sink = await startMailSink((m) => mails.push({ at: Date.now(), to: m.to, messageId: m.messageId, raw: m.raw.toString('latin1') }), api.ctx.logger);
  hookServer = await startWebhookSink(({ url, headers, body }) => {
    hooks.push({ url, signature: headers[SIGNATURE_HEADER] as string | undefined, body, json: JSON.parse(body.toString('utf8')) });
    return { status: 200, json: { providerId: `gw-${hooks.length}` } };
  });
}, 60_000);

afterAll(() => closeInOrder(notifier, sink, hookServer, api));

describe('consent registry', () => {
  it('the citizen manages their own consents in the reserved area; every change is in the history', async () => {
    const fc = anna.citizen.fiscalCode;
    expect((await fetch(`${api.url}/api/me/consents`)).status).toBe(401);
    const empty = await (await meConsents(fc)).json();
    expect(empty).toMatchObject({ proactive: false, email: null, channels: [], history: [] });

    const set = await meConsents(fc, { proactive: true, email: ` ${ANNA_EMAIL} `, mobile: '333 123 4567', app: true });
    expect(set.status).toBe(200);
    const body = await set.json();
    expect(body).toMatchObject({
      proactive: true,
      email: 'Anna.Verdi@example.it',
      mobile: ANNA_MOBILE,
      pec: null,
      app: true,
      channels: ['email', 'sms', 'app'],
    });
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({ source: 'citizen', proactive: true });

    // The same state again is not a change: no history row.
    await meConsents(fc, { proactive: true, email: ANNA_EMAIL });
    expect((await (await meConsents(fc)).json()).history).toHaveLength(1);

    for (const [field, value] of [
      ['mobile', '06 1234567'],
      ['mobile', '+39 06 1234567'],
      ['mobile', '99'],
      ['email', 'not-an-email'],
      ['pec', 'anna@gmail.com'],
    ] as const) {
      const bad = await meConsents(fc, { proactive: true, [field]: value });
      expect(bad.status, `${field} ${value}`).toBe(422);
      const err = (await bad.json()).error;
      expect(err.field).toBe(field);
      expect(err.message).not.toContain(value);
    }
    expect((await meConsents(fc, { proactive: true, pec: 'anna.verdi@pec.it', mobile: '+44 7700 900123' })).status).toBe(200);
    const now = await (await meConsents(fc)).json();
    expect(now).toMatchObject({ pec: 'anna.verdi@pec.it', mobile: '+447700900123', email: 'Anna.Verdi@example.it' });
    expect(now.history).toHaveLength(2);
    // Back to the state the rest of this file expects (a contact set to null is removed).
    expect((await meConsents(fc, { proactive: true, pec: null, mobile: ANNA_MOBILE })).status).toBe(200);
    expect((await (await meConsents(fc)).json()).channels).toEqual(['email', 'sms', 'app']);
  });

  it('upstream systems sync consents in bulk, line by line, with the fiscal code only in the body', async () => {
    const body = ndjson([
      { fiscalCode: bruno.citizen.fiscalCode, proactive: false, email: 'bruno@example.org' },
      { fiscalCode: carla.citizen.fiscalCode, proactive: true, email: 'carla@example.org', mobile: '3471234567' },
      { fiscalCode: 'RSSMRA79B11C566X', proactive: true },
      '{not json',
      { fiscalCode: dario.citizen.fiscalCode, proactive: true, fax: '06123' },
      { fiscalCode: dario.citizen.fiscalCode, proactive: 'yes' },
      '',
      { fiscalCode: carla.citizen.fiscalCode, proactive: true, email: 'carla@example.org', mobile: '3471234567' },
    ]);
    expect((await put('/api/consents', body, api.analystKey)).status).toBe(403);
    expect((await put('/api/consents', body, api.operatorKey, 'application/json')).status).toBe(415);
    const res = await put('/api/consents', body);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ rows: 7, updated: 2, unchanged: 1, rejected: 4 });
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'fiscalCode'],
      [4, '(line)'],
      [5, 'fax'],
      [6, 'proactive'],
    ]);
    expect(JSON.stringify(report)).not.toMatch(/RSSMRA79B11C566X|example\.org/);

    const history = await rows(`SELECT source, actor, email, mobile FROM consent_history WHERE fiscal_code_hmac = $1`, [hmacOf(carla.citizen.fiscalCode)]);
    expect(history).toEqual([{ source: 'upstream', actor: 'operator:test', email: 'carla@example.org', mobile: '+393471234567' }]);
    // The proof cannot be rewritten.
    await expect(api.db.query(`UPDATE consent_history SET proactive = false`)).rejects.toThrow(/append-only/);
    await expect(api.db.query(`DELETE FROM consent_history`)).rejects.toThrow(/append-only/);
  });
});

describe('notifications', () => {
  const guides: Record<string, { id: string; links: Record<string, string> }> = {};

  it('an email reaches the consenting citizen and its link opens the guide; no consent, or a revocation before the send, gets nothing', async () => {
    guides.anna = await createGuide(anna);
    guides.annaQuiet = await createGuide({ ...anna, externalRef: 'QUIET-1' }, { notify: false });
    guides.bruno = await createGuide(bruno);
    guides.carla = await createGuide(carla);
    guides.dario = await createGuide(dario);
    const outbox = await rows(`SELECT guide_id, channel, status FROM notifications ORDER BY guide_id, channel`);
    expect(outbox.filter((r) => r.guide_id === guides.anna!.id).map((r) => r.channel)).toEqual(['app', 'email', 'sms']);
    expect(outbox.filter((r) => r.guide_id === guides.carla!.id).map((r) => r.channel)).toEqual(['email', 'sms']);
    expect(outbox.filter((r) => [guides.annaQuiet!.id, guides.bruno!.id, guides.dario!.id].includes(r.guide_id))).toEqual([]);

    // Carla changes her mind while her messages wait in the outbox.
    const revoke = await put('/api/consents', ndjson([{ fiscalCode: carla.citizen.fiscalCode, proactive: false }]));
    expect((await revoke.json()).updated).toBe(1);

    notifier = await startNotifierBeside(api, {
      smtpUrl: sink.url,
      smsWebhookUrl: `${hookServer.base}/sms`,
      appWebhookUrl: `${hookServer.base}/app`,
      outboxPollMs: 100,
      backoffMs: 200,
    });
    await settled(Object.values(guides).map((g) => g.id));

    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual(['Anna.Verdi@example.it']);
    const [emailRow] = await rows(`SELECT * FROM notifications WHERE guide_id = $1 AND channel = 'email'`, [guides.anna.id]);
    expect(emailRow).toMatchObject({ status: 'sent', attempts: 1, reason: null });
    expect(mail.messageId).toBe(`${emailRow!.id}@videoguida.localhost`);
    const [consent] = await rows(`SELECT history_id FROM consents WHERE fiscal_code_hmac = $1`, [hmacOf(anna.citizen.fiscalCode)]);
    expect(emailRow!.consent_history_id).toBe(consent!.history_id);

    // The email carries the email channel's own link, and it opens the guide.
    expect(linksIn(mail.raw)).toEqual([tokenOf(guides.anna.links.email!)]);
    const opened = await fetch(`${api.url}/api/access/${linksIn(mail.raw)[0]}`);
    expect(opened.status).toBe(200);
    expect((await opened.json()).type).toBe('naspi');
    const text = decodeQp(mail.raw);
    expect(text).not.toContain(anna.citizen.fiscalCode);
    const html = text.slice(text.indexOf('Content-Type: text/html'));
    expect(html).toContain('Gentile Anna &lt;b&gt;&amp;amp;,');
    expect(html).not.toContain('Anna <b>');
    expect(text).toMatch(/Subject: .*NASpI/);
    await waitUntil(
      async () => (await rows(`SELECT opened_at FROM notifications WHERE id = $1`, [emailRow!.id]))[0]!.opened_at ?? false,
      5000,
      'opened_at',
      50,
    );

    // SMS and app push: signed JSON to the gateways, each with its channel's link.
    const sms = hooks.find((h) => h.url === '/sms')!;
    const app = hooks.find((h) => h.url === '/app')!;
    expect(hooks).toHaveLength(2);
    for (const h of [sms, app]) expect(verifySignature(secret, h.signature, h.body).ok).toBe(true);
    expect(sms.json).toMatchObject({ version: 1, channel: 'sms', to: ANNA_MOBILE, link: guides.anna.links.sms, guideType: 'naspi', locale: 'it' });
    expect(app.json).toMatchObject({ channel: 'app', to: hmacOf(anna.citizen.fiscalCode), link: guides.anna.links.app });
    expect(sms.json.text).toContain(guides.anna.links.sms);

    const carlaRows = await rows(`SELECT channel, status, reason, sent_at FROM notifications WHERE guide_id = $1 ORDER BY channel`, [guides.carla.id]);
    expect(carlaRows).toEqual([
      { channel: 'email', status: 'skipped', reason: 'consent_withdrawn', sent_at: null },
      { channel: 'sms', status: 'skipped', reason: 'consent_withdrawn', sent_at: null },
    ]);
  });

  it('a campaign uses its own channels, still only for consenting citizens', async () => {
    const created = await call(api, 'POST', '/api/campaigns', { body: { guideType: 'naspi', name: 'SMS wave', channels: ['qr', 'sms'] } });
    const campaign = (await created.json()) as { id: string };
    const upload = await call(api, 'POST', `/api/campaigns/${campaign.id}/guides`, {
      raw: ndjson([
        { ...anna, externalRef: 'WAVE-1' },
        { ...bruno, externalRef: 'WAVE-2' },
      ]),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect((await upload.json()).created).toBe(2);
    const outbox = await rows(`SELECT channel, fiscal_code_hmac FROM notifications WHERE campaign_id = $1`, [campaign.id]);
    expect(outbox).toEqual([{ channel: 'sms', fiscal_code_hmac: hmacOf(anna.citizen.fiscalCode) }]);
    await waitUntil(async () => hooks.length === 3, 10_000, 'the campaign SMS', 50);
    await settled((await rows(`SELECT guide_id FROM notifications WHERE campaign_id = $1`, [campaign.id])).map((r) => r.guide_id));
    expect(hooks[2]!.json.channel).toBe('sms');
    expect(mails).toHaveLength(1);
  });

  it('receipts: a bad signature is refused with 401 and changes nothing; a good one records the outcome once', async () => {
    const [sms] = await rows(`SELECT id FROM notifications WHERE guide_id = $1 AND channel = 'sms'`, [guides.anna!.id]);
    const [email] = await rows(`SELECT id FROM notifications WHERE guide_id = $1 AND channel = 'email'`, [guides.anna!.id]);
    const snapshot = () => rows(`SELECT * FROM notifications ORDER BY id`);
    const before = await snapshot();
    const send = (body: string, signature?: string) =>
      fetch(`${api.url}/api/notifications/receipts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature ? { [SIGNATURE_HEADER]: signature } : {}) },
        body,
      });
    const delivered = JSON.stringify({ id: sms!.id, status: 'delivered' });

    expect((await send(delivered)).status).toBe(401);
    expect((await send(delivered, signBody('x'.repeat(40), delivered))).status).toBe(401);
    expect((await send(delivered, signBody(secret, delivered, Date.now() - 10 * 60_000))).status).toBe(401);
    expect((await send(delivered.replace('delivered', 'bounced'), signBody(secret, delivered))).status).toBe(401);
    expect((await send(delivered, 't=1,v1=zz')).status).toBe(401);
    const refused = await send(delivered, signBody('x'.repeat(40), delivered));
    expect((await refused.json()).error.code).toBe('unauthorized');
    expect(await snapshot()).toEqual(before);

    const signature = signBody(secret, delivered);
    const ok = await send(delivered, signature);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: 1, applied: 1, ignored: 0 });
    expect((await send(delivered, signature)).status).toBe(401); // a replay
    const batch = JSON.stringify({
      receipts: [
        { id: email!.id, status: 'bounced', reason: '550 5.1.1 <Anna.Verdi@example.it> unknown user' },
        { id: '00000000-0000-4000-8000-000000000000', status: 'delivered' },
      ],
    });
    expect(await (await send(batch, signBody(secret, batch))).json()).toEqual({ received: 2, applied: 1, ignored: 1 });
    const after = await rows(`SELECT id, status, reason, final_at FROM notifications WHERE id = ANY($1::uuid[]) ORDER BY channel`, [[sms!.id, email!.id]]);
    expect(after.map((r) => [r.status, r.reason])).toEqual([
      ['bounced', '550 5.1.1 <[address]> unknown user'],
      ['delivered', null],
    ]);
    expect(after.every((r) => r.final_at instanceof Date)).toBe(true);
  });

  it('a notifier starting after Redis lost the queued jobs puts them back and sends them', async () => {
    await notifier!.close();
    const g = await createGuide({ ...anna, externalRef: 'LOST-1' });
    // The relay of a notifier that then died: the job reaches Redis, which then loses it.
    const { Redis } = await import('ioredis');
    const connection = new Redis(api.config.redisUrl, { maxRetriesPerRequest: null });
    const queue = createNotifyQueue(connection, api.config.queuePrefix, { attempts: 3, backoffMs: 100 });
    expect(await relayOutboxBatch(api.db, queue, 100)).toBe(3);
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
    expect(await rows(`SELECT count(*) AS n FROM notifications WHERE guide_id = $1 AND enqueued_at IS NOT NULL`, [g.id])).toEqual([{ n: 3 }]);

    const before = mails.length;
    notifier = await startNotifierBeside(api, {
      smtpUrl: sink.url,
      smsWebhookUrl: `${hookServer.base}/sms`,
      appWebhookUrl: `${hookServer.base}/app`,
      outboxPollMs: 100,
      ratePerSecond: { ...api.config.notify.ratePerSecond, email: 4 },
    });
    await settled([g.id]);
    expect(mails.length).toBe(before + 1);
    expect(linksIn(mails[mails.length - 1]!.raw)).toEqual([tokenOf(g.links.email!)]);
    expect(api.logs.some((l) => l.includes('notifications whose jobs were lost are back in the outbox'))).toBe(true);
  });

  it('the email channel keeps its rate limit (4 per second here) over a backlog', async () => {
    await notifier!.close();
    const crowd = envelopes(8, 'notify-flow-rate') as Personal[];
    await put('/api/consents', ndjson(crowd.map((e, i) => ({ fiscalCode: e.citizen.fiscalCode, proactive: true, email: `rate${i}@example.org` }))));
    const before = mails.length;
    const ids = [];
    for (const e of crowd) ids.push((await createGuide(e)).id);
    const startedAt = Date.now();
    notifier = await startNotifierBeside(api, { smtpUrl: sink.url, outboxPollMs: 100, ratePerSecond: { ...api.config.notify.ratePerSecond, email: 4 } });
    await settled(ids);
    const times = mails.slice(before).map((m) => m.at);
    expect(times).toHaveLength(8);
    // 8 sends at 4/s: the eighth slot is 7 intervals (1.75 s) after the first, which is no earlier
    // than the notifier's start, and no mail arrives before its slot. Measured from the start, not
    // from the first mail: a loaded machine delays the first delivery more than the later ones,
    // which shrank first-to-last below 1.5 s once (1,464 ms) with the limit holding. 1.7 s: clock rounding.
    expect(Math.max(...times) - startedAt).toBeGreaterThanOrEqual(1700);
  });

  it("the SMTP server's answer decides: 550 at RCPT is a bounce, 451 is retried with backoff until accepted", async () => {
    await notifier!.close();
    let tempFailures = 0;
    const strict = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address === 'nobody@example.org')
          return callback(Object.assign(new Error('5.1.1 <nobody@example.org>: user unknown'), { responseCode: 550 }));
        if (address.address === 'later@example.org' && tempFailures++ < 1)
          return callback(Object.assign(new Error('4.2.1 mailbox busy, try later'), { responseCode: 451 }));
        callback();
      },
      onData(stream, _session, callback) {
        stream.on('end', () => callback(null));
        stream.resume();
      },
    });
    await new Promise<void>((r) => strict.listen(0, '127.0.0.1', r));
    const crowd = envelopes(2, 'notify-flow-smtp') as Personal[];
    await put(
      '/api/consents',
      ndjson([
        { fiscalCode: crowd[0]!.citizen.fiscalCode, proactive: true, email: 'nobody@example.org' },
        { fiscalCode: crowd[1]!.citizen.fiscalCode, proactive: true, email: 'later@example.org' },
      ]),
    );
    const [gone, later] = [await createGuide(crowd[0]!), await createGuide(crowd[1]!)];
    notifier = await startNotifierBeside(api, {
      smtpUrl: `smtp://127.0.0.1:${(strict.server.address() as AddressInfo).port}`,
      outboxPollMs: 100,
      backoffMs: 200,
    });
    try {
      await settled([gone.id, later.id]);
      const [bounced] = await rows(`SELECT status, reason, sent_at, attempts FROM notifications WHERE guide_id = $1`, [gone.id]);
      expect(bounced).toMatchObject({ status: 'bounced', sent_at: null, attempts: 1 });
      expect(bounced!.reason).toMatch(/^EENVELOPE 550 .*user unknown/);
      expect(bounced!.reason).not.toContain('nobody@');
      const [retried] = await rows(`SELECT status, reason, attempts FROM notifications WHERE guide_id = $1`, [later.id]);
      expect(retried).toMatchObject({ status: 'sent', reason: null, attempts: 2 });
    } finally {
      await notifier.close();
      notifier = undefined;
      await new Promise<void>((r) => strict.close(() => r()));
    }
  });

  it('no email address, phone number or fiscal code in any log line of the whole flow', async () => {
    expect(api.logs.some((l) => l.includes('notification sent'))).toBe(true);
    expect(api.logs.some((l) => l.includes('notification skipped'))).toBe(true);
    const secrets = [
      ...[anna, bruno, carla, dario].map((e) => e.citizen.fiscalCode),
      'anna.verdi@example.it',
      'bruno@example.org',
      'carla@example.org',
      'anna.verdi@pec.it',
      'rate0@example.org',
      'nobody@example.org',
      'later@example.org',
      '3331234567',
      '3471234567',
      '7700900123',
    ];
    for (const line of api.logs) {
      const lower = line.toLowerCase();
      for (const s of secrets) expect(lower, line).not.toContain(s.toLowerCase());
      expect(line).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);
    }
  });
});

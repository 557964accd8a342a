import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { SIGNATURE_HEADER, signBody } from '../server/notify/signature';
import { BACKENDS } from './helpers/databases';
import { call } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';

/**
 * Issue #15, finding 1's class: every client value that reaches SQL is checked at the edge so that
 * PostgreSQL can never refuse it. Each case below answered 500 (or 503) before: a date PostgreSQL has
 * no year for, a NUL character or an unpaired surrogate in text or jsonb, a date-time beyond year
 * 9999. Now each is a 4xx naming the field, what was expected and what came (never the value of a name).
 */

const SECRET = 'w'.repeat(40);
const envelope = (seed: string) => structuredClone([...generateEnvelopes('red', 1, seed)][0]!) as Record<string, any>;

describe.each(BACKENDS)('values PostgreSQL would refuse are refused at the edge on %s', (backend) => {
  const api = useTestApi({ backend, label: 'api_storable', env: { NOTIFY_WEBHOOK_SECRET: SECRET } });

  const expectError = async (res: Response, status: number, code: string, field: string, message: RegExp) => {
    expect(res.status, `${field}`).toBe(status);
    const { error } = await res.json();
    expect(error).toMatchObject({ code, field });
    expect(error.message).toMatch(message);
    return error;
  };

  it('campaigns: NUL in the name, a print date in year 0, an expiry beyond what a campaign needs', async () => {
    await expectError(
      await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'RED\u00002026' } }),
      422,
      'invalid_campaign',
      'name',
      /^name: must not contain control characters, line breaks or direction overrides \(got U\+0000 at position 3\)$/,
    );
    await expectError(
      await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'x', printDate: '0000-01-01' } }),
      422,
      'invalid_campaign',
      'printDate',
      /expected a date from 2000-01-01 to 2099-12-31, got "0000-01-01"/,
    );
    await expectError(
      await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'x', printDate: '9999-12-31' } }),
      422,
      'invalid_campaign',
      'printDate',
      /got "9999-12-31"/,
    );
    // 9999-12-31T23:59:59-14:00 is year 10000 in UTC: PGlite refused it, and every guide uploaded later got it as expiry.
    await expectError(
      await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'x', expiresAt: '9999-12-31T23:59:59-14:00' } }),
      422,
      'invalid_campaign',
      'expiresAt',
      /at most 5 years ahead .*got "9999-12-31T23:59:59-14:00"/,
    );
    expect(Number((await api.db.query<{ n: number }>('SELECT count(*) AS n FROM campaigns'))[0]!.n)).toBe(0);
    const ok = await call(api, 'POST', '/api/campaigns', {
      body: { guideType: 'red', name: 'RED 2026', printDate: '2026-03-01', expiresAt: new Date(Date.now() + 200 * 86_400_000).toISOString() },
    });
    expect(ok.status).toBe(201);
  });

  it('guides: an unpaired surrogate in a name (single, trigger and NDJSON upload) is refused, never 500 or 503', async () => {
    const single = envelope(`storable-single-${backend}`);
    single.citizen.givenName = 'Mario\ud800';
    const err = await expectError(
      await call(api, 'POST', '/api/guides', { body: single }),
      422,
      'invalid_envelope',
      'citizen.givenName',
      /must be valid Unicode, got an unpaired UTF-16 surrogate \(\\ud800\) at position 5/,
    );
    expect(err.message).not.toContain('Mario');

    const triggered = envelope(`storable-trigger-${backend}`);
    triggered.citizen.familyName = '\udc00Rossi';
    await expectError(
      await call(api, 'POST', '/api/triggers', { body: { event: 'red.reminder', envelope: triggered } }),
      422,
      'invalid_trigger',
      'envelope.citizen.familyName',
      /unpaired UTF-16 surrogate/,
    );

    const campaign = await (await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'upload' } })).json();
    const bad = envelope(`storable-upload-bad-${backend}`);
    bad.citizen.givenName = 'Anna\ud83d';
    const good = envelope(`storable-upload-good-${backend}`);
    const res = await call(api, 'POST', `/api/campaigns/${campaign.id}/guides`, {
      raw: `${JSON.stringify(bad)}\n${JSON.stringify(good)}\n`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ rows: 2, created: 1, rejected: 1, complete: true });
    expect(report.errors).toEqual([{ line: 1, field: 'citizen.givenName', message: expect.stringContaining('unpaired UTF-16 surrogate') }]);
  });

  it('statistics filters: a day PostgreSQL has no year for is a 400 on every stats route', async () => {
    const routes = ['/api/stats', '/api/stats/campaigns', '/api/notifications/stats'];
    for (const route of routes) {
      for (const [param, value] of [
        ['from', '0000-01-01'],
        ['to', '0000-01-01'],
        ['from', '1999-12-31'],
        ['to', '2100-01-01'],
      ]) {
        await expectError(
          await call(api, 'GET', `${route}?${param}=${value}`, { key: api.analystKey }),
          400,
          'invalid_query',
          param!,
          new RegExp(`expected a date from 2000-01-01 to 2099-12-31, got "${value}"`),
        );
      }
      expect((await call(api, 'GET', `${route}?from=2000-01-01&to=2099-12-31`, { key: api.analystKey })).status, route).toBe(200);
    }
  });

  it('delivery receipts: a time outside the window, NUL or an unpaired surrogate in the reason', async () => {
    const send = (body: unknown) => {
      const raw = JSON.stringify(body);
      return fetch(`${api.url}/api/notifications/receipts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(SECRET, raw) },
        body: raw,
      });
    };
    await expectError(
      await send({ id: randomUUID(), status: 'delivered', at: '0000-01-01T00:00:00Z' }),
      422,
      'invalid_receipt',
      'at',
      /^at: expected a date-time from .* \(at most 30 days before and 300 s after the server's clock\), got "0000-01-01T00:00:00Z"$/,
    );
    await expectError(
      await send({
        receipts: [
          { id: randomUUID(), status: 'delivered' },
          { id: randomUUID(), status: 'delivered', at: '9999-12-31T23:59:59-14:00' },
        ],
      }),
      422,
      'invalid_receipt',
      'receipts.1.at',
      /got "9999-12-31T23:59:59-14:00"/,
    );
    await expectError(await send({ id: randomUUID(), status: 'bounced', reason: '550 user\u0000unknown' }), 422, 'invalid_receipt', 'reason', /NUL character/);
    await expectError(
      await send({ receipts: [{ id: randomUUID(), status: 'bounced', reason: 'mailbox \udfff full' }] }),
      422,
      'invalid_receipt',
      'receipts.0.reason',
      /unpaired UTF-16 surrogate/,
    );
    const fine = await send({ id: randomUUID(), status: 'delivered', at: new Date(Date.now() - 3_600_000).toISOString(), reason: '250 ok' });
    expect(fine.status).toBe(200);
    expect(await fine.json()).toEqual({ received: 1, applied: 0, ignored: 1 });
  });

  it('logged no unhandled error while refusing all of this', () => {
    expect(api.logs.filter((l) => l.includes('unhandled error') || l.includes('upload interrupted'))).toEqual([]);
  });
});

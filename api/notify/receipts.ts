import express, { Router } from 'express';
import { z } from 'zod';
import type { ReceiptsReport } from '../../contract/reports';
import { applyReceipts } from '../../server/notify/notifications';
import { scrub } from '../../server/notify/scrub';
import { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, verifySignature } from '../../server/notify/signature';
import { redisCall } from '../../server/redis';
import type { AppContext } from '../deps';
import type { FieldError } from '../../compositions/common/validation';
import { ApiError, badRequest, invalid, unauthorized } from '../errors';
import { uuid } from '../schemas';
import { body } from '../validate';

const receipt = z.strictObject({
  /** The notification id: the `id` of the webhook call, or the email's Message-ID local part. */
  id: uuid,
  status: z.enum(['delivered', 'bounced', 'failed'], { error: 'expected delivered, bounced or failed' }),
  at: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time' }).optional(),
  /** The provider's words; addresses and numbers are cut out before they are stored. */
  reason: z.string().max(500).optional(),
});
/**
 * A receipt's `at` is the gateway's clock: it becomes the notification's final (and, if unknown, sent)
 * time, so it must be plausible and storable: at most RECEIPT_MAX_AGE_DAYS old (a bounce report can
 * come days after the send) and not ahead of the server's clock by more than the signature's tolerance.
 */
const RECEIPT_MAX_AGE_DAYS = 30;

function receiptTimeProblems(list: readonly { at?: string }[], batch: boolean, now = Date.now()): FieldError[] {
  const from = now - RECEIPT_MAX_AGE_DAYS * 86_400_000;
  const to = now + DEFAULT_TOLERANCE_SECONDS * 1000;
  const out: FieldError[] = [];
  list.forEach((x, i) => {
    if (x.at === undefined) return;
    const t = Date.parse(x.at);
    if (Number.isFinite(t) && t >= from && t <= to) return;
    out.push({
      field: batch ? `receipts.${i}.at` : 'at',
      message: `expected a date-time from ${new Date(from).toISOString()} to ${new Date(to).toISOString()} (at most ${RECEIPT_MAX_AGE_DAYS} days before and ${DEFAULT_TOLERANCE_SECONDS} s after the server's clock), got ${JSON.stringify(x.at).slice(0, 40)}`,
    });
  });
  return out;
}

export const receiptBody = z.union([receipt, z.strictObject({ receipts: z.array(receipt).min(1).max(1000) })], {
  error: 'expected one receipt {id, status, at?, reason?} or {receipts: [...]}',
});

/**
 * POST /api/notifications/receipts: delivery receipts from the SMS and app gateways (and from a
 * bounce processor for email). Authenticated by the signature alone (see server/notify/signature):
 * a missing, wrong, stale or replayed signature is a 401 and nothing is read or written.
 */
export function receiptRoutes(ctx: AppContext): Router {
  const r = Router();
  const secret = ctx.secrets.notifyWebhookSecret;
  r.post('/api/notifications/receipts', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    if (!secret) throw new ApiError(503, 'receipts_not_configured', 'set NOTIFY_WEBHOOK_SECRET to accept delivery receipts');
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verified = verifySignature(secret, req.get(SIGNATURE_HEADER), raw);
    if (!verified.ok) throw unauthorized(`receipt signature ${verified.reason}`);
    // Everything is checked before the replay slot is taken: a request refused for its content type,
    // its JSON or a field keeps its signature unused, so the gateway's corrected retry is not "a replay".
    if (!req.is('application/json')) throw new ApiError(415, 'unsupported_media_type', 'expected Content-Type: application/json', '(body)');
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw badRequest('malformed_json', 'the body is not valid JSON', '(body)');
    }
    const input = body(receiptBody, json, 'invalid_receipt');
    const list = 'receipts' in input ? input.receipts : [input];
    const late = receiptTimeProblems(list, 'receipts' in input);
    if (late.length) throw invalid('invalid_receipt', late);
    // The same signed request twice is a replay: each signature is accepted once within its window.
    const slot = `${ctx.config.queuePrefix}:notify:receipt:${verified.v1}`;
    // Without Redis the replay check cannot be made: 503 with Retry-After (the gateway retries the
    // same signed request), never an unchecked apply.
    const fresh = await redisCall('the receipt replay check', ctx.redis.set(slot, '1', 'EX', DEFAULT_TOLERANCE_SECONDS * 2, 'NX'));
    if (fresh !== 'OK') throw unauthorized('receipt signature already used');
    let applied;
    try {
      applied = await applyReceipts(
        ctx.db,
        list.map((x) => ({ id: x.id, status: x.status, at: x.at ? new Date(x.at) : new Date(), reason: x.reason ? scrub(x.reason) : null })),
      );
    } catch (err) {
      // Not applied (the database failed): the slot is given back, so the gateway's retry of the same
      // signed request is applied rather than refused as a replay. Applying is idempotent.
      await ctx.redis.del(slot).catch(() => undefined);
      throw err;
    }
    ctx.logger.info({ receipts: list.length, applied: applied.length }, 'delivery receipts');
    res.json({ received: list.length, applied: applied.length, ignored: list.length - applied.length } satisfies ReceiptsReport);
  });
  return r;
}

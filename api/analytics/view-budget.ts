import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { EventRow } from '../../server/analytics/event-store';
import { REDIS_RETRY_AFTER_SECONDS } from '../../server/redis';
import { unavailable } from '../errors';
import type { BoundBatch, Rejection } from './ingest';

/**
 * What one link may add to the statistics. Every distinct view id is a "view" and a view's rating
 * sets its viewer's rating, and both are chosen by the client: without a bound, one batch could start
 * 99 views, and a loop on one token thousands an hour. So:
 * - a batch carries events of at most `perBatch` views (EVENTS_VIEWS_PER_BATCH, 5);
 * - a link records at most `perTokenPerHour` distinct views per hour (EVENTS_VIEWS_PER_TOKEN_PER_HOUR, 20);
 * - a view sends at most RATINGS_PER_VIEW (3) ratings: the player asks once at each ending, so a
 *   citizen who replays may answer again (the latest counts), and nothing needs more.
 * Events over a bound are refused one by one (listed in `rejected` of the 202, like malformed ones,
 * so the player drops them and keeps sending the rest); the events of views already admitted always
 * pass. A retried batch carries the same view and event ids and passes exactly as the first time.
 *
 * Counted in Redis under a hash of the token (never the token), in one script per batch so that
 * concurrent batches of one link cannot both take the last view of the hour.
 */
const ADMIT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local nv = tonumber(ARGV[3])
local out = {}
local admitted = {}
for i = 1, nv do
  local v = ARGV[3 + i]
  if redis.call('SISMEMBER', KEYS[1], v) == 1 then
    out[i] = 1
  elseif redis.call('SCARD', KEYS[1]) < limit then
    redis.call('SADD', KEYS[1], v)
    out[i] = 1
  else
    out[i] = 0
  end
  if out[i] == 1 then admitted[v] = true end
end
if redis.call('TTL', KEYS[1]) == -1 then redis.call('EXPIRE', KEYS[1], window) end
local base = 5 + nv
local nr = tonumber(ARGV[base])
for j = 1, nr do
  local view = ARGV[base + 2 * j - 1]
  local id = ARGV[base + 2 * j]
  local held = redis.call('HGET', KEYS[2], view) or ''
  if not admitted[view] then
    out[nv + j] = 0
  elseif string.find(held, id, 1, true) then
    out[nv + j] = 1
  elseif #held < (#id + 1) * tonumber(ARGV[base - 1]) then
    redis.call('HSET', KEYS[2], view, held .. id .. ',')
    out[nv + j] = 1
  else
    out[nv + j] = 0
  end
end
if redis.call('TTL', KEYS[2]) == -1 then redis.call('EXPIRE', KEYS[2], window) end
return out`;

const WINDOW_SECONDS = 3600;
export const RATINGS_PER_VIEW = 3;

export interface ViewLimits {
  perBatch: number;
  perTokenPerHour: number;
}

export class ViewBudget {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: ViewLimits,
  ) {}

  /** The rows of the batch that may be stored; the others join `rejected` (sorted by index). */
  async admit(token: string, batch: BoundBatch): Promise<{ rows: EventRow[]; rejected: Rejection[] }> {
    const { rows, positions } = batch;
    const rejected = [...batch.rejected];
    const refuse = (i: number, field: string, message: string) => rejected.push({ index: positions[i]!, id: rows[i]!.id, field, message });

    // The batch's own bound: its first views.
    const views: string[] = [];
    const keep: boolean[] = rows.map(() => true);
    rows.forEach((row, i) => {
      if (views.includes(row.viewId)) return;
      if (views.length < this.limits.perBatch) views.push(row.viewId);
      else {
        keep[i] = false;
        refuse(i, 'viewId', `at most ${this.limits.perBatch} views per batch; this event belongs to a further one`);
      }
    });
    if (views.length === 0) return { rows: [], rejected };

    // The link's bounds, in Redis: views per hour, ratings per view (by event id, so a retry passes).
    const tokenKey = createHash('sha256').update(token).digest('base64url').slice(0, 22);
    const ratings = rows.flatMap((row, i) => (keep[i] && row.kind === 'rating' ? [i] : []));
    let reply: number[];
    try {
      reply = (await this.redis.eval(
        ADMIT,
        2,
        `${this.prefix}ev:views:${tokenKey}`,
        `${this.prefix}ev:rated:${tokenKey}`,
        String(this.limits.perTokenPerHour),
        String(WINDOW_SECONDS),
        String(views.length),
        ...views,
        String(RATINGS_PER_VIEW),
        String(ratings.length),
        ...ratings.flatMap((i) => [rows[i]!.viewId, rows[i]!.id]),
      )) as number[];
    } catch {
      throw unavailable('events could not be counted; send the batch again', REDIS_RETRY_AFTER_SECONDS);
    }
    const admitted = new Set(views.filter((_, k) => reply[k] === 1));
    rows.forEach((row, i) => {
      if (!keep[i] || admitted.has(row.viewId)) return;
      keep[i] = false;
      refuse(i, 'viewId', `at most ${this.limits.perTokenPerHour} views per hour through one link; this view is past it`);
    });
    ratings.forEach((i, j) => {
      if (reply[views.length + j] === 1 || !keep[i]) return;
      keep[i] = false;
      refuse(i, 'kind', `at most ${RATINGS_PER_VIEW} ratings per view; this view has sent them`);
    });
    rejected.sort((a, b) => a.index - b.index);
    return { rows: rows.filter((_, i) => keep[i]), rejected };
  }
}

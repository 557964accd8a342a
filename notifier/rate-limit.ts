import type { Redis } from 'ioredis';
import type { NotifyChannel } from '../server/notify/channels';

// GCRA in one script: the key holds the channel's next free send time; each caller takes the slot
// at max(next free, now) and pushes the next one interval later. Redis's own clock, so notifiers on
// several machines share one schedule whatever their clocks say.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(tat, now)
redis.call('SET', KEYS[1], slot + interval, 'PX', math.floor(slot + interval - now) + 1000)
return {slot, now}
`;

/**
 * The per-channel rate limit, shared by every notifier through Redis. BullMQ's own limiter is per
 * queue; one queue carries all channels, and a slow SMS gateway must not hold back email.
 */
export class ChannelRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly perSecond: Record<NotifyChannel, number>,
  ) {}

  /** Reserves the next send slot of the channel: how many ms from now it is, and its time. */
  async reserve(channel: NotifyChannel): Promise<{ waitMs: number; slot: number }> {
    const interval = 1000 / this.perSecond[channel];
    const [slot, now] = (await this.redis.eval(RESERVE, 1, `${this.prefix}:notify:rate:${channel}`, String(interval))) as [number, number];
    return { waitMs: Math.max(0, slot - now), slot };
  }
}

import type { Redis } from 'ioredis';

/**
 * Token buckets: each key holds up to `capacity` tokens (the burst) and regains `capacity` of them per
 * minute, one at a time and continuously; an operation takes one. Unlike a fixed window there is no
 * boundary at which a caller can spend twice the budget. rate-limiter-flexible (11.4, the newest) only
 * offers fixed windows (BurstyRateLimiter combines two), hence this small implementation.
 */
export interface BucketStore {
  /** Refills the key's bucket, then takes `cost` tokens if it holds that many (0 only looks). Resolves to the tokens left. */
  take(key: string, capacity: number, perMs: number, cost: number): Promise<{ taken: boolean; tokens: number }>;
}

export class MemoryBuckets implements BucketStore {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep: number;

  constructor(private readonly now: () => number = Date.now) {
    this.lastSweep = now();
  }

  take(key: string, capacity: number, perMs: number, cost: number) {
    const now = this.now();
    this.sweep(now, capacity, perMs);
    const bucket = this.buckets.get(key);
    let tokens = bucket ? Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.at) * perMs) : capacity;
    const taken = tokens >= cost;
    if (taken) tokens -= cost;
    this.buckets.set(key, { tokens, at: now });
    return Promise.resolve({ taken, tokens });
  }

  /** Forgets buckets that have refilled completely (a missing bucket is a full one; any bucket refills within its refill time). */
  private sweep(now: number, capacity: number, perMs: number) {
    const fullAfterMs = capacity / perMs;
    if (now - this.lastSweep < fullAfterMs) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= fullAfterMs) this.buckets.delete(key);
  }
}

// One atomic step in Redis, on Redis's own clock so that every instance agrees. The hash expires once
// the bucket would be full again (a missing bucket is a full one).
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * per_ms)
local taken = 0
if tokens >= cost then
  tokens = tokens - cost
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / per_ms) + 1000)
return { taken, tostring(tokens) }
`;

type WithTake = Redis & { kithTakeToken(key: string, capacity: number, perMs: number, cost: number): Promise<[number, string]> };

/** Buckets in Redis, shared by every instance; while Redis fails, the `fallback` (this process's memory) answers. */
export class RedisBuckets implements BucketStore {
  private readonly redis: WithTake;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly fallback: BucketStore = new MemoryBuckets(),
  ) {
    if (!('kithTakeToken' in redis)) redis.defineCommand('kithTakeToken', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    this.redis = redis as WithTake;
  }

  async take(key: string, capacity: number, perMs: number, cost: number) {
    try {
      const [taken, tokens] = await this.redis.kithTakeToken(`${this.prefix}:${key}`, capacity, perMs, cost);
      return { taken: taken === 1, tokens: Number(tokens) };
    } catch {
      return this.fallback.take(key, capacity, perMs, cost);
    }
  }
}

import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import type { Context } from '../../context.js';
import type { ProtectionConfig } from './limits.js';
import { MemoryBuckets, RedisBuckets, type BucketStore } from './token-bucket.js';

const MINUTE_MS = 60_000;

/** What one counted operation left of the caller's budget. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until the next token (what a refused caller should wait). */
  retryAfterSeconds: number;
  allowed: boolean;
}

/**
 * Whose budget a request spends: its API key, else its session (hashed: the id is a credential),
 * else its IP. Reads the viewer defensively so any context shape works (HTTP or WebSocket).
 */
export function rateLimitKey(ctx: Pick<Context, 'viewer' | 'request'>): string {
  const apiKeyId = ctx.viewer?.apiKey?.id;
  if (apiKeyId) return `key:${apiKeyId}`;
  const sessionId = ctx.viewer?.session?.id;
  if (sessionId) return `session:${createHash('sha256').update(sessionId).digest('hex').slice(0, 32)}`;
  return `ip:${ctx.request?.ip ?? 'unknown'}`;
}

/**
 * Per-principal token buckets (`token-bucket.ts`): a budget of N per minute allows a burst of N, then
 * one more every 60/N seconds. With a Redis client every instance draws from the same buckets; while
 * Redis is unreachable each instance falls back to its own memory rather than refusing or waving
 * everything through. A separate per-IP bucket counts failed API-key authentications.
 */
export class RequestRateLimiter {
  private readonly store: BucketStore;

  constructor(
    private readonly limits: ProtectionConfig['rateLimit'],
    redis?: Redis | null,
    memory: BucketStore = new MemoryBuckets(),
  ) {
    this.store = redis ? new RedisBuckets(redis, 'kith-tb', memory) : memory;
  }

  /** Counts one operation for the key; null when limiting is off. */
  async consume(key: string): Promise<RateLimitState | null> {
    const limit = key.startsWith('ip:') ? this.limits.anonymousPerMinute : this.limits.perMinute;
    return this.take(key, limit, 1);
  }

  /** Before an API key is looked up: refused (state with `allowed: false`) while the IP has no failures left. */
  async checkFailedAuth(ip: string): Promise<RateLimitState | null> {
    const state = await this.take(`authfail:${ip}`, this.limits.failedAuthPerMinute, 0);
    return state && { ...state, allowed: state.remaining >= 1 };
  }

  /** After a key was refused: one failure spent from the IP's budget. */
  async recordFailedAuth(ip: string): Promise<void> {
    await this.take(`authfail:${ip}`, this.limits.failedAuthPerMinute, 1);
  }

  private async take(key: string, limit: number, cost: number): Promise<RateLimitState | null> {
    if (limit <= 0) return null;
    const perMs = limit / MINUTE_MS;
    const { taken, tokens } = await this.store.take(key, limit, perMs, cost);
    return {
      limit,
      remaining: Math.max(0, Math.floor(tokens)),
      resetSeconds: Math.max(1, Math.ceil((limit - tokens) / perMs / 1000)),
      retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)),
      allowed: taken,
    };
  }
}

/** The headers every counted response carries (draft IETF RateLimit fields). */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(state.resetSeconds),
  };
  if (!state.allowed) headers['Retry-After'] = String(state.retryAfterSeconds);
  return headers;
}

/** RATE_LIMITED with HTTP 429; Yoga turns `extensions.http` into the status and headers and drops it from the body. */
export function rateLimitedError(state: RateLimitState): GraphQLError {
  return new GraphQLError(`Too many requests. Try again in ${state.retryAfterSeconds} seconds.`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: state.retryAfterSeconds,
      http: { status: 429, headers: rateLimitHeaders(state) },
    },
  });
}

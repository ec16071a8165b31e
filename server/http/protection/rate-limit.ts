import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Context } from '../../context.js';
import type { ProtectionConfig } from './limits.js';

const WINDOW_SECONDS = 60;

/** What one counted operation left of the caller's budget. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the budget is whole again. */
  resetSeconds: number;
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
 * Per-principal budgets over a one-minute window (rate-limiter-flexible), shared through Redis when
 * a client is given so that every instance draws from one budget. If Redis is unreachable the
 * instance falls back to its own memory rather than refusing or waving everything through.
 */
export class RequestRateLimiter {
  private readonly signedIn: RateLimiterAbstract | null;
  private readonly anonymous: RateLimiterAbstract | null;

  constructor(limits: ProtectionConfig['rateLimit'], redis?: Redis | null) {
    this.signedIn = limiter(limits.perMinute, 'kith-rl', redis);
    this.anonymous = limiter(limits.anonymousPerMinute, 'kith-rl-anon', redis);
  }

  /** Counts one operation for the key; null when limiting is off. */
  async consume(key: string): Promise<RateLimitState | null> {
    const limiter = key.startsWith('ip:') ? this.anonymous : this.signedIn;
    if (!limiter) return null;
    try {
      return stateOf(limiter.points, await limiter.consume(key), true);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return stateOf(limiter.points, error, false);
    }
  }
}

function limiter(points: number, keyPrefix: string, redis?: Redis | null): RateLimiterAbstract | null {
  if (points <= 0) return null;
  const options = { points, duration: WINDOW_SECONDS, keyPrefix };
  if (!redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
}

function stateOf(limit: number, res: RateLimiterRes, allowed: boolean): RateLimitState {
  return {
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    allowed,
  };
}

/** The headers every counted response carries (draft IETF RateLimit fields). */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(state.resetSeconds),
  };
  if (!state.allowed) headers['Retry-After'] = String(state.resetSeconds);
  return headers;
}

/** RATE_LIMITED with HTTP 429; Yoga turns `extensions.http` into the status and headers and drops it from the body. */
export function rateLimitedError(state: RateLimitState): GraphQLError {
  return new GraphQLError(`Too many requests. Try again in ${state.resetSeconds} seconds.`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: state.resetSeconds,
      http: { status: 429, headers: rateLimitHeaders(state) },
    },
  });
}

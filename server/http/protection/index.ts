import type { Plugin } from 'graphql-yoga';
import type { AppServices } from '../../app-services.js';
import { redisClient } from '../../redis-client.js';
import { corsOptions } from './cors.js';
import { useIntrospectionGate, useQueryLimits, useRateLimit } from './plugins.js';
import { RequestRateLimiter } from './rate-limit.js';

export { securityHeaders } from './security-headers.js';

/**
 * Everything Yoga needs to protect /graphql: plugins (rate limit, query limits, introspection gate),
 * CORS and batching options. With REDIS_URL the rate-limit budgets are shared by every instance;
 * the Redis connection closes when Yoga is disposed.
 */
export function createProtection(app: AppServices) {
  const { protection, redisUrl } = app.config;
  // No offline queue: while Redis is unreachable the limiter uses its in-memory insurance at once.
  const redis = redisUrl ? redisClient(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
  redis?.on('error', (error: Error) => app.logger.warn(`Rate-limit Redis: ${error.message}`));
  const dispose: Plugin = { onDispose: async () => void (await redis?.quit().catch(() => redis.disconnect())) };
  const rateLimiter = new RequestRateLimiter(protection.rateLimit, redis);
  return {
    rateLimiter,
    plugins: [useRateLimit(rateLimiter), useIntrospectionGate(app.config.env), useQueryLimits(protection.query), dispose],
    cors: corsOptions(protection.corsOrigins),
    batching: { limit: protection.query.maxBatch },
    graphiql: app.config.env === 'production' ? (request: Request) => graphiqlForSignedIn(app, request) : GRAPHIQL,
  };
}

const GRAPHIQL = { title: 'Kith GraphQL' };

/** In production GraphiQL is served only to a signed-in person (its queries then carry the session cookie). */
async function graphiqlForSignedIn(app: AppServices, request: Request) {
  const sessionId = app.auth.readSessionCookie(request.headers.get('cookie') ?? '');
  const { session } = sessionId ? await app.auth.validateSession(sessionId) : { session: null };
  return session ? GRAPHIQL : false;
}

import type { YogaServerOptions } from 'graphql-yoga';

type CorsOption = NonNullable<YogaServerOptions<object, object>['cors']>;

/** Headers a browser script may read from a cross-origin response. */
const EXPOSED_HEADERS = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'];

/**
 * CORS for /graphql: none at all unless CORS_ORIGINS lists origins (the web app is served from the
 * same origin); a listed origin may send credentials (the session cookie), any other gets no
 * Access-Control-Allow-Origin and the browser keeps the response from it.
 */
export function corsOptions(origins: readonly string[]): CorsOption {
  if (origins.length === 0) return false;
  const allowed = new Set(origins.map((origin) => origin.toLowerCase()));
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin.toLowerCase())) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'authorization', 'x-workspace-id', 'x-kith-csrf'],
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    };
  };
}

import type { IncomingMessage } from 'node:http';
import type { AppServices } from '../app-services.js';
import { standingsMap, type WorkspaceStanding } from '../auth/standings.js';
import { createContext, type Context, type Viewer } from '../context.js';
import { unauthenticated } from '../errors.js';
import { authenticateApiKey } from '../modules/api-keys/api-keys.service.js';
import { rateLimitedError, type RequestRateLimiter } from './protection/rate-limit.js';

/** What Yoga's Node adapter (or a test calling yoga.fetch) hands us per request. */
export interface ServerContext {
  req?: IncomingMessage;
  /** Tests pass the client IP directly. */
  ip?: string;
}

interface Incoming {
  request?: Request;
  req?: IncomingMessage;
  ip?: string;
  /** An `Authorization` value from elsewhere than the headers (the graphql-ws connection_init payload). */
  authorization?: string | null;
  /** The workspace from elsewhere than the `x-workspace-id` header (the graphql-ws `connection_init` payload). */
  workspaceId?: string | null;
  /** Holds the per-IP budget of failed API-key authentications (absent: no such budget). */
  rateLimiter?: RequestRateLimiter;
}

function header(incoming: Incoming, name: string): string | null {
  const fromFetch = incoming.request?.headers.get(name);
  if (fromFetch != null) return fromFetch;
  const raw = incoming.req?.headers[name];
  return Array.isArray(raw) ? (raw[0] ?? null) : (raw ?? null);
}

/** The caller's IP; X-Forwarded-For only when TRUST_PROXY says a reverse proxy sets it. */
export function clientIp(app: AppServices, incoming: Incoming): string {
  if (app.config.trustProxy) {
    const forwarded = header(incoming, 'x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return incoming.ip ?? incoming.req?.socket.remoteAddress ?? 'unknown';
}

/**
 * The caller's API key from `Authorization: Bearer <key>` (HTTP) or the graphql-ws `connection_init` payload.
 * An IP that has spent its budget of failed authentications is refused (429) before any key lookup.
 */
async function viewerFromApiKey(app: AppServices, authorization: string, ip: string, limiter?: RequestRateLimiter): Promise<Viewer> {
  const blocked = await limiter?.checkFailedAuth(ip);
  if (blocked && !blocked.allowed) throw rateLimitedError(blocked);
  const secret = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1] ?? '';
  const key = await authenticateApiKey(app.db.prisma, secret, ip);
  const user =
    key && (await app.db.prisma.user.findUnique({ where: { id: key.userId }, select: { id: true, email: true, name: true, emailVerifiedAt: true } }));
  if (!key || !user) {
    await limiter?.recordFailedAuth(ip);
    throw unauthenticated('The API key is invalid, expired or revoked.');
  }
  return { user, session: null, apiKey: key.principal };
}

type SignedIn = { viewer: Viewer; standings?: Map<string, WorkspaceStanding> };

async function viewerFromCookie(app: AppServices, incoming: Incoming, setCookie: (c: string) => void): Promise<SignedIn | null> {
  const sessionId = app.auth.readSessionCookie(header(incoming, 'cookie') ?? '');
  if (!sessionId) return null;
  const { session, user } = await app.auth.validateSession(sessionId);
  if (!session || !user) {
    setCookie(app.auth.createBlankSessionCookie().serialize());
    return null;
  }
  if (session.fresh) setCookie(app.auth.createSessionCookie(session.id).serialize());
  const { standings, ...person } = user;
  return { viewer: { session, user: person, apiKey: null }, standings: standings && standingsMap(standings) };
}

/** Builds the GraphQL context for an HTTP request or a WebSocket connection. */
export async function contextForRequest(app: AppServices, incoming: Incoming, setCookie: (serialized: string) => void): Promise<Context> {
  const ip = clientIp(app, incoming);
  const authorization = incoming.authorization ?? header(incoming, 'authorization');
  // A request that names a key is judged by the key alone, never by a cookie that came along.
  const signedIn = authorization
    ? { viewer: await viewerFromApiKey(app, authorization, ip, incoming.rateLimiter) }
    : await viewerFromCookie(app, incoming, setCookie);
  return createContext(
    app,
    {
      ip,
      userAgent: header(incoming, 'user-agent')?.slice(0, 512) ?? null,
      workspaceHeader: incoming.workspaceId ?? header(incoming, 'x-workspace-id'),
      acceptLanguage: header(incoming, 'accept-language')?.slice(0, 256) ?? null,
    },
    signedIn?.viewer ?? null,
    setCookie,
    signedIn?.standings,
  );
}

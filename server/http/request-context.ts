import type { IncomingMessage } from 'node:http';
import type { AppServices } from '../app-services.js';
import { createContext, type Context, type Viewer } from '../context.js';

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

async function viewerFromCookie(app: AppServices, incoming: Incoming, setCookie: (c: string) => void): Promise<Viewer | null> {
  const sessionId = app.auth.readSessionCookie(header(incoming, 'cookie') ?? '');
  if (!sessionId) return null;
  const { session, user } = await app.auth.validateSession(sessionId);
  if (!session || !user) {
    setCookie(app.auth.createBlankSessionCookie().serialize());
    return null;
  }
  if (session.fresh) setCookie(app.auth.createSessionCookie(session.id).serialize());
  return { session, user };
}

/** Builds the GraphQL context for an HTTP request or a WebSocket connection. */
export async function contextForRequest(
  app: AppServices,
  incoming: Incoming,
  setCookie: (serialized: string) => void,
): Promise<Context> {
  const viewer = await viewerFromCookie(app, incoming, setCookie);
  return createContext(
    app,
    {
      ip: clientIp(app, incoming),
      userAgent: header(incoming, 'user-agent')?.slice(0, 512) ?? null,
      workspaceHeader: header(incoming, 'x-workspace-id'),
    },
    viewer,
    setCookie,
  );
}

import type { Context } from '../../context.js';

/** Starts a session for the user, sets the cookie and makes them the request's viewer. */
export async function startSession(context: Context, userId: string): Promise<void> {
  const { auth } = context.app;
  // This browser's cookie is about to be replaced; the session it named would linger, unreachable but alive.
  if (context.viewer?.session) await auth.invalidateSession(context.viewer.session.id);
  const session = await auth.createSession(userId, {
    ipAddress: context.request.ip,
    userAgent: context.request.userAgent,
  });
  const { user } = await auth.validateSession(session.id);
  context.setCookie(auth.createSessionCookie(session.id).serialize());
  // The standings that came with the user are forgotten here: invalidateRoles makes the context reload them.
  const { standings: _standings, ...person } = user ?? {};
  context.viewer = user ? { user: person as typeof user, session, apiKey: null } : null;
  context.invalidateRoles();
}

export async function endSession(context: Context): Promise<void> {
  const { auth } = context.app;
  if (context.viewer?.session) await auth.invalidateSession(context.viewer.session.id);
  context.setCookie(auth.createBlankSessionCookie().serialize());
  context.viewer = null;
  context.invalidateRoles();
}

export function requireViewer(context: Context) {
  if (!context.viewer) throw new Error('Scope rules must guarantee a viewer here.');
  return context.viewer;
}

export function actionLink(context: Context, path: string, token: string): string {
  return `${context.app.config.publicUrl}${path}?token=${encodeURIComponent(token)}`;
}

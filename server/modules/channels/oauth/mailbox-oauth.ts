// The consent flow that connects a mailbox by OAuth2. startMailboxOAuth sends the member to the provider
// with a random state and a PKCE challenge; the state, the verifier and the chosen settings go, sealed and
// bound to the member, into a short-lived cookie for the callback path only. The callback (callback.http.ts)
// accepts only a state equal to that cookie's, from the same signed-in member, within ten minutes, once: a
// forged or replayed callback in another browser or account has no cookie that opens and matches.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { usesSecureCookies } from '../../../app-services.js';
import type { Config } from '../../../config.js';
import type { Context } from '../../../context.js';
import { newMailboxSettings, type MailboxSettings } from '../imap/mailbox.service.js';
import { notConfigured, openSecret, sealSecret } from '../secrets/sealed-secret.js';
import type { MailOAuthProviderId } from './providers.js';

export const CALLBACK_PATH = '/oauth/mail/callback';
export const STATE_COOKIE = 'kith_mail_oauth';
const LIFETIME_MS = 10 * 60_000;

export interface PendingConsent {
  state: string;
  verifier: string;
  provider: MailOAuthProviderId;
  workspaceId: string;
  settings: MailboxSettings;
  expiresAt: number;
}

export const redirectUri = (config: Pick<Config, 'publicUrl'>) => `${config.publicUrl}${CALLBACK_PATH}`;
const binding = (userId: string) => `mail-oauth:${userId}`;

export function stateCookie(config: Pick<Config, 'publicUrl'>, value: string, maxAgeSeconds: number) {
  return `${STATE_COOKIE}=${value}; Path=${CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${usesSecureCookies(config) ? '; Secure' : ''}`;
}

/** The provider's consent URL for connecting a mailbox; sets the state cookie on the response. */
export function startMailboxOAuth(context: Context, workspaceId: string, userId: string, providerId: MailOAuthProviderId, settings: MailboxSettings): string {
  const { config } = context.app;
  const provider = config.channels.oauth[providerId];
  if (!provider) throw notConfigured(`Signing in with ${providerId} is not set up on this server.`);
  if (config.channels.secretKeys.length === 0)
    throw notConfigured('This server cannot store mailbox credentials: its administrator has not set CHANNELS_SECRET_KEYS.');
  newMailboxSettings(settings); // refused now rather than after the consent
  const pending: PendingConsent = {
    state: randomBytes(32).toString('base64url'),
    verifier: randomBytes(48).toString('base64url'),
    provider: providerId,
    workspaceId,
    settings,
    expiresAt: Date.now() + LIFETIME_MS,
  };
  context.setCookie(stateCookie(config, sealSecret(config.channels.secretKeys, binding(userId), JSON.stringify(pending)), LIFETIME_MS / 1000));
  const url = new URL(provider.authorizeUrl);
  const params = {
    client_id: provider.clientId,
    redirect_uri: redirectUri(config),
    response_type: 'code',
    scope: provider.scopes.join(' '),
    state: pending.state,
    code_challenge: createHash('sha256').update(pending.verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...provider.authorizeParams,
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** The pending consent of this member whose state the callback carries, or null (missing, foreign, expired, other state). */
export function pendingConsent(config: Config, userId: string, cookieValue: string | undefined, state: string | null): PendingConsent | null {
  if (!cookieValue || !state) return null;
  let pending: PendingConsent;
  try {
    pending = JSON.parse(openSecret(config.channels.secretKeys, binding(userId), cookieValue)) as PendingConsent;
  } catch {
    return null;
  }
  const [a, b] = [Buffer.from(pending.state), Buffer.from(state)];
  if (a.length !== b.length || !timingSafeEqual(a, b) || pending.expiresAt < Date.now()) return null;
  return pending;
}

// OAuth tokens for mail: the code exchange at the end of the consent (PKCE), and access tokens refreshed
// from the sealed refresh token, kept in memory until a minute before they expire. A provider that rotates
// refresh tokens (Microsoft may) gets the new one sealed in place of the old.
import type { AppServices } from '../../../app-services.js';
import { openSecret, sealSecret } from '../secrets/sealed-secret.js';
import type { MailOAuthProvider, MailOAuthProviderId } from './providers.js';

const TIMEOUT_MS = 15_000;

/** The provider refused (a revoked or expired sign-in, a wrong client): the member must connect again. */
export class OAuthRefused extends Error {}

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  id_token?: string;
  error?: string;
}

async function tokenRequest(provider: MailOAuthProvider, params: Record<string, string>): Promise<TokenAnswer & { access_token: string }> {
  const response = await fetch(provider.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ ...params, client_id: provider.clientId, client_secret: provider.clientSecret }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const answer = (await response.json().catch(() => ({}))) as TokenAnswer;
  if (!response.ok || !answer.access_token) throw new OAuthRefused(`the provider refused the sign-in (${answer.error ?? response.status})`);
  return answer as TokenAnswer & { access_token: string };
}

/**
 * The mail address the tokens are for, from the ID token's claims. The ID token came straight from the
 * token endpoint over the connection Kith opened, so its signature need not be checked (OpenID Connect 3.1.3.7).
 */
function emailOf(idToken: string | undefined): string | null {
  const claims = idToken?.split('.')[1];
  if (!claims) return null;
  try {
    const parsed = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { email?: unknown; preferred_username?: unknown };
    const email = typeof parsed.email === 'string' ? parsed.email : typeof parsed.preferred_username === 'string' ? parsed.preferred_username : null;
    return email && email.includes('@') ? email.toLowerCase() : null;
  } catch {
    return null;
  }
}

export async function exchangeCode(provider: MailOAuthProvider, code: string, verifier: string, redirectUri: string) {
  const answer = await tokenRequest(provider, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri });
  const email = emailOf(answer.id_token);
  if (!answer.refresh_token) throw new OAuthRefused('the provider gave no refresh token (offline access was not granted)');
  if (!email) throw new OAuthRefused('the provider did not say which mail address was signed in');
  return { accessToken: answer.access_token, refreshToken: answer.refresh_token, expiresIn: answer.expires_in ?? 3600, email };
}

type Table = 'mailbox';
export interface OAuthRow {
  id: string;
  workspaceId: string;
  oauthProvider: string | null;
  passwordSealed: string;
}

const cached = new WeakMap<AppServices, Map<string, { token: string; until: number }>>();

/** A current access token for an OAuth mailbox, refreshing it when needed. */
export async function mailAccessToken(app: AppServices, table: Table, row: OAuthRow): Promise<string> {
  const provider = app.config.channels.oauth[row.oauthProvider as MailOAuthProviderId];
  if (!provider) throw new OAuthRefused(`signing in with ${row.oauthProvider} is not configured on this server`);
  let tokens = cached.get(app);
  if (!tokens) cached.set(app, (tokens = new Map<string, { token: string; until: number }>()));
  const key = `${table}:${row.id}`;
  const hit = tokens.get(key);
  if (hit && hit.until > Date.now()) return hit.token;
  const keys = app.config.channels.secretKeys;
  const refresh = () => tokenRequest(provider, { grant_type: 'refresh_token', refresh_token: openSecret(keys, row.workspaceId, row.passwordSealed) });
  const answer = await refresh().catch(async (error: unknown) => {
    // Another user of the mailbox (its sync, a send, another process) may have rotated the refresh token since this row was read.
    const stored = await app.db.prisma.mailbox.findUnique({ where: { id: row.id }, select: { passwordSealed: true } });
    if (!(error instanceof OAuthRefused) || !stored || stored.passwordSealed === row.passwordSealed) throw error;
    row.passwordSealed = stored.passwordSealed;
    return refresh();
  });
  if (answer.refresh_token) {
    const sealed = sealSecret(keys, row.workspaceId, answer.refresh_token);
    await app.db.prisma.mailbox.updateMany({ where: { id: row.id, passwordSealed: row.passwordSealed }, data: { passwordSealed: sealed } });
    row.passwordSealed = sealed;
  }
  tokens.set(key, { token: answer.access_token, until: Date.now() + Math.max(0, (answer.expires_in ?? 3600) - 60) * 1000 });
  return answer.access_token;
}

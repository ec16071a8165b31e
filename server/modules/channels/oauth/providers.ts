// The OAuth providers mailboxes can sign in with (XOAUTH2), each off until its client ID and secret are
// set. Endpoints, scopes and mail servers are Google's and Microsoft's; the endpoints can be pointed
// elsewhere (a Microsoft tenant's own, a test server).
export type MailOAuthProviderId = 'google' | 'microsoft';

export interface MailServer {
  host: string;
  port: number;
  secure: boolean;
}

export interface MailOAuthProvider {
  id: MailOAuthProviderId;
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  scopes: string[];
  /** Extra authorize parameters: Google hands out a refresh token only with offline access and consent. */
  authorizeParams: Record<string, string>;
  imap: MailServer;
  /** Where mail is sent with the same sign-in (XOAUTH2). */
  smtp: MailServer;
}

type Env = Record<string, string | undefined>;

function provider(env: Env, id: MailOAuthProviderId, defaults: Omit<MailOAuthProvider, 'id' | 'clientId' | 'clientSecret'>): MailOAuthProvider | null {
  const prefix = `MAIL_OAUTH_${id.toUpperCase()}`;
  const clientId = env[`${prefix}_CLIENT_ID`];
  const clientSecret = env[`${prefix}_CLIENT_SECRET`];
  if (!clientId !== !clientSecret) throw new Error(`Invalid environment: ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET go together.`);
  if (!clientId) return null;
  for (const name of ['AUTHORIZE_URL', 'TOKEN_URL']) {
    const value = env[`${prefix}_${name}`];
    if (value && !URL.canParse(value)) throw new Error(`Invalid environment: ${prefix}_${name} must be a URL.`);
  }
  return {
    ...defaults,
    id,
    clientId,
    clientSecret: clientSecret!,
    authorizeUrl: env[`${prefix}_AUTHORIZE_URL`] ?? defaults.authorizeUrl,
    tokenUrl: env[`${prefix}_TOKEN_URL`] ?? defaults.tokenUrl,
  };
}

export function mailOAuthProvidersFrom(env: Env): Partial<Record<MailOAuthProviderId, MailOAuthProvider>> {
  const tenant = env.MAIL_OAUTH_MICROSOFT_TENANT ?? 'common';
  const google = provider(env, 'google', {
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    scopes: ['openid', 'email', 'https://mail.google.com/'],
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
    imap: { host: 'imap.gmail.com', port: 993, secure: true },
    smtp: { host: 'smtp.gmail.com', port: 465, secure: true },
  });
  const microsoft = provider(env, 'microsoft', {
    authorizeUrl: `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0/authorize`,
    tokenUrl: `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0/token`,
    scopes: ['openid', 'email', 'offline_access', 'https://outlook.office.com/IMAP.AccessAsUser.All', 'https://outlook.office.com/SMTP.Send'],
    authorizeParams: { prompt: 'select_account' },
    imap: { host: 'outlook.office365.com', port: 993, secure: true },
    smtp: { host: 'smtp.office365.com', port: 587, secure: false },
  });
  return { ...(google ? { google } : {}), ...(microsoft ? { microsoft } : {}) };
}

// A loopback OAuth 2.0 provider as Google's and Microsoft's behave for mail: /authorize (the consent,
// granted at once for `email`, checking client, redirect URI and PKCE S256), /token (authorization_code
// with the verifier, refresh_token; access tokens that expire, refresh tokens that rotate when asked) and
// /introspect (RFC 7662, which Dovecot's oauth2 passdb asks). Keeps every token request.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MailOAuthProvider } from '../oauth/providers.js';

interface Grant {
  email: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
}

async function form(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

const token = (prefix: string) => `${prefix}-${randomBytes(18).toString('base64url')}`;
const unsignedJwt = (claims: object) => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

export async function startOAuthServer(options: {
  clientId: string;
  clientSecret: string;
  email: string;
  accessTokenSeconds?: number;
  rotateRefreshTokens?: boolean;
}) {
  const codes = new Map<string, Grant>();
  const refreshTokens = new Map<string, string>(); // token → email
  const accessTokens = new Map<string, { email: string; expiresAt: number }>();
  const tokenRequests: Array<Record<string, string>> = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: object) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/authorize') {
      const q = Object.fromEntries(url.searchParams);
      if (q.client_id !== options.clientId || q.response_type !== 'code' || q.code_challenge_method !== 'S256' || !q.code_challenge || !q.redirect_uri)
        return json(400, { error: 'invalid_request' });
      const code = token('code');
      codes.set(code, { email: options.email, clientId: q.client_id, redirectUri: q.redirect_uri, challenge: q.code_challenge, scope: q.scope ?? '' });
      const back = new URL(q.redirect_uri);
      back.searchParams.set('code', code);
      if (q.state) back.searchParams.set('state', q.state);
      return res.writeHead(302, { Location: back.toString() }).end();
    }
    void form(req).then((params) => {
      if (url.pathname === '/introspect') {
        const known = accessTokens.get(params.token ?? '');
        return json(200, known && known.expiresAt > Date.now() ? { active: true, email: known.email } : { active: false });
      }
      if (url.pathname !== '/token' || req.method !== 'POST') return json(404, { error: 'not_found' });
      tokenRequests.push(params);
      if (params.client_id !== options.clientId || params.client_secret !== options.clientSecret) return json(401, { error: 'invalid_client' });
      let email: string | undefined;
      if (params.grant_type === 'authorization_code') {
        const grant = codes.get(params.code ?? '');
        codes.delete(params.code ?? '');
        const challenge = createHash('sha256')
          .update(params.code_verifier ?? '')
          .digest('base64url');
        if (!grant || grant.redirectUri !== params.redirect_uri || grant.challenge !== challenge) return json(400, { error: 'invalid_grant' });
        email = grant.email;
      } else if (params.grant_type === 'refresh_token') {
        email = refreshTokens.get(params.refresh_token ?? '');
        if (!email) return json(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
        if (options.rotateRefreshTokens) refreshTokens.delete(params.refresh_token!);
      } else return json(400, { error: 'unsupported_grant_type' });
      const access = token('access');
      const seconds = options.accessTokenSeconds ?? 3600;
      accessTokens.set(access, { email, expiresAt: Date.now() + seconds * 1000 });
      const refresh = params.grant_type === 'authorization_code' || options.rotateRefreshTokens ? token('refresh') : undefined;
      if (refresh) refreshTokens.set(refresh, email);
      json(200, {
        access_token: access,
        token_type: 'Bearer',
        expires_in: seconds,
        ...(refresh ? { refresh_token: refresh } : {}),
        id_token: unsignedJwt({ email, email_verified: true }),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authorizeUrl: `${base}/authorize`,
    tokenUrl: `${base}/token`,
    introspectionUrl: `${base}/introspect`,
    tokenRequests,
    /** Whether an access token is currently valid (tests check what Kith used). */
    isActive: (access: string) => (accessTokens.get(access)?.expiresAt ?? 0) > Date.now(),
    /** Whether the provider would still take this refresh token. */
    refreshTokenValid: (refresh: string) => refreshTokens.has(refresh),
    /** Revokes every refresh token, as a user removing the app's access would. */
    revokeAll: () => refreshTokens.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Google as Kith sees it, pointed at this loopback provider and at loopback IMAP and SMTP servers. */
export function loopbackGoogle(
  oauth: Pick<Awaited<ReturnType<typeof startOAuthServer>>, 'authorizeUrl' | 'tokenUrl'>,
  ports: { imap: number; smtp: number },
): MailOAuthProvider {
  return {
    id: 'google',
    clientId: 'kith-client',
    clientSecret: 'kith-secret',
    authorizeUrl: oauth.authorizeUrl,
    tokenUrl: oauth.tokenUrl,
    scopes: ['openid', 'email', 'https://mail.google.com/'],
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
    imap: { host: '127.0.0.1', port: ports.imap, secure: false },
    smtp: { host: '127.0.0.1', port: ports.smtp, secure: false },
  };
}

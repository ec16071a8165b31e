import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKithServer, type KithServer } from '../../../http/server.js';
import { rolesFixture, type RolesFixture } from '../../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../../test/test-app.js';
import { mailboxWatchers } from '../imap/mailbox-watcher.js';
import { testChannels } from '../test/channels-config.js';
import { startDovecot } from '../test/dovecot.js';
import { loopbackGoogle, startOAuthServer } from '../test/oauth-server.js';
import { startSmtpSink } from '../test/smtp-sink.js';
import { contactWithEmail } from '../test/people.js';
import { openSecret } from '../secrets/sealed-secret.js';

// Google-style mail by OAuth2 on loopback: a provider with consent, token and introspection endpoints;
// Dovecot whose oauth2 passdb asks that provider about each XOAUTH2 token.
const EMAIL = 'oauth.member@example.com';
const oauth = await startOAuthServer({ clientId: 'kith-client', clientSecret: 'kith-secret', email: EMAIL, accessTokenSeconds: 30, rotateRefreshTokens: true });
const dovecot = await startDovecot({ [EMAIL]: 'no-password-login-here' }, { oauth2IntrospectionUrl: oauth.introspectionUrl });
const smtp = await startSmtpSink({ user: EMAIL, pass: 'no-password-login-here', accessTokenValid: oauth.isActive });
afterAll(async () => {
  await Promise.all([oauth.close(), dovecot.stop(), smtp.close()]);
});

const google = loopbackGoogle(oauth, { imap: dovecot.port, smtp: smtp.port });
const getApp = useTestApp({ config: { channels: testChannels({ oauth: { google } }) } });
let f: RolesFixture;
let server: KithServer;
let base: string;
beforeEach(async () => {
  f = await rolesFixture(getApp());
  server = createKithServer(getApp().services);
  base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
});
afterEach(async () => {
  await mailboxWatchers(getApp().services).stopAll();
  await server.close();
});

const START = `mutation($input: StartMailboxOAuthInput!) { startMailboxOAuth(input: $input) }`;

/** startMailboxOAuth as the browser calls it: the consent URL and the state cookie set with it. */
async function start(client = f.clients.MEMBER) {
  const response = await getApp().yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: client.cookie!, 'x-workspace-id': client.workspaceId! },
    body: JSON.stringify({ query: START, variables: { input: { provider: 'GOOGLE', privacy: 'FULL', importEveryone: true } } }),
  });
  const body = (await response.json()) as { data: { startMailboxOAuth: string } };
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('kith_mail_oauth='))!;
  return { consentUrl: new URL(body.data.startMailboxOAuth), stateCookie: setCookie.split(';')[0]!, setCookie };
}

/** The member consents at the provider, which redirects to Kith's callback; returns that callback URL. */
async function consent(consentUrl: URL) {
  const answer = await fetch(consentUrl, { redirect: 'manual' });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}

async function callback(url: URL, cookies: string[]) {
  const answer = await fetch(`${base}${url.pathname}${url.search}`, { redirect: 'manual', headers: { cookie: cookies.join('; ') } });
  expect(answer.status).toBe(303);
  return answer.headers.get('location')!;
}

describe('mailboxes by OAuth2 (XOAUTH2)', () => {
  it('consents with state and PKCE, signs in to Dovecot with XOAUTH2 and syncs with refreshed, rotated tokens', async () => {
    await contactWithEmail(getApp(), f, 'ada@example.com');
    const { consentUrl, stateCookie, setCookie } = await start();
    expect(setCookie).toMatch(/Path=\/oauth\/mail\/callback; HttpOnly; SameSite=Lax; Max-Age=600/);
    expect(Object.fromEntries(consentUrl.searchParams)).toMatchObject({
      client_id: 'kith-client',
      redirect_uri: 'http://localhost:4000/oauth/mail/callback',
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'openid email https://mail.google.com/',
      access_type: 'offline',
    });
    const back = await consent(consentUrl);
    expect(await callback(back, [f.clients.MEMBER.cookie!, stateCookie])).toBe('/settings/channels?mailbox=connected');

    const mailbox = await getApp().prisma.mailbox.findFirstOrThrow();
    expect(mailbox).toMatchObject({ oauthProvider: 'google', username: EMAIL, privacy: 'FULL', importEveryone: true, userId: f.users.MEMBER.id });
    const firstRefresh = oauth.tokenRequests.find((r) => r.grant_type === 'authorization_code')!;
    expect(firstRefresh.code_verifier).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(mailbox.passwordSealed).not.toContain('refresh-');

    // New mail reaches the synced mailbox (signed in with XOAUTH2 and a refreshed access token).
    await vi.waitFor(async () => expect((await getApp().prisma.mailbox.findFirstOrThrow()).status).toBe('IDLE'), { timeout: 20_000, interval: 50 });
    expect(dovecot.log()).toContain('method=XOAUTH2');
    expect(oauth.tokenRequests.filter((r) => r.grant_type === 'refresh_token').length).toBeGreaterThan(0);
    // The provider rotates refresh tokens: the one sealed now is the newest, never one already spent.
    const stored = openSecret(getApp().services.config.channels.secretKeys, f.workspaceId, (await getApp().prisma.mailbox.findFirstOrThrow()).passwordSealed);
    expect(oauth.tokenRequests.filter((r) => r.grant_type === 'refresh_token').map((r) => r.refresh_token)).not.toContain(stored);
    expect(oauth.refreshTokenValid(stored)).toBe(true);

    // The member removes Kith's access at the provider: the next sign-in says to connect again, and nothing is lost.
    const watchers = mailboxWatchers(getApp().services);
    await watchers.unwatch(mailbox.id);
    oauth.revokeAll();
    watchers.watch(mailbox.id);
    await vi.waitFor(
      async () =>
        expect(await getApp().prisma.mailbox.findFirstOrThrow()).toMatchObject({
          status: 'ERROR',
          lastError: expect.stringMatching(/connect the mailbox again/),
        }),
      { timeout: 20_000, interval: 50 },
    );
    expect(await getApp().prisma.mailbox.count()).toBe(1);
  });

  it("sends through the provider's SMTP server with the same sign-in (XOAUTH2) and, once the grant is revoked, refuses with SEND_FAILED and sends nothing", async () => {
    await contactWithEmail(getApp(), f, 'ada@example.com');
    const { consentUrl, stateCookie } = await start();
    await callback(await consent(consentUrl), [f.clients.MEMBER.cookie!, stateCookie]);
    expect((await f.clients.MEMBER.ok(`{ channelsStatus { emailSending } }`)).channelsStatus.emailSending).toBe(true);

    const SEND = `mutation($input: SendEmailInput!) { sendEmail(input: $input) { id } }`;
    await f.clients.MEMBER.ok(SEND, { input: { to: ['ada@example.com'], subject: 'Pricing', body: 'Here are our prices.' } });
    expect(smtp.received.map((m) => [m.user, m.envelopeFrom, m.parsed.subject])).toEqual([[EMAIL, EMAIL, 'Pricing']]);
    const sent = () => getApp().prisma.emailMessage.count({ where: { source: 'SENT' } });
    expect(await sent()).toBe(1);

    oauth.revokeAll(); // the member removed Kith's access at the provider
    const refused = await f.clients.MEMBER.gql(SEND, { input: { to: ['ada@example.com'], subject: 'Again', body: 'Still there?' } });
    expect(errorCodes(refused)).toEqual(['SEND_FAILED']);
    expect(refused.errors![0]!.message).toMatch(/connect the mailbox again/);
    expect(smtp.received).toHaveLength(1);
    expect(await sent()).toBe(1);
  });

  it("refuses a callback without the state cookie, with another state, in another member's session, or signed out; nothing is stored", async () => {
    const { consentUrl, stateCookie } = await start();
    const back = await consent(consentUrl);
    const refused = (location: string) => expect(location).toMatch(/^\/settings\/channels\?mailboxError=/);
    refused(await callback(back, [f.clients.MEMBER.cookie!])); // a forged link opened in the victim's browser: no cookie
    const otherState = new URL(back);
    otherState.searchParams.set('state', 'attacker-chosen-state');
    refused(await callback(otherState, [f.clients.MEMBER.cookie!, stateCookie]));
    refused(await callback(back, [f.clients.ADMIN.cookie!, stateCookie])); // the cookie is sealed for the member who started
    refused(await callback(back, [stateCookie])); // signed out
    expect(await getApp().prisma.mailbox.count()).toBe(0);
  });

  it('is off for a provider the server has not set up, and for API keys', async () => {
    const result = await f.clients.MEMBER.gql(`mutation { startMailboxOAuth(input: { provider: MICROSOFT }) }`);
    expect(errorCodes(result)).toEqual(['NOT_CONFIGURED']);
    expect((await f.clients.MEMBER.ok(`{ channelsStatus { mailOAuthProviders } }`)).channelsStatus.mailOAuthProviders).toEqual(['google']);
  });
});

// GET /oauth/mail/callback: where the provider sends the member back after the consent. With the state
// cookie of this member (mailbox-oauth.ts), the code is exchanged (PKCE), the mailbox signs in with
// XOAUTH2 before anything is stored, and the refresh token is sealed like a password. The member lands on
// Settings → Email and phone, with ?mailbox=connected or ?mailboxError=<what went wrong>.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../../../app-services.js';
import { roleCan } from '../../../auth/permissions.js';
import { contextForRequest } from '../../../http/request-context.js';
import type { Context } from '../../../context.js';
import { imapClientFor, imapFailure } from '../imap/imap-client.js';
import { newMailboxSettings, storeMailbox } from '../imap/mailbox.service.js';
import { sealSecret } from '../secrets/sealed-secret.js';
import { pendingConsent, redirectUri, STATE_COOKIE, stateCookie, type PendingConsent } from './mailbox-oauth.js';
import { exchangeCode, OAuthRefused } from './tokens.js';

const cookieValue = (req: IncomingMessage, name: string) =>
  req.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);

export async function handleMailOAuthCallback(app: AppServices, req: IncomingMessage, res: ServerResponse) {
  const cookies = [stateCookie(app.config, '', 0)]; // used once, whatever happens
  const back = (query: string) => res.writeHead(303, { Location: `/settings/channels?${query}`, 'Set-Cookie': cookies, 'Cache-Control': 'no-store' }).end();
  const fail = (message: string) => back(`mailboxError=${encodeURIComponent(message)}`);
  if (req.method !== 'GET') return res.writeHead(405).end();
  const context = await contextForRequest(app, { req }, (cookie) => cookies.push(cookie)).catch(() => null);
  if (!context?.viewer?.session) return fail('Sign in to Kith, then connect the mailbox again.');
  const url = new URL(req.url ?? '/', 'http://kith');
  const pending = pendingConsent(app.config, context.viewer.user.id, cookieValue(req, STATE_COOKIE), url.searchParams.get('state'));
  if (!pending) return fail('That sign-in was not started here, or took too long. Connect the mailbox again.');
  if (url.searchParams.get('error')) return fail(`The provider did not grant access (${url.searchParams.get('error')!.slice(0, 60)}).`);
  if (!roleCan(await context.roleIn(pending.workspaceId), 'channels:send')) return fail('You can no longer connect mailboxes in that workspace.');
  const code = url.searchParams.get('code');
  if (!code) return fail('The provider sent no authorisation code.');
  try {
    await connectOAuthMailbox(context, pending, code);
  } catch (error) {
    if (error instanceof OAuthRefused || error instanceof MailboxRefused) return fail(`Could not connect the mailbox: ${error.message}.`);
    throw error;
  }
  back('mailbox=connected');
}

class MailboxRefused extends Error {}

async function connectOAuthMailbox(context: Context, pending: PendingConsent, code: string) {
  const { config } = context.app;
  const provider = config.channels.oauth[pending.provider];
  if (!provider) throw new OAuthRefused(`signing in with ${pending.provider} is no longer set up on this server`);
  const tokens = await exchangeCode(provider, code, pending.verifier, redirectUri(config));
  const { workspaceId } = pending;
  const login = { ...provider.imap, username: tokens.email, workspaceId, passwordSealed: '' };
  const client = await imapClientFor(config, login, undefined, tokens.accessToken);
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new MailboxRefused(imapFailure(error));
  } finally {
    await client.logout().catch(() => client.close());
  }
  const userId = context.viewer!.user.id;
  const passwordSealed = sealSecret(config.channels.secretKeys, workspaceId, tokens.refreshToken);
  await storeMailbox(context, { ...login, passwordSealed, oauthProvider: provider.id, userId, ...newMailboxSettings(pending.settings) });
}

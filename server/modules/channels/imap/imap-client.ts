import type { Config } from '../../../config.js';
import type { Mailbox } from '../../../generated/prisma/client.js';
import { resolveMailHost } from '../mail-host.js';
import { OAuthRefused } from '../oauth/tokens.js';
import { openSecret } from '../secrets/sealed-secret.js';

const TIMEOUT_MS = 15_000;

export type MailboxLogin = Pick<Mailbox, 'host' | 'port' | 'secure' | 'username' | 'passwordSealed' | 'workspaceId'>;

/** An ImapFlow client for the mailbox, connecting to the checked address of its host; not yet connected. */
export async function imapClientFor(config: Config, mailbox: MailboxLogin, password?: string, accessToken?: string) {
  const address = await resolveMailHost(mailbox.host, config.channels.allowPrivateHosts);
  const { ImapFlow } = await import('imapflow'); // loaded when a workspace first uses a mailbox
  // An OAuth mailbox signs in with XOAUTH2 (or OAUTHBEARER where offered) and a current access token.
  const auth =
    accessToken !== undefined
      ? { user: mailbox.username, accessToken }
      : { user: mailbox.username, pass: password ?? openSecret(config.channels.secretKeys, mailbox.workspaceId, mailbox.passwordSealed) };
  return new ImapFlow({
    host: address,
    port: mailbox.port,
    secure: mailbox.secure,
    servername: mailbox.host,
    auth,
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 5 * 60_000,
    // Plain IMAP (port 143) still upgrades with STARTTLS whenever the server offers it (imapflow's default).
  });
}

/** IMAP errors as the member reads them: what went wrong, never the credentials. */
export function imapFailure(error: unknown): string {
  if (error instanceof OAuthRefused) return `${error.message}: connect the mailbox again`;
  const e = error as { authenticationFailed?: boolean; code?: string; responseText?: string };
  if (e.authenticationFailed) return 'the server refused the user name or password';
  if (e.code === 'ETIMEDOUT' || e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'NoConnection') return 'the server could not be reached';
  return 'the connection failed';
}

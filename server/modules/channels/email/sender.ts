// Who a member's email goes out as, and through which server: their own SMTP account, else the mailbox they
// connected with Google or Microsoft (the provider's SMTP server, XOAUTH2 with the same sign-in), else the
// workspace's SMTP account.
import type { Context } from '../../../context.js';
import type { Mailbox, SmtpAccount } from '../../../generated/prisma/client.js';
import { mailAccessToken, OAuthRefused } from '../oauth/tokens.js';
import type { MailOAuthProvider, MailOAuthProviderId } from '../oauth/providers.js';
import { smtpAccountsOf, smtpTransport, transportFor } from './smtp-accounts.service.js';

export interface Sender {
  fromAddress: string;
  fromName: string | null;
  /** A transport signed in for this sender; throws SenderRefused when the sign-in can no longer be used. */
  transport(): ReturnType<typeof smtpTransport>;
}

/** The sign-in behind a sender was refused before any mail was handed over (a revoked OAuth grant). */
export class SenderRefused extends Error {}

export async function senderFor(context: Context, workspaceId: string, userId: string): Promise<Sender | null> {
  const { own, shared } = await smtpAccountsOf(context, workspaceId, userId);
  if (own) return accountSender(context, own);
  const providers = context.app.config.channels.oauth;
  const mailbox = await context.prisma.mailbox.findFirst({
    where: { workspaceId, userId, oauthProvider: { in: Object.keys(providers) } },
    orderBy: { createdAt: 'asc' },
  });
  const provider = mailbox && providers[mailbox.oauthProvider as MailOAuthProviderId];
  if (mailbox && provider) return oauthSender(context, mailbox, provider);
  return shared ? accountSender(context, shared) : null;
}

function accountSender(context: Context, account: SmtpAccount): Sender {
  return { fromAddress: account.fromAddress, fromName: account.fromName, transport: () => transportFor(context.app.config, account) };
}

function oauthSender(context: Context, mailbox: Mailbox, provider: MailOAuthProvider): Sender {
  return {
    fromAddress: mailbox.username,
    fromName: null,
    async transport() {
      const accessToken = await mailAccessToken(context.app, 'mailbox', mailbox).catch((error: unknown) => {
        throw error instanceof OAuthRefused ? new SenderRefused(`${error.message}: connect the mailbox again`) : error;
      });
      return smtpTransport(context.app.config, provider.smtp, { type: 'OAuth2', user: mailbox.username, accessToken });
    },
  };
}

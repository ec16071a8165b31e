import { z } from 'zod';
import type { Config } from '../../../config.js';
import type { Context } from '../../../context.js';
import { badInput } from '../../../errors.js';
import type { SmtpAccount } from '../../../generated/prisma/client.js';
import { emitEvent } from '../../activity-events/record-event.js';
import { parseMailHost, resolveMailHost } from '../mail-host.js';
import { notConfigured, openSecret, sealSecret } from '../secrets/sealed-secret.js';

export interface SmtpAccountInput {
  host: string;
  port: number;
  secure?: boolean | null;
  username: string;
  /** Required for a new account; left out, an update keeps the stored one. */
  password?: string | null;
  fromAddress: string;
  fromName?: string | null;
}

const TIMEOUT_MS = 10_000;
const email = z.email();

type SmtpLogin = Pick<SmtpAccount, 'host' | 'port' | 'secure' | 'username' | 'passwordSealed' | 'workspaceId'>;

/** A nodemailer transport for the account, connecting to the checked address of its host. */
export function transportFor(config: Config, account: SmtpLogin) {
  return smtpTransport(config, account, { user: account.username, pass: openSecret(config.channels.secretKeys, account.workspaceId, account.passwordSealed) });
}

/** A nodemailer transport to the checked address of the server, signing in with a password or an OAuth2 access token (XOAUTH2). */
export async function smtpTransport(
  config: Config,
  server: { host: string; port: number; secure: boolean },
  auth: { user: string; pass: string } | { type: 'OAuth2'; user: string; accessToken: string },
) {
  const address = await resolveMailHost(server.host, config.channels.allowPrivateHosts);
  const { default: nodemailer } = await import('nodemailer'); // loaded when a workspace first sends
  return nodemailer.createTransport({
    host: address,
    port: server.port,
    secure: server.secure,
    auth,
    tls: { servername: server.host },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
}

/** SMTP errors reach the member as the server's reply code and class, never with credentials. */
export function smtpFailure(error: unknown): string {
  const e = error as { responseCode?: number; code?: string };
  if (e.code === 'EAUTH') return 'the server refused the user name or password';
  if (e.code === 'ETIMEDOUT' || e.code === 'ECONNECTION' || e.code === 'ESOCKET') return 'the server could not be reached';
  if (e.responseCode) return `the server answered ${e.responseCode}`;
  return 'the server could not be reached';
}

/**
 * Saves the workspace's account (userId null) or a member's own, after signing in to the server with it:
 * an account that cannot send is refused, not stored. The password is sealed and never read back out.
 */
export async function saveSmtpAccount(context: Context, workspaceId: string, userId: string | null, input: SmtpAccountInput) {
  const { config } = context.app;
  const host = parseMailHost(input.host, 'input.host');
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65535) throw badInput('The port is a number from 1 to 65535.', 'input.port');
  const username = input.username.trim();
  if (!username || username.length > 320) throw badInput('Give the user name the server signs in with.', 'input.username');
  const fromAddress = input.fromAddress.trim().toLowerCase();
  if (!email.safeParse(fromAddress).success) throw badInput(`"${input.fromAddress}" is not a valid email address.`, 'input.fromAddress');
  const fromName = input.fromName?.trim().slice(0, 200) || null;
  if (input.password != null && input.password.length > 1000) throw badInput('The password is too long.', 'input.password');
  if (config.channels.secretKeys.length === 0)
    throw notConfigured('This server cannot store mail credentials: its administrator has not set CHANNELS_SECRET_KEYS.');

  const existing = await context.prisma.smtpAccount.findFirst({ where: { workspaceId, userId } });
  if (!existing && !input.password) throw badInput('Give the password (or app password) for the account.', 'input.password');
  const passwordSealed = input.password ? sealSecret(config.channels.secretKeys, workspaceId, input.password) : existing!.passwordSealed;
  const columns = { host, port: input.port, secure: input.secure ?? input.port === 465, username, passwordSealed, fromAddress, fromName };

  const transport = await transportFor(config, { ...columns, workspaceId });
  try {
    await transport.verify();
  } catch (error) {
    throw badInput(`Could not sign in to ${host}: ${smtpFailure(error)}.`, 'input.host');
  } finally {
    transport.close();
  }
  return context.prisma.$transaction(async (tx) => {
    const row = existing
      ? await tx.smtpAccount.update({ where: { id: existing.id }, data: columns })
      : await tx.smtpAccount.create({ data: { ...columns, workspaceId, userId } });
    // The event names what changed, never the password.
    return emitEvent(tx, context, row, 'SmtpAccount', existing ? 'updated' : 'created', { personal: userId != null, passwordChanged: Boolean(input.password) });
  });
}

/** Removes the account; false when there was none. */
export async function removeSmtpAccount(context: Context, workspaceId: string, userId: string | null): Promise<boolean> {
  return context.prisma.$transaction(async (tx) => {
    const existing = await tx.smtpAccount.findFirst({ where: { workspaceId, userId } });
    if (!existing) return false;
    await tx.smtpAccount.delete({ where: { id: existing.id } });
    await emitEvent(tx, context, existing, 'SmtpAccount', 'deleted', { personal: userId != null });
    return true;
  });
}

/** The SMTP accounts a member may send through: their own and the workspace's. */
export async function smtpAccountsOf(context: Context, workspaceId: string, userId: string) {
  const accounts = await context.prisma.smtpAccount.findMany({ where: { workspaceId, OR: [{ userId }, { userId: null }] } });
  return { own: accounts.find((a) => a.userId === userId) ?? null, shared: accounts.find((a) => a.userId === null) ?? null };
}

import type { Context } from '../../../context.js';
import { badInput } from '../../../errors.js';
import type { Mailbox, MailboxPrivacy } from '../../../generated/prisma/client.js';
import { emitEvent } from '../../activity-events/record-event.js';
import { fileStorage } from '../../files/storage.js';
import { parseMailHost } from '../mail-host.js';
import { notConfigured, sealSecret } from '../secrets/sealed-secret.js';
import { imapClientFor, imapFailure } from './imap-client.js';
import { mailboxWatchers } from './mailbox-watcher.js';

export interface ConnectMailboxInput {
  host: string;
  port: number;
  secure?: boolean | null;
  username: string;
  password: string;
  privacy?: MailboxPrivacy | null;
  importEveryone?: boolean | null;
  excludedFolders?: string[] | null;
  /** How far back the first sync goes. */
  syncDays?: number | null;
}

export interface MailboxSettingsInput {
  privacy?: MailboxPrivacy | null;
  importEveryone?: boolean | null;
  excludedFolders?: string[] | null;
}

const DAY_MS = 86_400_000;

const folders = (list: string[] | null | undefined) => (list ? [...new Set(list.map((f) => f.trim()).filter(Boolean))] : undefined);

export type MailboxSettings = Pick<ConnectMailboxInput, 'privacy' | 'importEveryone' | 'excludedFolders' | 'syncDays'>;

/** The sync settings a new mailbox starts with, checked. */
export function newMailboxSettings(input: MailboxSettings) {
  const syncDays = input.syncDays ?? 90;
  if (!Number.isInteger(syncDays) || syncDays < 1 || syncDays > 3650) throw badInput('Sync between 1 and 3650 days back.', 'input.syncDays');
  return {
    privacy: input.privacy ?? 'SUBJECT',
    importEveryone: input.importEveryone ?? false,
    excludedFolders: folders(input.excludedFolders) ?? [],
    syncSince: new Date(Date.now() - syncDays * DAY_MS),
  } as const;
}

type NewMailbox = Pick<Mailbox, 'workspaceId' | 'userId' | 'host' | 'port' | 'secure' | 'username' | 'passwordSealed' | 'oauthProvider'> &
  ReturnType<typeof newMailboxSettings>;

/** Stores a mailbox that signed in, and starts its sync in this server process. */
export async function storeMailbox(context: Pick<Context, 'prisma' | 'app'> & Parameters<typeof emitEvent>[1], data: NewMailbox) {
  const mailbox = await context.prisma.$transaction((tx) =>
    tx.mailbox
      .create({ data })
      .then((row) =>
        emitEvent(tx, context, row, 'Mailbox', 'connected', { privacy: row.privacy, ...(row.oauthProvider ? { oauthProvider: row.oauthProvider } : {}) }),
      ),
  );
  mailboxWatchers(context.app).watch(mailbox.id);
  return mailbox;
}

/** Signs in to the mailbox before anything is stored; the sync starts at once in this server process. */
export async function connectMailbox(context: Context, workspaceId: string, userId: string, input: ConnectMailboxInput) {
  const { config } = context.app;
  const host = parseMailHost(input.host, 'input.host');
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65535) throw badInput('The port is a number from 1 to 65535.', 'input.port');
  const username = input.username.trim();
  if (!username) throw badInput('Give the user name the server signs in with.', 'input.username');
  if (!input.password) throw badInput('Give the password (or app password) for the mailbox.', 'input.password');
  const settings = newMailboxSettings(input);
  if (config.channels.secretKeys.length === 0)
    throw notConfigured('This server cannot store mailbox credentials: its administrator has not set CHANNELS_SECRET_KEYS.');
  const login = { host, port: input.port, secure: input.secure ?? input.port === 993, username, workspaceId, passwordSealed: '' };
  const client = await imapClientFor(config, login, input.password);
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw badInput(`Could not sign in to ${host}: ${imapFailure(error)}.`, 'input.host');
  } finally {
    await client.logout().catch(() => client.close());
  }
  const passwordSealed = sealSecret(config.channels.secretKeys, workspaceId, input.password);
  return storeMailbox(context, { ...login, passwordSealed, oauthProvider: null, userId, ...settings });
}

/**
 * Changes what the sync imports and what others see. A new privacy level applies to mail already imported
 * too: the body's privacy and, for metadata only, where the subject is kept.
 */
export async function updateMailbox(context: Context, id: string, input: MailboxSettingsInput) {
  return context.prisma.$transaction(async (tx) => {
    const mailbox = await tx.mailbox.update({
      where: { id },
      data: { privacy: input.privacy ?? undefined, importEveryone: input.importEveryone ?? undefined, excludedFolders: folders(input.excludedFolders) },
    });
    if (input.privacy) await applyPrivacy(tx, id, input.privacy);
    return emitEvent(tx, context, mailbox, 'Mailbox', 'updated', { privacy: mailbox.privacy, importEveryone: mailbox.importEveryone });
  });
}

type Tx = Parameters<Parameters<Context['prisma']['$transaction']>[0]>[0];

async function applyPrivacy(tx: Tx, mailboxId: string, privacy: MailboxPrivacy) {
  // The subject moves between the record (seen by all who see it) and the email's private subject.
  if (privacy === 'METADATA') {
    await tx.$executeRaw`UPDATE "EmailMessage" m SET "privateSubject" = COALESCE(c."subject", m."privateSubject") FROM "Communication" c WHERE c."id" = m."communicationId" AND m."mailboxId" = ${mailboxId}::uuid`;
    await tx.$executeRaw`UPDATE "Communication" c SET "subject" = NULL, "bodyPrivate" = true FROM "EmailMessage" m WHERE c."id" = m."communicationId" AND m."mailboxId" = ${mailboxId}::uuid`;
  } else {
    await tx.$executeRaw`UPDATE "Communication" c SET "subject" = COALESCE(c."subject", m."privateSubject"), "bodyPrivate" = ${privacy !== 'FULL'} FROM "EmailMessage" m WHERE c."id" = m."communicationId" AND m."mailboxId" = ${mailboxId}::uuid`;
    await tx.$executeRaw`UPDATE "EmailMessage" SET "privateSubject" = NULL WHERE "mailboxId" = ${mailboxId}::uuid`;
  }
}

/** Stops the sync and forgets the mailbox; with deleteImported, the mail it imported goes too, attachments included. */
export async function disconnectMailbox(context: Context, id: string, deleteImported: boolean) {
  await mailboxWatchers(context.app).unwatch(id);
  const { deleted, storageKeys } = await context.prisma.$transaction(async (tx) => {
    const imported = { emailMessage: { mailboxId: id } };
    const files = deleteImported ? await tx.file.findMany({ where: { communication: imported }, select: { id: true, storageKey: true } }) : [];
    await tx.file.deleteMany({ where: { id: { in: files.map((f) => f.id) } } });
    const deleted = deleteImported ? (await tx.communication.deleteMany({ where: imported })).count : 0;
    const mailbox = await tx.mailbox.delete({ where: { id } });
    await emitEvent(tx, context, mailbox, 'Mailbox', 'disconnected', { deletedMessages: deleted });
    return { deleted, storageKeys: files.map((f) => f.storageKey) };
  });
  const storage = fileStorage(context.app.config);
  await Promise.all(storageKeys.map((key) => storage.delete(key)));
  return deleted;
}

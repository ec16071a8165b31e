// One pass of a mailbox's sync: each folder not excluded, from the last UID Kith stored (or, the first time,
// from the chosen window), in batches. A batch's messages and the folder's new last UID commit together, so
// a restart or a dropped connection resumes exactly where the last batch ended, and Message-IDs already
// stored are skipped, so nothing is imported twice even when the server renumbers (UIDVALIDITY changes).
import type { FetchMessageObject, ImapFlow, ListResponse } from 'imapflow';
import type { ParsedMail } from 'mailparser';
import type { AppServices } from '../../../app-services.js';
import type { Mailbox } from '../../../generated/prisma/client.js';
import { publishPending } from '../../activity-events/publish.js';
import { recordEmails, stripBrackets, type EmailToRecord } from '../email/email-record.js';
import { dropStored, recordAttachments, storeAttachments } from '../inbound/attachments.js';
import { sanitizeEmailHtml } from '../inbound/sanitize.js';
import { renewSyncLease, type SyncLease } from './sync-lease.js';

const SKIPPED_SPECIAL_USE = new Set(['\\Junk', '\\Trash', '\\Drafts', '\\All']);
const MAX_BODY_CHARS = 100_000;

export interface SyncOptions {
  batchSize?: number;
  /** Called after each committed batch (tests stop a sync midway with it). */
  afterBatch?: (folder: string, lastUid: number) => void | Promise<void>;
  /** The lease this process holds on the mailbox (sync-lease.ts): each batch renews it or is refused. */
  lease?: SyncLease;
}

export interface SyncResult {
  fetched: number;
  imported: number;
}

export function foldersToSync(folders: ListResponse[], excluded: string[]): ListResponse[] {
  const skip = new Set(excluded.map((path) => path.toLowerCase()));
  return folders.filter(
    (folder) =>
      !folder.flags.has('\\Noselect') &&
      !folder.flags.has('\\NonExistent') &&
      !(folder.specialUse && SKIPPED_SPECIAL_USE.has(folder.specialUse)) &&
      !skip.has(folder.path.toLowerCase()),
  );
}

const lower = (list: Array<{ address?: string }> | undefined) => (list ?? []).map((a) => a.address?.toLowerCase()).filter((a): a is string => !!a);

interface Known {
  own: Set<string>;
  /** Contact ID by email address (unique in a workspace). */
  contacts: Map<string, string>;
}

async function knownAddresses(app: AppServices, mailbox: Mailbox): Promise<Known> {
  const user = await app.db.prisma.user.findUniqueOrThrow({ where: { id: mailbox.userId }, select: { email: true } });
  const rows = await app.db.prisma.contactEmail.findMany({
    where: { workspaceId: mailbox.workspaceId, contact: { deletedAt: null } },
    select: { email: true, contactId: true },
  });
  return { own: new Set([user.email.toLowerCase(), mailbox.username.toLowerCase()]), contacts: new Map(rows.map((r) => [r.email, r.contactId])) };
}

function wanted(mailbox: Mailbox, known: Known, message: FetchMessageObject): boolean {
  const envelope = message.envelope;
  if (!envelope) return false;
  if (mailbox.importEveryone) return true;
  return [...lower(envelope.from), ...lower(envelope.to), ...lower(envelope.cc)].some((a) => known.contacts.has(a));
}

const addressesIn = (field: ParsedMail['to']) =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((g) => g.value)
    .map((a) => a.address?.toLowerCase())
    .filter((a): a is string => !!a);

function emailFrom(mailbox: Mailbox, known: Known, folder: string, folderId: string, message: FetchMessageObject, mail: ParsedMail): EmailToRecord {
  const from = addressesIn(mail.from)[0] ?? null;
  const to = addressesIn(mail.to);
  const cc = addressesIn(mail.cc);
  const others = [from, ...to, ...cc].filter((a): a is string => !!a && !known.own.has(a));
  const refs = Array.isArray(mail.references) ? mail.references : mail.references ? mail.references.split(/\s+/) : [];
  return {
    workspaceId: mailbox.workspaceId,
    direction: from && known.own.has(from) ? 'OUTBOUND' : 'INBOUND',
    from,
    to,
    cc,
    subject: mail.subject?.slice(0, 998) ?? null,
    text: mail.text?.slice(0, MAX_BODY_CHARS) ?? null,
    html: mail.html ? sanitizeEmailHtml(mail.html).slice(0, 5 * MAX_BODY_CHARS) : null,
    messageId: mail.messageId ? stripBrackets(mail.messageId) : `imap-${mailbox.id}-${folderId}-${message.uid}@kith.invalid`,
    inReplyTo: mail.inReplyTo ? stripBrackets(mail.inReplyTo) : null,
    references: refs.map(stripBrackets).filter(Boolean),
    occurredAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : message.internalDate instanceof Date ? message.internalDate : new Date(),
    ownerId: mailbox.userId,
    createdById: mailbox.userId,
    source: 'IMAP',
    privacy: mailbox.privacy,
    contactIds: others.map((a) => known.contacts.get(a)).filter((id): id is string => !!id),
    mailbox: { id: mailbox.id, folder, uid: message.uid },
  };
}

/**
 * Stores a batch and moves the folder's last UID past it, in one transaction. Attachments go to file storage
 * first (the same types and size limit as uploads); a message already stored, or a batch that fails, drops them.
 */
async function importBatch(
  app: AppServices,
  mailbox: Mailbox,
  known: Known,
  folder: string,
  folderId: string,
  messages: FetchMessageObject[],
  lastUid: number,
  lease?: SyncLease,
) {
  const { simpleParser } = await import('mailparser'); // loaded when a mailbox first syncs
  const parsed = await Promise.all(messages.map((message) => simpleParser(message.source!, { skipImageLinks: true, skipTextToHtml: true })));
  const emails = parsed.map((mail, i) => emailFrom(mailbox, known, folder, folderId, messages[i]!, mail));
  const attachments = await Promise.all(parsed.map((mail) => storeAttachments(app, mailbox.workspaceId, mail.attachments ?? [])));
  const stored = attachments.flatMap((a) => a.kept);
  const sink = {};
  try {
    const created = await app.db.prisma.$transaction(
      async (tx) => {
        if (lease) await renewSyncLease(tx, mailbox.id, lease);
        const results = await recordEmails(tx, sink, emails);
        for (const [i, result] of results.entries()) {
          if (result.created) await recordAttachments(tx, mailbox.workspaceId, result.communicationId, mailbox.userId, attachments[i]!.kept);
        }
        await tx.mailboxFolder.update({ where: { id: folderId }, data: { lastUid } });
        return results.map((r) => r.created);
      },
      { timeout: 60_000 },
    );
    await dropStored(
      app,
      attachments.flatMap((a, i) => (created[i] ? [] : a.kept)),
    );
    return created.filter(Boolean).length;
  } catch (error) {
    await dropStored(app, stored);
    throw error;
  } finally {
    await publishPending(app, sink);
  }
}

/** Syncs one folder on an open client; returns what it fetched and imported. */
export async function syncFolder(app: AppServices, client: ImapFlow, mailbox: Mailbox, path: string, options: SyncOptions = {}): Promise<SyncResult> {
  const batchSize = options.batchSize ?? 250;
  const prisma = app.db.prisma;
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const opened = client.mailbox;
    if (!opened) return { fetched: 0, imported: 0 };
    const uidValidity = opened.uidValidity;
    let folder = await prisma.mailboxFolder.upsert({
      where: { mailboxId_path: { mailboxId: mailbox.id, path } },
      create: { workspaceId: mailbox.workspaceId, mailboxId: mailbox.id, path, uidValidity, lastUid: 0 },
      update: {},
    });
    if (folder.uidValidity !== uidValidity) {
      // The server renumbered the folder: start again from the window; stored Message-IDs are skipped.
      folder = await prisma.mailboxFolder.update({ where: { id: folder.id }, data: { uidValidity, lastUid: 0 } });
    }
    if (opened.exists === 0) return { fetched: 0, imported: 0 };
    const firstSync = folder.lastUid === 0;
    // Every message there now, in the window or not: later syncs start after them, not after the window's last.
    const existingUpTo = opened.uidNext - 1;
    const found =
      folder.lastUid === 0
        ? await client.search({ since: mailbox.syncSince }, { uid: true })
        : await client.search({ uid: `${folder.lastUid + 1}:*` }, { uid: true });
    const uids = (found || []).filter((uid) => uid > folder.lastUid).sort((a, b) => a - b);
    const known = await knownAddresses(app, mailbox);
    let fetched = 0;
    let imported = 0;
    for (let i = 0; i < uids.length; i += batchSize) {
      const batch = uids.slice(i, i + batchSize);
      const range = batch.join(',');
      // Without "everyone", the envelopes decide which messages are worth downloading.
      const candidates = mailbox.importEveryone
        ? batch
        : (await client.fetchAll(range, { uid: true, envelope: true }, { uid: true })).filter((m) => wanted(mailbox, known, m)).map((m) => m.uid);
      const messages = candidates.length
        ? await client.fetchAll(candidates.join(','), { uid: true, envelope: true, internalDate: true, source: true }, { uid: true })
        : [];
      fetched += batch.length;
      imported += await importBatch(
        app,
        mailbox,
        known,
        path,
        folder.id,
        messages.filter((m) => m.source),
        batch[batch.length - 1]!,
        options.lease,
      );
      await options.afterBatch?.(path, batch[batch.length - 1]!);
    }
    if (firstSync) await prisma.mailboxFolder.updateMany({ where: { id: folder.id, lastUid: { lt: existingUpTo } }, data: { lastUid: existingUpTo } });
    return { fetched, imported };
  } finally {
    lock.release();
  }
}

/** Syncs every folder of the mailbox that is not excluded. */
export async function syncMailbox(app: AppServices, client: ImapFlow, mailbox: Mailbox, options: SyncOptions = {}): Promise<SyncResult> {
  const total: SyncResult = { fetched: 0, imported: 0 };
  for (const folder of foldersToSync(await client.list(), mailbox.excludedFolders)) {
    const result = await syncFolder(app, client, mailbox, folder.path, options);
    total.fetched += result.fetched;
    total.imported += result.imported;
  }
  await app.db.prisma.mailbox.update({ where: { id: mailbox.id }, data: { lastSyncedAt: new Date(), lastError: null } });
  return total;
}

import type { Context } from '../../context.js';
import { notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { recordAudit } from '../audit/audit.service.js';
import { fileStorage } from '../files/storage.js';
import { recordEvent } from '../activity-events/record-event.js';
import { recordDeletion } from './deletion-ledger.js';
import { eraseContactFromImports } from '../imports/personal-data.js';
import { eraseFromFreeText, type ErasureMention } from './erasure-free-text.js';

type Tx = Prisma.TransactionClient;

/** The contact (live or in the trash) in a workspace the viewer belongs to; NOT_FOUND otherwise. */
async function contactInViewersWorkspace(context: Context, contactId: string) {
  const contact = await context.prisma.contact.findUnique({ where: { id: contactId }, select: { id: true, workspaceId: true } });
  if (!contact || (await context.roleIn(contact.workspaceId)) == null) throw notFound('Contact');
  return contact;
}

/** Links that tie a note or activity to nothing but this contact. */
const onlyThisContact = (contactId: string) => ({ contactId, companyId: null, dealId: null });

/**
 * Everything Kith holds about one contact (a data subject access request), as one JSON document:
 * the record, its emails, phones, profiles and clip sources (browser extension), and the notes, activities, communications, deals, files
 * (metadata), form submissions and merges that concern them.
 */
export async function exportContact(context: Context, contactId: string) {
  const { workspaceId } = await contactInViewersWorkspace(context, contactId);
  const db = context.prisma;
  const [contact, notes, activities, communications, deals, files, formSubmissions, merges] = await Promise.all([
    db.contact.findUniqueOrThrow({
      where: { id: contactId },
      include: {
        emails: { select: { email: true, isPrimary: true } },
        phones: { select: { e164: true, label: true, isPrimary: true } },
        profiles: { select: { network: true, url: true } },
        tags: { select: { name: true } },
        company: { select: { id: true, name: true } },
        owner: { select: { id: true, name: true } },
        clipSources: { select: { site: true, url: true, clippedAt: true, clippedById: true, fieldsWritten: true }, orderBy: { clippedAt: 'asc' } },
      },
    }),
    db.note.findMany({ where: { contactId }, select: { id: true, body: true, createdAt: true, updatedAt: true, deletedAt: true } }),
    db.activity.findMany({ where: { contactId } }),
    db.communication.findMany({ where: { contacts: { some: { contactId } } } }),
    db.deal.findMany({
      where: { contacts: { some: { contactId } } },
      select: { id: true, name: true, amountMinor: true, currency: true, status: true, createdAt: true },
    }),
    db.file.findMany({ where: { contactId }, select: { id: true, name: true, contentType: true, size: true, sha256: true, createdAt: true } }),
    db.formSubmission.findMany({ where: { contactId }, select: { id: true, formId: true, data: true, createdAt: true } }),
    db.mergeRecord.findMany({
      where: { OR: [{ survivorId: contactId }, { mergedId: contactId }] },
      select: { id: true, survivorId: true, mergedId: true, snapshot: true, createdAt: true },
    }),
  ]);
  await recordAudit(db, context, { workspaceId, action: 'contact.exported', targetType: 'Contact', targetId: contactId });
  await recordEvent(db, context, { workspaceId, verb: 'exported', entityType: 'Contact', entityId: contactId });
  // BigInt amounts and dates become strings in the JSON document.
  return JSON.parse(
    JSON.stringify({ exportedAt: new Date(), contact, notes, activities, communications, deals, files, formSubmissions, merges }, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    ),
  ) as Record<string, unknown>;
}

/** Removes the contact's addresses and numbers from communications that stay because they concern others too. */
async function scrubSharedCommunications(tx: Tx, contactId: string, addresses: string[]) {
  if (addresses.length === 0) return;
  const shared = await tx.communication.findMany({
    where: { contacts: { some: { contactId } } },
    select: { id: true, fromAddress: true, toAddresses: true },
  });
  const erased = new Set(addresses.map((a) => a.toLowerCase()));
  for (const row of shared) {
    const from = row.fromAddress && erased.has(row.fromAddress.toLowerCase()) ? null : row.fromAddress;
    const to = row.toAddresses.filter((a) => !erased.has(a.toLowerCase()));
    if (from !== row.fromAddress || to.length !== row.toAddresses.length) {
      await tx.communication.update({ where: { id: row.id }, data: { fromAddress: from, toAddresses: to } });
    }
  }
}

/** Records linked to the contact, and the comments on them: where a first name alone most likely means them. */
async function linkedRecordIds(tx: Tx, contactId: string) {
  const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
  const notes = ids(await tx.note.findMany({ where: { contactId }, select: { id: true } }));
  const activities = ids(await tx.activity.findMany({ where: { contactId }, select: { id: true } }));
  const communications = ids(await tx.communication.findMany({ where: { contacts: { some: { contactId } } }, select: { id: true } }));
  const comments = ids(await tx.comment.findMany({ where: { OR: [{ noteId: { in: notes } }, { activityId: { in: activities } }] }, select: { id: true } }));
  return new Set([...notes, ...activities, ...communications, ...comments]);
}

/**
 * Archives written before the erasure hold the contact: their bytes go and their downloads expire. One
 * being written may hold them too: it fails, and its job deletes what it wrote (see buildArchive).
 */
async function invalidateEarlierExports(tx: Tx, workspaceId: string) {
  await tx.workspaceExport.updateMany({
    where: { workspaceId, status: 'RUNNING' },
    data: { status: 'FAILED', error: 'A contact was erased while this export was being written; request a new one.' },
  });
  const archives = await tx.workspaceExport.findMany({ where: { workspaceId, status: 'DONE' }, select: { id: true, storageKey: true } });
  await tx.workspaceExport.updateMany({
    where: { id: { in: archives.map((a) => a.id) } },
    data: { status: 'EXPIRED', storageKey: null, expiresAt: new Date(), error: 'This export held a contact who was erased since; request a new one.' },
  });
  return { count: archives.length, keys: archives.map((a) => a.storageKey).filter((key): key is string => !!key) };
}

export interface ContactErasure {
  /** Earlier export archives of the workspace that can no longer be downloaded. */
  invalidatedExports: number;
  /** Kept records whose free text lost the contact's emails, phone numbers or profile URLs. */
  scrubbedRecords: number;
  /** Where the contact's name is still written, for an admin to review. */
  nameMentions: ErasureMention[];
}

/**
 * Permanently removes a contact and what only describes them: notes and activities linked to nobody
 * else, communications with no other contact, company or deal, their files, form submissions and
 * merge snapshots. Shared records stay, without the contact's addresses, and the workspace's free text
 * loses their exact identifiers; earlier export archives are invalidated. The audit entry keeps counts,
 * never personal data.
 */
export async function eraseContact(context: Context, contactId: string): Promise<ContactErasure> {
  const { workspaceId } = await contactInViewersWorkspace(context, contactId);
  return eraseContactIn(context, workspaceId, contactId);
}

/** The erasure itself, for a contact already known to be in the workspace (a restore applies it again by the ledger). */
export async function eraseContactIn(context: Context, workspaceId: string, contactId: string): Promise<ContactErasure> {
  const { storageKeys, archiveKeys, invalidatedExports, freeText } = await context.prisma.$transaction(async (tx) => {
    const details = await tx.contact.findUniqueOrThrow({
      where: { id: contactId },
      select: { firstName: true, lastName: true, emails: { select: { email: true } }, phones: { select: { e164: true } }, profiles: { select: { url: true } } },
    });
    const linked = await linkedRecordIds(tx, contactId);
    const notes = await tx.note.findMany({ where: onlyThisContact(contactId), select: { id: true } });
    const activities = await tx.activity.findMany({ where: onlyThisContact(contactId), select: { id: true } });
    const communications = await tx.communication.findMany({
      where: { companyId: null, dealId: null, contacts: { some: { contactId }, every: { contactId } } },
      select: { id: true },
    });
    const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
    const files = await tx.file.findMany({
      where: {
        OR: [{ contactId }, { noteId: { in: ids(notes) } }, { activityId: { in: ids(activities) } }, { communicationId: { in: ids(communications) } }],
      },
      select: { id: true, storageKey: true },
    });
    await tx.file.deleteMany({ where: { id: { in: ids(files) } } });
    await tx.note.deleteMany({ where: { id: { in: ids(notes) } } });
    await tx.activity.deleteMany({ where: { id: { in: ids(activities) } } });
    await tx.communication.deleteMany({ where: { id: { in: ids(communications) } } });
    await scrubSharedCommunications(tx, contactId, [...details.emails.map((e) => e.email), ...details.phones.map((p) => p.e164)]);
    const submissions = await tx.formSubmission.deleteMany({ where: { contactId } });
    const merges = await tx.mergeRecord.deleteMany({ where: { OR: [{ survivorId: contactId }, { mergedId: contactId }] } });
    const imports = await eraseContactFromImports(tx, workspaceId, contactId, {
      emails: details.emails.map((e) => e.email),
      phones: details.phones.map((p) => p.e164),
      profileUrls: details.profiles.map((p) => p.url),
    });
    await tx.contact.delete({ where: { id: contactId } });
    await recordDeletion(tx, 'CONTACT', contactId, workspaceId);
    const freeText = await eraseFromFreeText(
      tx,
      workspaceId,
      {
        emails: details.emails.map((e) => e.email),
        phones: details.phones.map((p) => p.e164),
        profileUrls: details.profiles.map((p) => p.url),
        firstName: details.firstName,
        lastName: details.lastName,
      },
      linked,
    );
    const archives = await invalidateEarlierExports(tx, workspaceId);
    await recordEvent(tx, context, { workspaceId, verb: 'erased', entityType: 'Contact', entityId: contactId });
    await recordAudit(tx, context, {
      workspaceId,
      action: 'contact.erased',
      targetType: 'Contact',
      targetId: contactId,
      details: {
        notes: notes.length,
        activities: activities.length,
        communications: communications.length,
        files: files.length,
        formSubmissions: submissions.count,
        mergeRecords: merges.count,
        importRows: imports.failures,
        importUndoImages: imports.images,
        scrubbedRecords: freeText.scrubbed,
        nameMentions: freeText.mentions.length,
        invalidatedExports: archives.count,
      },
    });
    return { storageKeys: files.map((f) => f.storageKey), archiveKeys: archives.keys, invalidatedExports: archives.count, freeText };
  });
  // After the commit: a failure here leaves unreachable bytes, never a row pointing at missing ones.
  const storage = fileStorage(context.app.config);
  await Promise.all([...storageKeys, ...archiveKeys].map((key) => storage.delete(key)));
  return { invalidatedExports, scrubbedRecords: freeText.scrubbed, nameMentions: freeText.mentions };
}

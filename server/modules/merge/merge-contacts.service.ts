import type { Context } from '../../context.js';
import { delegateOf } from '../../db/delegate.js';
import { badInput, notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { requireViewer } from '../accounts/session.service.js';
import { mergedCustomFields, type FieldChoice } from './custom-choices.js';
import { emitEvent } from '../activity-events/record-event.js';
import { recordAccess } from '../../auth/record-access.js';
import { visibleWhere } from '../../auth/record-where.js';

type Tx = Prisma.TransactionClient;

export const MAX_MERGE = 10;

const CONTACT_SNAPSHOT = {
  emails: true,
  phones: true,
  profiles: true,
  tags: { select: { id: true, name: true } },
  deals: { select: { dealId: true } },
  communications: { select: { communicationId: true } },
} as const;

/** Empty survivor fields take the first non-empty value among the merged contacts. */
function filledFields(survivor: Prisma.ContactGetPayload<object>, merged: Prisma.ContactGetPayload<object>[], choices: FieldChoice[]) {
  const pick = <K extends 'jobTitle' | 'companyId' | 'location' | 'headline' | 'source' | 'ownerId'>(key: K) =>
    survivor[key] ?? merged.find((m) => m[key] != null)?.[key] ?? null;
  const customFields = mergedCustomFields(survivor, merged, choices);
  return {
    lastName: survivor.lastName || merged.find((m) => m.lastName)?.lastName || '',
    jobTitle: pick('jobTitle'),
    companyId: pick('companyId'),
    location: pick('location'),
    headline: pick('headline'),
    source: pick('source'),
    ownerId: pick('ownerId'),
    skills: [...new Set([...survivor.skills, ...merged.flatMap((m) => m.skills)])],
    customFields: customFields as Prisma.InputJsonValue,
  };
}

async function moveChildren(tx: Tx, survivorId: string, mergedIds: string[], choices: FieldChoice[]) {
  const survivor = await tx.contact.findUniqueOrThrow({ where: { id: survivorId }, include: CONTACT_SNAPSHOT });
  const phones = new Set(survivor.phones.map((p) => p.e164));
  const profiles = new Set(survivor.profiles.map((p) => p.normalizedKey));
  const deals = new Set(survivor.deals.map((d) => d.dealId));
  const communications = new Set(survivor.communications.map((c) => c.communicationId));
  const merged = await tx.contact.findMany({ where: { id: { in: mergedIds } }, include: CONTACT_SNAPSHOT });
  const from = { contactId: { in: mergedIds } };

  await tx.contactEmail.updateMany({ where: from, data: { contactId: survivorId, isPrimary: false } });
  for (const phone of merged.flatMap((m) => m.phones)) {
    if (phones.has(phone.e164)) await tx.contactPhone.delete({ where: { id: phone.id } });
    else await tx.contactPhone.update({ where: { id: phone.id }, data: { contactId: survivorId, isPrimary: false } });
    phones.add(phone.e164);
  }
  for (const profile of merged.flatMap((m) => m.profiles)) {
    if (profiles.has(profile.normalizedKey)) await tx.contactProfile.delete({ where: { id: profile.id } });
    else await tx.contactProfile.update({ where: { id: profile.id }, data: { contactId: survivorId } });
    profiles.add(profile.normalizedKey);
  }
  const newDeals = [...new Set(merged.flatMap((m) => m.deals.map((d) => d.dealId)))].filter((id) => !deals.has(id));
  await tx.dealContact.createMany({ data: newDeals.map((dealId) => ({ dealId, contactId: survivorId })) });
  const newComms = [...new Set(merged.flatMap((m) => m.communications.map((c) => c.communicationId)))].filter((id) => !communications.has(id));
  await tx.communicationContact.createMany({ data: newComms.map((communicationId) => ({ communicationId, contactId: survivorId })) });
  for (const model of ['activity', 'note', 'file', 'formSubmission', 'recordShare', 'clipSource'] as const) {
    const delegate = delegateOf<{ updateMany(args: object): Promise<unknown> }>(tx, model);
    await delegate.updateMany({ where: from, data: { contactId: survivorId } });
  }
  const tagIds = [...new Set(merged.flatMap((m) => m.tags.map((t) => t.id)))];
  await tx.contact.update({
    where: { id: survivorId },
    data: { ...filledFields(survivor, merged, choices), tags: { connect: tagIds.map((id) => ({ id })) } },
  });
  return merged;
}

/**
 * Folds duplicates into the survivor in one transaction: every email, phone, profile, tag, deal,
 * communication, activity, note, file, form submission and share moves over; empty fields are filled;
 * a MergeRecord keeps a snapshot of each merged contact; the merged contacts are then removed.
 */
export async function mergeContacts(context: Context, survivorId: string, mergedIds: string[], choices: FieldChoice[] = []) {
  const viewer = requireViewer(context);
  const ids = [...new Set(mergedIds)].filter((id) => id !== survivorId);
  if (ids.length === 0) throw badInput('Name at least one other contact to merge into the survivor.', 'duplicateIds');
  if (ids.length > MAX_MERGE) throw badInput(`Merge at most ${MAX_MERGE} contacts at a time.`, 'duplicateIds');
  const survivor = await context.prisma.contact.findUnique({ where: { id: survivorId } });
  if (!survivor || survivor.deletedAt) throw notFound('Contact');
  const access = await recordAccess(context, survivor.workspaceId);
  const visible = await context.prisma.contact.count({
    where: { AND: [visibleWhere(access), { id: { in: [survivorId, ...ids] }, deletedAt: null }] },
  });
  if (visible !== ids.length + 1) throw notFound('Contact');

  return context.prisma.$transaction(async (tx) => {
    const merged = await moveChildren(tx, survivorId, ids, choices);
    await tx.mergeRecord.createMany({
      data: merged.map((m) => ({
        workspaceId: survivor.workspaceId,
        entityType: 'Contact',
        survivorId,
        mergedId: m.id,
        mergedById: viewer.user.id,
        snapshot: JSON.parse(JSON.stringify(m)) as Prisma.InputJsonValue,
      })),
    });
    await tx.contact.deleteMany({ where: { id: { in: ids } } });
    return tx.contact.findUniqueOrThrow({ where: { id: survivorId } }).then((row) => emitEvent(tx, context, row, 'Contact', 'merged', { mergedIds: ids }));
  });
}

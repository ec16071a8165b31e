// Undo of a finished import, within the trash's retention window: created records go to the trash, updated
// ones get their before-image back (and lose the emails, phones, profiles, tags and notes the import added).
// Refused, with nothing changed, when any of them was edited since the import wrote it.
import type { Context } from '../../context.js';
import { badInput, conflict } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { expiredBefore } from '../../retention.js';
import { emitEvent } from '../activity-events/record-event.js';
import { recordAudit } from '../audit/audit.service.js';
import { visibleImport } from './imports.service.js';
import type { UndoImage } from './write-common.js';

type Tx = Prisma.TransactionClient;

const TABLE = { CONTACT: 'Contact', COMPANY: 'Company', DEAL: 'Deal' } as const;

async function editedSince(tx: Tx, importId: string): Promise<number> {
  const [row] = await tx.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM "ImportedRecord" r
    LEFT JOIN "Contact" c ON r.entity = 'CONTACT' AND c.id = r."recordId"
    LEFT JOIN "Company" m ON r.entity = 'COMPANY' AND m.id = r."recordId"
    LEFT JOIN "Deal" d ON r.entity = 'DEAL' AND d.id = r."recordId"
    WHERE r."importId" = ${importId}::uuid AND COALESCE(c."updatedAt", m."updatedAt", d."updatedAt") > r."writtenAt"`;
  return row?.n ?? 0;
}

async function restore(tx: Tx, entity: 'CONTACT' | 'COMPANY' | 'DEAL', recordId: string, image: UndoImage, now: Date) {
  const data = { ...image.fields, updatedAt: now } as Record<string, unknown>;
  if (entity === 'CONTACT') {
    await tx.contact.update({ where: { id: recordId }, data: data });
    if (image.emails.length) await tx.contactEmail.deleteMany({ where: { contactId: recordId, email: { in: image.emails } } });
    if (image.phones.length) await tx.contactPhone.deleteMany({ where: { contactId: recordId, e164: { in: image.phones } } });
    if (image.profiles.length) await tx.contactProfile.deleteMany({ where: { contactId: recordId, normalizedKey: { in: image.profiles } } });
    if (image.tags.length)
      await tx.contact.update({ where: { id: recordId }, data: { tags: { disconnect: image.tags.map((id) => ({ id })) }, updatedAt: now } });
  } else if (entity === 'DEAL') {
    if (typeof data.amountMinor === 'string') data.amountMinor = BigInt(data.amountMinor);
    await tx.deal.update({ where: { id: recordId }, data: data });
    if (image.contacts?.length) await tx.dealContact.deleteMany({ where: { dealId: recordId, contactId: { in: image.contacts } } });
    if (image.tags.length) await tx.deal.update({ where: { id: recordId }, data: { tags: { disconnect: image.tags.map((id) => ({ id })) }, updatedAt: now } });
  } else {
    await tx.company.update({ where: { id: recordId }, data: data });
    if (image.tags.length)
      await tx.company.update({ where: { id: recordId }, data: { tags: { disconnect: image.tags.map((id) => ({ id })) }, updatedAt: now } });
  }
  if (image.notes.length) await tx.note.updateMany({ where: { id: { in: image.notes }, deletedAt: null }, data: { deletedAt: now } });
}

export async function undoImport(context: Context, id: string) {
  const row = await visibleImport(context, id);
  if (row.status === 'UNDONE') throw conflict('This import has already been undone.');
  if (row.status !== 'DONE' && row.status !== 'FAILED') throw conflict('Only a finished import can be undone.');
  const days = context.app.config.retention.softDeletedDays;
  if (!row.finishedAt || row.finishedAt < expiredBefore(days)) throw badInput(`An import can be undone for ${days} days after it finished.`);
  return context.prisma.$transaction(
    async (tx) => {
      const edited = await editedSince(tx, id);
      if (edited > 0)
        throw conflict(
          `${edited} of the imported records ${edited === 1 ? 'was' : 'were'} edited since the import; undo would lose those edits, so nothing was changed.`,
        );
      const now = new Date();
      let trashed = 0;
      for (const entity of ['CONTACT', 'COMPANY', 'DEAL'] as const) {
        trashed += await tx.$executeRawUnsafe(
          `UPDATE "${TABLE[entity]}" t SET "deletedAt" = $2, "updatedAt" = $2
           FROM "ImportedRecord" r
           WHERE r."importId" = $1::uuid AND r.entity = '${entity}' AND r.action = 'CREATED' AND t.id = r."recordId" AND t."deletedAt" IS NULL`,
          id,
          now,
        );
      }
      const updated = await tx.importedRecord.findMany({ where: { importId: id, action: 'UPDATED' }, select: { recordId: true, entity: true, before: true } });
      for (const record of updated) await restore(tx, record.entity, record.recordId, record.before as unknown as UndoImage, now);
      const undone = await tx.import.update({ where: { id }, data: { status: 'UNDONE', undoneAt: now } });
      await emitEvent(tx, context, undone, 'Import', 'undone', { trashed, restored: updated.length });
      await recordAudit(tx, context, {
        workspaceId: row.workspaceId,
        action: 'import.undone',
        targetType: 'Import',
        targetId: id,
        details: { trashed, restored: updated.length },
      });
      return undone;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

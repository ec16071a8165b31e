// What an import keeps of people beyond the records: the failed rows' cells (for the error file) and the
// before-images of updated records (for undo). Both expire with the undo window (the trash's retention),
// and an erased contact leaves them: its own before-images, and every failed row naming one of its
// emails, phone numbers or profile URLs. A name alone does not identify a row, so it is not matched.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { expiredBefore } from '../../retention.js';
import { likeNeedles, type ContactIdentifiers } from '../privacy/erased-identifiers.js';

type Tx = Prisma.TransactionClient;

export async function eraseContactFromImports(
  tx: Tx,
  workspaceId: string,
  contactId: string,
  ids: Pick<ContactIdentifiers, 'emails' | 'phones' | 'profileUrls'>,
) {
  const images = await tx.$executeRaw`
    DELETE FROM "ImportedRecord" r USING "Import" i
    WHERE r."importId" = i.id AND i."workspaceId" = ${workspaceId}::uuid AND r."recordId" = ${contactId}::uuid`;
  const needles = likeNeedles({ ...ids, firstName: '', lastName: '' });
  if (needles.text.length + needles.digits.length === 0) return { images, failures: 0 };
  const failures = await tx.$executeRaw`
    DELETE FROM "ImportFailure" f USING "Import" i
    WHERE f."importId" = i.id AND i."workspaceId" = ${workspaceId}::uuid
      AND EXISTS (SELECT 1 FROM unnest(f.cells) AS cell
                  WHERE lower(cell) LIKE ANY(${needles.text}::text[]) OR regexp_replace(cell, '[^0-9]', '', 'g') LIKE ANY(${needles.digits}::text[]))`;
  return { images, failures };
}

/** Failed rows and undo records (with their before-images) of imports finished more than `days` ago: undo is refused by then. */
export async function expireImportDetails(prisma: PrismaClient, days: number, now = new Date()) {
  const expired = { finishedAt: { lt: expiredBefore(days, now) } };
  const failures = await prisma.importFailure.deleteMany({ where: { import: expired } });
  const records = await prisma.importedRecord.deleteMany({ where: { import: expired } });
  return { failures: failures.count, records: records.count };
}

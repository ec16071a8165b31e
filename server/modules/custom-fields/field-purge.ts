// Deleted fields past the trash retention window go for good: their values leave the records (trashed
// ones too), then the definition row. One field per transaction.
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { ENTITY_TABLE } from './record-values.js';

export async function purgeDeletedFields(prisma: PrismaClient, cutoff: Date): Promise<number> {
  const expired = await prisma.customField.findMany({ where: { deletedAt: { lt: cutoff } }, select: { id: true } });
  for (const { id } of expired) {
    await prisma.$transaction(async (tx) => {
      const field = await tx.customField.findUnique({ where: { id } });
      if (!field?.deletedAt || field.deletedAt >= cutoff) return;
      const table = Prisma.raw(`"${ENTITY_TABLE[field.entity]}"`);
      await tx.$executeRaw`UPDATE ${table} SET "customFields" = "customFields" - ${field.key}
                            WHERE "workspaceId" = ${field.workspaceId}::uuid AND "customFields" ? ${field.key}`;
      await tx.customField.delete({ where: { id } });
    });
  }
  return expired.length;
}

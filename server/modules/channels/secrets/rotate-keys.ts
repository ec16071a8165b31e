import type { PrismaClient } from '../../../generated/prisma/client.js';
import { delegateOf } from '../../../db/delegate.js';
import type { SecretKey } from '../config.js';
import { openSecret, sealedWithCurrentKey, sealSecret } from './sealed-secret.js';

/**
 * Re-seals every stored credential under the first key of CHANNELS_SECRET_KEYS. Run after putting a new
 * key first; once it reports nothing left under old keys, the old key can leave the list.
 */
export async function resealCredentials(prisma: PrismaClient, keys: SecretKey[]): Promise<{ resealed: number }> {
  let resealed = 0;
  for (const table of ['smtpAccount', 'mailbox'] as const) {
    const delegate = delegateOf<{
      findMany(args: object): Promise<Array<{ id: string; workspaceId: string; passwordSealed: string }>>;
      update(args: object): Promise<unknown>;
    }>(prisma, table);
    const rows = await delegate.findMany({ select: { id: true, workspaceId: true, passwordSealed: true } });
    for (const row of rows) {
      if (sealedWithCurrentKey(keys, row.passwordSealed)) continue;
      const plain = openSecret(keys, row.workspaceId, row.passwordSealed);
      // Only where the value is still the one read, so a password changed meanwhile is not overwritten.
      await prisma.$executeRawUnsafe(
        `UPDATE "${table === 'smtpAccount' ? 'SmtpAccount' : 'Mailbox'}" SET "passwordSealed" = $1 WHERE "id" = $2::uuid AND "passwordSealed" = $3`,
        sealSecret(keys, row.workspaceId, plain),
        row.id,
        row.passwordSealed,
      );
      resealed++;
    }
  }
  return { resealed };
}

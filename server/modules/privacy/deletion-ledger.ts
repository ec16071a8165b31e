// The deletion ledger: which workspaces were purged, which accounts wiped and which contacts erased, and
// when (identifiers only). A restore keeps the live ledger (server/db/backup.ts), and every start applies
// it again (reapply-deletions.ts), so an older backup cannot bring back what was deleted for good.
import type { DeletionKind } from '../../generated/prisma/enums.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

export interface LedgerEntry {
  kind: DeletionKind;
  subjectId: string;
  subjectWorkspaceId: string | null;
  recordedAt: Date;
}

export async function recordDeletion(tx: Db, kind: DeletionKind, subjectId: string, subjectWorkspaceId: string | null = null) {
  await tx.deletionLedger.createMany({ data: [{ kind, subjectId, subjectWorkspaceId }], skipDuplicates: true });
}

export function readLedger(db: Db): Promise<LedgerEntry[]> {
  return db.deletionLedger.findMany({ select: { kind: true, subjectId: true, subjectWorkspaceId: true, recordedAt: true }, orderBy: { recordedAt: 'asc' } });
}

/** Puts entries back (a restore's database may hold an older ledger, or none). */
export async function mergeLedger(db: Db, entries: LedgerEntry[]) {
  for (let i = 0; i < entries.length; i += 1000) await db.deletionLedger.createMany({ data: entries.slice(i, i + 1000), skipDuplicates: true });
}

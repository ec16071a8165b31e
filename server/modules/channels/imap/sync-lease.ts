// One Kith process syncs a mailbox at a time: the mailbox row holds a lease (holder, expiry) that its
// holder renews while it syncs. A lease works the same on PGlite and PostgreSQL and needs no held
// connection, unlike a session advisory lock; a crashed holder's lease simply runs out. Every batch renews
// the lease inside its own transaction and is refused if another process holds it by then (the fence),
// so a holder that stalled past its expiry cannot write what the next holder also writes.
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../../generated/prisma/client.js';

export interface SyncLease {
  /** This process's name as a holder. */
  holder: string;
  /** How long a lease lasts without renewal. */
  ms: number;
}

export class SyncLeaseLost extends Error {
  constructor() {
    super('another Kith process took over the sync of this mailbox');
  }
}

export const newLeaseHolder = () => `kith-${process.pid}-${randomUUID()}`;

/** Takes the lease when it is free, expired or already ours; false when another process holds it. Database time throughout, in UTC as Prisma stores it. */
export async function acquireSyncLease(prisma: PrismaClient, mailboxId: string, lease: SyncLease): Promise<boolean> {
  const taken =
    await prisma.$executeRaw`UPDATE "Mailbox" SET "syncLeaseHolder" = ${lease.holder}, "syncLeaseUntil" = (now() AT TIME ZONE 'UTC') + ${lease.ms}::int * interval '1 millisecond'
    WHERE "id" = ${mailboxId}::uuid AND ("syncLeaseHolder" IS NULL OR "syncLeaseHolder" = ${lease.holder} OR "syncLeaseUntil" < (now() AT TIME ZONE 'UTC'))`;
  return taken === 1;
}

/** Extends our lease; throws SyncLeaseLost when another process holds it (or the mailbox is gone). */
export async function renewSyncLease(db: PrismaClient | Prisma.TransactionClient, mailboxId: string, lease: SyncLease) {
  const kept = await db.$executeRaw`UPDATE "Mailbox" SET "syncLeaseUntil" = (now() AT TIME ZONE 'UTC') + ${lease.ms}::int * interval '1 millisecond'
    WHERE "id" = ${mailboxId}::uuid AND "syncLeaseHolder" = ${lease.holder}`;
  if (kept !== 1) throw new SyncLeaseLost();
}

/** Gives the lease up at once, so another process need not wait for it to expire. */
export async function releaseSyncLease(prisma: PrismaClient, mailboxId: string, lease: SyncLease) {
  await prisma.$executeRaw`UPDATE "Mailbox" SET "syncLeaseHolder" = NULL, "syncLeaseUntil" = NULL WHERE "id" = ${mailboxId}::uuid AND "syncLeaseHolder" = ${lease.holder}`;
}

// Bulk writes and their search documents. Database triggers keep documents current per statement; a bulk write
// that inserts records and then their emails, phones and profiles in separate statements would rewrite the same
// contacts' documents once per statement. Deferred, it writes each document once, at the end, in the same
// transaction (see the search_statement_triggers migration).
import type { PrismaClient } from '../../db/database.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { SearchEntityType } from '../../generated/prisma/enums.js';

/** The records a bulk write touched, by kind: their documents are rewritten from their rows. */
export type TouchedRecords = Partial<Record<SearchEntityType, readonly string[]>>;

const BULK_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

/**
 * Runs `write` in one transaction with search documents deferred, then writes the documents of every record it
 * reports. Whatever `write` changes and does not report keeps a stale document (deletions excepted: they are
 * never deferred), so it must name every record whose row, emails, phones or profiles it wrote.
 */
export function writeWithDeferredSearch<T>(
  prisma: PrismaClient,
  write: (tx: Prisma.TransactionClient) => Promise<{ result: T; touched: TouchedRecords }>,
): Promise<T> {
  return prisma.$transaction((tx) => deferSearch(tx, () => write(tx)), BULK_TRANSACTION);
}

/** The same, inside a transaction the caller already holds. */
export async function deferSearch<T>(tx: Prisma.TransactionClient, write: () => Promise<{ result: T; touched: TouchedRecords }>): Promise<T> {
  await tx.$executeRawUnsafe(`SET LOCAL kith.search_deferred = 'on'`);
  const { result, touched } = await write();
  await tx.$executeRawUnsafe(`SET LOCAL kith.search_deferred = 'off'`);
  await refreshSearchDocuments(tx, touched);
  return result;
}

export async function refreshSearchDocuments(tx: Prisma.TransactionClient, touched: TouchedRecords) {
  for (const [kind, ids] of Object.entries(touched)) {
    if (ids.length > 0) await tx.$executeRawUnsafe(`SELECT kith_search_refresh($1::"SearchEntityType", $2::uuid[])`, kind, ids);
  }
}

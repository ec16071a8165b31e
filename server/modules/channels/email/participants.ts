import type { Prisma } from '../../../generated/prisma/client.js';
import type { RecordAccess } from '../../../auth/record-rules.js';
import { visibleWhere } from '../../../auth/record-where.js';

type Tx = Prisma.TransactionClient;

/** The address part of "Name <address>", lower-cased; null when there is none. */
export function bareAddress(value: string): string | null {
  const match = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value) ?? /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(value);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * Live contacts of the workspace with one of these email addresses; with `access`, only those that viewer
 * sees (a member sending mail must not link, and so reveal, a private contact).
 */
export async function contactsByAddress(tx: Tx, workspaceId: string, addresses: string[], access?: RecordAccess): Promise<string[]> {
  const wanted = [...new Set(addresses.map((a) => a.toLowerCase()))];
  if (wanted.length === 0) return [];
  const rows = await tx.contactEmail.findMany({
    where: { workspaceId, email: { in: wanted }, contact: { deletedAt: null, ...(access ? visibleWhere(access) : {}) } },
    select: { contactId: true },
  });
  return [...new Set(rows.map((row) => row.contactId))];
}

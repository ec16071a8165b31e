// Billing plans limit contacts. An import with no room at all is refused at start (PLAN_LIMIT, from
// assertRoom); one that runs out of room midway keeps going, and each contact past the room fails with
// the reason in the error file, so the importer sees exactly which rows to bring back after upgrading.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { Billing } from '../billing/billing.service.js';
import { roomLeft } from '../billing/limits.js';
import type { ContactDecision } from './batch-types.js';

/** The decisions with each new contact past the plan's room failed (the preview shows the same, without holding the lock). */
export async function withinPlan(
  billing: Billing | null,
  tx: PrismaClient | Prisma.TransactionClient,
  workspaceId: string,
  decisions: ContactDecision[],
): Promise<ContactDecision[]> {
  if (!decisions.some((d) => d.kind === 'create')) return decisions;
  const left = await roomLeft(billing, tx, workspaceId, 'contacts');
  if (!left) return decisions;
  const reason =
    left.allowed === 0
      ? 'The workspace is read-only or its plan allows no contacts; nothing was created. An owner can settle or upgrade on the billing page.'
      : `The plan allows ${left.allowed} contacts and this row would be one more; upgrade on the billing page, then import this file again.`;
  let room = left.room;
  const refused = new Set<string>();
  return decisions.map((d): ContactDecision => {
    if (d.kind === 'create') {
      if (room > 0) {
        room -= 1;
        return d;
      }
      refused.add(d.id);
      return { row: d.row, kind: 'failed', reason };
    }
    // A later row of the same person fails with it (it would have been folded in, or skipped as its duplicate).
    if ((d.kind === 'skipped' || (d.kind === 'update' && d.folded)) && refused.has(d.targetId)) return { row: d.row, kind: 'failed', reason };
    return d;
  });
}

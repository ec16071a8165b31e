import { badInput } from '../../errors.js';
import { delegateOf, type Counter } from '../../db/delegate.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { idFromGlobalId } from '../node/uuid.js';

type Tx = Prisma.TransactionClient;

/** Decodes global IDs of one type; any foreign or malformed ID reads as not found. */
export function keysOf(globalIds: readonly string[], typename: string): string[] {
  return [...new Set(globalIds.map((id) => idFromGlobalId(id, typename)))];
}

type LinkModel = 'company' | 'contact' | 'deal' | 'tag' | 'note' | 'activity';

/**
 * Checks that linked records exist in the same workspace (and are not in the trash), so a record can
 * never point into another workspace. Reports the first missing one as BAD_USER_INPUT.
 */
export async function assertLinksInWorkspace(tx: Tx, model: LinkModel, ids: readonly string[], workspaceId: string, field: string) {
  if (ids.length === 0) return;
  const delegate = delegateOf<Counter>(tx, model);
  const softDeletes = model !== 'tag';
  const found = await delegate.count({
    where: { id: { in: [...ids] }, workspaceId, ...(softDeletes ? { deletedAt: null } : {}) },
  });
  if (found !== new Set(ids).size) throw badInput(`A linked ${model} was not found in this workspace.`, field);
}

/** Owners and assignees must be members of the workspace. */
export async function assertMember(tx: Tx, userId: string, workspaceId: string, field: string) {
  const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
  if (!membership) throw badInput('That person is not a member of this workspace.', field);
}

// The record rules (record-rules.ts) as Prisma where-fragments: lists, counts, batched checks.
import { roleCan } from './permissions.js';
import { COMMENT_TARGETS, INHERITED_LINKS, OWN_GRANTS, RECORD_MODELS, SEES_EVERY_RECORD } from './record-rules.js';
import type { OwnGrant, RecordAccess, RecordModel } from './record-rules.js';

function grantWhere(grant: OwnGrant, access: RecordAccess): object | null {
  switch (grant.grant) {
    case 'workspace':
      return access.policy === grant.policy ? { visibility: grant.visibility } : null;
    case 'owner':
      return { ownerId: access.userId };
    case 'share':
      return { shares: { some: { OR: [{ userId: access.userId }, { teamId: { in: access.teamIds } }] } } };
  }
}

/**
 * Records with their own visibility (contacts, companies, deals, communications) that the viewer sees, in
 * the access's workspace. Soft-deleted rows are the caller's concern.
 */
export function visibleWhere(access: RecordAccess) {
  const base = { workspaceId: access.workspaceId };
  if (roleCan(access.role, SEES_EVERY_RECORD)) return base;
  return { ...base, OR: OWN_GRANTS.map((grant) => grantWhere(grant, access)).filter((where) => where != null) };
}

/**
 * Rows with contactId, companyId and dealId columns whose every set link is visible. Combine it with other
 * conditions under AND.
 */
export function linkedRecordsVisibleWhere(access: RecordAccess) {
  if (roleCan(access.role, SEES_EVERY_RECORD)) return { workspaceId: access.workspaceId };
  const visible = visibleWhere(access);
  return {
    workspaceId: access.workspaceId,
    AND: INHERITED_LINKS.map((link) => ({ OR: [{ [link.column]: null }, { [link.relation]: visible }] })),
  };
}

/** Comments on live targets (notes, activities, deals) that the viewer sees. */
export function commentVisibleWhere(access: RecordAccess) {
  return {
    workspaceId: access.workspaceId,
    OR: COMMENT_TARGETS.map((target) => ({ [target.relation]: { AND: [{ deletedAt: null }, recordWhere(target.model, access)] } })),
  };
}

/** The where-fragment of any declared record model, its workspace included. */
export function recordWhere(model: RecordModel, access: RecordAccess): object {
  switch (RECORD_MODELS[model].sees) {
    case 'own':
      return visibleWhere(access);
    case 'links':
      return linkedRecordsVisibleWhere(access);
    case 'target':
      return commentVisibleWhere(access);
  }
}

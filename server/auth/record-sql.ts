// The record rules (record-rules.ts) as SQL conditions, for statements Prisma cannot write (search).
import { roleCan } from './permissions.js';
import { COMMENT_TARGETS, INHERITED_LINKS, OWN_GRANTS, RECORD_MODELS, SEES_EVERY_RECORD } from './record-rules.js';
import type { OwnGrant, RecordAccess, RecordModel } from './record-rules.js';

/** The statement's parameters holding the viewer's id (uuid) and team ids (uuid[]); unused for admins. */
export interface ViewerParams {
  userId: string;
  teamIds: string;
}

function grantSql(grant: OwnGrant, access: RecordAccess, alias: string, shareColumn: string, params: ViewerParams): string | null {
  switch (grant.grant) {
    case 'workspace':
      return access.policy === grant.policy ? `${alias}."visibility" = '${grant.visibility}'` : null;
    case 'owner':
      return `${alias}."ownerId" = ${params.userId}`;
    case 'share':
      return `EXISTS (SELECT 1 FROM "RecordShare" s WHERE s."${shareColumn}" = ${alias}.id AND (s."userId" = ${params.userId} OR s."teamId" = ANY(${params.teamIds})))`;
  }
}

/**
 * A row with its own visibility, owner and id under `alias` is visible. `shareColumn` names the RecordShare
 * column pointing at it (a search document carries its record's id, visibility and owner).
 */
export function ownSql(access: RecordAccess, alias: string, shareColumn: string, params: ViewerParams): string {
  if (roleCan(access.role, SEES_EVERY_RECORD)) return 'TRUE';
  return `(${OWN_GRANTS.map((grant) => grantSql(grant, access, alias, shareColumn, params))
    .filter((sql) => sql != null)
    .join(' OR ')})`;
}

// `OFFSET 0` keeps PostgreSQL from turning the correlated EXISTS into a hashed subplan (see search.sql.ts).
/** Every set link (contactId, companyId, dealId) of the row under `alias` is visible. */
export function linkedSql(access: RecordAccess, alias: string, params: ViewerParams): string {
  if (roleCan(access.role, SEES_EVERY_RECORD)) return 'TRUE';
  return INHERITED_LINKS.map((link) => {
    const linked = RECORD_MODELS[link.model];
    return `(${alias}."${link.column}" IS NULL OR EXISTS (SELECT 1 FROM "${linked.table}" l WHERE l.id = ${alias}."${link.column}" AND ${ownSql(access, 'l', linked.shareColumn, params)} OFFSET 0))`;
  }).join(' AND ');
}

/** A live row of `model` whose id is in `column` of the row under `alias` is visible. */
export function liveSql(
  model: RecordModel,
  access: RecordAccess,
  alias: string,
  column: string,
  params: ViewerParams,
  extra?: (row: string) => string,
): string {
  const table = RECORD_MODELS[model].table;
  const inner = `t${alias}`;
  return `EXISTS (SELECT 1 FROM "${table}" ${inner} WHERE ${inner}.id = ${alias}."${column}" AND ${inner}."deletedAt" IS NULL AND ${recordSql(model, access, inner, params)}${extra ? ` AND ${extra(inner)}` : ''} OFFSET 0)`;
}

/** A comment under `alias` is on a live target the viewer sees. */
export function commentSql(access: RecordAccess, alias: string, params: ViewerParams): string {
  return `(${COMMENT_TARGETS.map((target) => liveSql(target.model, access, alias, target.column, params)).join(' OR ')})`;
}

/** The condition of any declared record model, for its row under `alias`. */
export function recordSql(model: RecordModel, access: RecordAccess, alias: string, params: ViewerParams): string {
  const declared = RECORD_MODELS[model];
  switch (declared.sees) {
    case 'own':
      return ownSql(access, alias, declared.shareColumn, params);
    case 'links':
      return linkedSql(access, alias, params);
    case 'target':
      return commentSql(access, alias, params);
  }
}

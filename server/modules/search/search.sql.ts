// The ranked search statement, written once for the API and the bench. Visibility is expressed in SQL with
// the same rules as records/access.ts `visibleWhere`, records/linked-records.ts, comments' and files' own,
// so that the page, its order and the counts per type only ever see what the viewer may see.
// `LIMIT 1` in the correlated EXISTS keeps PostgreSQL from turning them into hashed subplans, which
// read every note, activity and deal of the workspace to check a handful of matches.
import { roleCan } from '../../auth/permissions.js';
import type { SearchEntityType } from '../../generated/prisma/enums.js';
import type { RecordAccess } from '../records/access.js';

export interface SearchSqlInput {
  access: RecordAccess;
  query: string;
  /** Exact-match keys derived from the query (see query-keys.ts). */
  keys: string[];
  types: SearchEntityType[];
  limit: number;
  offset: number;
}

export interface SearchRow {
  id: string | null;
  entityType: SearchEntityType | null;
  score: number | null;
  title: string | null;
  details: string | null;
  body: string | null;
  keys: string[] | null;
  counts: Record<string, number | string> | null;
}

/** Who may see what, per kind of document; `d` is the SearchDocument. $7 viewer id, $8 team ids (members only). */
function visibilitySql(access: RecordAccess): string {
  const all = roleCan(access.role, 'records:readAll');
  const owned = (alias: string, shareColumn: string) =>
    all
      ? 'TRUE'
      : `(${access.policy === 'OPEN' ? `${alias}."visibility" = 'WORKSPACE' OR ` : ''}${alias}."ownerId" = $7::uuid` +
        ` OR EXISTS (SELECT 1 FROM "RecordShare" s WHERE s."${shareColumn}" = ${alias}.id AND (s."userId" = $7::uuid OR s."teamId" = ANY($8::uuid[]))))`;
  const link = (alias: string, column: string, table: string, shareColumn: string) =>
    all ? 'TRUE' : `(${alias}."${column}" IS NULL OR EXISTS (SELECT 1 FROM "${table}" l WHERE l.id = ${alias}."${column}" AND ${owned('l', shareColumn)} LIMIT 1))`;
  const linked = (alias: string) =>
    [link(alias, 'contactId', 'Contact', 'contactId'), link(alias, 'companyId', 'Company', 'companyId'), link(alias, 'dealId', 'Deal', 'dealId')].join(' AND ');
  const live = (table: string, alias: string, column: string, condition: string) =>
    `EXISTS (SELECT 1 FROM "${table}" ${alias} WHERE ${alias}.id = x."${column}" AND ${alias}."deletedAt" IS NULL AND ${condition} LIMIT 1)`;
  const privateBody = all ? 'TRUE' : `(m."bodyPrivate" = FALSE OR m."ownerId" = $7::uuid)`;
  const ownedType = (table: string, shareColumn: string) =>
    all ? 'TRUE' : `EXISTS (SELECT 1 FROM "${table}" x WHERE x.id = d.id AND ${owned('x', shareColumn)} LIMIT 1)`;
  return `CASE d."entityType"
    WHEN 'CONTACT' THEN ${ownedType('Contact', 'contactId')}
    WHEN 'COMPANY' THEN ${ownedType('Company', 'companyId')}
    WHEN 'DEAL' THEN ${ownedType('Deal', 'dealId')}
    WHEN 'COMMUNICATION' THEN ${ownedType('Communication', 'communicationId')}
    WHEN 'NOTE' THEN ${all ? 'TRUE' : `EXISTS (SELECT 1 FROM "Note" x WHERE x.id = d.id AND ${linked('x')} LIMIT 1)`}
    WHEN 'ACTIVITY' THEN ${all ? 'TRUE' : `EXISTS (SELECT 1 FROM "Activity" x WHERE x.id = d.id AND ${linked('x')} LIMIT 1)`}
    WHEN 'COMMENT' THEN EXISTS (SELECT 1 FROM "Comment" x WHERE x.id = d.id AND (
      ${live('Note', 'n', 'noteId', linked('n'))} OR ${live('Activity', 'a', 'activityId', linked('a'))} OR ${live('Deal', 'l', 'dealId', owned('l', 'dealId'))}) LIMIT 1)
    WHEN 'FILE' THEN EXISTS (SELECT 1 FROM "File" x WHERE x.id = d.id AND (
      ${live('Contact', 'c', 'contactId', owned('c', 'contactId'))} OR ${live('Company', 'c', 'companyId', owned('c', 'companyId'))}
      OR ${live('Deal', 'c', 'dealId', owned('c', 'dealId'))} OR ${live('Note', 'n', 'noteId', linked('n'))}
      OR ${live('Activity', 'a', 'activityId', linked('a'))} OR ${live('Communication', 'm', 'communicationId', `${owned('m', 'communicationId')} AND ${privateBody}`)}) LIMIT 1)
    ELSE TRUE END`;
}

/**
 * One statement: every visible live match is scored (prefix and typo matches through the tsvector, exact
 * keys through the keys array, trigram similarity of the title), counted per type, and one page returned.
 * With no match at all it still returns one row, carrying the (empty) counts.
 */
export function searchSql(input: SearchSqlInput): { text: string; values: unknown[] } {
  const { access } = input;
  const text = `
WITH hits AS MATERIALIZED (
  SELECT d.id, d."entityType",
    ts_rank_cd(d.tsv, kith_search_query($2::text)) + similarity(d."titleFolded", kith_fold($2::text))
      + CASE WHEN d.keys && $3::text[] THEN 2 ELSE 0 END
      + CASE WHEN d."titleFolded" = kith_fold($2::text) THEN 1 ELSE 0 END AS score
  FROM "SearchDocument" d
  WHERE d."workspaceId" = $1::uuid AND d."deletedAt" IS NULL
    AND (d.tsv @@ kith_search_query($2::text) OR d.keys && $3::text[])
    AND ${visibilitySql(access)}
)
SELECT p.id, p."entityType", p.score::float8 AS score, d.title, d.details, d.body, d.keys, c.counts
FROM (SELECT json_object_agg(g."entityType", g.n) AS counts FROM (SELECT "entityType", count(*) AS n FROM hits GROUP BY 1) g) c
LEFT JOIN LATERAL (
  SELECT h.* FROM hits h WHERE h."entityType" = ANY($4::text[]::"SearchEntityType"[]) ORDER BY h.score DESC, h.id LIMIT $5 OFFSET $6
) p ON TRUE
LEFT JOIN "SearchDocument" d ON d.id = p.id
ORDER BY p.score DESC NULLS LAST, p.id`;
  const values: unknown[] = [access.workspaceId, input.query, input.keys, input.types, input.limit, input.offset];
  if (!roleCan(access.role, 'records:readAll')) values.push(access.userId, access.teamIds);
  return { text, values };
}

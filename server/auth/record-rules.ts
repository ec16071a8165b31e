// Who sees a record, declared once per model. Every form of the rule is derived from here: the Prisma
// where (record-where.ts), the single-record and feed checks (record-access.ts) and the search SQL
// (record-sql.ts). record-rules.test.ts checks on random workspaces that the forms agree.
import type { RecordPolicy, Role } from '../generated/prisma/enums.js';
import type { Permission } from './permissions.js';

/** What the viewer may see in one workspace: everything the rules read about the viewer. */
export interface RecordAccess {
  workspaceId: string;
  userId: string;
  role: Role;
  policy: RecordPolicy;
  teamIds: string[];
}

/** Roles holding this see every record of their workspace; the grants below are for everyone else. */
export const SEES_EVERY_RECORD: Permission = 'records:readAll';

/**
 * How a record with its own visibility (`sees: 'own'`) is seen; any one grant suffices:
 * workspace-visible while the workspace's policy is OPEN, owned by the viewer, or shared (RecordShare)
 * with the viewer or one of their teams.
 */
export const OWN_GRANTS = [
  { grant: 'workspace', visibility: 'WORKSPACE', policy: 'OPEN' },
  { grant: 'owner' },
  { grant: 'share' },
] as const satisfies ReadonlyArray<{ grant: string; visibility?: 'WORKSPACE'; policy?: RecordPolicy }>;

export type OwnGrant = (typeof OWN_GRANTS)[number];

/**
 * The links a record with `sees: 'links'` inherits from: it is hidden as soon as one that is set is hidden.
 * `column` is the foreign key, `relation` the Prisma relation, `model` the linked record's model.
 */
export const INHERITED_LINKS = [
  { column: 'contactId', relation: 'contact', model: 'contact' },
  { column: 'companyId', relation: 'company', model: 'company' },
  { column: 'dealId', relation: 'deal', model: 'deal' },
] as const;

/** The targets a comment is seen through: exactly one is set, and it must be live and visible. */
export const COMMENT_TARGETS = [
  { column: 'noteId', relation: 'note', model: 'note' },
  { column: 'activityId', relation: 'activity', model: 'activity' },
  { column: 'dealId', relation: 'deal', model: 'deal' },
] as const;

/**
 * Each record model: its GraphQL type, its table, how it is seen (`own`: OWN_GRANTS; `links`:
 * INHERITED_LINKS; `target`: COMMENT_TARGETS), and the columns naming who may delete it with
 * records:deleteOwn (records:deleteAny deletes anything). `shareColumn` is its RecordShare column, also
 * the key a search document shares under. Files are seen through the record they are attached to.
 */
export const RECORD_MODELS = {
  contact: { typename: 'Contact', table: 'Contact', sees: 'own', shareColumn: 'contactId', deletedByOwn: ['ownerId', 'createdById'] },
  company: { typename: 'Company', table: 'Company', sees: 'own', shareColumn: 'companyId', deletedByOwn: ['ownerId', 'createdById'] },
  deal: { typename: 'Deal', table: 'Deal', sees: 'own', shareColumn: 'dealId', deletedByOwn: ['ownerId', 'createdById'] },
  communication: { typename: 'Communication', table: 'Communication', sees: 'own', shareColumn: 'communicationId', deletedByOwn: ['ownerId', 'createdById'] },
  note: { typename: 'Note', table: 'Note', sees: 'links', deletedByOwn: ['createdById'] },
  activity: { typename: 'Activity', table: 'Activity', sees: 'links', deletedByOwn: ['assigneeId', 'createdById'] },
  comment: { typename: 'Comment', table: 'Comment', sees: 'target', deletedByOwn: ['authorId'] },
} as const;

export type RecordModel = keyof typeof RECORD_MODELS;
/** Models with a visibility, an owner and shares of their own. */
export type VisibleModel = { [M in RecordModel]: (typeof RECORD_MODELS)[M]['sees'] extends 'own' ? M : never }[RecordModel];

export const isVisibleModel = (model: RecordModel): model is VisibleModel => RECORD_MODELS[model].sees === 'own';

/** The declared model behind a GraphQL type name (feed events name their entity by it), if any. */
export function modelOfTypename(typename: string): RecordModel | undefined {
  return (Object.keys(RECORD_MODELS) as RecordModel[]).find((model) => RECORD_MODELS[model].typename === typename);
}

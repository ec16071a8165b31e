// What the field matrix reads, derived from the schema: every field of every Node type that takes no
// required argument, and the root lookups that return one record by id. New fields are covered without
// anyone listing them; what each caller may see of them is decided by the rules below.
import { getNamedType, isInterfaceType, isLeafType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { Permission } from '../auth/permissions.js';
import type { Role } from '../generated/prisma/enums.js';

/**
 * Who sees a record of each Node type in their own workspace: every member, the least role that does, or
 * 'record' (shared records: every member; private ones: their owner, admins and owners). Written out, not
 * read from permissions.ts, so a change to that table fails here. A new Node type fails until listed.
 */
export const NODE_RULES: Record<string, 'member' | 'record' | 'owner' | Role> = {
  Workspace: 'member',
  Membership: 'member',
  User: 'member',
  Team: 'member',
  Tag: 'member',
  Pipeline: 'member',
  PipelineStage: 'member',
  CustomField: 'member',
  Form: 'member',
  FormSubmission: 'member',
  EmailTemplate: 'member',
  // Their own visibility (private to the owner), or inherited from the records they hang off.
  Contact: 'record',
  Company: 'record',
  Deal: 'record',
  Communication: 'record',
  DealStageChange: 'record',
  Activity: 'record',
  Note: 'record',
  Comment: 'record',
  Attachment: 'record',
  ActivityEvent: 'record',
  Invitation: 'ADMIN',
  ApiKey: 'ADMIN',
  AuditLogEntry: 'ADMIN',
  Webhook: 'ADMIN',
  WebhookDelivery: 'ADMIN',
  WorkspaceExport: 'ADMIN',
  // Seeded by the owner: admins see every member's imports, members only their own.
  Import: 'ADMIN',
  // Shared: every member; private: their owner alone (admins included out). The seeded owner is the workspace's only OWNER.
  SavedView: 'owner',
};

/** Fields only the user themself reads, signed in with a session: co-members and API keys are refused. */
export const SELF_ONLY_FIELDS = ['User.createdAt', 'User.emailVerified', 'User.preferences', 'User.sessions', 'User.workspaces'];

/** Fields whose value depends on who reads (their role, what they see), so they are compared with nobody's. */
export const READER_DEPENDENT_FIELDS = new Set([
  'Workspace.viewerRole',
  'Workspace.viewerPermissions',
  'Workspace.members',
  'PipelineStage.totalAmounts',
  'SavedView.ownedByViewer',
  'SavedView.canEdit',
  'SavedView.count',
]);

export interface ReadField {
  /** `Type.field` */
  name: string;
  /** The field with its sub-selection, e.g. `owner { id }`. */
  selection: string;
  /** A permission the field's own rule asks for on top of its type's. */
  permission?: Permission;
  /** The field has a rule of its own or skips its type's: a refused read must try it alone. */
  ownRule: boolean;
}

const isConnection = (type: GraphQLObjectType) => 'edges' in type.getFields() && 'pageInfo' in type.getFields();
const takesRequiredArgs = (field: GraphQLField<unknown, unknown>) => field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);

function subSelection(type: GraphQLObjectType): string | null {
  if (type.getInterfaces().some((i) => i.name === 'Node')) return '{ id }';
  const leaves = Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && !takesRequiredArgs(f));
  return leaves.length ? `{ ${leaves.map((f) => f.name).join(' ')} }` : null;
}

interface FieldOptions {
  authScopes?: unknown;
  skipTypeScopes?: boolean;
  skipInterfaceScopes?: boolean;
}
const optionsOf = (field: GraphQLField<unknown, unknown>) => (field.extensions as { pothosOptions?: FieldOptions }).pothosOptions ?? {};

/** The permission a field's own rule asks for, read by calling it with a stand-in row. */
function fieldPermission(field: GraphQLField<unknown, unknown>): Permission | undefined {
  const rule = optionsOf(field).authScopes;
  if (typeof rule !== 'function') return undefined;
  try {
    const scopes = rule({ id: 'row', workspaceId: 'workspace' }, {}, {}, {}) as { can?: { permission?: Permission } };
    return scopes?.can?.permission;
  } catch {
    return undefined;
  }
}

/** Every field of a Node type the matrix reads: leaves as they are, objects with their ids or leaves. */
export function readableFields(type: GraphQLObjectType): ReadField[] {
  const fields: ReadField[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.name === 'id' || takesRequiredArgs(field)) continue;
    const named = getNamedType(field.type);
    let selection: string | null = field.name;
    if (isObjectType(named)) {
      const sub = isConnection(named) ? null : subSelection(named);
      selection = sub && `${field.name} ${sub}`;
    } else if (isInterfaceType(named)) {
      selection = `${field.name} { __typename }`;
    }
    const options = optionsOf(field);
    const ownRule = Boolean(options.authScopes || options.skipTypeScopes || options.skipInterfaceScopes);
    if (selection) fields.push({ name: `${type.name}.${field.name}`, selection, permission: fieldPermission(field), ownRule });
  }
  return fields;
}

/** Root fields that return one record of the type by its id, e.g. `deal(id:)`. */
export function lookupsOf(schema: GraphQLSchema, type: GraphQLObjectType): string[] {
  return Object.values(schema.getQueryType()!.getFields())
    .filter((f) => getNamedType(f.type) === type && f.args.some((a) => a.name === 'id'))
    .filter((f) => f.args.every((a) => a.name === 'id' || !isNonNullType(a.type)))
    .map((f) => f.name);
}

export function nodeTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'));
}

const RANK: Record<Role, number> = { VIEWER: 1, MEMBER: 2, ADMIN: 3, OWNER: 4 };

/** Whether a reader with this role in the record's workspace sees the record. */
export function roleSees(role: Role, type: string, isPrivate: boolean): boolean {
  const rule = NODE_RULES[type];
  if (rule === undefined) throw new Error(`${type} has no entry in NODE_RULES`);
  if (rule === 'member') return true;
  if (rule === 'owner') return !isPrivate || role === 'OWNER';
  return RANK[role] >= RANK[rule === 'record' ? (isPrivate ? 'ADMIN' : 'VIEWER') : rule];
}

/** Every non-null leaf value in a response: a refused read must have none. */
export function leafValues(value: unknown, path = ''): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leafValues(v, `${path}[${i}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafValues(v, path ? `${path}.${k}` : k));
  return [`${path}=${JSON.stringify(value)}`];
}

// Rows that belong to one workspace and have no visibility of their own: the viewer's role in the row's
// own workspace decides (the `workspaceRow` scope). A row outside the viewer's workspaces, missing, or
// filtered out by `where` (deleted forms, revoked keys) reads as NOT_FOUND, never as FORBIDDEN.
import type { Context } from '../context.js';
import { delegateOf } from '../db/delegate.js';
import { notFound } from '../errors.js';
import { idFromGlobalId } from '../modules/node/uuid.js';
import type { Permission } from './permissions.js';
import type { WorkspacePermission } from './record-scopes.js';

/** Per Prisma model: its GraphQL type, the name errors give it, and what else a live row must match. */
export const WORKSPACE_ROWS = {
  membership: { typename: 'Membership', what: 'Member' },
  invitation: { typename: 'Invitation', what: 'Invitation' },
  team: { typename: 'Team', what: 'Team' },
  tag: { typename: 'Tag', what: 'Tag' },
  pipeline: { typename: 'Pipeline', what: 'Pipeline' },
  pipelineStage: { typename: 'PipelineStage', what: 'Stage' },
  customField: { typename: 'CustomField', what: 'Field', missing: 'Custom field' },
  form: { typename: 'Form', what: 'Form', where: { deletedAt: null } },
  emailTemplate: { typename: 'EmailTemplate', what: 'Email template' },
  webhook: { typename: 'Webhook', what: 'Webhook' },
  webhookDelivery: { typename: 'WebhookDelivery', what: 'WebhookDelivery' },
  apiKey: { typename: 'ApiKey', what: 'ApiKey', where: { revokedAt: null } },
} as const satisfies Record<string, { typename: string; what: string; missing?: string; where?: object }>;

export type WorkspaceRowModel = keyof typeof WORKSPACE_ROWS;

export interface WorkspaceRowPermission {
  model: WorkspaceRowModel;
  /** Global ID. */
  id: string;
  permission: Permission;
}

type Finder = (args: { where: object; select: { workspaceId: true } }) => Promise<{ workspaceId: string } | null>;

/** `workspaceRow`: signed out → false (UNAUTHENTICATED); not the viewer's → NOT_FOUND; then the role. */
export async function mayActOnWorkspaceRow(context: Context, target: WorkspaceRowPermission, can: (check: WorkspacePermission) => Promise<boolean>) {
  if (!context.viewer) return false;
  const declared: { typename: string; what: string; missing?: string; where?: object } = WORKSPACE_ROWS[target.model];
  const id = idFromGlobalId(target.id, declared.typename, declared.what);
  const delegate = delegateOf<{ findFirst: Finder }>(context.prisma, target.model);
  const row = await delegate.findFirst({ where: { id, ...declared.where }, select: { workspaceId: true } });
  if (!row || (await context.roleIn(row.workspaceId)) == null) throw notFound(declared.missing ?? declared.what);
  return can({ workspaceId: row.workspaceId, permission: target.permission });
}

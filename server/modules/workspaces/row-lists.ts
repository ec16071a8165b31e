// Lists of a workspace's own rows (pipelines, tags, teams, templates, webhooks, exports): every one takes the
// optional `workspaceId`, needs one permission there, and reads the rows in a fixed order.
import { inWorkspace } from '../../auth/field-scopes.js';
import type { Permission } from '../../auth/permissions.js';
import type { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { delegateOf, type ModelKey } from '../../db/delegate.js';
import { requireWorkspaceId } from './workspace.service.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type QueryFields = PothosSchemaTypes.QueryFieldBuilder<Types, object>;
type Finder = { findMany(args: object): Promise<never> };
// Pothos wants one literal type name; each list's GraphQL type is its Prisma model's name.
type RowType = 'Pipeline';

export interface RowListSpec {
  type: string;
  model: ModelKey;
  permission: Permission;
  orderBy: object;
  description?: string;
  /** At most this many rows. */
  take?: number;
}

const rows = (spec: RowListSpec, ctx: Context, workspaceId: string | null | undefined, query: object, take?: number) =>
  delegateOf<Finder>(ctx.prisma, spec.model).findMany({ ...query, where: { workspaceId: requireWorkspaceId(ctx, workspaceId) }, orderBy: spec.orderBy, take });

/** All the rows, as a plain list. */
export function rowList(t: QueryFields, spec: RowListSpec) {
  return t.prismaField({
    type: [spec.type as RowType],
    description: spec.description,
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace(spec.permission),
    resolve: (query, _root, args, ctx) => rows(spec, ctx, args.workspaceId, query, spec.take),
  });
}

/** The rows as a Relay connection, paged by ID. */
export function rowConnection(t: QueryFields, spec: RowListSpec) {
  return t.prismaConnection({
    type: spec.type as RowType,
    cursor: 'id',
    description: spec.description,
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace(spec.permission),
    resolve: (query, _root, args, ctx) => rows(spec, ctx, args.workspaceId, query),
  });
}

// The one-record field every record type has, and the list field of the records linked to contacts,
// companies and deals (notes, activities, communications): the same arguments, scope and paging.
import type { InputObjectRef } from '@pothos/core';
import { inWorkspace } from '../../auth/field-scopes.js';
import { recordAccess } from '../../auth/record-access.js';
import type { RecordAccess } from '../../auth/record-rules.js';
import type { builder } from '../../builder.js';
import { delegateOf } from '../../db/delegate.js';
import { notFound } from '../../errors.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import type { TrashableModel } from './set-deleted.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type QueryFields = PothosSchemaTypes.QueryFieldBuilder<Types, object>;
type RecordTypeName = 'Contact' | 'Company' | 'Deal' | 'Activity' | 'Note' | 'Communication';
type Finder = { findFirst(args: object): Promise<unknown>; findMany(args: object): Promise<unknown[]>; count(args: object): Promise<number> };

export interface RecordFieldSpec {
  type: RecordTypeName;
  model: TrashableModel;
  description?: string;
  /** `type`: the object type's own scope decides (contacts, companies, deals); `record`: the record scope, before loading. */
  checkedBy: 'type' | 'record';
}

/** A live record by global ID: NOT_FOUND when it is missing, in the trash, or hidden from the viewer. */
export function recordField(t: QueryFields, { type, model, description, checkedBy }: RecordFieldSpec) {
  return t.prismaField({
    type,
    description,
    args: { id: t.arg.id() },
    authScopes: (_root, args) => (checkedBy === 'type' ? { authenticated: true } : { record: { model, id: args.id, permission: 'records:read' } }),
    resolve: async (query, _root, args, ctx) => {
      const row = await delegateOf<Finder>(ctx.prisma, model).findFirst({ ...query, where: { id: idFromGlobalId(args.id, type), deletedAt: null } });
      if (!row) throw notFound(type);
      return row as never;
    },
  });
}

export interface LinkedListArgs {
  workspaceId?: string | null;
  filter?: unknown;
  sort?: { field: string; direction?: 'ASC' | 'DESC' | null } | null;
  trash?: boolean | null;
}

/** The arguments every record list takes: the workspace, its filter and sort, and `trash`. */
export const listArgs = (t: QueryFields, filter: InputObjectRef<Types, unknown>, sort: InputObjectRef<Types, unknown>) => ({
  workspaceId: t.arg.id({ required: false }),
  filter: t.arg({ type: filter, required: false }),
  sort: t.arg({ type: sort, required: false }),
  trash: t.arg.boolean({ required: false }),
});

export interface ListOrder {
  /** Sort field (enum value) → column. */
  columns: Record<string, string>;
  /** Without `sort`: this field, in this direction. */
  unsorted: { field: string; direction: 'asc' | 'desc' };
  /** A nullable column whose empty values sort last either way. */
  nullsLast?: string;
}

function orderBy(order: ListOrder, sort: LinkedListArgs['sort']) {
  const direction = sort ? (sort.direction === 'DESC' ? 'desc' : 'asc') : order.unsorted.direction;
  const column = order.columns[sort?.field ?? order.unsorted.field]!;
  return [column === order.nullsLast ? { [column]: { sort: direction, nulls: 'last' } } : { [column]: direction }, { id: direction }];
}

/** What every record list field names: its type and model, a description, and its filter and sort inputs. */
export interface ListFieldSpec<Type extends RecordTypeName, Model extends TrashableModel> {
  type: Type;
  model: Model;
  description: string;
  filter: InputObjectRef<Types, unknown>;
  sort: InputObjectRef<Types, unknown>;
}

export interface LinkedListSpec extends ListFieldSpec<'Activity' | 'Note' | 'Communication', 'activity' | 'note' | 'communication'> {
  /** The rows the viewer sees that match the arguments (a method: each list takes its own filter). */
  where(access: RecordAccess, args: LinkedListArgs): object;
  order: ListOrder;
}

export function linkedListField(t: QueryFields, spec: LinkedListSpec) {
  const rows = (ctx: Parameters<typeof recordAccess>[0]) => delegateOf<Finder>(ctx.prisma, spec.model);
  return t.prismaConnection({
    type: spec.type,
    cursor: 'id',
    description: spec.description,
    args: listArgs(t, spec.filter, spec.sort),
    authScopes: inWorkspace('records:read'),
    totalCount: async (_root, args, ctx) => {
      const access = await recordAccess(ctx, requireWorkspaceId(ctx, args.workspaceId));
      return rows(ctx).count({ where: spec.where(access, args as LinkedListArgs) });
    },
    resolve: async (query, _root, args, ctx) => {
      const access = await recordAccess(ctx, requireWorkspaceId(ctx, args.workspaceId));
      return rows(ctx).findMany({
        ...query,
        where: spec.where(access, args as LinkedListArgs),
        orderBy: orderBy(spec.order, (args as LinkedListArgs).sort),
      }) as never;
    },
  });
}

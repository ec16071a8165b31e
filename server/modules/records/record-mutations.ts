// The create, update, delete and restore mutations every record type has, built from its service: each runs
// the service, then reads the row it wrote back with the query's own selection.
import type { InputObjectRef } from '@pothos/core';
import { permissionInWorkspace } from '../../auth/record-scopes.js';
import type { RecordModel } from '../../auth/record-rules.js';
import type { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { selectedRow } from '../../db/delegate.js';
import { setRecordDeleted, type TrashableModel } from './set-deleted.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type MutationFields = PothosSchemaTypes.MutationFieldBuilder<Types, object>;
type RecordTypeName = 'Contact' | 'Company' | 'Deal' | 'Activity' | 'Note' | 'Communication';
type Written = Promise<{ id: string }>;

export interface RecordMutationSpec<Input> {
  type: RecordTypeName;
  model: TrashableModel;
  input: InputObjectRef<Types, Input>;
  create: (ctx: Context, workspaceId: string, input: Input) => Written;
  update: (ctx: Context, id: string, input: Input) => Written;
  descriptions: { create?: string; update?: string; delete: string };
}

/** The record's scope for a permission, for a field whose `id` argument names it. */
export const onRecord = (model: RecordModel, permission: 'records:update') => (_root: unknown, args: { id: string }) =>
  ({ record: { model, id: args.id, permission } }) as const;

export function recordMutations<Input>(t: MutationFields, spec: RecordMutationSpec<Input>) {
  const { type, model } = spec;
  // Pothos cannot resolve its argument types through a generic input: the fields below declare these arguments.
  const argsOf = (args: object) => args as { id: string; workspaceId?: string | null; input: Input };
  const key = (id: string) => idFromGlobalId(id, type);
  const deletes = (_root: unknown, args: { id: string }) => ({ deletes: { model, id: args.id } });
  const setDeleted = (deleted: boolean) =>
    t.prismaField({
      type,
      ...(deleted ? { description: spec.descriptions.delete } : {}),
      args: { id: t.arg.id() },
      authScopes: deletes,
      resolve: async (query, _root, args, ctx) => selectedRow(ctx, model, query, await setRecordDeleted(ctx, model, key(args.id), deleted)),
    });
  return {
    [`create${type}`]: t.prismaField({
      type,
      description: spec.descriptions.create,
      args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: spec.input }) },
      authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:create', argsOf(args).workspaceId),
      resolve: async (query, _root, args, ctx) => {
        const { workspaceId, input } = argsOf(args);
        return selectedRow(ctx, model, query, await spec.create(ctx, requireWorkspaceId(ctx, workspaceId), input));
      },
    }),
    [`update${type}`]: t.prismaField({
      type,
      description: spec.descriptions.update,
      args: { id: t.arg.id(), input: t.arg({ type: spec.input }) },
      authScopes: (root, args) => onRecord(model, 'records:update')(root, argsOf(args)),
      resolve: async (query, _root, args, ctx) => {
        const { id, input } = argsOf(args);
        return selectedRow(ctx, model, query, await spec.update(ctx, key(id), input));
      },
    }),
    [`delete${type}`]: setDeleted(true),
    [`restore${type}`]: setDeleted(false),
  };
}

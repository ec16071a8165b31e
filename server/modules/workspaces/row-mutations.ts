// Mutations on rows that belong to a workspace (forms, pipelines, custom fields, templates...), built from
// their services: each checks the permission, runs the service, then reads the row back with the query's
// own selection. A module lists what differs: the input, the service and the description.
import type { InputObjectRef } from '@pothos/core';
import { inWorkspace, onRow } from '../../auth/field-scopes.js';
import type { Permission } from '../../auth/permissions.js';
import { WORKSPACE_ROWS, type WorkspaceRowModel } from '../../auth/workspace-rows.js';
import type { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { selectedRow } from '../../db/delegate.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from './workspace.service.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type MutationFields = PothosSchemaTypes.MutationFieldBuilder<Types, object>;
type Written = Promise<{ id: string }>;
// Pothos wants one literal type name; every row model's GraphQL type is its Prisma model's name.
type RowType = 'Form';
// Pothos cannot resolve argument types through a generic input: the fields below declare these arguments.
const argsOf = <Input>(args: object) => args as { id: string; workspaceId?: string | null; input: Input };

export function rowMutations(t: MutationFields, model: WorkspaceRowModel, permission: Permission) {
  const { typename, what } = WORKSPACE_ROWS[model];
  const type = typename as RowType;
  const key = (id: string) => idFromGlobalId(id, typename, what);
  return {
    /** `workspaceId` (the request's by default) and `input` → the new row. */
    create: <Input>(input: InputObjectRef<Types, Input>, run: (ctx: Context, workspaceId: string, input: Input) => Written, description?: string) =>
      t.prismaField({
        type,
        description,
        args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: input }) },
        authScopes: inWorkspace(permission),
        resolve: async (query, _root, args, ctx) => {
          const { workspaceId, input } = argsOf<Input>(args);
          return selectedRow(ctx, model, query, await run(ctx, requireWorkspaceId(ctx, workspaceId), input));
        },
      }),
    /** `id` and `input` → the changed row. */
    update: <Input>(input: InputObjectRef<Types, Input>, run: (ctx: Context, id: string, input: Input) => Written, description?: string) =>
      t.prismaField({
        type,
        description,
        args: { id: t.arg.id(), input: t.arg({ type: input }) },
        authScopes: onRow(model, permission),
        resolve: async (query, _root, args, ctx) => {
          const { id, input } = argsOf<Input>(args);
          return selectedRow(ctx, model, query, await run(ctx, key(id), input));
        },
      }),
    /** The row's ID, under the argument name `arg` → the row after the service acted on it. */
    act: (run: (ctx: Context, id: string) => Written, description?: string, arg = 'id') =>
      t.prismaField({
        type,
        description,
        args: { [arg]: t.arg.id() },
        authScopes: onRow(model, permission, arg),
        resolve: async (query, _root, args, ctx) => selectedRow(ctx, model, query, await run(ctx, key(args[arg]!))),
      }),
    /** `id` → true once the service has deleted the row. */
    remove: (run: (ctx: Context, id: string) => Promise<unknown>, description?: string) =>
      t.boolean({
        description,
        args: { id: t.arg.id() },
        authScopes: onRow(model, permission),
        resolve: async (_root, args, ctx) => {
          await run(ctx, key(args.id));
          return true;
        },
      }),
  };
}

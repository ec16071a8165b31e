import { builder } from '../../builder.js';
import { inWorkspace } from '../../auth/field-scopes.js';
import { notFound } from '../../errors.js';
import { CustomFieldEntityEnum } from '../custom-fields/custom-field.types.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { CreateSavedViewInput, UpdateSavedViewInput } from './saved-view.inputs.js';
import './saved-view.types.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';
import { stateData, viewScope, visibleViewsWhere } from './saved-view.service.js';

// Events say whether the view is shared: the feed shows a private view's events to their actor alone.
const summary = (view: { shared: boolean; name: string }, changes: object = {}) => ({
  ...changes,
  shared: view.shared,
  ...(view.shared ? { name: view.name } : {}),
});

builder.queryField('savedViews', (t) =>
  t.prismaField({
    type: ['SavedView'],
    description: "A list's views you can see: yours and the shared ones, by name.",
    args: { workspaceId: t.arg.id({ required: false }), list: t.arg({ type: CustomFieldEntityEnum }) },
    authScopes: inWorkspace('records:read'),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.savedView.findMany({
        ...query,
        where: { workspaceId: requireWorkspaceId(ctx, args.workspaceId), entity: args.list, ...visibleViewsWhere(ctx.viewer!.user.id) },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
);

builder.mutationFields((t) => ({
  createSavedView: t.prismaField({
    type: 'SavedView',
    description: 'Saves a view of a list ("save as" saves the current state under a new name).',
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: CreateSavedViewInput }) },
    authScopes: inWorkspace('views:save'),
    resolve: async (query, _root, args, ctx, info) => {
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      const data = await stateData(ctx, info.schema, workspaceId, args.input.list, args.input);
      const view = await ctx.prisma.$transaction((tx) =>
        tx.savedView
          .create({ data: { ...data, name: args.input.name.trim(), workspaceId, ownerId: ctx.viewer!.user.id, entity: args.input.list } })
          .then((row) => emitEvent(tx, ctx, row, 'SavedView', 'created', summary(row))),
      );
      return ctx.prisma.savedView.findUniqueOrThrow({ ...query, where: { id: view.id } });
    },
  }),
  updateSavedView: t.prismaField({
    type: 'SavedView',
    description: "Saves changes to a view in place: your own, or (views:manageShared) anyone's shared view.",
    args: { id: t.arg.id(), input: t.arg({ type: UpdateSavedViewInput }) },
    authScopes: (_root, args, ctx) => viewScope(ctx, args.id),
    resolve: async (query, _root, args, ctx, info) => {
      const old = await ctx.prisma.savedView.findUniqueOrThrow({ where: { id: idFromGlobalId(args.id, 'SavedView', 'View') } });
      const data = await stateData(ctx, info.schema, old.workspaceId, old.entity, args.input, old);
      await ctx.prisma.$transaction((tx) =>
        tx.savedView
          .update({ where: { id: old.id }, data })
          .then((row) => emitEvent(tx, ctx, row, 'SavedView', 'updated', summary(row, changedFields(args.input)))),
      );
      return ctx.prisma.savedView.findUniqueOrThrow({ ...query, where: { id: old.id } });
    },
  }),
  deleteSavedView: t.boolean({
    args: { id: t.arg.id() },
    authScopes: (_root, args, ctx) => viewScope(ctx, args.id),
    resolve: async (_root, args, ctx) => {
      await ctx.prisma.$transaction((tx) =>
        tx.savedView
          .delete({ where: { id: idFromGlobalId(args.id, 'SavedView', 'View') } })
          .then((row) => emitEvent(tx, ctx, row, 'SavedView', 'deleted', summary(row))),
      );
      return true;
    },
  }),
  setDefaultSavedView: t.boolean({
    description: 'Stars a view you can see as the one your list opens with; without `id`, the list opens with no view.',
    args: { workspaceId: t.arg.id({ required: false }), list: t.arg({ type: CustomFieldEntityEnum }), id: t.arg.id({ required: false }) },
    authScopes: inWorkspace('views:save'),
    resolve: async (_root, args, ctx) => {
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      const userId = ctx.viewer!.user.id;
      const key = { workspaceId_userId_entity: { workspaceId, userId, entity: args.list } };
      if (!args.id) {
        await ctx.prisma.savedViewStar.deleteMany({ where: key.workspaceId_userId_entity });
        return true;
      }
      const view = await ctx.prisma.savedView.findFirst({
        where: { id: idFromGlobalId(args.id, 'SavedView', 'View'), workspaceId, entity: args.list, ...visibleViewsWhere(userId) },
      });
      if (!view) throw notFound('Saved view');
      await ctx.prisma.savedViewStar.upsert({ where: key, create: { workspaceId, userId, entity: args.list, viewId: view.id }, update: { viewId: view.id } });
      return true;
    },
  }),
}));

import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import { completeActivity, createActivity, setActivityDeleted, updateActivity } from './activities.service.js';
import { ActivityInput } from './activity.inputs.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';

const key = (id: string) => idFromGlobalId(id, 'Activity');

builder.mutationFields((t) => ({
  createActivity: t.prismaField({
    type: 'Activity',
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: ActivityInput }) },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:create', args.workspaceId),
    resolve: async (query, _root, args, ctx) => {
      const activity = await createActivity(ctx, requireWorkspaceId(ctx, args.workspaceId), args.input);
      return ctx.prisma.activity.findUniqueOrThrow({ ...query, where: { id: activity.id } });
    },
  }),
  updateActivity: t.prismaField({
    type: 'Activity',
    args: { id: t.arg.id(), input: t.arg({ type: ActivityInput }) },
    authScopes: (_root, args) => ({ record: { model: 'activity', id: args.id, permission: 'records:update' } }),
    resolve: async (query, _root, args, ctx) => {
      const activity = await updateActivity(ctx, key(args.id), args.input);
      return ctx.prisma.activity.findUniqueOrThrow({ ...query, where: { id: activity.id } });
    },
  }),
  completeActivity: t.prismaField({
    type: 'Activity',
    description: 'Marks the activity done (or, with done: false, not done); doneAt records when.',
    args: { id: t.arg.id(), done: t.arg.boolean({ defaultValue: true }) },
    authScopes: (_root, args) => ({ record: { model: 'activity', id: args.id, permission: 'records:update' } }),
    resolve: async (query, _root, args, ctx) => {
      const activity = await completeActivity(ctx, key(args.id), args.done);
      return ctx.prisma.activity.findUniqueOrThrow({ ...query, where: { id: activity.id } });
    },
  }),
  deleteActivity: t.prismaField({
    type: 'Activity',
    description:
      'Moves the activity to the trash, from where it can be restored until it is purged (30 days later unless the server is set otherwise). Members delete those they created or are assigned.',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'activity', id: args.id } }),
    resolve: async (query, _root, args, ctx) => {
      const activity = await setActivityDeleted(ctx, key(args.id), true);
      return ctx.prisma.activity.findUniqueOrThrow({ ...query, where: { id: activity.id } });
    },
  }),
  restoreActivity: t.prismaField({
    type: 'Activity',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'activity', id: args.id } }),
    resolve: async (query, _root, args, ctx) => {
      const activity = await setActivityDeleted(ctx, key(args.id), false);
      return ctx.prisma.activity.findUniqueOrThrow({ ...query, where: { id: activity.id } });
    },
  }),
}));

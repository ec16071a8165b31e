import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import { DealInput } from './deal.inputs.js';
import { createDeal, moveDeal, setDealDeleted, updateDeal } from './deals.service.js';
import './deal.types.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';

const key = (id: string) => idFromGlobalId(id, 'Deal');

builder.mutationFields((t) => ({
  createDeal: t.prismaField({
    type: 'Deal',
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: DealInput }) },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:create', args.workspaceId),
    resolve: async (query, _root, args, ctx) => {
      const deal = await createDeal(ctx, requireWorkspaceId(ctx, args.workspaceId), args.input);
      return ctx.prisma.deal.findUniqueOrThrow({ ...query, where: { id: deal.id } });
    },
  }),
  updateDeal: t.prismaField({
    type: 'Deal',
    description: 'Changes anything but the stage and pipeline (see moveDeal).',
    args: { id: t.arg.id(), input: t.arg({ type: DealInput }) },
    authScopes: (_root, args) => ({ record: { model: 'deal', id: args.id, permission: 'records:update' } }),
    resolve: async (query, _root, args, ctx) => {
      const deal = await updateDeal(ctx, key(args.id), args.input);
      return ctx.prisma.deal.findUniqueOrThrow({ ...query, where: { id: deal.id } });
    },
  }),
  moveDeal: t.prismaField({
    type: 'Deal',
    description:
      "Moves the deal to a stage, recording the move; the stage's won/lost flags set the status. The stage must be in the deal's pipeline, or in `pipelineId` to move the deal to another pipeline.",
    args: { id: t.arg.id(), stageId: t.arg.id(), pipelineId: t.arg.id({ required: false }) },
    authScopes: (_root, args) => ({ record: { model: 'deal', id: args.id, permission: 'records:update' } }),
    resolve: async (query, _root, args, ctx) => {
      const deal = await moveDeal(ctx, key(args.id), args.stageId, args.pipelineId);
      return ctx.prisma.deal.findUniqueOrThrow({ ...query, where: { id: deal.id } });
    },
  }),
  deleteDeal: t.prismaField({
    type: 'Deal',
    description: 'Moves the deal to the trash, from where it can be restored until it is purged (30 days later unless the server is set otherwise).',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'deal', id: args.id } }),
    resolve: async (query, _root, args, ctx) => {
      const deal = await setDealDeleted(ctx, key(args.id), true);
      return ctx.prisma.deal.findUniqueOrThrow({ ...query, where: { id: deal.id } });
    },
  }),
  restoreDeal: t.prismaField({
    type: 'Deal',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'deal', id: args.id } }),
    resolve: async (query, _root, args, ctx) => {
      const deal = await setDealDeleted(ctx, key(args.id), false);
      return ctx.prisma.deal.findUniqueOrThrow({ ...query, where: { id: deal.id } });
    },
  }),
}));

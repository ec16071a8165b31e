import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { idFromGlobalId } from '../node/uuid.js';
import { recordAccess, rememberVisible, visibleWhere } from '../records/access.js';
import { permissionInWorkspace } from '../workspaces/record-scope.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import { DealFilter, DealSort } from './deal.inputs.js';
import { dealFilterWhere, dealOrderBy } from './deal-where.js';
import './deal.types.js';

/** Deals of the workspace the viewer sees, narrowed by `where`. */
export async function visibleDeals(ctx: Context, workspaceId: string, where: Prisma.DealWhereInput): Promise<Prisma.DealWhereInput> {
  const access = await recordAccess(ctx, workspaceId);
  return { AND: [visibleWhere(access), where] };
}

builder.queryFields((t) => ({
  deals: t.prismaConnection({
    type: 'Deal',
    cursor: 'id',
    description: 'Deals you can see, filtered and sorted (by name unless said otherwise); `trash: true` lists deleted ones instead.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      filter: t.arg({ type: DealFilter, required: false }),
      sort: t.arg({ type: DealSort, required: false }),
      trash: t.arg.boolean({ required: false }),
    },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:read', args.workspaceId),
    totalCount: async (_root, args, ctx) =>
      ctx.prisma.deal.count({
        where: await visibleDeals(ctx, requireWorkspaceId(ctx, args.workspaceId), dealFilterWhere(args.filter, !!args.trash)),
      }),
    resolve: async (query, _root, args, ctx) => {
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      const rows = await ctx.prisma.deal.findMany({
        ...query,
        where: await visibleDeals(ctx, workspaceId, dealFilterWhere(args.filter, !!args.trash)),
        orderBy: dealOrderBy(args.sort),
      });
      return rememberVisible(ctx, 'deal', workspaceId, rows);
    },
  }),
  deal: t.prismaField({
    type: 'Deal',
    args: { id: t.arg.id() },
    authScopes: { authenticated: true },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.deal.findUniqueOrThrow({ ...query, where: { id: idFromGlobalId(args.id, 'Deal'), deletedAt: null } }),
  }),
}));

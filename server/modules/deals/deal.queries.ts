import { builder } from '../../builder.js';
import { recordField } from '../records/record-queries.js';
import { recordListField } from '../records/record-list-field.js';
import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { type SortShape } from '../custom-fields/custom-field.inputs.js';
import { filterBranches } from '../custom-fields/list-page.js';
import { DealFilter, DealSort } from './deal.inputs.js';
import { dealFilterWhere, dealOrderBy } from './deal-where.js';
import './deal.types.js';
import { recordAccess } from '../../auth/record-access.js';
import { visibleWhere } from '../../auth/record-where.js';

/** Deals of the workspace the viewer sees, narrowed by `where`. */
export async function visibleDeals(ctx: Context, workspaceId: string, where: Prisma.DealWhereInput): Promise<Prisma.DealWhereInput> {
  const access = await recordAccess(ctx, workspaceId);
  return { AND: [visibleWhere(access), where] };
}

export type DealListArgs = {
  workspaceId?: string | null;
  filter?: Parameters<typeof dealFilterWhere>[0];
  sort?: Parameters<typeof dealOrderBy>[0];
  trash?: boolean | null;
  customSort?: SortShape | null;
};

export async function dealList(ctx: Context, args: DealListArgs) {
  const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
  return {
    entity: 'DEAL' as const,
    delegate: ctx.prisma.deal,
    workspaceId,
    trash: !!args.trash,
    filters: args.filter?.custom,
    customSort: args.customSort,
    anyOf: filterBranches(args.filter, (branch) => dealFilterWhere(branch, !!args.trash)),
    where: await visibleDeals(ctx, workspaceId, dealFilterWhere(args.filter, !!args.trash)),
    orderBy: dealOrderBy(args.sort) as Array<Record<string, unknown>>,
  };
}

builder.queryFields((t) => ({
  deals: recordListField(t, {
    type: 'Deal',
    model: 'deal',
    description: 'Deals you can see, filtered and sorted (by name unless said otherwise); `trash: true` lists deleted ones instead.',
    filter: DealFilter,
    sort: DealSort,
    list: dealList,
  }),
  deal: recordField(t, { type: 'Deal', model: 'deal', checkedBy: 'type' }),
}));

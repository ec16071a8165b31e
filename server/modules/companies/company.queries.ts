import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { recordAccess, rememberVisible, visibleWhere } from '../records/access.js';
import { dateRangeWhere } from '../records/common.types.js';
import { containsText } from '../records/text-filter.js';
import { permissionInWorkspace } from '../workspaces/record-scope.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import { CompanyFilter, CompanySort } from './company.inputs.js';

type Filter = typeof CompanyFilter.$inferInput;

function filterWhere(filter: Filter | null | undefined, trash: boolean) {
  const text = filter?.text?.trim();
  return {
    deletedAt: trash ? { not: null } : null,
    ...(filter?.ownerId ? { ownerId: idFromGlobalId(filter.ownerId, 'User', 'Owner') } : {}),
    ...(filter?.tagId ? { tags: { some: { id: idFromGlobalId(filter.tagId, 'Tag') } } } : {}),
    ...(text ? { OR: [{ name: containsText(text) }, { domain: containsText(text) }] } : {}),
    ...(filter?.createdAt ? { createdAt: dateRangeWhere(filter.createdAt) } : {}),
    ...(filter?.updatedAt ? { updatedAt: dateRangeWhere(filter.updatedAt) } : {}),
  };
}

const SORT_COLUMNS = { NAME: 'sortName', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' } as const;

builder.queryFields((t) => ({
  companies: t.prismaConnection({
    type: 'Company',
    cursor: 'id',
    description: 'Companies you can see, filtered and sorted; `trash: true` lists deleted ones instead.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      filter: t.arg({ type: CompanyFilter, required: false }),
      sort: t.arg({ type: CompanySort, required: false }),
      trash: t.arg.boolean({ required: false }),
    },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:read', args.workspaceId),
    totalCount: async (_root, args, ctx) => {
      const access = await recordAccess(ctx, requireWorkspaceId(ctx, args.workspaceId));
      return ctx.prisma.company.count({ where: { AND: [visibleWhere(access), filterWhere(args.filter, !!args.trash)] } });
    },
    resolve: async (query, _root, args, ctx) => {
      const access = await recordAccess(ctx, requireWorkspaceId(ctx, args.workspaceId));
      const direction = args.sort?.direction === 'DESC' ? 'desc' : 'asc';
      const column = SORT_COLUMNS[args.sort?.field ?? 'NAME'];
      const rows = await ctx.prisma.company.findMany({
        ...query,
        where: { AND: [visibleWhere(access), filterWhere(args.filter, !!args.trash)] },
        orderBy: [{ [column]: direction }, { id: direction }],
      });
      return rememberVisible(ctx, 'company', access.workspaceId, rows);
    },
  }),
  company: t.prismaField({
    type: 'Company',
    args: { id: t.arg.id() },
    authScopes: { authenticated: true },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.company.findUniqueOrThrow({ ...query, where: { id: idFromGlobalId(args.id, 'Company'), deletedAt: null } }),
  }),
}));

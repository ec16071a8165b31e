import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { dateRangeWhere } from '../records/common.types.js';
import { containsText } from '../records/text-filter.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import { CustomFieldSortInput, type SortShape } from '../custom-fields/custom-field.inputs.js';
import { filterBranches, listCount, listRows } from '../custom-fields/list-page.js';
import type { Context } from '../../context.js';
import { CompanyFilter, CompanySort } from './company.inputs.js';
import { recordAccess, rememberVisible } from '../../auth/record-access.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';
import { visibleWhere } from '../../auth/record-where.js';

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

export type CompanyListArgs = {
  workspaceId?: string | null;
  filter?: Filter | null;
  sort?: typeof CompanySort.$inferInput | null;
  trash?: boolean | null;
  customSort?: SortShape | null;
};

export async function companyList(ctx: Context, args: CompanyListArgs) {
  const access = await recordAccess(ctx, requireWorkspaceId(ctx, args.workspaceId));
  const direction = args.sort?.direction === 'DESC' ? 'desc' : 'asc';
  const column = SORT_COLUMNS[args.sort?.field ?? 'NAME'];
  return {
    entity: 'COMPANY' as const,
    delegate: ctx.prisma.company,
    workspaceId: access.workspaceId,
    trash: !!args.trash,
    filters: args.filter?.custom,
    customSort: args.customSort,
    anyOf: filterBranches(args.filter, (branch) => filterWhere(branch, !!args.trash)),
    where: { AND: [visibleWhere(access), filterWhere(args.filter, !!args.trash)] },
    orderBy: [{ [column]: direction }, { id: direction }],
  };
}

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
      customSort: t.arg({
        type: CustomFieldSortInput,
        required: false,
        description: 'Sort by a custom field instead of `sort` (which then breaks no ties: the id does).',
      }),
    },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:read', args.workspaceId),
    totalCount: async (_root, args, ctx) => listCount(ctx, await companyList(ctx, args)),
    resolve: async (query, _root, args, ctx) => {
      const list = await companyList(ctx, args);
      return rememberVisible(ctx, 'company', list.workspaceId, await listRows(ctx, list, query));
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

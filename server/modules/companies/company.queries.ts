import { builder } from '../../builder.js';
import { recordField } from '../records/record-queries.js';
import { recordListField } from '../records/record-list-field.js';
import { idFromGlobalId } from '../node/uuid.js';
import { dateRangeWhere } from '../records/common.types.js';
import { containsText } from '../records/text-filter.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { type SortShape } from '../custom-fields/custom-field.inputs.js';
import { filterBranches } from '../custom-fields/list-page.js';
import type { Context } from '../../context.js';
import { CompanyFilter, CompanySort } from './company.inputs.js';
import { recordAccess } from '../../auth/record-access.js';
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
  companies: recordListField(t, {
    type: 'Company',
    model: 'company',
    description: 'Companies you can see, filtered and sorted; `trash: true` lists deleted ones instead.',
    filter: CompanyFilter,
    sort: CompanySort,
    list: companyList,
  }),
  company: recordField(t, { type: 'Company', model: 'company', checkedBy: 'type' }),
}));

// Where and order fragments shared by the deal lists (the root `deals`, `Company.deals`, `PipelineStage.deals`).
import type { Prisma } from '../../generated/prisma/client.js';
import { idFromGlobalId } from '../node/uuid.js';
import { dateRangeWhere } from '../records/common.types.js';
import { normalizeCurrency } from '../records/normalize.js';
import type { DealFilterShape, DealSortShape } from './deal.inputs.js';

function amountWhere(range: { min?: string | null; max?: string | null }): Prisma.BigIntNullableFilter {
  return { not: null, ...(range.min != null ? { gte: BigInt(range.min) } : {}), ...(range.max != null ? { lte: BigInt(range.max) } : {}) };
}

export function dealFilterWhere(filter: DealFilterShape | null | undefined, trash: boolean): Prisma.DealWhereInput {
  const text = filter?.text?.trim();
  return {
    deletedAt: trash ? { not: null } : null,
    ...(filter?.ownerId ? { ownerId: idFromGlobalId(filter.ownerId, 'User', 'Owner') } : {}),
    ...(filter?.tagId ? { tags: { some: { id: idFromGlobalId(filter.tagId, 'Tag') } } } : {}),
    ...(filter?.pipelineId ? { pipelineId: idFromGlobalId(filter.pipelineId, 'Pipeline') } : {}),
    ...(filter?.stageId ? { stageId: idFromGlobalId(filter.stageId, 'PipelineStage', 'Stage') } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.companyId ? { companyId: idFromGlobalId(filter.companyId, 'Company') } : {}),
    ...(filter?.contactId ? { contacts: { some: { contactId: idFromGlobalId(filter.contactId, 'Contact') } } } : {}),
    ...(filter?.currency ? { currency: normalizeCurrency(filter.currency, 'filter.currency') } : {}),
    ...(filter?.amount ? { amountMinor: amountWhere(filter.amount) } : {}),
    ...(filter?.expectedCloseDate ? { expectedCloseDate: { not: null, ...dateRangeWhere(filter.expectedCloseDate) } } : {}),
    ...(text ? { name: { contains: text, mode: 'insensitive' as const } } : {}),
    ...(filter?.createdAt ? { createdAt: dateRangeWhere(filter.createdAt) } : {}),
    ...(filter?.updatedAt ? { updatedAt: dateRangeWhere(filter.updatedAt) } : {}),
  };
}

/** The id breaks ties so cursors are stable. NAME sorts by the case-folded name a trigger keeps. */
export function dealOrderBy(sort: DealSortShape | null | undefined): Prisma.DealOrderByWithRelationInput[] {
  const direction = sort?.direction === 'DESC' ? ('desc' as const) : ('asc' as const);
  const key = (() => {
    switch (sort?.field ?? 'NAME') {
      case 'CREATED_AT':
        return { createdAt: direction };
      case 'UPDATED_AT':
        return { updatedAt: direction };
      case 'AMOUNT':
        return { amountMinor: { sort: direction, nulls: 'last' as const } };
      case 'CLOSE_DATE':
        return { expectedCloseDate: { sort: direction, nulls: 'last' as const } };
      default:
        return { sortName: direction };
    }
  })();
  return [key, { id: direction }];
}

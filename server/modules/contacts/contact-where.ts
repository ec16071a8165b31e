// Where and order fragments shared by the contact lists (the root `contacts` and `Company.contacts`).
import type { Prisma } from '../../generated/prisma/client.js';
import { idFromGlobalId } from '../node/uuid.js';
import { dateRangeWhere } from '../records/common.types.js';
import type { ContactFilterShape } from './contact.inputs.js';

const MAX_WORDS = 5;

const insensitive = (text: string) => ({ contains: text, mode: 'insensitive' as const });

/** Every word must appear in the first or last name, the job title or one of the emails. */
function textWhere(text: string): Prisma.ContactWhereInput[] {
  const words = text.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  return words.map((word) => ({
    OR: [
      { firstName: insensitive(word) },
      { lastName: insensitive(word) },
      { jobTitle: insensitive(word) },
      { emails: { some: { email: insensitive(word) } } },
    ],
  }));
}

export function contactFilterWhere(filter: ContactFilterShape | null | undefined, trash: boolean): Prisma.ContactWhereInput {
  const text = filter?.text?.trim();
  return {
    deletedAt: trash ? { not: null } : null,
    ...(filter?.ownerId ? { ownerId: idFromGlobalId(filter.ownerId, 'User', 'Owner') } : {}),
    ...(filter?.tagId ? { tags: { some: { id: idFromGlobalId(filter.tagId, 'Tag') } } } : {}),
    ...(filter?.companyId ? { companyId: idFromGlobalId(filter.companyId, 'Company') } : {}),
    ...(filter?.lifecycleStage ? { lifecycleStage: filter.lifecycleStage } : {}),
    ...(text ? { AND: textWhere(text) } : {}),
    ...(filter?.createdAt ? { createdAt: dateRangeWhere(filter.createdAt) } : {}),
    ...(filter?.updatedAt ? { updatedAt: dateRangeWhere(filter.updatedAt) } : {}),
  };
}

const SORT_COLUMNS = { NAME: 'sortName', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' } as const;

/** The id breaks ties so cursors are stable. NAME sorts by the case-folded "last first" a trigger keeps. */
export function contactOrderBy(sort?: { field: keyof typeof SORT_COLUMNS; direction?: 'ASC' | 'DESC' | null } | null) {
  const direction = sort?.direction === 'DESC' ? ('desc' as const) : ('asc' as const);
  const column = SORT_COLUMNS[sort?.field ?? 'NAME'];
  return [{ [column]: direction }, { id: direction }] as Prisma.ContactOrderByWithRelationInput[];
}

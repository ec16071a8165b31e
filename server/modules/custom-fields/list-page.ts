// The contacts, companies and deals lists: plain Prisma unless custom fields filter or sort them.
import type { Context } from '../../context.js';
import type { CustomFieldEntity } from '../../generated/prisma/enums.js';
import type { FilterShape, SortShape } from './custom-field.inputs.js';
import { customCount, customPage, standardSort } from './custom-list.js';
import { customQuery } from './custom-where.js';
import { ENTITY_TABLE } from './record-values.js';

interface Delegate<T> {
  findMany(args: object): Promise<T[]>;
  count(args: object): Promise<number>;
}

export interface ListArgs<T> {
  entity: CustomFieldEntity;
  delegate: Delegate<T>;
  workspaceId: string;
  trash: boolean;
  filters: readonly FilterShape[] | null | undefined;
  customSort: SortShape | null | undefined;
  where: object;
  orderBy: ReadonlyArray<Record<string, unknown>>;
}

async function target<T>(ctx: Context, list: ListArgs<T>) {
  const custom = await customQuery(ctx.prisma, list.workspaceId, list.entity, list.filters, list.customSort);
  if (!custom) return null;
  return {
    db: ctx.prisma, delegate: list.delegate, table: ENTITY_TABLE[list.entity], workspaceId: list.workspaceId, trash: list.trash,
    custom, standard: standardSort(list.orderBy), where: list.where,
  };
}

export async function listRows<T extends { id: string }>(ctx: Context, list: ListArgs<T>, query: object): Promise<T[]> {
  const walk = await target(ctx, list);
  if (!walk) return list.delegate.findMany({ ...query, where: list.where, orderBy: list.orderBy });
  return customPage(walk, query);
}

export async function listCount<T>(ctx: Context, list: ListArgs<T>): Promise<number> {
  const walk = await target(ctx, list);
  return walk ? customCount(walk) : list.delegate.count({ where: list.where });
}

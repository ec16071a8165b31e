// The contacts, companies and deals lists: plain Prisma unless custom fields filter or sort them.
import type { Context } from '../../context.js';
import type { CustomFieldEntity } from '../../generated/prisma/enums.js';
import type { FilterShape, SortShape } from './custom-field.inputs.js';
import { customCount, customPage, standardSort } from './custom-list.js';
import { customQuery, type CustomQuery } from './custom-where.js';
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
  /** The filter's `anyOf`: a record matches when it matches one of these (each a where and custom conditions). */
  anyOf?: ReadonlyArray<FilterBranch> | null;
}

export interface FilterBranch {
  where: object;
  filters: readonly FilterShape[] | null | undefined;
}

/** A list filter's `anyOf` as branches, each turned into a where by the list's own rule. */
export function filterBranches<B extends { custom?: readonly FilterShape[] | null }>(
  filter: { anyOf?: readonly B[] | null } | null | undefined,
  whereOf: (branch: B) => object,
): FilterBranch[] | null {
  if (!filter?.anyOf?.length) return null;
  return filter.anyOf.map((branch) => ({ where: whereOf(branch), filters: branch.custom }));
}

const NO_CUSTOM: CustomQuery = { conditions: [], sort: null, descending: false };

/**
 * Branches without custom conditions join the Prisma where as an OR. When one has custom conditions, the
 * SQL walk marks which branches each row's custom conditions meet, and each chunk's where ORs the branches.
 */
async function target<T>(ctx: Context, list: ListArgs<T>) {
  const branches = list.anyOf ?? [];
  const customBranches = branches.some((b) => b.filters?.length);
  const where = branches.length && !customBranches ? { AND: [list.where, { OR: branches.map((b) => b.where) }] } : list.where;
  const custom = await customQuery(ctx.prisma, list.workspaceId, list.entity, list.filters, list.customSort);
  if (!custom && !customBranches) return { where, walk: null };
  const marks = customBranches
    ? await Promise.all(
        branches.map(async (b, i) => ({
          where: b.where,
          conditions: (await customQuery(ctx.prisma, list.workspaceId, list.entity, b.filters, null, `filter.anyOf.${i}.custom`))?.conditions ?? [],
        })),
      )
    : undefined;
  return {
    where,
    walk: {
      db: ctx.prisma,
      delegate: list.delegate,
      table: ENTITY_TABLE[list.entity],
      workspaceId: list.workspaceId,
      trash: list.trash,
      custom: custom ?? NO_CUSTOM,
      standard: standardSort(list.orderBy),
      where,
      branches: marks,
    },
  };
}

export async function listRows<T extends { id: string }>(ctx: Context, list: ListArgs<T>, query: object): Promise<T[]> {
  const { where, walk } = await target(ctx, list);
  if (!walk) return list.delegate.findMany({ ...query, where, orderBy: list.orderBy });
  return customPage(walk, query);
}

export async function listCount<T>(ctx: Context, list: ListArgs<T>): Promise<number> {
  const { where, walk } = await target(ctx, list);
  return walk ? customCount(walk) : list.delegate.count({ where });
}

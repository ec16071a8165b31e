// Saved views: who sees and changes them, and the state they keep, checked by the list they belong to.
import type { GraphQLInputType, GraphQLSchema } from 'graphql';
import { roleCan, type Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import { Prisma, type SavedView } from '../../generated/prisma/client.js';
import type { CustomFieldEntity } from '../../generated/prisma/enums.js';
import { companyList } from '../companies/company.queries.js';
import { contactList } from '../contacts/contact.queries.js';
import { listCount, type ListArgs } from '../custom-fields/list-page.js';
import { liveFields, liveFieldsOnce } from '../custom-fields/record-values.js';
import { dealList } from '../deals/deal.queries.js';
import { idFromGlobalId } from '../node/uuid.js';
import type { ViewStateInput } from './saved-view.inputs.js';
import { checkColumns, checkGroupBy, liveColumns, type ViewColumn } from './view-layout.js';
import { inputToJson, jsonToInput, LIST_INPUTS, withoutMissingFields } from './view-state.js';

/** Private views are their owner's alone; shared ones every member's. The one rule for lists and single views. */
export const visibleViewsWhere = (userId: string): Prisma.SavedViewWhereInput => ({ OR: [{ shared: true }, { ownerId: userId }] });

/** The permission changing a view takes, or null when the view is someone else's private view (invisible). */
export function editPermission(view: Pick<SavedView, 'ownerId' | 'shared'>, userId: string): Permission | null {
  if (view.ownerId === userId) return view.shared ? 'views:share' : 'views:save';
  return view.shared ? 'views:manageShared' : null;
}

export async function canEdit(ctx: Context, view: SavedView) {
  const permission = ctx.viewer && editPermission(view, ctx.viewer.user.id);
  return permission != null && roleCan(await ctx.roleIn(view.workspaceId), permission);
}

/** Scopes for a mutation on a view: NOT_FOUND when it is not yours to see, else the permission its kind takes. */
export async function viewScope(ctx: Context, globalId: string) {
  if (!ctx.viewer) return { authenticated: true } as const;
  const view = await ctx.prisma.savedView.findUnique({ where: { id: idFromGlobalId(globalId, 'SavedView', 'View') } });
  const permission = view && editPermission(view, ctx.viewer.user.id);
  if (!view || !permission || (await ctx.roleIn(view.workspaceId)) == null) throw notFound('Saved view');
  return { can: { workspaceId: view.workspaceId, permission } };
}

const FILTER_FIELDS = { CONTACT: 'contactFilter', COMPANY: 'companyFilter', DEAL: 'dealFilter' } as const;
const SORT_FIELDS = { CONTACT: 'contactSort', COMPANY: 'companySort', DEAL: 'dealSort' } as const;
const LISTS = { CONTACT: contactList, COMPANY: companyList, DEAL: dealList } as const;

interface StoredState {
  filter: Prisma.InputJsonValue;
  sort: Prisma.InputJsonValue | null;
  customSort: Prisma.InputJsonValue | null;
}

/** The list's count under a state: the same code the list runs, so it checks ids and custom fields as the list would. */
export async function countUnder(ctx: Context, schema: GraphQLSchema, workspaceId: string, entity: CustomFieldEntity, state: StoredState) {
  const filter = jsonToInput<never>(schema, LIST_INPUTS[entity].filter, state.filter);
  const sort = state.sort == null ? null : jsonToInput<never>(schema, LIST_INPUTS[entity].sort, state.sort);
  const customSort = state.customSort == null ? null : jsonToInput<never>(schema, 'CustomFieldSort', state.customSort);
  const list = (await LISTS[entity](ctx, { workspaceId, filter, sort, customSort })) as ListArgs<unknown>;
  return listCount(ctx, list);
}

/** The columns of a view's row to write: the stored state merged with the input, checked against the list. */
export async function stateData(ctx: Context, schema: GraphQLSchema, workspaceId: string, entity: CustomFieldEntity, input: ViewStateInput, old?: SavedView) {
  for (const list of Object.keys(FILTER_FIELDS) as CustomFieldEntity[]) {
    if (list === entity) continue;
    for (const field of [FILTER_FIELDS[list], SORT_FIELDS[list]]) {
      if (input[field] != null) throw badInput(`${field} belongs to ${list.toLowerCase()} views; this view is of ${entity.toLowerCase()}s.`, `input.${field}`);
    }
  }
  const json = (value: unknown, typeName: string) => inputToJson(value, schema.getType(typeName) as GraphQLInputType);
  const given = <T>(value: T | null | undefined, typeName: string, before: Prisma.JsonValue | null | undefined) =>
    value === undefined ? (before ?? null) : value === null ? null : json(value, typeName);
  const stateFrom = (before: { filter: unknown; sort: unknown; customSort: unknown } | undefined): StoredState => ({
    filter: given(input[FILTER_FIELDS[entity]], LIST_INPUTS[entity].filter, before?.filter as Prisma.JsonValue) ?? {},
    sort: given(input[SORT_FIELDS[entity]], LIST_INPUTS[entity].sort, before?.sort as Prisma.JsonValue),
    customSort: given(input.customSort, 'CustomFieldSort', before?.customSort as Prisma.JsonValue),
  });
  // What the input gives must fit the live fields; what it keeps is checked as it reads (deleted fields left out)
  // and stored as it was, so a restored field brings its conditions back.
  const state = stateFrom(old);
  await countUnder(ctx, schema, workspaceId, entity, old ? stateFrom(await readableState(ctx, old)) : state);
  const live = new Map((await liveFields(ctx.prisma, workspaceId, entity)).map((f) => [f.key, f]));
  const columns = input.columns === undefined ? undefined : checkColumns(entity, input.columns ?? [], live);
  const groupBy = input.groupBy === undefined ? undefined : checkGroupBy(entity, input.groupBy, live);
  if (input.shared && !roleCan(await ctx.roleIn(workspaceId), 'views:share')) throw forbidden('Your role can keep private views but not share them.');
  return {
    ...state,
    sort: state.sort ?? NULL_JSON,
    customSort: state.customSort ?? NULL_JSON,
    ...(columns ? { columns: columns as unknown as Prisma.InputJsonValue } : {}),
    ...(groupBy !== undefined ? { groupBy } : {}),
    ...(input.shared != null ? { shared: input.shared } : {}),
    ...(input.name ? { name: input.name.trim() } : {}),
  };
}

// Prisma writes SQL NULL to a nullable Json column only through its DbNull marker.
const NULL_JSON = Prisma.DbNull;

/** A view's state as the viewer reads it: conditions and columns on fields deleted since left out, and named. */
export async function readableState(ctx: Context, view: SavedView) {
  return ctx.memo(`savedView:${view.id}:${view.updatedAt.getTime()}`, async () => {
    const live = new Set((await liveFieldsOnce(ctx, view.workspaceId, view.entity)).map((f) => f.key));
    const { filter, missing } = withoutMissingFields(view.filter as object, live);
    const customSort = view.customSort as { key: string } | null;
    const sortMissing = customSort && !live.has(customSort.key) ? [customSort.key] : [];
    const layout = liveColumns((view.columns ?? []) as unknown as ViewColumn[], live);
    const group = view.groupBy?.startsWith('custom:') && !live.has(view.groupBy.slice(7)) ? [view.groupBy.slice(7)] : [];
    return {
      filter: filter as Prisma.InputJsonValue,
      sort: view.sort as Prisma.InputJsonValue | null,
      customSort: sortMissing.length ? null : customSort,
      columns: layout.columns,
      groupBy: group.length ? null : view.groupBy,
      missingFields: [...new Set([...missing, ...sortMissing, ...layout.missing, ...group])],
    };
  });
}

/** The viewer's starred view per list in a workspace, loaded once per request. */
export function starsOf(ctx: Context, workspaceId: string) {
  const userId = ctx.viewer?.user.id;
  return ctx.memo(`savedViewStars:${workspaceId}:${userId}`, async () =>
    userId ? new Set((await ctx.prisma.savedViewStar.findMany({ where: { workspaceId, userId } })).map((s) => s.viewId)) : new Set<string>(),
  );
}

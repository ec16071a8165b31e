import { builder } from '../../builder.js';
import { CustomFieldEntityEnum } from '../custom-fields/custom-field.types.js';
import { uuidNode } from '../node/uuid.js';
import { canEdit, countUnder, readableState, starsOf } from './saved-view.service.js';
import type { ViewColumn } from './view-layout.js';

const ColumnType = builder.objectRef<ViewColumn>('SavedViewColumn').implement({
  description: 'A visible column of a view, in order.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    key: t.exposeString('key', { description: 'A standard column (name, owner, ...) or custom:<field key>.' }),
    width: t.int({ nullable: true, description: 'In CSS pixels; null lets the list decide.', resolve: (c) => c.width ?? null }),
  }),
});

// A private view is its owner's alone: for anyone else it does not exist (NOT_FOUND), admins included.
export const SavedViewRef = builder.prismaNode('SavedView', {
  ...uuidNode,
  description: "A list's saved filters, sort, columns and (deals) board grouping. Open it by passing `filter`, `sort` and `customSort` to the list.",
  authScopes: (view) => (view.shared ? { member: view.workspaceId } : { $all: { member: view.workspaceId, ownedBy: view.ownerId } }),
  fields: (t) => ({
    list: t.expose('entity', { type: CustomFieldEntityEnum }),
    name: t.exposeString('name'),
    shared: t.exposeBoolean('shared'),
    owner: t.relation('owner'),
    ownedByViewer: t.boolean({ resolve: (view, _args, ctx) => view.ownerId === ctx.viewer?.user.id }),
    isDefault: t.boolean({
      description: 'The view you starred: your list opens with it.',
      resolve: async (view, _args, ctx) => (await starsOf(ctx, view.workspaceId)).has(view.id),
    }),
    canEdit: t.boolean({ description: 'Whether you may save changes to it or delete it.', resolve: (view, _args, ctx) => canEdit(ctx, view) }),
    filter: t.field({
      type: 'JSONObject',
      description: "The list's filter input (ContactFilter, CompanyFilter or DealFilter).",
      resolve: async (view, _args, ctx) => (await readableState(ctx, view)).filter,
    }),
    sort: t.field({ type: 'JSONObject', nullable: true, description: "The list's sort input.", resolve: (view) => view.sort }),
    customSort: t.field({
      type: 'JSONObject',
      nullable: true,
      description: 'A CustomFieldSort input.',
      resolve: async (view, _args, ctx) => (await readableState(ctx, view)).customSort,
    }),
    columns: t.field({ type: [ColumnType], resolve: async (view, _args, ctx) => (await readableState(ctx, view)).columns }),
    groupBy: t.string({
      nullable: true,
      description: 'Deal views: stage, owner or custom:<select field key>.',
      resolve: async (view, _args, ctx) => (await readableState(ctx, view)).groupBy,
    }),
    missingFields: t.stringList({
      description:
        'Keys of custom fields the view names that are deleted or archived: their conditions, columns and sort are left out until the field is back.',
      resolve: async (view, _args, ctx) => (await readableState(ctx, view)).missingFields,
    }),
    count: t.int({
      description: 'How many records you see in the list under this view.',
      resolve: async (view, _args, ctx, info) => countUnder(ctx, info.schema, view.workspaceId, view.entity, await readableState(ctx, view)),
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

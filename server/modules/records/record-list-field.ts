// The contacts, companies and deals lists as one connection field: the same arguments (filter, sort, trash,
// a custom-field sort), the same scope, and rows and counts from the list's own `ListArgs`.
import { inWorkspace } from '../../auth/field-scopes.js';
import { rememberVisible } from '../../auth/record-access.js';
import type { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { CustomFieldSortInput, type SortShape } from '../custom-fields/custom-field.inputs.js';
import { listCount, listRows, type ListArgs } from '../custom-fields/list-page.js';
import { listArgs, type ListFieldSpec } from './record-queries.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type QueryFields = PothosSchemaTypes.QueryFieldBuilder<Types, object>;

export interface RecordListArgs<Filter, Sort> {
  workspaceId?: string | null;
  filter?: Filter | null;
  sort?: Sort | null;
  trash?: boolean | null;
  customSort?: SortShape | null;
}

export interface RecordListSpec extends ListFieldSpec<'Contact' | 'Company' | 'Deal', 'contact' | 'company' | 'deal'> {
  /** The list's rows and count, from the field's arguments (a method: each list takes its own filter and sort). */
  list(ctx: Context, args: RecordListArgs<unknown, unknown>): Promise<ListArgs<{ id: string }>>;
}

export function recordListField(t: QueryFields, spec: RecordListSpec) {
  return t.prismaConnection({
    type: spec.type,
    cursor: 'id',
    description: spec.description,
    args: {
      ...listArgs(t, spec.filter, spec.sort),
      customSort: t.arg({
        type: CustomFieldSortInput,
        required: false,
        description: 'Sort by a custom field instead of `sort` (which then breaks no ties: the id does).',
      }),
    },
    authScopes: inWorkspace('records:read'),
    totalCount: async (_root, args, ctx) => listCount(ctx, await spec.list(ctx, args)),
    resolve: async (query, _root, args, ctx) => {
      const list = await spec.list(ctx, args);
      return rememberVisible(ctx, spec.model, list.workspaceId, await listRows(ctx, list, query)) as never;
    },
  });
}

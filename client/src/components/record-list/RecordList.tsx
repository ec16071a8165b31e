import type { TypedDocumentNode } from '@urql/core';
import { For, Show, type JSX } from 'solid-js';
import type { CustomFieldEntity } from '../../gql/graphql';
import { createConnectionList, type Connection, type PagedList } from '../../lib/paged';
import { useSession } from '../../lib/session';
import type { RecordKind } from '../BulkUpdate';
import { CustomFilter } from '../CustomFilter';
import { ListFrame } from '../ListFrame';
import { RecordTable } from '../RecordTable';
import { TagFilter } from '../TagFilter';
import type { Column } from '../VirtualTable';
import { ColumnPicker } from '../views/ColumnPicker';
import { createListView } from '../views/list-view';
import { ViewBar } from '../views/ViewBar';
import { createListFilters } from './list-filters';
import { ChoiceField, SearchField, type Choice } from './ToolbarFields';

/** What makes a list a CRM record list: saved views, tag and custom-field filters, chosen columns, a virtual table with bulk actions. */
export interface Records<Row> {
  entity: CustomFieldEntity;
  kind: RecordKind;
  columns: Column<Row>[];
}

type Row = { id: string; name?: string };

interface Props<R extends Row, List extends string> {
  /** The list's path, query field and field id prefix, e.g. "contacts"; its title is the same, capitalised. */
  list: List;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each list's query has its own variables
  query: TypedDocumentNode<Record<List, Connection<R>>, any>;
  pageSize?: number;
  /** The search box's placeholder; no search box without one. */
  search?: string;
  choices?: Choice[];
  records?: Records<R>;
  /** Records lists say whether filters hide rows; others may say more from their selects' values. */
  emptyTitle?: (value: (key: string) => string) => string;
  /** Under the empty state when no filter is set. */
  emptyBody?: (list: PagedList<R>) => JSX.Element;
  /** Buttons that make a record, for roles that may create records. */
  create?: (list: PagedList<R>) => JSX.Element;
  /** Other buttons in the heading. */
  actions?: JSX.Element;
  error?: string | null;
  /** The rows of a list that is not a record table. */
  children?: (list: PagedList<R>) => JSX.Element;
}

/** A list screen from its configuration: the query's pages, the toolbar, the saved views and the rows. */
export function RecordList<R extends Row, List extends string>(props: Props<R, List>): JSX.Element {
  const session = useSession();
  const title = props.list.charAt(0).toUpperCase() + props.list.slice(1);
  const choices = props.choices ?? [];
  const filters = createListFilters({ search: props.search != null, tag: props.records != null, choices });
  const views = createListView(props.records?.columns ?? [], { field: 'NAME', direction: 'ASC' }, filters.show);
  const variables = () => (props.records ? { filter: views.filter(filters.filter()), sort: views.sort() } : { filter: filters.filter() });
  const list = createConnectionList(props.query, variables, (data) => data[props.list], props.pageSize);
  const narrowed = () => filters.narrowed() || Boolean(views.custom() || views.view());
  const emptyTitle = () => props.emptyTitle?.(filters.value) ?? (narrowed() ? `No ${props.list} match these filters.` : `No ${props.list} yet.`);

  return (
    <ListFrame
      title={title}
      total={list.total()}
      loading={list.loading()}
      error={list.error() ?? props.error ?? null}
      onRetry={list.reload}
      empty={list.rows().length === 0}
      emptyTitle={emptyTitle()}
      emptyBody={props.emptyBody && <Show when={!narrowed()}>{props.emptyBody(list)}</Show>}
      views={
        props.records && (
          <ViewBar
            list={props.records.entity}
            noun={props.list}
            state={() => ({ filter: views.filter(filters.filter()), sort: { ...views.sort() }, columns: views.chosen() })}
            onOpen={views.open}
          />
        )
      }
      actions={
        <>
          {props.actions}
          <Show when={props.create && session.can('records:create')}>{props.create?.(list)}</Show>
        </>
      }
      filters={
        <>
          <Show when={props.search}>
            {(placeholder) => <SearchField list={props.list} placeholder={placeholder()} value={filters.text()} onChange={filters.setText} />}
          </Show>
          <For each={choices}>
            {(choice) => <ChoiceField list={props.list} choice={choice} value={filters.value(choice.key)} onChange={(v) => filters.setValue(choice.key, v)} />}
          </For>
          <Show when={props.records}>
            {(records) => (
              <>
                <TagFilter id={`${props.list}-tag`} value={filters.tag()} onChange={filters.setTag} />
                <CustomFilter entity={records().entity} idPrefix={props.list} onChange={views.setCustom} />
                <ColumnPicker columns={records().columns} chosen={views.chosen()} onChange={views.setChosen} />
              </>
            )}
          </Show>
        </>
      }
    >
      <Show when={props.records} fallback={props.children?.(list)}>
        {(records) => (
          <RecordTable
            kind={records().kind}
            label={title}
            list={list}
            columns={views.columns()}
            title={(row) => row.name ?? ''}
            href={(row) => `/${props.list}/${row.id}`}
            sort={views.sort()}
            onSort={views.setSort}
          />
        )}
      </Show>
    </ListFrame>
  );
}

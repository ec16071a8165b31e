import type { Component } from 'solid-js';
import type { PagedList } from '../lib/paged';
import { createSelection } from '../lib/selection';
import { useSession } from '../lib/session';
import { BulkBar } from './BulkBar';
import type { RecordKind } from './BulkUpdate';
import { VirtualTable, type Column, type SortState } from './VirtualTable';

interface Props<Row extends { id: string }> {
  label: string;
  kind: RecordKind;
  list: PagedList<Row>;
  columns: Column<Row>[];
  title: (row: Row) => string;
  href: (row: Row) => string;
  sort: SortState;
  onSort: (sort: SortState) => void;
}

/** A record list page's table: rows selectable for bulk actions (when the role may change or delete), the bulk bar above. */
export function RecordTable<Row extends { id: string }>(props: Props<Row>): ReturnType<Component> {
  const session = useSession();
  const selection = createSelection();
  const canUpdate = () => session.can('records:update');
  const canDelete = () => session.can('records:deleteOwn');
  const canSelect = () => canUpdate() || canDelete();
  return (
    <>
      <BulkBar
        ids={selection.ids()}
        kind={props.kind}
        canUpdate={canUpdate()}
        canDelete={canDelete()}
        onDone={() => {
          selection.clear();
          void props.list.reload();
        }}
      />
      <VirtualTable
        label={props.label}
        rows={props.list.rows()}
        total={props.list.total()}
        columns={props.columns}
        title={props.title}
        href={props.href}
        sort={props.sort}
        onSort={props.onSort}
        selected={selection.selected()}
        onSelect={canSelect() ? selection.toggle : undefined}
        onEndReached={props.list.loadMore}
      />
    </>
  );
}

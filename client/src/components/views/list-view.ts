import { createSignal } from 'solid-js';
import type { CustomFieldFilter } from '../../gql/graphql';
import type { Column, SortState } from '../VirtualTable';
import { mergedFilter, type Filter, type SavedView, type ViewColumn } from './view-state';

/**
 * A list page's view state: the open saved view, the sort, the custom condition and the chosen columns.
 * The page keeps its toolbar fields; `open` hands it the view's filter to show in them.
 */
export function createListView<Row>(columns: Column<Row>[], defaultSort: SortState, showFilter: (filter: Filter) => void) {
  const [view, setView] = createSignal<SavedView | null>(null);
  const [sort, setSort] = createSignal<SortState>(defaultSort);
  const [custom, setCustom] = createSignal<CustomFieldFilter | null>(null);
  const [chosen, setChosen] = createSignal<ViewColumn[] | null>(null);
  return {
    view,
    sort,
    setSort,
    custom,
    setCustom,
    chosen,
    setChosen,
    /** The visible columns, in the view's order and widths. */
    columns: () => shownColumns(columns, chosen()),
    filter: (toolbar: Filter) => mergedFilter(view(), toolbar, custom()),
    open: (next: SavedView | null) => {
      setView(next);
      showFilter(next?.filter ?? {});
      setSort((next?.sort as SortState | null) ?? defaultSort);
      setChosen(next?.columns.length ? next.columns : null);
    },
  };
}

export function shownColumns<Row>(all: Column<Row>[], chosen: ViewColumn[] | null): Column<Row>[] {
  if (!chosen) return all;
  const byKey = new Map(all.map((c) => [c.key, c]));
  return chosen.flatMap((c) => {
    const column = byKey.get(c.key);
    return column ? [{ ...column, width: c.width ? `${c.width}px` : column.width }] : [];
  });
}

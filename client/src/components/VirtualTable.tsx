import { A } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';

export interface Column<Row> {
  /** What saved views name the column by. */
  key?: string;
  label: string;
  /** Width as a CSS grid track, e.g. "2fr" or "8rem". */
  width: string;
  cell: (row: Row) => JSX.Element;
  /** The API's sort field; a sortable column's header is a button. */
  sortField?: string;
  /** Hidden on narrow screens. */
  wide?: boolean;
}

export interface SortState {
  field: string;
  direction: 'ASC' | 'DESC';
}

interface Props<Row extends { id: string }> {
  label: string;
  rows: Row[];
  total: number | null;
  columns: Column<Row>[];
  href: (row: Row) => string;
  /** The first column's text: the link to the record. */
  title: (row: Row) => string;
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  selected?: Set<string>;
  onSelect?: (id: string, on: boolean) => void;
  onEndReached?: () => void;
}

const ROW_HEIGHT = 44;
const OVERSCAN = 8;

/**
 * A table that renders only the rows in view (plus a few), so 10,000 rows scroll as smoothly as 10.
 * ARIA table roles keep it a table for screen readers; aria-rowcount tells them the full size.
 */
export function VirtualTable<Row extends { id: string }>(props: Props<Row>) {
  let viewport!: HTMLDivElement;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [height, setHeight] = createSignal(600);
  onMount(() => {
    const observer = new ResizeObserver(() => setHeight(viewport.clientHeight));
    observer.observe(viewport);
    onCleanup(() => observer.disconnect());
  });
  // On phones the secondary ("wide") columns are left out altogether, tracks included.
  const phone = window.matchMedia('(max-width: 760px)');
  const [narrow, setNarrow] = createSignal(phone.matches);
  const onMedia = (event: MediaQueryListEvent) => setNarrow(event.matches);
  phone.addEventListener('change', onMedia);
  onCleanup(() => phone.removeEventListener('change', onMedia));
  const columns = createMemo(() => (narrow() ? props.columns.filter((c) => !c.wide) : props.columns));
  // On phones no column may insist on its minimum: the row shares the screen's width (cells ellipsise).
  const trackOf = (width: string) => (narrow() ? `minmax(0, ${width.startsWith('minmax(') ? width.slice(width.indexOf(',') + 1, -1).trim() : width})` : width);
  const template = () => [...(props.onSelect ? ['2.5rem'] : []), ...columns().map((c) => trackOf(c.width))].join(' ');
  const range = createMemo(() => {
    const first = Math.max(0, Math.floor(scrollTop() / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(props.rows.length, Math.ceil((scrollTop() + height()) / ROW_HEIGHT) + OVERSCAN);
    return { first, last };
  });
  // Rows keep their DOM while they stay in view; only their offset changes as the range moves.
  const visible = createMemo(() => props.rows.slice(range().first, range().last));
  const onScroll = () => {
    setScrollTop(viewport.scrollTop);
    if (viewport.scrollTop + viewport.clientHeight > viewport.scrollHeight - ROW_HEIGHT * 20) props.onEndReached?.();
  };
  const toggleSort = (field: string) => {
    const current = props.sort;
    props.onSort?.({ field, direction: current?.field === field && current.direction === 'ASC' ? 'DESC' : 'ASC' });
  };
  const ariaSort = (field?: string) => (field && props.sort?.field === field ? (props.sort.direction === 'ASC' ? 'ascending' : 'descending') : undefined);

  return (
    <div class="vtable" role="table" aria-label={props.label} aria-rowcount={(props.total ?? props.rows.length) + 1}>
      <div role="rowgroup">
        <div class="vrow head" role="row" aria-rowindex={1} style={{ 'grid-template-columns': template() }}>
          <Show when={props.onSelect}>
            <span role="columnheader">
              <span class="visually-hidden">Select</span>
            </span>
          </Show>
          <For each={columns()}>
            {(column) => (
              <span role="columnheader" aria-sort={ariaSort(column.sortField)}>
                <Show when={column.sortField && props.onSort} fallback={column.label}>
                  <button type="button" class="sort" onClick={() => toggleSort(column.sortField!)}>
                    {column.label}
                    <span aria-hidden="true">
                      {ariaSort(column.sortField) === 'ascending' ? ' ▲' : ariaSort(column.sortField) === 'descending' ? ' ▼' : ''}
                    </span>
                  </button>
                </Show>
              </span>
            )}
          </For>
        </div>
      </div>
      <div class="vbody" role="rowgroup" ref={viewport} onScroll={onScroll}>
        <div class="vspace" style={{ height: `${props.rows.length * ROW_HEIGHT}px` }}>
          <For each={visible()}>
            {(row, position) => {
              const index = () => range().first + position();
              return (
                <div
                  class="vrow"
                  role="row"
                  aria-rowindex={index() + 2}
                  style={{ transform: `translateY(${index() * ROW_HEIGHT}px)`, 'grid-template-columns': template() }}
                >
                  <Show when={props.onSelect}>
                    <span role="cell">
                      <input
                        type="checkbox"
                        aria-label={`Select ${props.title(row)}`}
                        checked={props.selected?.has(row.id) ?? false}
                        onChange={(e) => props.onSelect?.(row.id, e.currentTarget.checked)}
                      />
                    </span>
                  </Show>
                  <For each={columns()}>
                    {(column, i) => <span role="cell">{i() === 0 ? <A href={props.href(row)}>{props.title(row)}</A> : column.cell(row)}</span>}
                  </For>
                </div>
              );
            }}
          </For>
        </div>
      </div>
    </div>
  );
}

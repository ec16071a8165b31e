import { createSignal, on, createEffect, type Accessor } from 'solid-js';
import type { CombinedError, TypedDocumentNode } from '@urql/core';
import { useClient } from '@urql/solid';
import { errorMessage } from './errors';

export interface Page<Row> {
  rows: Row[];
  endCursor: string | null | undefined;
  hasNextPage: boolean;
  totalCount: number;
}

export type PageLoader<Row> = (after: string | null) => Promise<{ page?: Page<Row>; error?: CombinedError }>;

/**
 * Cursor pages appended into one list (for a virtualised table): starts over whenever `key` changes
 * (filter, sort), and drops answers that arrive after a newer start.
 */
export function createPagedList<Row>(key: Accessor<unknown>, load: PageLoader<Row>) {
  const [rows, setRows] = createSignal<Row[]>([]);
  const [total, setTotal] = createSignal<number | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [hasMore, setHasMore] = createSignal(false);
  let cursor: string | null = null;
  let generation = 0;

  async function fetchPage(reset: boolean) {
    const mine = reset ? ++generation : generation;
    if (reset) cursor = null;
    setLoading(true);
    setError(null);
    const { page, error: failure } = await load(cursor);
    if (mine !== generation) return;
    setLoading(false);
    if (!page) {
      setError(errorMessage(failure) ?? 'Could not load the list.');
      return;
    }
    cursor = page.endCursor ?? null;
    setRows(reset ? page.rows : [...rows(), ...page.rows]);
    setTotal(page.totalCount);
    setHasMore(page.hasNextPage);
  }

  createEffect(on(key, () => void fetchPage(true)));

  return {
    rows,
    total,
    loading,
    error,
    hasMore,
    loadMore: () => {
      if (!loading() && hasMore()) void fetchPage(false);
    },
    reload: () => fetchPage(true),
  };
}

/** A Relay connection as the list queries select it. */
export interface Connection<Row> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: Array<{ node: Row }>;
}

export type PagedList<Row> = ReturnType<typeof createPagedList<Row>>;

/** A paged list read from one connection field of `query`, which takes `first`, `after` and `variables()`. */
export function createConnectionList<Row, Data, Variables extends object>(
  query: TypedDocumentNode<Data, Variables & { first: number; after?: string | null }>,
  variables: Accessor<Variables>,
  connection: (data: Data) => Connection<Row> | undefined,
  pageSize = 100,
) {
  const client = useClient();
  return createPagedList<Row>(variables, async (after) => {
    // network-only: the list keeps its loaded pages itself rather than watching the cache, so each page is read fresh.
    const result = await client.query(query, { first: pageSize, after, ...variables() }, { requestPolicy: 'network-only' }).toPromise();
    const found = result.data && connection(result.data);
    return {
      error: result.error,
      page: found && {
        rows: found.edges.map((e) => e.node),
        endCursor: found.pageInfo.endCursor,
        hasNextPage: found.pageInfo.hasNextPage,
        totalCount: found.totalCount,
      },
    };
  });
}

/** A value that follows `source` once it has been still for `ms` (typing in a filter box). */
export function debounced<T>(source: Accessor<T>, ms = 250): Accessor<T> {
  const [value, setValue] = createSignal(source());
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      source,
      (next) => {
        clearTimeout(timer);
        timer = setTimeout(() => setValue(() => next), ms);
      },
      { defer: true },
    ),
  );
  return value;
}

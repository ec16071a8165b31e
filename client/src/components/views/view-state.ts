import type { CustomFieldEntity, SavedViewFieldsFragment } from '../../gql/graphql';

export type SavedView = SavedViewFieldsFragment;
export type Filter = Record<string, unknown>;
export interface ViewColumn {
  key: string;
  width?: number | null;
}

/** What a list shows now: the filter it sends, its sort, and its visible columns (null: the list's own). */
export interface ListState {
  filter: Filter;
  sort: Filter | null;
  columns: ViewColumn[] | null;
}

const FIELDS: Record<CustomFieldEntity, { filter: string; sort: string }> = {
  CONTACT: { filter: 'contactFilter', sort: 'contactSort' },
  COMPANY: { filter: 'companyFilter', sort: 'companySort' },
  DEAL: { filter: 'dealFilter', sort: 'dealSort' },
};

/** A list state as the view inputs name it for this list. */
export function viewInput(list: CustomFieldEntity, state: ListState) {
  return {
    [FIELDS[list].filter]: compact(state.filter),
    [FIELDS[list].sort]: state.sort,
    ...(state.columns ? { columns: state.columns.map((c) => ({ key: c.key, width: c.width ?? null })) } : {}),
  };
}

/** The filter without empty fields, as the list sends it. */
export function compact(filter: Filter): Filter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && v.length === 0)));
}

/**
 * A list's filter: the open view's, with the fields the toolbar shows replaced by the toolbar's values
 * and the toolbar's custom condition added to the view's.
 */
export function mergedFilter(view: SavedView | null, toolbar: Filter, custom: unknown): Filter {
  const base = { ...(view?.filter ?? {}) };
  for (const key of Object.keys(toolbar)) delete base[key];
  const conditions = [...((base.custom as unknown[] | undefined) ?? []), ...(custom ? [custom] : [])];
  return compact({ ...base, ...toolbar, custom: conditions });
}

/** The view's conditions the toolbar does not show (anyOf, dates, custom conditions), counted for a hint. */
export function hiddenConditions(view: SavedView | null, shown: string[]): number {
  const filter = view?.filter ?? {};
  return Object.entries(filter).reduce((n, [key, v]) => (shown.includes(key) ? n : n + (Array.isArray(v) ? v.length : 1)), 0);
}

// Runs the ranked search statement and turns its rows into results: title, marked snippet, the field that
// matched, counts per type. Records themselves are loaded only when a result's `record` is selected.
import { createHash } from 'node:crypto';
import { delegateOf } from '../../db/delegate.js';
import DataLoader from 'dataloader';
import type { Context } from '../../context.js';
import type { SearchEntityType } from '../../generated/prisma/enums.js';
import { highlight, queryTerms } from './highlight.js';
import { queryKeys } from './query-keys.js';
import { searchSql, type SearchRow } from './search.sql.js';
import { rememberVisible } from '../../auth/record-access.js';
import type { RecordAccess, VisibleModel } from '../../auth/record-rules.js';

export const SEARCH_TYPES = [
  'CONTACT',
  'COMPANY',
  'DEAL',
  'NOTE',
  'ACTIVITY',
  'COMMUNICATION',
  'COMMENT',
  'FILE',
  'FORM',
] as const satisfies readonly SearchEntityType[];

export type SearchField = 'TITLE' | 'DETAILS' | 'BODY' | 'EMAIL' | 'PHONE' | 'DOMAIN' | 'PROFILE';

export interface SearchHit {
  id: string;
  workspaceId: string;
  type: SearchEntityType;
  score: number;
  title: string;
  snippet: string;
  matchedField: SearchField;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Visible matches per type among the first COUNT_CAP matching documents. */
  counts: Record<SearchEntityType, number>;
  /** The counts stopped at COUNT_CAP matching documents: there may be more. */
  capped: boolean;
}

const KEY_FIELDS: Record<string, SearchField> = { email: 'EMAIL', phone: 'PHONE', domain: 'DOMAIN', profile: 'PROFILE' };

function describe(row: SearchRow, terms: string[], keys: Set<string>): { snippet: string; matchedField: SearchField } {
  const key = row.keys?.find((k) => keys.has(k));
  if (key) {
    const [kind, ...rest] = key.split(':');
    const value = rest.join(':');
    return { snippet: `<mark>${value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</mark>`, matchedField: KEY_FIELDS[kind!] ?? 'DETAILS' };
  }
  for (const [field, text] of [
    ['TITLE', row.title],
    ['DETAILS', row.details],
    ['BODY', row.body],
  ] as const) {
    if (!text) continue;
    const marked = highlight(text, terms);
    if (marked.matched) return { snippet: marked.html, matchedField: field };
  }
  // Matched by trigram similarity of the whole title only.
  return { snippet: highlight(row.title ?? '', terms).html, matchedField: 'TITLE' };
}

/** Names the prepared statement after its text, which varies only with the viewer's role and policy and the types asked for. */
export function statementName(text: string): string {
  return `kith_search_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

export async function search(
  context: Context,
  access: RecordAccess,
  input: { query: string; types: SearchEntityType[]; limit: number; offset: number },
): Promise<SearchPage> {
  const keys = queryKeys(input.query);
  const { text, values } = searchSql({ access, query: input.query, keys, types: input.types, limit: input.limit, offset: input.offset });
  const rows = await context.app.db.sql.query<SearchRow>(text, values, { prepareAs: statementName(text) });
  const counts = Object.fromEntries(SEARCH_TYPES.map((t) => [t, Number(rows[0]?.counts?.[t] ?? 0)])) as Record<SearchEntityType, number>;
  const capped = rows[0]?.capped === true;
  const terms = queryTerms(input.query);
  const keySet = new Set(keys);
  const hits = rows
    .filter((row) => row.id != null)
    .map((row) => ({
      id: row.id!,
      workspaceId: access.workspaceId,
      type: row.entityType!,
      score: Number(row.score),
      title: row.title ?? '',
      ...describe(row, terms, keySet),
    }));
  return { hits, counts, capped };
}

const MODELS = {
  CONTACT: 'contact',
  COMPANY: 'company',
  DEAL: 'deal',
  NOTE: 'note',
  ACTIVITY: 'activity',
  COMMUNICATION: 'communication',
  COMMENT: 'comment',
  FILE: 'file',
  FORM: 'form',
} as const satisfies Record<SearchEntityType, string>;

type RowFinder = (args: { where: object }) => Promise<Array<{ id: string; workspaceId: string }>>;
const VISIBLE_MODELS = new Set<string>(['contact', 'company', 'deal', 'communication']);

/**
 * The record behind a hit; one query per type and request, whatever the page size. `query` is what the
 * GraphQL selection needs of that type (Pothos's queryFromInfo), the same for every hit of the type.
 */
export function loadRecord(context: Context, hit: SearchHit, query: object): Promise<object | null> {
  const model = MODELS[hit.type];
  const loader = context.memo(
    `searchRecords:${model}`,
    () =>
      new DataLoader<string, object | null>(async (ids) => {
        const delegate = delegateOf<{ findMany: RowFinder }>(context.prisma, model);
        const rows = await delegate.findMany({ ...query, where: { id: { in: [...ids] }, deletedAt: null } });
        // The search statement applied visibleWhere's rules already: the type's own check need not ask again.
        if (VISIBLE_MODELS.has(model)) rememberVisible(context, model as VisibleModel, hit.workspaceId, rows);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
  return loader.load(hit.id);
}

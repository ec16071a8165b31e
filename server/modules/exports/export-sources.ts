// What a workspace export contains: one file per table that holds the workspace's data, read in
// keyset-paged batches bounded in rows and bytes, so memory stays flat whatever the size. Tables come from the Prisma schema
// (every model with a workspaceId), so a table added later is exported without a change here.
import type { SqlRunner } from '../../db/sql-runner.js';
import { getDatamodel } from '../../generated/pothos-types.js';

export interface ExportSource {
  /** The table, and the file's name in the archive. */
  table: string;
  /** The primary key columns, which order the rows for keyset paging. */
  keys: string[];
  /** Limits the table (alias t) to the workspace, $1. */
  scope: string;
  /** Columns left out: secrets (hashes, signing secrets) and internal storage keys. */
  omit?: string[];
  /** Only these columns (for tables that hold more than the workspace's business). */
  only?: string[];
}

/** Derived or internal: search documents are rebuilt from the records, the sequence is a counter, archives are these files. */
const NOT_EXPORTED = new Set(['SearchDocument', 'ActivitySequence', 'WorkspaceExport', 'SampleRecord']);

/**
 * Sample data (the first run's, until kept) stays out of exports: each table that can hold it names the
 * columns whose ids are marked in SampleRecord, the row's own or its parent's.
 */
const SAMPLE_COLUMNS: Record<string, string[]> = {
  Company: ['id'],
  Contact: ['id'],
  Deal: ['id'],
  Activity: ['id'],
  Note: ['id'],
  Communication: ['id'],
  Tag: ['id'],
  ContactEmail: ['contactId'],
  ContactPhone: ['contactId'],
  ContactProfile: ['contactId'],
  DealContact: ['dealId', 'contactId'],
  CommunicationContact: ['communicationId', 'contactId'],
  _CompanyToTag: ['A', 'B'],
  _ContactToTag: ['A', 'B'],
  _DealToTag: ['A', 'B'],
};

function withoutSample(source: ExportSource): ExportSource {
  const columns = SAMPLE_COLUMNS[source.table];
  if (!columns) return source;
  const ids = columns.map((column) => `t.${quote(column)}`).join(', ');
  return { ...source, scope: `${source.scope} AND NOT EXISTS (SELECT 1 FROM "SampleRecord" s WHERE s."recordId" IN (${ids}))` };
}
const OMITTED: Record<string, string[]> = {
  ApiKey: ['secretHash'],
  Webhook: ['secret'],
  Invitation: ['tokenHash'],
  File: ['storageKey'],
  Import: ['storageKey'],
};

/** Join tables carry no workspaceId: they belong to the workspace through one of their parents. */
const LINK_TABLES: ExportSource[] = [
  { table: 'DealContact', keys: ['dealId', 'contactId'], scope: 'EXISTS (SELECT 1 FROM "Deal" p WHERE p.id = t."dealId" AND p."workspaceId" = $1)' },
  {
    table: 'CommunicationContact',
    keys: ['communicationId', 'contactId'],
    scope: 'EXISTS (SELECT 1 FROM "Communication" p WHERE p.id = t."communicationId" AND p."workspaceId" = $1)',
  },
  { table: 'CommentMention', keys: ['commentId', 'userId'], scope: 'EXISTS (SELECT 1 FROM "Comment" p WHERE p.id = t."commentId" AND p."workspaceId" = $1)' },
  // The rows an import could not take, with why: the workspace's own data, as the error file gives it.
  { table: 'ImportFailure', keys: ['importId', 'rowNumber'], scope: 'EXISTS (SELECT 1 FROM "Import" p WHERE p.id = t."importId" AND p."workspaceId" = $1)' },
  { table: 'TeamMember', keys: ['teamId', 'userId'], scope: 'EXISTS (SELECT 1 FROM "Team" p WHERE p.id = t."teamId" AND p."workspaceId" = $1)' },
  ...['Company', 'Contact', 'Deal'].map((model) => ({
    table: `_${model}ToTag`,
    keys: ['A', 'B'],
    scope: `EXISTS (SELECT 1 FROM "Tag" p WHERE p.id = t."B" AND p."workspaceId" = $1)`,
  })),
  // Members' names and addresses, so owners and authors in the other files can be told apart; nothing else of their accounts.
  {
    table: 'User',
    keys: ['id'],
    scope: 'EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = t.id AND m."workspaceId" = $1)',
    only: ['id', 'name', 'email'],
  },
];

export function exportSources(): ExportSource[] {
  const models = Object.entries(getDatamodel().datamodel.models)
    .filter(([name, model]) => !NOT_EXPORTED.has(name) && model.fields.some((field) => field.name === 'workspaceId'))
    .map(([table, model]): ExportSource => ({
      table,
      keys: model.fields.filter((field) => field.isId).map((field) => field.name),
      scope: 't."workspaceId" = $1',
      omit: OMITTED[table],
    }));
  return [{ table: 'Workspace', keys: ['id'], scope: 't.id = $1' }, ...models, ...LINK_TABLES].map(withoutSample);
}

const quote = (column: string) => `"${column}"`;

export async function countRows(sql: SqlRunner, source: ExportSource, workspaceId: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(source.table)} t WHERE ${source.scope}`, [workspaceId]);
  return row?.n ?? 0;
}

/** The columns written, in table order. */
export async function exportedColumns(sql: SqlRunner, source: ExportSource): Promise<string[]> {
  // pg_attribute rather than information_schema, whose views take a tenth of a second per call on PGlite.
  const rows = await sql.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [quote(source.table)],
  );
  return rows.map((row) => row.name).filter((column) => (source.only ? source.only.includes(column) : !source.omit?.includes(column)));
}

/**
 * Rows per statement: as many as make about `targetBytes` of output, judged from the previous batch, and
 * never more than `maxRows`. A fixed row count would let a table of long rows (logged email bodies) put
 * hundreds of megabytes in one batch.
 */
export class BatchSize {
  rows: number;

  constructor(
    private readonly maxRows: number,
    private readonly targetBytes: number,
  ) {
    this.rows = Math.min(FIRST_BATCH_ROWS, maxRows);
  }

  /** Sizes the next batch from what the last one weighed. */
  observe(rows: number, bytes: number) {
    const bytesPerRow = Math.max(1, bytes / Math.max(1, rows));
    this.rows = Math.max(1, Math.min(this.maxRows, Math.floor(this.targetBytes / bytesPerRow)));
  }
}

/** Until a table's first batch has been weighed, its rows could be of any size. */
const FIRST_BATCH_ROWS = 100;

/** The workspace's rows of one table, batch by batch (sized by `size`), in primary-key order. */
export async function* rowBatches(sql: SqlRunner, source: ExportSource, columns: string[], workspaceId: string, size: BatchSize) {
  const keys = source.keys.map((key) => `t.${quote(key)}`).join(', ');
  // Key columns left out of the output are selected under an alias for paging, and dropped from each row.
  const hidden = source.keys.filter((key) => !columns.includes(key));
  const select = [...columns.map((column) => `t.${quote(column)}`), ...hidden.map((key) => `t.${quote(key)} AS ${quote(`__${key}`)}`)].join(', ');
  const keyName = (key: string) => (hidden.includes(key) ? `__${key}` : key);
  let after: unknown[] | null = null;
  for (;;) {
    const limit = size.rows;
    const params: unknown[] = [workspaceId, ...(after ?? [])];
    const from = after ? `AND (${keys}) > (${source.keys.map((_, i) => `$${i + 2}`).join(', ')})` : '';
    const rows: Array<Record<string, unknown>> = await sql.query<Record<string, unknown>>(
      `SELECT ${select} FROM ${quote(source.table)} t WHERE ${source.scope} ${from} ORDER BY ${keys} LIMIT ${limit}`,
      params,
    );
    if (rows.length === 0) return;
    const last: Record<string, unknown> = rows[rows.length - 1]!;
    after = source.keys.map((key) => last[keyName(key)]);
    // \`delete\` would turn every row into a slow dictionary object; it happens only for hidden keys.
    if (hidden.length) for (const row of rows) for (const key of hidden) delete row[`__${key}`];
    yield rows;
    if (rows.length < limit) return;
  }
}

// A list page with custom field filters or a custom sort. Prisma cannot order by a JSON path, so SQL
// walks the workspace's rows in the wanted order (custom conditions applied, keyset after the cursor) in
// chunks, and Prisma loads each chunk under the list's own where (visibility and the standard filters).
// Most chunks are kept whole, so a page costs one SQL statement and one Prisma query.
import { badInput } from '../../errors.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { CustomQuery } from './custom-where.js';

const sql = Prisma.sql;
type Table = 'Contact' | 'Company' | 'Deal';

interface Finder<T> {
  findMany(args: object): Promise<T[]>;
  count(args: object): Promise<number>;
}

export interface CustomListTarget<T> {
  db: { $queryRaw<R>(query: Prisma.Sql): Promise<R> };
  delegate: Finder<T>;
  table: Table;
  workspaceId: string;
  trash: boolean;
  custom: CustomQuery;
  /** The list's own sort, used when the custom query has none. */
  standard: { column: string; descending: boolean };
  /** The list's Prisma where (visibility and standard filters). */
  where: object;
  /** The filter's anyOf branches when one has custom conditions: a row matches one branch's where and conditions. */
  branches?: Array<{ where: object; conditions: Prisma.Sql[] }>;
}

type WalkedRow = { id: string; marks?: boolean[] };

/** Conditions every walked row meets: the workspace, trash or not, the custom filters, and one branch when each has conditions. */
function walkConditions<T>(target: CustomListTarget<T>) {
  const conditions = [
    sql`t."workspaceId" = ${target.workspaceId}::uuid`,
    target.trash ? sql`t."deletedAt" IS NOT NULL` : sql`t."deletedAt" IS NULL`,
    ...target.custom.conditions,
  ];
  if (target.branches?.every((b) => b.conditions.length)) conditions.push(sql`(${Prisma.join(target.branches.map(branchSql), ' OR ')})`);
  return conditions;
}

const branchSql = (branch: { conditions: Prisma.Sql[] }) => (branch.conditions.length ? sql`(${Prisma.join(branch.conditions, ' AND ')})` : sql`true`);

/** Which branches' custom conditions each row meets, selected beside its id. */
function marksColumn<T>(target: CustomListTarget<T>) {
  return target.branches ? sql`, ARRAY[${Prisma.join(target.branches.map(branchSql))}]::boolean[] AS marks` : sql``;
}

/** The Prisma where for a chunk of walked rows: the list's where, and with branches, a branch each row's marks allow. */
function chunkWhere<T>(target: CustomListTarget<T>, rows: WalkedRow[]) {
  const ids = rows.map((r) => r.id);
  if (!target.branches) return { AND: [target.where, { id: { in: ids } }] };
  const branches = target.branches.map((b, i) => ({ AND: [b.where, { id: { in: rows.filter((r) => r.marks?.[i]).map((r) => r.id) } }] }));
  return { AND: [target.where, { id: { in: ids } }, { OR: branches }] };
}

const MAX_CHUNK = 1000;

/** Ordered ids after `cursorId`, at most `limit`. */
function orderedIds<T>(target: CustomListTarget<T>, cursorId: string | null, limit: number) {
  const { custom, standard } = target;
  const table = Prisma.raw(`"${target.table}"`);
  const expr = (alias: string) => (custom.sort ? custom.sort(alias) : sql`${Prisma.raw(alias)}.${Prisma.raw(`"${standard.column}"`)}`);
  const descending = custom.sort ? custom.descending : standard.descending;
  const [after, dir] = descending ? [Prisma.raw('<'), Prisma.raw('DESC')] : [Prisma.raw('>'), Prisma.raw('ASC')];
  const e = expr('t');
  const conditions = walkConditions(target);
  if (cursorId) {
    conditions.push(sql`((c.s IS NULL AND ${e} IS NULL AND t.id ${after} c.id)
      OR (c.s IS NOT NULL AND (${e} IS NULL OR ${e} ${after} c.s OR (${e} = c.s AND t.id ${after} c.id))))`);
  }
  const from = cursorId ? sql`${table} t, (SELECT ${expr('c0')} AS s, c0.id FROM ${table} c0 WHERE c0.id = ${cursorId}::uuid) c` : sql`${table} t`;
  return target.db.$queryRaw<WalkedRow[]>(sql`
    SELECT t.id${marksColumn(target)} FROM ${from} WHERE ${Prisma.join(conditions, ' AND ')}
     ORDER BY ${e} ${dir} NULLS LAST, t.id ${dir} LIMIT ${limit}`);
}

/** The rows of one connection page: `query` is what the relay connection asks of Prisma (take, skip, cursor). */
export async function customPage<T extends { id: string }>(
  target: CustomListTarget<T>,
  query: { take?: number; skip?: number; cursor?: { id: string } } & object,
) {
  const { take = 21, skip: _skip, cursor, ...selection } = query;
  if (take < 0) throw badInput('Lists filtered or sorted by custom fields page forwards: use first and after.', 'last');
  const rows: T[] = [];
  let after = cursor?.id ?? null;
  let chunk = Math.min(Math.max(take, 1), MAX_CHUNK);
  while (rows.length < take) {
    const walked = await orderedIds(target, after, chunk);
    const ids = walked.map((r) => r.id);
    if (ids.length === 0) break;
    const found = await target.delegate.findMany({ ...selection, where: chunkWhere(target, walked) });
    const byId = new Map(found.map((row) => [row.id, row]));
    for (const id of ids) if (byId.has(id) && rows.length < take) rows.push(byId.get(id)!);
    if (ids.length < chunk) break;
    after = ids.at(-1)!;
    chunk = Math.min(chunk * 2, MAX_CHUNK);
  }
  return rows;
}

/** The total under both the custom conditions and the list's where, counted chunk by chunk of matching ids. */
export async function customCount<T>(target: CustomListTarget<T>) {
  const table = Prisma.raw(`"${target.table}"`);
  const rows = await target.db.$queryRaw<WalkedRow[]>(
    sql`SELECT t.id${marksColumn(target)} FROM ${table} t WHERE ${Prisma.join(walkConditions(target), ' AND ')}`,
  );
  let total = 0;
  for (let i = 0; i < rows.length; i += 10_000) {
    total += await target.delegate.count({ where: chunkWhere(target, rows.slice(i, i + 10_000)) });
  }
  return total;
}

/** The first key of a Prisma orderBy, as the column and direction the SQL walk sorts by when no custom sort is given. */
export function standardSort(orderBy: ReadonlyArray<Record<string, unknown>>) {
  const [column, how] = Object.entries(orderBy[0] ?? { sortName: 'asc' })[0]!;
  const direction = typeof how === 'string' ? how : (how as { sort: string }).sort;
  return { column, descending: direction === 'desc' };
}

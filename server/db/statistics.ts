import type { Database } from './database.js';

/**
 * Planner statistics on the embedded database. PGlite runs no autovacuum, so without this no table is ever
 * analyzed and the planner guesses row counts (search scanned a whole workspace for one word). Kith applies
 * autovacuum's own rule itself: after migrations, after bulk writes, and every minute from the job worker.
 * On PostgreSQL autovacuum does it, and these functions do nothing unless autovacuum is off.
 */

type Db = Pick<Database, 'kind' | 'sql'>;

/**
 * Autovacuum's analyze rule: more rows changed since the last ANALYZE than threshold + scale factor x rows.
 * PGlite keeps `n_mod_since_analyze` within a process but never saves its counters (they start at zero on
 * every open), so a table is also due when its file grew past the same rule (new pages at the analyzed rows per
 * page: rows written before a restart), or grew at all when it was never analyzed or analyzed empty.
 * `$1` holds each table's counter as of Kith's last ANALYZE of it (see analyzeDueTables); a lower counter
 * was reset by a full ANALYZE.
 */
const DUE_TABLES = `
WITH rule AS (
  SELECT current_setting('autovacuum_analyze_threshold')::float8 AS base,
         current_setting('autovacuum_analyze_scale_factor')::float8 AS scale,
         current_setting('block_size')::float8 AS block
), t AS (
  SELECT c.oid, pg_stat_get_mod_since_analyze(c.oid) AS counter, coalesce(($1::jsonb ->> c.oid::text)::float8, 0) AS counted,
         c.reltuples, c.relpages, pg_relation_size(c.oid) / rule.block AS pages, rule.base, rule.scale
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, rule
  WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
)
SELECT oid::text AS oid, oid::regclass::text AS name, counter,
       (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = t.oid AND attnum > 0 AND NOT attisdropped) AS columns
FROM t
WHERE counter - CASE WHEN counter >= counted THEN counted ELSE 0 END > base + scale * greatest(reltuples, 0)
   OR (pages > relpages AND (reltuples <= 0 OR relpages = 0 OR (pages - relpages) * reltuples / relpages > base + scale * reltuples))
ORDER BY name`;

/** Per database: each table's change counter when Kith last analyzed it, as a column-list ANALYZE keeps it. */
const countedAtAnalyze = new WeakMap<Db['sql'], Record<string, number>>();

/** Whether Kith must keep statistics itself: always on PGlite, on PostgreSQL only with autovacuum off. */
async function analyzesItself(db: Db) {
  if (db.kind === 'pglite') return true;
  const [row] = await db.sql.query<{ autovacuum: string }>('SHOW autovacuum');
  return row?.autovacuum === 'off';
}

/**
 * ANALYZEs the tables that autovacuum's rule says are due; returns their names. Cheap when none is.
 * Columns are named, which leaves out index expressions: those of SearchDocument's gram indexes cost ~30x
 * the rest of its ANALYZE (100k documents: ~40 s against ~1 s on a loaded machine, blocking PGlite's one
 * connection) and made no measurable difference to search plans. Migrations still gather them (afterMigrations).
 */
export async function analyzeDueTables(db: Db): Promise<string[]> {
  if (!(await analyzesItself(db))) return [];
  // Counters reach the statistics views at most once a second; this makes the next statement publish them.
  if (db.kind === 'pglite') await db.sql.query('SELECT pg_stat_force_next_flush()');
  const counted = countedAtAnalyze.get(db.sql) ?? {};
  const due = await db.sql.query<{ oid: string; name: string; counter: number; columns: string }>(DUE_TABLES, [JSON.stringify(counted)]);
  if (due.length === 0) return [];
  await db.sql.exec(`ANALYZE ${due.map((table) => `${table.name} (${table.columns})`).join(', ')}`);
  // A column-list ANALYZE does not reset n_mod_since_analyze, so Kith remembers where it stood.
  for (const table of due) counted[table.oid] = Number(table.counter);
  countedAtAnalyze.set(db.sql, counted);
  return due.map((table) => table.name);
}

/**
 * Call after writing many rows at once (seed, bulk changes, purges, imports), so the next queries are planned
 * with the new row counts instead of waiting for the worker's next minute.
 */
export function afterBulkWrite(db: Db): Promise<string[]> {
  return analyzeDueTables(db);
}

/** After migrations: new tables and expression indexes have no statistics at all, so everything is analyzed, index expressions included. */
export async function afterMigrations(db: Db, applied: readonly string[]) {
  if (applied.length > 0 && (await analyzesItself(db))) await db.sql.exec('ANALYZE');
}

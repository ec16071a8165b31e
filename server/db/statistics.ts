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
 */
const DUE_TABLES = `
WITH rule AS (
  SELECT current_setting('autovacuum_analyze_threshold')::float8 AS base,
         current_setting('autovacuum_analyze_scale_factor')::float8 AS scale,
         current_setting('block_size')::float8 AS block
), t AS (
  SELECT c.oid, pg_stat_get_mod_since_analyze(c.oid) AS changed, c.reltuples, c.relpages,
         pg_relation_size(c.oid) / rule.block AS pages, rule.base, rule.scale
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, rule
  WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
)
SELECT oid::regclass::text AS name FROM t
WHERE changed > base + scale * greatest(reltuples, 0)
   OR (pages > relpages AND (reltuples <= 0 OR relpages = 0 OR (pages - relpages) * reltuples / relpages > base + scale * reltuples))
ORDER BY name`;

/** Whether Kith must keep statistics itself: always on PGlite, on PostgreSQL only with autovacuum off. */
async function analyzesItself(db: Db) {
  if (db.kind === 'pglite') return true;
  const [row] = await db.sql.query<{ autovacuum: string }>('SHOW autovacuum');
  return row?.autovacuum === 'off';
}

/** ANALYZEs the tables that autovacuum's rule says are due; returns their names. Cheap when none is. */
export async function analyzeDueTables(db: Db): Promise<string[]> {
  if (!(await analyzesItself(db))) return [];
  // Counters reach pg_stat_user_tables at most once a second; this makes the next statement publish them.
  if (db.kind === 'pglite') await db.sql.query('SELECT pg_stat_force_next_flush()');
  const due = (await db.sql.query<{ name: string }>(DUE_TABLES)).map((row) => row.name);
  if (due.length > 0) await db.sql.exec(`ANALYZE ${due.join(', ')}`);
  return due;
}

/**
 * Call after writing many rows at once (seed, bulk changes, purges, imports), so the next queries are planned
 * with the new row counts instead of waiting for the worker's next minute.
 */
export function afterBulkWrite(db: Db): Promise<string[]> {
  return analyzeDueTables(db);
}

/** After migrations: new tables and expression indexes have no statistics at all, so everything is analyzed. */
export async function afterMigrations(db: Db, applied: readonly string[]) {
  if (applied.length > 0 && (await analyzesItself(db))) await db.sql.exec('ANALYZE');
}

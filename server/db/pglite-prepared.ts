// PGlite speaks to one session through unnamed statements, so every run of a long statement is parsed and
// planned again (on a 100k-document search, as long as running it). A session-local PL/pgSQL function
// around the statement gets PostgreSQL's plan cache instead: its RETURN QUERY is planned on the first calls
// and kept. Rows come back through row_to_json, so values arrive as JSON types (numbers, strings, arrays,
// objects; timestamps as strings).
import type { PGlite } from '@electric-sql/pglite';

type Session = Pick<PGlite, 'exec' | 'query'>;

const UNDEFINED_FUNCTION = '42883';
const created = new WeakMap<object, Set<string>>();

async function createFunction(db: Session, name: string, sql: string) {
  // PREPARE infers the parameters' types from the statement's casts; the function takes the same.
  await db.exec(`PREPARE ${name} AS ${sql}`);
  const [described] = (await db.query<{ types: string[] }>(`SELECT parameter_types::text[] AS types FROM pg_prepared_statements WHERE name = $1`, [name])).rows;
  await db.exec(`DEALLOCATE ${name}`);
  await db.exec(
    `CREATE OR REPLACE FUNCTION pg_temp.${name}(${described!.types.join(', ')}) RETURNS SETOF json LANGUAGE plpgsql AS $kith_prepared$
BEGIN RETURN QUERY SELECT row_to_json(r) FROM (${sql}) r; END $kith_prepared$`,
  );
}

/** Runs `sql` through its cached plan; `name` must identify the text (letters, digits and _ only). */
export async function queryPrepared<Row>(db: Session, root: object, name: string, sql: string, params: unknown[]): Promise<Row[]> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unusable statement name: ${name}`);
  const names = created.get(root) ?? new Set<string>();
  created.set(root, names);
  const call = `SELECT r AS row FROM pg_temp.${name}(${params.map((_, i) => `$${i + 1}`).join(', ')}) r`;
  for (let attempt = 0; ; attempt += 1) {
    if (!names.has(name)) {
      await createFunction(db, name, sql);
      names.add(name);
    }
    try {
      return (await db.query<{ row: Row }>(call, params)).rows.map((r) => r.row);
    } catch (error) {
      // Gone with a rolled-back transaction or a reset session: made again once.
      if ((error as { code?: string }).code !== UNDEFINED_FUNCTION || attempt > 0) throw error;
      names.delete(name);
    }
  }
}

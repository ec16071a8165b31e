// A migrated, empty database of the benches' own on the PostgreSQL server the npm script started
// (.ci/with-postgres.sh sets TEST_DATABASE_URL), made anew on every run.
import pg from 'pg';
import { openDatabase, type Database } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';

export async function freshBenchDatabase(name: string, script: string): Promise<{ db: Database; url: string }> {
  const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!baseUrl) throw new Error(`Run through npm run ${script} (it starts a PostgreSQL).`);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  await applyMigrations(db.sql);
  return { db, url: url.toString() };
}

/** The database of an earlier run with the same number of contacts (BENCH_REUSE=1), or null to seed anew. */
export async function reusedBenchDatabase(name: string, contacts: number): Promise<{ db: Database; url: string } | null> {
  const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!baseUrl) return null;
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  const count = await client.connect().then(
    () =>
      client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Contact" c JOIN "Workspace" w ON w.id = c."workspaceId" WHERE w.name = 'Bench'`).then(
        (r) => r.rows[0]?.n,
        () => null,
      ),
    () => null,
  );
  await client.end().catch(() => undefined);
  if (count !== contacts) return null;
  const db = await openDatabase({ url: url.toString() });
  await applyMigrations(db.sql);
  return { db, url: url.toString() };
}

import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import type { SqlRunner } from './sql-runner.js';

export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'prisma', 'migrations');

export interface MigrationFile {
  name: string;
  sql: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(join(dir, name, 'migration.sql'), 'utf8') })));
}

// Same table Prisma's own engine keeps, so `prisma migrate status/deploy` agree with us.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

function assertUnchanged(migration: MigrationFile, recorded: string) {
  if (recorded !== checksum(migration.sql)) throw new Error(`Migration ${migration.name} was changed after it was applied`);
}

const APPLIED = 'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL';

/**
 * Applies pending migrations in order, each in its own transaction, and returns their names.
 * A transaction-scoped advisory lock keeps two starting instances from racing. What was applied is read
 * once first, so a start with nothing pending costs one query, not a locked transaction per migration.
 */
export async function applyMigrations(sql: SqlRunner, migrations?: MigrationFile[]): Promise<string[]> {
  const files = migrations ?? (await readMigrations());
  await sql.exec(CREATE_MIGRATIONS_TABLE);
  const recorded = new Map((await sql.query<{ migration_name: string; checksum: string }>(APPLIED)).map((row) => [row.migration_name, row.checksum]));
  const applied: string[] = [];
  for (const migration of files) {
    const known = recorded.get(migration.name);
    if (known !== undefined) {
      assertUnchanged(migration, known);
      continue;
    }
    const didApply = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(727274)');
      const done = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL AND finished_at IS NOT NULL',
        [migration.name],
      );
      if (done.length > 0) {
        assertUnchanged(migration, done[0]!.checksum);
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), checksum(migration.sql), migration.name],
      );
      return true;
    });
    if (didApply) applied.push(migration.name);
  }
  return applied;
}

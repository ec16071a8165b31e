// `npm run db:migrate` applies pending migrations; `npm run db:diff -- <name>` writes a new one.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from './database.js';
import { applyMigrations, MIGRATIONS_DIR } from './migrations.js';
import { diffSchemaAgainstMigrations } from './schema-engine.js';
import { afterMigrations } from './statistics.js';

async function migrate() {
  const config = loadConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDir });
  try {
    const applied = await applyMigrations(db.sql);
    await afterMigrations(db, applied);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await db.close();
  }
}

async function diff(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('Usage: npm run db:diff -- <snake_case_name>');
  const sql = await diffSchemaAgainstMigrations();
  if (!sql || /^-- This is an empty migration/.test(sql)) {
    console.log('schema.prisma matches the migrations; nothing to write.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'migration.sql'), `${sql}\n`);
  await writeFile(join(MIGRATIONS_DIR, 'migration_lock.toml'), 'provider = "postgresql"\n');
  console.log(`Wrote ${dir}/migration.sql`);
}

const [command, arg] = process.argv.slice(2);
const run = command === 'migrate' ? migrate() : command === 'diff' ? diff(arg) : Promise.reject(new Error(`Unknown command ${command}`));
run.catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// Migrates one database once per run: a PGlite snapshot file, or a PostgreSQL template database
// when TEST_DATABASE_URL is set. Each test file then starts from a copy of it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { pgliteOptions } from '../db/database.js';
import { applyMigrations } from '../db/migrations.js';
import { sqlRunnerForPGlite, sqlRunnerForPool } from '../db/sql-runner.js';
import { TEMPLATE_DATABASE, withDatabaseName } from './postgres-names.js';

async function preparePostgresTemplate(url: string) {
  const admin = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: withDatabaseName(url, TEMPLATE_DATABASE) });
  try {
    await applyMigrations(sqlRunnerForPool(pool));
  } finally {
    await pool.end();
  }
}

async function preparePGliteSnapshot(): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const pglite = new PGlite(pgliteOptions);
  await applyMigrations(sqlRunnerForPGlite(pglite));
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const dir = await mkdtemp(join(tmpdir(), 'kith-test-'));
  const path = join(dir, 'migrated.tar');
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export default async function setup(project: TestProject) {
  // Browser tests build the web app here once, when the first of them starts (client/e2e/harness.ts).
  const clientParent = await mkdtemp(join(tmpdir(), 'kith-client-'));
  project.provide('clientBuildDir', join(clientParent, 'build'));
  const removeClient = () => rm(clientParent, { recursive: true, force: true });
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    await preparePostgresTemplate(url);
    project.provide('pgliteSnapshot', '');
    return removeClient;
  }
  const snapshot = await preparePGliteSnapshot();
  project.provide('pgliteSnapshot', snapshot.path);
  return async () => {
    await snapshot.cleanup();
    await removeClient();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    /** Where the browser tests' build of the web app goes (made by the first of them). */
    clientBuildDir: string;
  }
}

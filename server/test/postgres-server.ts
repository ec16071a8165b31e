// A PostgreSQL database for tests that need a real server even when the suite runs on PGlite (because
// another process must reach the database): a copy of the suite's migrated template when TEST_DATABASE_URL
// is set, otherwise a throwaway cluster from Debian's binaries, migrated here.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../db/migrations.js';
import { postgresPool } from '../db/postgres-pool.js';
import { sqlRunnerForPool } from '../db/sql-runner.js';
import { freePort } from './local-services.js';
import { TEMPLATE_DATABASE, withDatabaseName } from './postgres-names.js';

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/** initdb and pg_ctl refuse to run as root. */
function asPostgres(command: string, args: string[]) {
  if (!asRoot) return execFileSync(command, args, { stdio: 'pipe' });
  return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map((arg) => `'${arg}'`).join(' ')], { stdio: 'pipe' });
}

async function copyOfSuiteTemplate(serverUrl: string, name: string): Promise<TestPostgres> {
  const database = `${name}_w${process.env.VITEST_POOL_ID ?? '0'}`;
  const admin = new pg.Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return { url: withDatabaseName(serverUrl, database), stop: async () => undefined };
}

async function throwawayCluster(): Promise<TestPostgres> {
  const version = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))[0];
  const bin = `/usr/lib/postgresql/${version}/bin`;
  const dir = mkdtempSync(join(tmpdir(), 'kith-test-pg-'));
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const port = await freePort();
  asPostgres(`${bin}/initdb`, ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  asPostgres(`${bin}/pg_ctl`, [
    '-D',
    `${dir}/data`,
    '-l',
    `${dir}/log`,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-w',
    'start',
  ]);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    asPostgres(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  const pool = postgresPool(url, { max: 1 });
  try {
    await applyMigrations(sqlRunnerForPool(pool));
  } catch (error) {
    await stop();
    throw error;
  } finally {
    await pool.end();
  }
  return { url, stop };
}

/** A migrated, empty database on a PostgreSQL server; `name` keeps it apart from other files' databases. */
export function testPostgres(name: string): Promise<TestPostgres> {
  const suiteServer = process.env.TEST_DATABASE_URL;
  return suiteServer ? copyOfSuiteTemplate(suiteServer, name) : throwawayCluster();
}

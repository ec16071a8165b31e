import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';
import { postgresPool } from './postgres-pool.js';
import { sqlRunnerForPGlite, sqlRunnerForPool, type SqlRunner } from './sql-runner.js';

export type { PrismaClient };

/**
 * PGlite's memory, sized for one team's CRM instead of PostgreSQL's server defaults. Every page of
 * shared_buffers is touched when the WASM heap is set up and a WASM heap never shrinks, so the default 128MB
 * cost 128 MB RSS from the first second (measured: 16MB -> 29 MB resident heap, 32MB -> 47, 128MB -> 151); the
 * files underneath sit in the OS page cache anyway. maintenance_work_mem bounds what an index build or
 * ANALYZE leaves resident for good.
 */
/** PGlite's options with a cache (`shared_buffers`) of `cacheMb`. */
const withCache = (cacheMb: number) => ({
  extensions: { pg_trgm, unaccent },
  startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${cacheMb}MB`, '-c', 'maintenance_work_mem=16MB'],
});

/**
 * How every PGlite in Kith is opened (server, tests, backups, the schema engine), with the contrib extensions
 * the migrations create (search: trigrams and accent folding); add `loadDataDir` as needed.
 */
export const pgliteOptions = withCache(32);

/**
 * A grown database needs a larger cache: every page PGlite misses is read through its file system again, and at
 * 100,000 search documents 32MB doubled the search's p95 (80 ms against 39 ms at 128MB). So the cache is an
 * eighth of the data files' size (rounded up to a power of two), between 32MB and 128MB, decided at each start.
 */
export function pgliteOptionsFor(dataDir: string | undefined) {
  const eighthMb = (dataDir ? directoryBytes(join(dataDir, 'base')) : 0) / 8 / 1024 / 1024;
  return withCache(Math.min(128, Math.max(32, 2 ** Math.ceil(Math.log2(Math.max(1, eighthMb))))));
}

function directoryBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  /** PostgreSQL's connection string, for processes that open connections of their own; absent on PGlite. */
  url?: string;
  prisma: PrismaClient;
  sql: SqlRunner;
  /** A new PGlite data directory was created from `newDataFrom`'s snapshot. */
  fromSnapshot?: boolean;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent Kith uses embedded PGlite. */
  url?: string;
  /** PGlite data directory; absent means in-memory. */
  dataDir?: string;
  /** A PGlite instance made by the caller (tests load a pre-migrated snapshot). */
  pglite?: PGlite;
  /** What a PGlite data directory that does not exist yet starts from (a dumpDataDir tarball), if anything. */
  newDataFrom?: () => Promise<Blob | undefined>;
  logQueries?: (sql: string) => void;
}

function prismaWith(adapter: PrismaPg | PrismaPGlite, options: DatabaseOptions) {
  const prisma = new PrismaClient({
    adapter,
    log: options.logQueries ? [{ emit: 'event', level: 'query' }] : [],
  });
  if (options.logQueries) {
    const log = options.logQueries;
    prisma.$on('query' as never, (event: { query: string }) => log(event.query));
  }
  return prisma;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) {
    const pool = postgresPool(options.url, { max: 10 });
    const prisma = prismaWith(new PrismaPg(pool), options);
    return {
      kind: 'postgres',
      url: options.url,
      prisma,
      sql: sqlRunnerForPool(pool),
      async close() {
        await prisma.$disconnect();
        await pool.end().catch(() => undefined);
      },
    };
  }
  const isNew = options.dataDir !== undefined && !existsSync(join(options.dataDir, 'PG_VERSION'));
  const snapshot = isNew && !options.pglite ? await options.newDataFrom?.() : undefined;
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = options.pglite ?? new PGlite(options.dataDir, { ...pgliteOptionsFor(options.dataDir), loadDataDir: snapshot });
  await pglite.waitReady;
  const prisma = prismaWith(new PrismaPGlite(pglite), options);
  return {
    kind: 'pglite',
    prisma,
    fromSnapshot: snapshot !== undefined,
    sql: sqlRunnerForPGlite(pglite),
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

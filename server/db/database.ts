import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';
import { sqlRunnerForPGlite, sqlRunnerForPool, type SqlRunner } from './sql-runner.js';

export type { PrismaClient };

/** The contrib extensions the migrations create (search: trigrams and accent folding); every PGlite loads them. */
export const pgliteExtensions = { pg_trgm, unaccent };

export interface Database {
  kind: 'pglite' | 'postgres';
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent Kith uses embedded PGlite. */
  url?: string;
  /** PGlite data directory; absent means in-memory. */
  dataDir?: string;
  /** A PGlite instance made by the caller (tests load a pre-migrated snapshot). */
  pglite?: PGlite;
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
    // JIT compilation costs hundreds of milliseconds on queries the planner merely estimates as large
    // (search, lists with visibility checks) and pays off only for long analytics: off for Kith's sessions.
    const pool = new pg.Pool({ connectionString: options.url, max: 10, options: '-c jit=off' });
    // An idle connection the server ends (restart, pg_terminate_backend, a dropped database) is
    // discarded by the pool and the next query opens a new one; without a listener it would crash the process.
    pool.on('error', () => undefined);
    const prisma = prismaWith(new PrismaPg(pool), options);
    return {
      kind: 'postgres',
      prisma,
      sql: sqlRunnerForPool(pool),
      async close() {
        await prisma.$disconnect();
        await pool.end().catch(() => undefined);
      },
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = options.pglite ?? new PGlite(options.dataDir, { extensions: pgliteExtensions });
  await pglite.waitReady;
  const prisma = prismaWith(new PrismaPGlite(pglite), options);
  return {
    kind: 'pglite',
    prisma,
    sql: sqlRunnerForPGlite(pglite),
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';
import { postgresPool } from './postgres-pool.js';
import { sqlRunnerForPGlite, sqlRunnerForPool, type SqlRunner } from './sql-runner.js';

export type { PrismaClient };

/** The contrib extensions the migrations create (search: trigrams and accent folding); every PGlite loads them. */
export const pgliteExtensions = { pg_trgm, unaccent };

export interface Database {
  kind: 'pglite' | 'postgres';
  /** PostgreSQL's connection string, for processes that open connections of their own; absent on PGlite. */
  url?: string;
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

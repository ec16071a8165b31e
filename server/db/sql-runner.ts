import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { queryPrepared } from './pglite-prepared.js';

export interface QueryOptions {
  /**
   * Prepare the statement under this name on each PostgreSQL connection and reuse it: after a few runs the
   * server keeps a generic plan, saving the planning of a long statement. The name must identify the text.
   * On PGlite the statement runs inside a session-local function that keeps its plan (pglite-prepared.ts):
   * rows come back as JSON values there.
   */
  prepareAs?: string;
}

/** The few raw SQL operations Kith needs outside Prisma: migrations, resets, health checks, search. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Row[]>;
  transaction<T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T>;
}

type PGliteLike = Pick<PGlite, 'exec' | 'query'>;

function pgliteRunner(db: PGliteLike, root: PGlite): SqlRunner {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<Row>(sql: string, params: unknown[] = [], options: QueryOptions = {}) {
      if (options.prepareAs) return queryPrepared<Row>(db, root, options.prepareAs, sql, params);
      return (await db.query<Row>(sql, params)).rows;
    },
    transaction: (fn) => root.transaction((tx) => fn(pgliteRunner(tx, root))),
  };
}

export function sqlRunnerForPGlite(db: PGlite): SqlRunner {
  return pgliteRunner(db, db);
}

function clientRunner(client: pg.PoolClient | pg.Pool): SqlRunner {
  return {
    async exec(sql) {
      await client.query(sql);
    },
    async query<Row>(sql: string, params: unknown[] = [], options: QueryOptions = {}) {
      const query = options.prepareAs ? { name: options.prepareAs, text: sql, values: params } : { text: sql, values: params };
      return (await client.query(query)).rows as Row[];
    },
    async transaction(fn) {
      if (!(client instanceof pg.Pool)) return fn(clientRunner(client));
      const connection = await client.connect();
      try {
        await connection.query('BEGIN');
        const result = await fn(clientRunner(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK');
        throw error;
      } finally {
        connection.release();
      }
    },
  };
}

export function sqlRunnerForPool(pool: pg.Pool): SqlRunner {
  return clientRunner(pool);
}

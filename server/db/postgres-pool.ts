import pg from 'pg';

/** A PostgreSQL pool as every Kith process opens one. */
export function postgresPool(url: string, options: { max: number; applicationName?: string }): pg.Pool {
  // JIT compilation costs hundreds of milliseconds on queries the planner merely estimates as large
  // (search, lists with visibility checks) and pays off only for long analytics: off for Kith's sessions.
  const pool = new pg.Pool({ connectionString: url, max: options.max, application_name: options.applicationName, options: '-c jit=off' });
  // An idle connection the server ends (restart, pg_terminate_backend, a dropped database) is
  // discarded by the pool and the next query opens a new one; without a listener it would crash the process.
  pool.on('error', () => undefined);
  return pool;
}

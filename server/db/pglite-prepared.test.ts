import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { queryPrepared } from './pglite-prepared.js';

const db = new PGlite();
afterAll(() => db.close());

const STATEMENT = `SELECT $1::text || '!' AS said, cardinality($2::int[]) AS n, $3::uuid AS id, now() > '2000-01-01' AS later FROM generate_series(1, $4::int) i ORDER BY i DESC`;
const functions = async () =>
  (
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace WHERE s.nspname LIKE 'pg_temp%' AND p.proname = 'kith_t'`,
    )
  ).rows[0]!.n;

describe('prepared statements on PGlite', () => {
  it('runs a statement through one session function whose parameters take the statement’s types, and keeps it', async () => {
    const id = '01a25084-49ec-72b5-ac45-66e8f03ce887';
    const rows = await queryPrepared(db, db, 'kith_t', STATEMENT, ['hi', [1, 2, 3], id, 2]);
    expect(rows).toEqual([
      { said: 'hi!', n: 3, id, later: true },
      { said: 'hi!', n: 3, id, later: true },
    ]);
    expect(await queryPrepared(db, db, 'kith_t', STATEMENT, ['yo', [], id, 1])).toEqual([{ said: 'yo!', n: 0, id, later: true }]);
    expect(await functions()).toBe(1);
    const parameters = await db.query<{ args: string }>(`SELECT pg_get_function_arguments(p.oid) AS args FROM pg_proc p WHERE p.proname = 'kith_t'`);
    expect(parameters.rows[0]!.args).toBe('text, integer[], uuid, integer');
  });

  it('makes the function again when the session lost it', async () => {
    await db.exec('DISCARD TEMP');
    expect(await functions()).toBe(0);
    expect(await queryPrepared(db, db, 'kith_t', STATEMENT, ['again', [1], '01a25084-49ec-72b5-ac45-66e8f03ce887', 1])).toHaveLength(1);
    expect(await functions()).toBe(1);
  });

  it('refuses a name that is not a plain identifier, and passes on the statement’s own errors', async () => {
    await expect(queryPrepared(db, db, 'x; DROP TABLE y', 'SELECT 1', [])).rejects.toThrow('Unusable statement name');
    await expect(queryPrepared(db, db, 'kith_t', STATEMENT, ['x', [1], 'not-a-uuid', 1])).rejects.toThrow(/uuid/);
  });
});

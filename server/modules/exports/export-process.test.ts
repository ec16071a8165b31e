// The export process runs on PostgreSQL only (PGlite lives inside the server process), so these tests
// bring a PostgreSQL server of their own when the suite runs on PGlite.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import type { SqlRunner } from '../../db/sql-runner.js';
import { rolesFixture } from '../../test/fixtures.js';
import { testPostgres, type TestPostgres } from '../../test/postgres-server.js';
import { TestApp } from '../../test/test-app.js';
import { resetDatabase } from '../../test/test-database.js';
import { fileStorage, newStorageKey } from '../files/storage.js';
import { writeWorkspaceArchive, type ArchiveJob, type ExportFormat } from './export-archive.js';
import { writeArchiveInOwnProcess } from './export-process.js';
import { exportSources } from './export-sources.js';
import { exportOf, seed, storedArchive } from './exports.test-helpers.js';

/** The statements the server process runs through its SQL runner. */
const serverSql: string[] = [];
function recorded(sql: SqlRunner): SqlRunner {
  return {
    exec: (text) => (serverSql.push(text), sql.exec(text)),
    query: <Row>(text: string, params?: unknown[]) => (serverSql.push(text), sql.query<Row>(text, params)),
    transaction: (fn) => sql.transaction((tx) => fn(recorded(tx))),
  };
}

let postgres: TestPostgres;
let app: TestApp;
beforeAll(async () => {
  postgres = await testPostgres('kith_export_process');
  const db = await openDatabase({ url: postgres.url });
  app = new TestApp({ ...db, sql: recorded(db.sql) });
}, 120_000);
beforeEach(async () => {
  await resetDatabase(app.db);
  app.rebuild();
  serverSql.length = 0;
});
afterAll(async () => {
  await app?.db.close();
  await postgres?.stop();
});

function archiveJob(workspaceId: string, format: ExportFormat): ArchiveJob {
  return { workspaceId, format, sources: exportSources(), storageKey: newStorageKey(workspaceId) };
}

function inOwnProcess(job: ArchiveJob, onProgress: (recordsDone: number) => Promise<void> = async () => {}) {
  const { filesDir, s3 } = app.services.config;
  return writeArchiveInOwnProcess({ databaseUrl: app.db.url!, storage: { filesDir, s3 }, job }, onProgress);
}

/** A backend leaves pg_stat_activity a moment after its client has gone. */
async function exportConnectionsAfterAMoment(): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const [row] = await app.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'kith export'`);
    if (row!.n === 0 || attempt === 50) return row!.n;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Everything but the manifest's creation time. */
function comparable(entries: Record<string, string>) {
  const { 'manifest.json': manifest, ...files } = entries;
  return { files, manifest: JSON.parse(manifest!).files };
}

describe('on PostgreSQL, the export job', () => {
  it('leaves the rows to the export process: the server only counts them', async () => {
    const f = await rolesFixture(app);
    const { ada } = await seed(app, f);
    const { node } = await exportOf(app, f, 'JSON');
    expect(node).toMatchObject({ status: 'DONE', recordsDone: node.recordsTotal });
    const entries = await storedArchive(app, (await app.prisma.workspaceExport.findFirstOrThrow()).storageKey!);
    expect(entries['Contact.jsonl']).toContain(ada.id);

    expect(serverSql.filter((text) => text.includes('count(*)')).length).toBeGreaterThan(0);
    expect(serverSql.filter((text) => /ORDER BY/.test(text))).toEqual([]);
  });
});

describe('the export process', () => {
  it.each(['JSON', 'CSV'] as const)('writes the %s archive the server process writes, reporting progress', async (format) => {
    const f = await rolesFixture(app);
    await seed(app, f);
    const own = archiveJob(f.workspaceId, format);
    const progress: number[] = [];
    const written = await inOwnProcess(own, async (recordsDone) => void progress.push(recordsDone));
    const here = archiveJob(f.workspaceId, format);
    const expected = await writeWorkspaceArchive(app.db.sql, fileStorage(app.services.config), here, async () => {});

    expect(written).toMatchObject({ recordsDone: expected.recordsDone, byteSize: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(progress.at(-1)).toBe(written.recordsDone);
    expect(comparable(await storedArchive(app, own.storageKey))).toEqual(comparable(await storedArchive(app, here.storageKey)));
  });

  it('fails with the error it met', async () => {
    const f = await rolesFixture(app);
    const job = { ...archiveJob(f.workspaceId, 'JSON'), sources: [{ table: 'NoSuchTable', keys: ['id'], scope: 'true' }] };
    await expect(inOwnProcess(job)).rejects.toThrow('relation "NoSuchTable" does not exist');
  });

  it('stops when progress cannot be recorded, leaving no archive or connection behind', async () => {
    const f = await rolesFixture(app);
    // Enough rows that the process is still reading when it is stopped (search triggers off: they would take seconds).
    await app.db.sql.transaction(async (tx) => {
      await tx.exec('SET LOCAL session_replication_role = replica');
      await tx.query(
        `INSERT INTO "Note" (id, "workspaceId", body, "updatedAt") SELECT gen_random_uuid(), $1, 'note ' || i, now() FROM generate_series(1, 20000) i`,
        [f.workspaceId],
      );
    });
    const job = archiveJob(f.workspaceId, 'CSV');
    await expect(inOwnProcess(job, () => Promise.reject(new Error('the export row is gone')))).rejects.toThrow('the export row is gone');

    expect(await readdir(join(app.services.config.filesDir, f.workspaceId)).catch(() => [])).toEqual([]);
    expect(await exportConnectionsAfterAMoment()).toBe(0);
  });
});

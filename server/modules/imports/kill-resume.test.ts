// The kill in resume.test.ts is staged inside the test's process; here a real process runs the import and
// is SIGKILLed while it works, most likely inside a batch's transaction. PGlite lives inside one process
// and cannot be watched while another holds it, so this test runs on PostgreSQL (the suite's server when
// TEST_DATABASE_URL is set, otherwise a throwaway cluster).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { JobWorker } from '../../jobs/worker.js';
import { rolesFixture } from '../../test/fixtures.js';
import { testPostgres, type TestPostgres } from '../../test/postgres-server.js';
import { TestApp } from '../../test/test-app.js';
import { resetDatabase } from '../../test/test-database.js';
import { importRow, READ, START } from './imports.test-helpers.js';
import { importHandlers } from './run-import.js';

const WORKER = fileURLToPath(new URL('../../test/import-worker.main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

let postgres: TestPostgres;
let app: TestApp;
beforeAll(async () => {
  postgres = await testPostgres('kith_import_kill');
  app = new TestApp(await openDatabase({ url: postgres.url }));
  await resetDatabase(app.db);
  app.rebuild();
}, 120_000);
afterAll(async () => {
  await app?.db.close();
  await postgres?.stop();
});

describe('an import whose process is killed', () => {
  it('resumes in another process from the last committed batch: no row lost, none twice, counts right', async () => {
    const f = await rolesFixture(app);
    const rows = 2000;
    const batchRows = 40;
    // Every tenth row repeats an earlier person (sometimes one from a batch committed before the kill).
    const lines = ['Name,Email,Company'];
    for (let i = 1; i <= rows; i++)
      lines.push(i % 10 === 0 ? `Again ${i},person${i > 50 ? i - 45 : i - 5}@example.com,Firm ${i % 7}` : `Person ${i},person${i}@example.com,Firm ${i % 7}`);
    const { row, gid, columns } = await importRow(app, f, 'MEMBER', lines.join('\n'));
    await f.clients.MEMBER.ok(START, { id: gid, settings: { entity: 'CONTACT', columns, dedupeMode: 'SKIP' } });

    const child = fork(WORKER, [postgres.url, String(batchRows)], {
      execArgv: ['--import', TSX],
      env: { ...process.env, FILES_DIR: app.services.config.filesDir },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = once(child, 'exit');
    const checkpoint = async () => (await app.prisma.import.findUniqueOrThrow({ where: { id: row.id } })).checkpoint;
    await vi.waitFor(async () => expect(await checkpoint()).toBeGreaterThanOrEqual(3 * batchRows), { timeout: 60_000, interval: 5 });
    child.kill('SIGKILL');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });

    const midway = await app.prisma.import.findUniqueOrThrow({ where: { id: row.id } });
    expect(midway.status).toBe('RUNNING');
    expect(midway.checkpoint % batchRows).toBe(0);
    expect(midway.checkpoint).toBeLessThan(rows);
    expect(midway.rowsRead).toBe(midway.checkpoint);
    // What the dead process committed is exactly what its checkpoint says: nothing of a half-done batch.
    const committed = midway.checkpoint - Math.floor(midway.checkpoint / 10);
    expect(await app.prisma.contact.count({ where: { workspaceId: f.workspaceId } })).toBe(committed);

    // Its lease runs out, and a worker in this process takes the job over.
    await app.prisma.job.updateMany({ where: { kind: 'import.run' }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    const survivor = new JobWorker(app.prisma, importHandlers(app.services, { batchRows }), { logger: app.services.logger, workerId: 'survivor' });
    expect(await survivor.runNext()).toBe(true);

    const unique = rows - rows / 10;
    const { node } = await f.clients.MEMBER.ok(READ, { id: gid });
    expect(node).toMatchObject({ status: 'DONE', rowsRead: rows, createdCount: unique, skippedCount: rows / 10, failedCount: 0 });
    const contacts = await app.prisma.contact.findMany({ where: { workspaceId: f.workspaceId }, include: { emails: true } });
    expect(contacts).toHaveLength(unique);
    const emails = contacts.flatMap((c) => c.emails.map((e) => e.email)).sort();
    const expected = Array.from({ length: rows }, (_, i) => i + 1)
      .filter((i) => i % 10 !== 0)
      .map((i) => `person${i}@example.com`)
      .sort();
    expect(emails).toEqual(expected);
    expect(contacts.filter((c) => c.firstName.startsWith('Again'))).toEqual([]);
    expect(await app.prisma.company.count({ where: { workspaceId: f.workspaceId } })).toBe(7);
    expect(await app.prisma.importedRecord.count({ where: { importId: row.id } })).toBe(unique + 7);
    const job = await app.prisma.job.findFirstOrThrow({ where: { kind: 'import.run' } });
    expect(job).toMatchObject({ status: 'DONE', lockedBy: null, attempts: 2 });
  }, 120_000);
});

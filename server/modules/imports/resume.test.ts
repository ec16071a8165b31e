import { describe, expect, it, vi } from 'vitest';
import { JobWorker } from '../../jobs/worker.js';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { importRow, READ, START } from './imports.test-helpers.js';
import { importHandlers } from './run-import.js';

const getApp = useTestApp();

describe('an import whose process dies midway', () => {
  it('resumes from its last committed batch: no row lost, none twice', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const rows = 130;
    // Every tenth row repeats an earlier person: the resumed run must still see them as duplicates.
    const lines = ['Name,Email,Company'];
    for (let i = 1; i <= rows; i++)
      lines.push(i % 10 === 0 ? `Again ${i},person${i - 5}@example.com,Firm ${i % 7}` : `Person ${i},person${i}@example.com,Firm ${i % 7}`);
    const { row, gid, columns } = await importRow(app, f, 'MEMBER', lines.join('\n'));
    await f.clients.MEMBER.ok(START, { id: gid, settings: { entity: 'CONTACT', columns, dedupeMode: 'SKIP' } });

    // The first worker commits two batches of 25 rows, then stops dead: its process is gone, its claim
    // stays until the lease runs out, and nothing after the second commit runs.
    let committed = 0;
    const dead = new Promise<void>(() => {});
    const first = new JobWorker(
      app.prisma,
      importHandlers(app.services, {
        batchRows: 25,
        afterBatch: async () => {
          committed += 1;
          if (committed === 2) await dead;
        },
      }),
      { logger: app.services.logger, leaseMs: 60_000, heartbeatMs: 3_600_000, workerId: 'doomed' },
    );
    void first.runNext();
    await vi.waitFor(async () => expect((await app.prisma.import.findUniqueOrThrow({ where: { id: row.id } })).checkpoint).toBe(50), {
      timeout: 20_000,
      interval: 20,
    });
    const midway = await app.prisma.import.findUniqueOrThrow({ where: { id: row.id } });
    expect(midway).toMatchObject({ status: 'RUNNING', checkpoint: 50, rowsRead: 50 });
    expect(await app.prisma.contact.count({ where: { workspaceId: f.workspaceId } })).toBe(45);

    // Time passes: the lease runs out, and another worker takes the job over.
    await app.prisma.job.updateMany({ where: { kind: 'import.run' }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    const second = new JobWorker(app.prisma, importHandlers(app.services, { batchRows: 25 }), { logger: app.services.logger, workerId: 'survivor' });
    expect(await second.runNext()).toBe(true);

    const { node } = await f.clients.MEMBER.ok(READ, { id: gid });
    expect(node).toMatchObject({ status: 'DONE', rowsRead: rows, createdCount: 117, skippedCount: 13, failedCount: 0 });
    const contacts = await app.prisma.contact.findMany({ where: { workspaceId: f.workspaceId }, include: { emails: true } });
    expect(contacts).toHaveLength(117);
    const emails = contacts.flatMap((c) => c.emails.map((e) => e.email));
    expect(new Set(emails).size).toBe(117);
    expect(contacts.filter((c) => c.firstName.startsWith('Again'))).toEqual([]);
    expect(await app.prisma.company.count({ where: { workspaceId: f.workspaceId } })).toBe(7);
    expect(await app.prisma.importedRecord.count({ where: { importId: row.id } })).toBe(117 + 7);
    const job = await app.prisma.job.findFirstOrThrow({ where: { kind: 'import.run' } });
    expect(job).toMatchObject({ status: 'DONE', lockedBy: null, attempts: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { maintenanceTasks } from '../jobs/maintenance.js';
import { JobWorker } from '../jobs/worker.js';
import { seedRecords } from '../seed/records.js';
import { rolesFixture } from '../test/fixtures.js';
import { useTestApp, type TestApp } from '../test/test-app.js';
import { testPostgres } from '../test/postgres-server.js';
import { openDatabase } from './database.js';
import { analyzeDueTables } from './statistics.js';

// What Kith does itself on the embedded database: PGlite in the PostgreSQL run too.
const getApp = useTestApp({ engine: 'pglite' });

async function searchDocumentStats(app: TestApp) {
  const [row] = await app.db.sql.query<{ reltuples: number; analyzedAt: Date | null }>(
    `SELECT c.reltuples, s.last_analyze AS "analyzedAt" FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = 'SearchDocument'`,
  );
  return row!;
}

describe('planner statistics', () => {
  it('are gathered by the worker once a workspace grows past autovacuum’s rule, and not before', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const worker = new JobWorker(app.prisma, {}, { logger: app.services.logger, periodic: maintenanceTasks(app.services) });
    await worker.runPeriodicTasks();
    const before = await searchDocumentStats(app);

    await seedRecords(app.prisma, { workspaceId: f.workspaceId, memberIds: [f.users.OWNER.id], contacts: 30 });
    const documents = await app.prisma.searchDocument.count();
    expect(documents).toBeGreaterThan(50 + 0.1 * Math.max(before.reltuples, 0));
    await worker.runPeriodicTasks(Date.now() + 60_000);
    const grown = await searchDocumentStats(app);
    expect(grown.reltuples).toBe(documents);
    expect(grown.analyzedAt!.getTime()).toBeGreaterThan(before.analyzedAt?.getTime() ?? 0);

    // A few more contacts through the API stay under the threshold: nothing is analyzed.
    for (const name of ['Ada', 'Grace', 'Edsger']) {
      await f.clients.OWNER.ok(`mutation($input: ContactInput!) { createContact(input: $input) { id } }`, { input: { firstName: name } });
    }
    await worker.runPeriodicTasks(Date.now() + 120_000);
    expect(await searchDocumentStats(app)).toEqual(grown);
  });

  it('are gathered after a bulk write even when the counters were lost with a restart', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await analyzeDueTables(app.db);
    const before = await searchDocumentStats(app);
    await seedRecords(app.prisma, { workspaceId: f.workspaceId, memberIds: [f.users.OWNER.id], contacts: 400 });
    // PGlite never saves its statistics counters: after a restart they read zero. Pages still tell.
    await app.db.sql.query('SELECT pg_stat_reset()');
    expect(await analyzeDueTables(app.db)).toContain('"SearchDocument"');
    expect((await searchDocumentStats(app)).reltuples).toBeGreaterThan(before.reltuples + 500);
  });

  it('are left to autovacuum on PostgreSQL', async () => {
    const postgres = await testPostgres('kith_statistics');
    const db = await openDatabase({ url: postgres.url });
    try {
      const user = await db.prisma.user.create({ data: { name: 'Owner', email: 'owner@example.com', passwordHash: '!', ageConfirmedAt: new Date() } });
      const workspace = await db.prisma.workspace.create({ data: { name: 'Big', memberships: { create: { userId: user.id, role: 'OWNER' } } } });
      await seedRecords(db.prisma, { workspaceId: workspace.id, memberIds: [user.id], contacts: 30 });
      expect(db.kind).toBe('postgres');
      expect(await analyzeDueTables(db)).toEqual([]);
    } finally {
      await db.close();
      await postgres.stop();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type TestApp } from '../../test/test-app.js';
import { BatchSize, exportedColumns, exportSources, rowBatches } from '../exports/export-sources.js';
import { createDefaultPipeline } from '../pipelines/pipeline.service.js';

const getApp = useTestApp();
const STATE = `{ workspace { hasSampleData firstSteps { addedContact createdDeal invitedSomeone connectedEmail } } }`;

/** Every exported row of the workspace, table by table, the way the export job reads them. */
async function exported(app: TestApp, workspaceId: string) {
  const tables: Record<string, Array<Record<string, unknown>>> = {};
  for (const source of exportSources()) {
    const columns = await exportedColumns(app.db.sql, source);
    tables[source.table] = [];
    for await (const rows of rowBatches(app.db.sql, source, columns, workspaceId, new BatchSize(1000, 1 << 20))) tables[source.table]!.push(...rows);
  }
  return tables;
}

async function setup() {
  const app = getApp();
  const f: RolesFixture = await rolesFixture(app);
  await createDefaultPipeline(app.prisma, f.workspaceId);
  return { app, f, owner: f.clients.OWNER };
}

describe('sample data', () => {
  it('adds a marked sample set that exports leave out and the checklist does not count, then removes it in one step', async () => {
    const { app, f, owner } = await setup();
    const mine = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Real', lastName: 'Person' } });
    const elsewhere = await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } });
    await app.prisma.contact.create({ data: { workspaceId: elsewhere.workspaceId, firstName: 'Other', lastName: 'Tenant' } });

    expect((await owner.ok<{ addSampleData: { hasSampleData: boolean } }>(`mutation { addSampleData { hasSampleData } }`)).addSampleData.hasSampleData).toBe(
      true,
    );
    const sample = await app.prisma.contact.findMany({ where: { workspaceId: f.workspaceId, tags: { some: { name: 'Sample data' } } } });
    expect(sample.length).toBe(24);
    expect(await app.prisma.deal.count({ where: { workspaceId: f.workspaceId, tags: { some: { name: 'Sample data' } } } })).toBeGreaterThan(0);
    expect(await app.prisma.contact.count({ where: { workspaceId: elsewhere.workspaceId } })).toBe(1);
    // A second click changes nothing.
    expect(errorCodes(await owner.gql(`mutation { addSampleData { id } }`))).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.contact.count({ where: { workspaceId: f.workspaceId } })).toBe(25);

    // Exports hold the real contact only, and none of the sample's emails, tags or deals.
    const tables = await exported(app, f.workspaceId);
    expect(tables.Contact!.map((c) => c.id)).toEqual([mine.id]);
    expect(tables.ContactEmail).toEqual([]);
    expect(tables.Deal).toEqual([]);
    expect(tables.Tag).toEqual([]);
    expect(tables._ContactToTag).toEqual([]);

    // The checklist counts real records only.
    const state = await owner.ok<{ workspace: { firstSteps: Record<string, boolean> } }>(STATE);
    expect(state.workspace.firstSteps).toEqual({ addedContact: true, createdDeal: false, invitedSomeone: true, connectedEmail: false });

    const removed = await owner.ok<{ removeSampleData: { hasSampleData: boolean } }>(`mutation { removeSampleData { hasSampleData } }`);
    expect(removed.removeSampleData.hasSampleData).toBe(false);
    expect((await app.prisma.contact.findMany({ where: { workspaceId: f.workspaceId } })).map((c) => c.id)).toEqual([mine.id]);
    for (const count of await Promise.all(
      [app.prisma.deal, app.prisma.activity, app.prisma.note, app.prisma.communication, app.prisma.company, app.prisma.tag].map((m) =>
        (m as typeof app.prisma.deal).count({ where: { workspaceId: f.workspaceId } }),
      ),
    )) {
      expect(count).toBe(0);
    }
    expect(await app.prisma.searchDocument.count({ where: { workspaceId: f.workspaceId, entityType: 'CONTACT' } })).toBe(1);
    expect(await app.prisma.contact.count({ where: { workspaceId: elsewhere.workspaceId } })).toBe(1);
  });

  it('keeps the sample records as ordinary ones, exported and no longer removable together', async () => {
    const { app, f, owner } = await setup();
    await owner.ok(`mutation { addSampleData { id } }`);
    await owner.ok(`mutation { keepSampleData { id } }`);
    expect((await owner.ok<{ workspace: { hasSampleData: boolean } }>(STATE)).workspace.hasSampleData).toBe(false);
    expect((await exported(app, f.workspaceId)).Contact!.length).toBe(24);
    await owner.ok(`mutation { removeSampleData { id } }`);
    expect(await app.prisma.contact.count({ where: { workspaceId: f.workspaceId } })).toBe(24);
  });

  it('refuses members and viewers, leaving nothing written', async () => {
    const { app, f } = await setup();
    expect(errorCodes(await f.clients.MEMBER.gql(`mutation { addSampleData { id } }`))).toEqual(['FORBIDDEN']);
    expect(await app.prisma.contact.count({ where: { workspaceId: f.workspaceId } })).toBe(0);
    expect(await app.prisma.sampleRecord.count()).toBe(0);
  });
});

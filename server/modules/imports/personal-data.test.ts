// An import's personal data beyond the records: failed rows and undo before-images.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { exportOf, storedArchive } from '../exports/exports.test-helpers.js';
import { graceIn, importAndRun, READ } from './imports.test-helpers.js';
import { expireImportDetails } from './personal-data.js';

const getApp = useTestApp();
const ERASE = `mutation($id: ID!) { eraseContact(id: $id) { scrubbedRecords } }`;

async function imported() {
  const app = getApp();
  const f = await rolesFixture(app);
  const grace = await graceIn(app, f, { jobTitle: 'Rear Admiral' });
  const csv = [
    'Name,Email,Phone,Job Title',
    'Grace Hopper,grace@navy.example,,Professor',
    'Grace H,GRACE@navy.example,12,',
    'Ada Lovelace,ada@example.com,34,',
  ].join('\n');
  const { row, gid } = await importAndRun(app, f, csv, { entity: 'CONTACT', dedupeMode: 'UPDATE' });
  expect((await f.clients.MEMBER.ok(READ, { id: gid })).node).toMatchObject({ status: 'DONE', updatedCount: 1, failedCount: 2 });
  return { app, f, grace, row };
}

describe("an import's personal data", () => {
  it("leaves with an erased contact: its before-image and the failed rows naming its email; other people's stay", async () => {
    const { app, f, grace, row } = await imported();
    const before = await app.prisma.importedRecord.findUniqueOrThrow({ where: { importId_recordId: { importId: row.id, recordId: grace.id } } });
    expect(JSON.stringify(before.before)).toContain('Rear Admiral');
    // The same failure rows in another workspace's import are not touched.
    const other = await app.prisma.import.create({
      data: {
        workspaceId: (await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } })).workspaceId,
        fileName: 'x.csv',
        byteSize: 1n,
        sourceKind: 'CSV',
        encoding: 'utf-8',
        delimiter: ',',
        headers: ['Email'],
        status: 'DONE',
      },
    });
    await app.prisma.importFailure.create({ data: { importId: other.id, rowNumber: 1, reason: 'x', cells: ['grace@navy.example'] } });

    await f.clients.ADMIN.ok(ERASE, { id: encodeGlobalID('Contact', grace.id) });
    expect(await app.prisma.contact.count({ where: { id: grace.id } })).toBe(0);
    expect(await app.prisma.importedRecord.count({ where: { recordId: grace.id } })).toBe(0);
    const failures = await app.prisma.importFailure.findMany({ where: { importId: row.id } });
    expect(failures.map((x) => x.cells[0])).toEqual(['Ada Lovelace']);
    expect(await app.prisma.importFailure.count({ where: { importId: other.id } })).toBe(1);
    const audit = await app.prisma.auditLogEntry.findFirstOrThrow({ where: { action: 'contact.erased' } });
    expect(audit.details).toMatchObject({ importRows: 1, importUndoImages: 1 });
  });

  it('expires with the undo window, and the workspace export holds the imports and their failed rows', async () => {
    const { app, f, row } = await imported();
    await exportOf(app, f, 'JSON');
    const exported = await app.prisma.workspaceExport.findFirstOrThrow({ where: { workspaceId: f.workspaceId, status: 'DONE' } });
    const archive = await storedArchive(app, exported.storageKey!);
    expect(archive['Import.jsonl']).toContain(row.id);
    expect(archive['Import.jsonl']).not.toContain(row.storageKey ?? 'storageKey');
    expect(archive['ImportFailure.jsonl']!.split('\n').filter(Boolean)).toHaveLength(2);

    const days = app.services.config.retention.softDeletedDays;
    const now = new Date();
    expect(await expireImportDetails(app.prisma, days, now)).toEqual({ failures: 0, records: 0 });
    await app.prisma.import.update({ where: { id: row.id }, data: { finishedAt: new Date(now.getTime() - (days + 1) * 24 * 60 * 60 * 1000) } });
    expect(await expireImportDetails(app.prisma, days, now)).toEqual({ failures: 2, records: 1 });
    expect(await app.prisma.importFailure.count()).toBe(0);
    expect(await app.prisma.importedRecord.count()).toBe(0);
    // The import itself (counts, file name) stays in the list.
    expect(await app.prisma.import.count({ where: { id: row.id } })).toBe(1);
  });
});

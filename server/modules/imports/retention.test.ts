import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { fileStorage } from '../files/storage.js';
import { sweepOrphanedFiles } from '../files/orphan-sweep.js';
import { importRow } from './imports.test-helpers.js';
import { expireAbandonedUploads } from './retention.js';

const getApp = useTestApp();

describe('uploads of imports in storage', () => {
  it('are not orphans to the daily sweep while their import names them, however old', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { row } = await importRow(app, f, 'MEMBER', 'Name\nAda\n');
    const old = new Date(Date.now() - 3 * 60 * 60 * 1000);
    await utimes(join(app.services.config.filesDir, row.storageKey!), old, old);
    await sweepOrphanedFiles(app.prisma, app.services.config.filesDir);
    const kept = await fileStorage(app.services.config).open(row.storageKey!);
    expect(kept).not.toBeNull();
    kept!.body.destroy();
  });

  it('are deleted when the import was never started within a week; started ones are left alone', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const abandoned = await importRow(app, f, 'MEMBER', 'Name\nAda\n');
    const recent = await importRow(app, f, 'MEMBER', 'Name\nBob\n');
    const running = await importRow(app, f, 'MEMBER', 'Name\nCy\n');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    await app.prisma.import.update({ where: { id: abandoned.row.id }, data: { createdAt: eightDaysAgo } });
    await app.prisma.import.update({ where: { id: running.row.id }, data: { createdAt: eightDaysAgo, status: 'RUNNING' } });
    expect(await expireAbandonedUploads(app.services)).toBe(1);
    expect(await app.prisma.import.findUniqueOrThrow({ where: { id: abandoned.row.id } })).toMatchObject({ status: 'FAILED', storageKey: null });
    expect(await fileStorage(app.services.config).open(abandoned.row.storageKey!)).toBeNull();
    for (const kept of [recent, running]) {
      const object = await fileStorage(app.services.config).open(kept.row.storageKey!);
      expect(object).not.toBeNull();
      object!.body.destroy();
    }
  });
});

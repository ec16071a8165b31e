import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { fileStorage } from '../files/storage.js';
import { purgeWorkspace } from '../privacy/workspace-purge.js';
import { importRow } from './imports.test-helpers.js';

const getApp = useTestApp();

describe('a purged workspace', () => {
  it('takes its imports, their failures and their uploaded files with it, and nothing of another workspace', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { row } = await importRow(app, f, 'MEMBER', 'Name,Email\nAda,ada@example.com\n');
    await app.prisma.importFailure.create({ data: { importId: row.id, rowNumber: 1, reason: 'x', cells: ['Ada', 'ada@example.com'] } });
    const other = await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } });
    const kept = await importRow(app, { ...f, workspaceId: other.workspaceId }, 'OUTSIDER', 'Name\nB\n');
    await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { closedAt: new Date(), purgeAfter: new Date() } });

    await purgeWorkspace(app.services, f.workspaceId);
    expect(await app.prisma.import.count({ where: { workspaceId: f.workspaceId } })).toBe(0);
    expect(await app.prisma.importFailure.count()).toBe(0);
    expect(await fileStorage(app.services.config).open(row.storageKey!)).toBeNull();
    const survivor = await fileStorage(app.services.config).open(kept.row.storageKey!);
    expect(survivor).not.toBeNull();
    survivor!.body.destroy();
  });
});

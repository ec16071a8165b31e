import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../test/fixtures.js';
import { useTestApp } from '../test/test-app.js';
import { MAINTENANCE_SWEEP, maintenanceHandlers, scheduleMaintenance } from './maintenance.js';
import { JobWorker } from './worker.js';

const getApp = useTestApp();

describe('maintenance sweep', () => {
  it('removes expired sessions and tokens, keeps live ones, and books the next sweep once', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const userId = f.users.MEMBER.id;
    await app.prisma.session.create({ data: { id: 'expired-hash', userId, expiresAt: new Date(Date.now() - 1000) } });
    await app.prisma.authToken.create({ data: { userId, purpose: 'PASSWORD_RESET', tokenHash: 'old', expiresAt: new Date(Date.now() - 1000) } });
    await app.prisma.authToken.create({ data: { userId, purpose: 'PASSWORD_RESET', tokenHash: 'live', expiresAt: new Date(Date.now() + 60_000) } });
    const liveSessions = await app.prisma.session.count({ where: { expiresAt: { gt: new Date() } } });

    const first = await scheduleMaintenance(app.prisma);
    expect((await scheduleMaintenance(app.prisma)).id).toBe(first.id);
    await app.prisma.job.update({ where: { id: first.id }, data: { runAt: new Date() } });
    const worker = new JobWorker(app.prisma, maintenanceHandlers(app.prisma), { logger: app.services.logger });
    expect(await worker.runNext()).toBe(true);

    expect(await app.prisma.session.findUnique({ where: { id: 'expired-hash' } })).toBeNull();
    expect(await app.prisma.session.count()).toBe(liveSessions);
    expect((await app.prisma.authToken.findMany()).map((t) => t.tokenHash)).toEqual(['live']);
    const pending = await app.prisma.job.findMany({ where: { kind: MAINTENANCE_SWEEP, status: 'PENDING' } });
    expect(pending).toHaveLength(1);
    expect(pending[0]!.runAt.getTime()).toBeGreaterThan(Date.now());
  });
});

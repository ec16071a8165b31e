import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKithServer, type KithServer } from '../../http/server.js';
import { jobHandlers } from '../../jobs/registry.js';
import { RETENTION_SWEEP } from '../../jobs/retention-sweep.js';
import { JobWorker } from '../../jobs/worker.js';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';

const getApp = useTestApp();
let server: KithServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function purgeHealth(app: TestApp) {
  server ??= createKithServer(app.services);
  const port = server.server.listening ? (server.server.address() as { port: number }).port : await server.listen(0, '127.0.0.1');
  const response = await fetch(`http://127.0.0.1:${port}/healthz/purges`);
  return { status: response.status, body: (await response.json()) as { status: string; overdue: { workspaces: number; accounts: number } } };
}

async function runDueJobs(app: TestApp) {
  const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
  while (await worker.runNext());
}

describe('overdue purges', () => {
  it('are reported by /healthz/purges, logged as errors and booked again by the daily sweep until the data is gone', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    expect(await purgeHealth(app)).toEqual({ status: 200, body: { status: 'ok', overdue: { workspaces: 0, accounts: 0, oldestPurgeAfter: null } } });

    // Deleted two days ago; its purge job failed five times under the old limit and was abandoned.
    const twoDaysAgo = new Date(Date.now() - 2 * 864e5);
    await app.prisma.workspace.update({
      where: { id: f.workspaceId },
      data: { closedAt: new Date(twoDaysAgo.getTime() - 30 * 864e5), purgeAfter: twoDaysAgo },
    });
    await app.prisma.job.create({
      data: {
        kind: 'workspace.purge',
        payload: { workspaceId: f.workspaceId },
        status: 'FAILED',
        attempts: 5,
        maxAttempts: 5,
        runAt: twoDaysAgo,
        lastError: 'Transaction API error: A query cannot be executed on an expired transaction',
      },
    });
    await app.prisma.user.update({ where: { id: f.users.MEMBER.id }, data: { deletedAt: twoDaysAgo, purgeAfter: twoDaysAgo } });
    const late = await purgeHealth(app);
    expect(late.status).toBe(503);
    expect(late.body).toMatchObject({ status: 'overdue', overdue: { workspaces: 1, accounts: 1, oldestPurgeAfter: twoDaysAgo.toISOString() } });

    const alert = vi.spyOn(app.services.logger, 'error');
    await app.prisma.job.create({ data: { kind: RETENTION_SWEEP, payload: { slot: Date.now() } } });
    await runDueJobs(app);
    expect(alert).toHaveBeenCalledWith(expect.stringContaining(f.workspaceId));
    expect(alert).toHaveBeenCalledWith(expect.stringContaining(f.users.MEMBER.id));
    expect(await app.prisma.workspace.count({ where: { id: f.workspaceId } })).toBe(0);
    expect(await app.prisma.user.findUniqueOrThrow({ where: { id: f.users.MEMBER.id } })).toMatchObject({ name: 'Deleted user' });
    expect((await purgeHealth(app)).status).toBe(200);
  });
});

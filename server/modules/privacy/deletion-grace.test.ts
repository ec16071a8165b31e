import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { jobHandlers } from '../../jobs/registry.js';
import { JobWorker } from '../../jobs/worker.js';
import { rolesFixture, STRONG_PASSWORD } from '../../test/fixtures.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';

const DAY_MS = 864e5;
const retention = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }).retention;
const atOnce = useTestApp({ config: { retention: retention({ RETENTION_DELETED_WORKSPACE_DAYS: '0', RETENTION_DELETED_ACCOUNT_DAYS: '0' }) } });
const aWeek = useTestApp({ config: { retention: retention({ RETENTION_DELETED_WORKSPACE_DAYS: '7', RETENTION_DELETED_ACCOUNT_DAYS: '3' }) } });

async function runDueJobs(app: TestApp) {
  const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
  while (await worker.runNext());
}

const deleteWorkspace = `mutation($p: String!) { requestWorkspaceDeletion(confirmName: "Acme", password: $p) }`;
const deleteAccount = `mutation($p: String!) { deleteMyAccount(password: $p) }`;

describe('deletion grace periods', () => {
  it('are read from RETENTION_DELETED_WORKSPACE_DAYS and RETENTION_DELETED_ACCOUNT_DAYS, 0 to 3650 days', () => {
    expect(retention({})).toMatchObject({ deletedWorkspaceDays: 30, deletedAccountDays: 30 });
    expect(retention({ RETENTION_DELETED_WORKSPACE_DAYS: '0', RETENTION_DELETED_ACCOUNT_DAYS: '0' })).toMatchObject({
      deletedWorkspaceDays: 0,
      deletedAccountDays: 0,
    });
    expect(() => retention({ RETENTION_DELETED_WORKSPACE_DAYS: '-1' })).toThrow(/RETENTION_DELETED_WORKSPACE_DAYS/);
    expect(() => retention({ RETENTION_DELETED_ACCOUNT_DAYS: '3651' })).toThrow(/RETENTION_DELETED_ACCOUNT_DAYS/);
  });

  it('book the purges that many days ahead', async () => {
    const app = aWeek();
    const f = await rolesFixture(app);
    const before = Date.now();
    const { requestWorkspaceDeletion } = await f.clients.OWNER.ok<{ requestWorkspaceDeletion: string }>(deleteWorkspace, { p: STRONG_PASSWORD });
    expect(new Date(requestWorkspaceDeletion).getTime() - before).toBeGreaterThanOrEqual(7 * DAY_MS);
    expect(new Date(requestWorkspaceDeletion).getTime() - before).toBeLessThan(7 * DAY_MS + 60_000);
    const { deleteMyAccount } = await f.clients.MEMBER.ok<{ deleteMyAccount: string }>(deleteAccount, { p: STRONG_PASSWORD });
    expect(new Date(deleteMyAccount).getTime() - before).toBeGreaterThanOrEqual(3 * DAY_MS);
    expect(new Date(deleteMyAccount).getTime() - before).toBeLessThan(3 * DAY_MS + 60_000);
    await runDueJobs(app);
    expect(await app.prisma.workspace.count({ where: { id: f.workspaceId } })).toBe(1);
  });

  it('of 0 days purge at the worker’s next run', async () => {
    const app = atOnce();
    const f = await rolesFixture(app);
    await f.clients.OWNER.ok(deleteWorkspace, { p: STRONG_PASSWORD });
    await f.clients.MEMBER.ok(deleteAccount, { p: STRONG_PASSWORD });
    await runDueJobs(app);
    expect(await app.prisma.workspace.count({ where: { id: f.workspaceId } })).toBe(0);
    expect(await app.prisma.contact.count({ where: { workspaceId: f.workspaceId } })).toBe(0);
    expect(await app.prisma.user.findUniqueOrThrow({ where: { id: f.users.MEMBER.id } })).toMatchObject({ name: 'Deleted user' });
  });
});

// Personal data in the corners (issue 22): the outbox, invitations, old export archives and the audit log's
// network data go when the retention or the deletion they belong to says so.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { jobHandlers } from '../../jobs/registry.js';
import { RETENTION_SWEEP, retentionSweepHandlers } from '../../jobs/retention-sweep.js';
import { JobWorker } from '../../jobs/worker.js';
import { rolesFixture, STRONG_PASSWORD } from '../../test/fixtures.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';
import { purgeWorkspace } from './workspace-purge.js';

const getApp = useTestApp();
const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

async function runDueJobs(app: TestApp) {
  const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
  while (await worker.runNext());
}

const sweep = (app: TestApp) => retentionSweepHandlers(app.services)[RETENTION_SWEEP]!({ slot: Date.now() }, {} as never);

describe('retention of the outbox and the audit log', () => {
  it('deletes outbox emails after RETENTION_OUTBOX_DAYS (7) in the daily sweep', async () => {
    const app = getApp();
    expect(app.services.config.retention).toMatchObject({ outboxDays: 7, auditDays: 365, auditNetworkDays: 90 });
    await app.prisma.outboxEmail.create({ data: { to: 'old@example.com', subject: 'Old', text: 'token link', createdAt: daysAgo(8) } });
    await app.prisma.outboxEmail.create({ data: { to: 'new@example.com', subject: 'New', text: 'token link', createdAt: daysAgo(6) } });
    await sweep(app);
    expect((await app.prisma.outboxEmail.findMany()).map((row) => row.to)).toEqual(['new@example.com']);
  });

  it('clears IP and user agent after 90 days and deletes entries after 365, keeping the event in between', async () => {
    const app = getApp();
    const entry = (action: string, days: number) =>
      app.prisma.auditLogEntry.create({ data: { action, ip: '198.51.100.7', userAgent: 'Firefox', createdAt: daysAgo(days), details: { n: 1 } } });
    await entry('recent', 10);
    await entry('older', 100);
    await entry('ancient', 400);
    await sweep(app);
    const rows = await app.prisma.auditLogEntry.findMany({ orderBy: { createdAt: 'desc' } });
    expect(rows.map((r) => [r.action, r.ip, r.userAgent, r.details])).toEqual([
      ['recent', '198.51.100.7', 'Firefox', { n: 1 }],
      ['older', null, null, { n: 1 }],
    ]);
    // Still append-only for anything else.
    await expect(app.prisma.auditLogEntry.update({ where: { id: rows[1]!.id }, data: { action: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(app.prisma.auditLogEntry.update({ where: { id: rows[0]!.id }, data: { ip: null, userAgent: null, action: 'rewritten' } })).rejects.toThrow(/append-only/);
  });


  it('reads the outbox and audit durations from the environment', () => {
    const config = loadConfig({ NODE_ENV: 'test', RETENTION_OUTBOX_DAYS: '2', RETENTION_AUDIT_DAYS: '730', RETENTION_AUDIT_NETWORK_DAYS: '30' });
    expect(config.retention).toMatchObject({ outboxDays: 2, auditDays: 730, auditNetworkDays: 30 });
    expect(() => loadConfig({ RETENTION_AUDIT_NETWORK_DAYS: '0' })).toThrow(/RETENTION_AUDIT_NETWORK_DAYS/);
  });
});

describe('the outbox and invitations in purges', () => {
  it('purges a workspace’s outbox emails with it, invitations to people who never joined included', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await f.clients.OWNER.ok(`mutation { inviteMember(email: "stranger@example.com", role: MEMBER) { id } }`);
    await f.clients.OUTSIDER.ok(`mutation { inviteMember(email: "elsewhere@example.com", role: MEMBER) { id } }`);
    expect(await app.prisma.outboxEmail.count({ where: { to: 'stranger@example.com' } })).toBe(1);

    await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { closedAt: new Date(), purgeAfter: new Date() } });
    await purgeWorkspace(app.services, f.workspaceId);
    expect(await app.prisma.outboxEmail.count({ where: { to: 'stranger@example.com' } })).toBe(0);
    expect(await app.prisma.outboxEmail.count({ where: { to: 'elsewhere@example.com' } })).toBe(1);
  });

  it('purges an account’s outbox emails and anonymises its address in other workspaces’ invitations', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await f.clients.OUTSIDER.ok(`mutation { inviteMember(email: "member@example.com", role: VIEWER) { id } }`);
    await app.client().ok(`mutation { requestPasswordReset(email: "member@example.com") }`);
    await app.client().ok(`mutation { requestPasswordReset(email: "viewer@example.com") }`);
    expect(await app.prisma.outboxEmail.count({ where: { to: 'member@example.com' } })).toBe(2);

    await f.clients.MEMBER.ok(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: STRONG_PASSWORD });
    await app.prisma.user.update({ where: { id: f.users.MEMBER.id }, data: { purgeAfter: new Date(Date.now() - 1000) } });
    await app.prisma.job.updateMany({ where: { kind: 'user.purge' }, data: { runAt: new Date(Date.now() - 1000) } });
    await runDueJobs(app);

    expect(await app.prisma.outboxEmail.count({ where: { OR: [{ to: 'member@example.com' }, { userId: f.users.MEMBER.id }] } })).toBe(0);
    expect(await app.prisma.outboxEmail.count({ where: { to: 'viewer@example.com' } })).toBe(1);
    const invitations = await app.prisma.invitation.findMany();
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.email).toBe(`deleted-${f.users.MEMBER.id}@deleted.invalid`);
  });
});

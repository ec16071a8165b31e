import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config.js';
import { RETENTION_SWEEP, retentionSweepHandlers } from '../../jobs/retention-sweep.js';
import { rolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../test/test-app.js';
import { UsageRecorder, usageRecorderFor } from './usage.recorder.js';
import { expireUsageEvents, normalisePagePath } from './usage.service.js';

const getApp = useTestApp();
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const DAY = 24 * 60 * 60 * 1000;

const flush = () => usageRecorderFor(getApp().services).flush();
const events = (where: Record<string, unknown> = {}) =>
  getApp().prisma.usageEvent.findMany({
    where: { kind: { in: ['API_CALL', 'FEATURE', 'PAGE_VIEW'] }, ...where },
    orderBy: [{ createdAt: 'asc' }, { kind: 'asc' }, { name: 'asc' }],
  });

describe('API-call usage', () => {
  it('records each operation (name, duration, status, IP, browser, OS, workspace) and its root fields as features', async () => {
    const f = await rolesFixture(getApp());
    await f.clients.MEMBER.gql(`query ListThings { me { id } contacts(first: 1) { totalCount } }`, {}, { 'user-agent': FIREFOX });
    expect(await events()).toEqual([]); // buffered, not yet written
    await flush();

    const rows = await events({ userId: f.users.MEMBER.id });
    expect(rows.map((r) => [r.kind, r.name])).toEqual([
      ['API_CALL', 'ListThings'],
      ['FEATURE', 'contacts'],
      ['FEATURE', 'me'],
    ]);
    const call = rows[0]!;
    expect(call).toMatchObject({ workspaceId: f.workspaceId, status: 'ok', ip: '203.0.113.10', browser: 'Firefox', os: 'Windows', apiKeyId: null });
    expect(call.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('records the error code of a failed call, and the API key of an integration', async () => {
    const f = await rolesFixture(getApp());
    const denied = await f.clients.VIEWER.gql(`mutation Rename { renameWorkspace(workspaceId: "${f.workspaceGid}", name: "X") { id } }`);
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    await f.clients.MEMBER_KEY.gql(`query ByKey { contacts(first: 1) { totalCount } }`);
    await flush();
    expect(await events({ kind: 'API_CALL', userId: f.users.VIEWER.id })).toMatchObject([{ name: 'Rename', status: 'FORBIDDEN' }]);
    const [byKey] = await events({ kind: 'API_CALL', name: 'ByKey' });
    expect(byKey?.apiKeyId).not.toBeNull();
    expect(byKey).toMatchObject({ userId: f.users.MEMBER.id, workspaceId: f.workspaceId });
  });

  it('keeps a workspace only when the caller is a member of it (a header is only a claim)', async () => {
    const f = await rolesFixture(getApp());
    f.clients.OUTSIDER.workspaceId = f.workspaceGid; // Acme's ID, not theirs
    await f.clients.OUTSIDER.gql(`query Peek { me { id } }`);
    await f.clients.OWNER.gql(`query Own { me { id } }`);
    await flush();
    expect((await events({ kind: 'API_CALL', name: 'Peek' }))[0]?.workspaceId).toBeNull();
    expect((await events({ kind: 'API_CALL', name: 'Own' }))[0]?.workspaceId).toBe(f.workspaceId);
  });
});

describe('page views', () => {
  it('are recorded as route paths with record IDs replaced', async () => {
    const f = await rolesFixture(getApp());
    const contactId = 'Q29udGFjdDowMTkzZjM0Yy1hYmNkLTcwMDAtODAwMC0wMDAwMDAwMDAwMDE=';
    await f.clients.MEMBER.ok(`mutation($p: String!) { recordPageView(path: $p) }`, { p: `/contacts/${contactId}` });
    await flush();
    expect(await events({ userId: f.users.MEMBER.id })).toMatchObject([{ kind: 'PAGE_VIEW', name: '/contacts/:id', workspaceId: f.workspaceId }]);
  });

  it.each(['contacts', '/contacts?q=ada', '/x#y', '//evil.example', `/${'a'.repeat(201)}`])('refuse the path %s', async (path) => {
    const f = await rolesFixture(getApp());
    expect(errorCodes(await f.clients.MEMBER.gql(`mutation($p: String!) { recordPageView(path: $p) }`, { p: path }))).toEqual(['BAD_USER_INPUT']);
  });

  it('normalise UUIDs and trailing slashes', () => {
    expect(normalisePagePath('/deals/0193f34c-abcd-7000-8000-000000000001/')).toBe('/deals/:id');
    expect(normalisePagePath('/')).toBe('/');
    expect(normalisePagePath('/settings/profile')).toBe('/settings/profile');
  });
});

describe('analytics opt-out', () => {
  it('stops page views, features and API-call analytics for that user; session events stay', async () => {
    const f = await rolesFixture(getApp());
    const member = f.clients.MEMBER;
    const prefs = await member.ok(`mutation { updatePreferences(input: { analyticsOptOut: true }) { preferences { analyticsOptOut } } }`);
    expect(prefs.updatePreferences.preferences.analyticsOptOut).toBe(true);
    await member.ok(`query Quiet { me { id } }`);
    await member.ok(`mutation { recordPageView(path: "/contacts") }`);
    await f.clients.ADMIN.ok(`query Loud { me { id } }`);
    await flush();
    expect(await events({ userId: f.users.MEMBER.id })).toEqual([]);
    expect((await events({ userId: f.users.ADMIN.id })).map((r) => r.name)).toEqual(['Loud', 'me']);

    await member.ok(`mutation { signOut }`);
    const sessionEvents = await getApp().prisma.usageEvent.findMany({ where: { userId: f.users.MEMBER.id }, orderBy: { createdAt: 'asc' } });
    expect(sessionEvents.map((e) => [e.kind, e.name])).toEqual([
      ['SESSION_START', 'signed_in'],
      ['SESSION_END', 'signed_out'],
    ]);
  });
});

describe('sessions', () => {
  it('record their end on revoke and on expiry, with the duration', async () => {
    const f = await rolesFixture(getApp());
    const prisma = getApp().prisma;
    const other = await getApp().services.auth.createSession(f.users.MEMBER.id, { ipAddress: '198.51.100.7', userAgent: FIREFOX });
    const sessions = await f.clients.MEMBER.ok(`{ me { sessions { id current browser os } } }`);
    const revokable = sessions.me.sessions.find((s: { current: boolean }) => !s.current);
    expect(revokable).toMatchObject({ browser: 'Firefox', os: 'Windows' });
    await prisma.session.updateMany({ where: { id: revokable.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await f.clients.MEMBER.ok(`mutation($id: ID!) { revokeSession(sessionId: $id) }`, { id: revokable.id });
    const [revoked] = await prisma.usageEvent.findMany({ where: { userId: f.users.MEMBER.id, kind: 'SESSION_END' } });
    expect(revoked).toMatchObject({ name: 'signed_out', ip: '198.51.100.7' });
    expect(revoked!.durationMs).toBeGreaterThanOrEqual(60_000);
    expect(revoked!.durationMs).toBeLessThan(120_000);
    expect(other.id).toBeTruthy();

    await prisma.session.updateMany({ where: { userId: f.users.VIEWER.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } }); // what the maintenance sweep runs
    expect(await prisma.usageEvent.findMany({ where: { userId: f.users.VIEWER.id, kind: 'SESSION_END' } })).toMatchObject([{ name: 'expired' }]);
  });

  it('leave no event (and no failure) when removed with their user', async () => {
    const f = await rolesFixture(getApp());
    await getApp().prisma.user.delete({ where: { id: f.users.OUTSIDER.id } });
    expect(await getApp().prisma.usageEvent.count({ where: { userId: f.users.OUTSIDER.id } })).toBe(0);
  });
});

describe('workspaceUsage', () => {
  const SUMMARY = `query($w: ID, $from: DateTime, $to: DateTime) { workspaceUsage(workspaceId: $w, from: $from, to: $to) {
    apiCalls errors pageViews activeUsers days { apiCalls errors pageViews activeUsers } operations { name calls errors } topFeatures { name count } topPages { name count } } }`;

  it('sums API calls, errors, pages, features and active members of this workspace only', async () => {
    const f = await rolesFixture(getApp());
    await f.clients.MEMBER.ok(`query A { me { id } }`);
    await f.clients.MEMBER.ok(`query A { me { id } }`);
    await f.clients.VIEWER.gql(`mutation B { renameWorkspace(workspaceId: "${f.workspaceGid}", name: "X") { id } }`);
    await f.clients.MEMBER.ok(`mutation { recordPageView(path: "/deals") }`);
    await f.clients.OUTSIDER.ok(`query Elsewhere { me { id } }`); // the outsider's own workspace
    await flush();

    const usage = (await f.clients.OWNER.ok(SUMMARY, { w: f.workspaceGid })).workspaceUsage;
    expect(usage).toMatchObject({ apiCalls: 3, errors: 1, pageViews: 1, activeUsers: 2 });
    expect(usage.days).toEqual([{ apiCalls: 3, errors: 1, pageViews: 1, activeUsers: 2 }]);
    expect(usage.operations).toEqual([
      { name: 'A', calls: 2, errors: 0 },
      { name: 'B', calls: 1, errors: 1 },
    ]);
    expect(usage.topFeatures).toEqual([
      { name: 'me', count: 2 },
      { name: 'renameWorkspace', count: 1 },
    ]);
    expect(usage.topPages).toEqual([{ name: '/deals', count: 1 }]);

    const outsider = (await f.clients.OUTSIDER.ok(SUMMARY, {})).workspaceUsage;
    expect(outsider).toMatchObject({ apiCalls: 1, activeUsers: 1, operations: [{ name: 'Elsewhere', calls: 1, errors: 0 }] });
  });

  it('reads a range and refuses reversed or over-long ones', async () => {
    const f = await rolesFixture(getApp());
    await f.clients.MEMBER.ok(`query A { me { id } }`);
    await flush();
    const past = (await f.clients.OWNER.ok(SUMMARY, { w: f.workspaceGid, from: new Date(Date.now() - 10 * DAY), to: new Date(Date.now() - 5 * DAY) }))
      .workspaceUsage;
    expect(past).toMatchObject({ apiCalls: 0, days: [] });
    const reversed = await f.clients.OWNER.gql(SUMMARY, { w: f.workspaceGid, from: new Date(), to: new Date(Date.now() - DAY) });
    expect(errorCodes(reversed)).toEqual(['BAD_USER_INPUT']);
    const long = await f.clients.OWNER.gql(SUMMARY, { w: f.workspaceGid, from: new Date(Date.now() - 400 * DAY) });
    expect(errorCodes(long)).toEqual(['BAD_USER_INPUT']);
  });

  it('is refused to admins and reads as not found in a workspace one is not in', async () => {
    const f = await rolesFixture(getApp());
    expect(errorCodes(await f.clients.ADMIN.gql(SUMMARY, { w: f.workspaceGid }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await f.clients.OUTSIDER.gql(SUMMARY, { w: f.workspaceGid }))).toEqual(['NOT_FOUND']);
  });
});

describe('myUsage', () => {
  it('lists only the viewer’s own events, newest first, filtered by kind', async () => {
    const f = await rolesFixture(getApp());
    await f.clients.MEMBER.ok(`query Mine { me { id } }`);
    await f.clients.ADMIN.ok(`query Theirs { me { id } }`);
    await flush();
    const mine = await f.clients.MEMBER.ok(`{ myUsage(first: 10, kind: API_CALL) { edges { node { name status } } } }`);
    expect(mine.myUsage.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Mine']);
    const all = await f.clients.MEMBER.ok(`{ myUsage(first: 10) { edges { node { kind } } } }`);
    expect(all.myUsage.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(['FEATURE', 'API_CALL', 'SESSION_START']);
  });
});

describe('recorder', () => {
  const row = (name: string) => ({
    kind: 'PAGE_VIEW' as const,
    name,
    workspaceId: null,
    userId: null,
    apiKeyId: null,
    durationMs: null,
    status: 'ok',
    ip: null,
    browser: null,
    os: null,
    createdAt: new Date(),
  });

  it('writes a batch once it holds batchSize rows, and by timer otherwise', async () => {
    const prisma = getApp().prisma;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const recorder = new UsageRecorder(prisma, getApp().services.logger, { batchSize: 3, flushAfterMs: 1000 });
      recorder.record(row('/a'));
      recorder.record(row('/b'));
      expect(recorder.pending).toBe(2);
      recorder.record(row('/c')); // third row: flushes at once
      expect(recorder.pending).toBe(0);
      recorder.record(row('/d'));
      vi.advanceTimersByTime(1000); // the timer flush
      expect(recorder.pending).toBe(0);
      await recorder.close();
    } finally {
      vi.useRealTimers();
    }
    expect((await prisma.usageEvent.findMany({ orderBy: { name: 'asc' } })).map((e) => e.name)).toEqual(['/a', '/b', '/c', '/d']);
  });

  it('writes what is buffered when Yoga is disposed (server shutdown)', async () => {
    const f = await rolesFixture(getApp());
    await f.clients.MEMBER.ok(`query BeforeShutdown { me { id } }`);
    await getApp().yoga.dispose();
    expect(await events({ kind: 'API_CALL', name: 'BeforeShutdown' })).toHaveLength(1);
  });

  it('drops rows beyond its bound instead of growing', () => {
    const recorder = new UsageRecorder(getApp().prisma, getApp().services.logger, { autoFlush: false, maxBuffered: 2 });
    for (const name of ['/a', '/b', '/c']) recorder.record(row(name));
    expect([recorder.pending, recorder.dropped]).toEqual([2, 1]);
  });
});

describe('usage retention', () => {
  it('deletes events older than the retention, by the daily sweep', async () => {
    const f = await rolesFixture(getApp());
    const prisma = getApp().prisma;
    await prisma.usageEvent.createMany({
      data: [
        { kind: 'PAGE_VIEW', name: '/old', userId: f.users.MEMBER.id, createdAt: new Date(Date.now() - 91 * DAY) },
        { kind: 'PAGE_VIEW', name: '/recent', userId: f.users.MEMBER.id, createdAt: new Date(Date.now() - 89 * DAY) },
      ],
    });
    const app = getApp().services;
    expect(app.config.retention.usageDays).toBe(90);
    await retentionSweepHandlers(app)[RETENTION_SWEEP]!({ slot: Date.now() }, {} as never);
    expect((await prisma.usageEvent.findMany({ where: { kind: 'PAGE_VIEW' } })).map((e) => e.name)).toEqual(['/recent']);
    expect(await prisma.job.count({ where: { kind: RETENTION_SWEEP } })).toBe(1); // the next sweep is booked
    expect(await expireUsageEvents(prisma, 30)).toBe(1);
  });

  it('reads its durations from the environment', () => {
    const config = loadConfig({ NODE_ENV: 'test', RETENTION_USAGE_DAYS: '30', RETENTION_BACKUP_DAYS: '14' });
    expect(config.retention).toEqual({
      deletedWorkspaceDays: 30,
      deletedAccountDays: 30,
      softDeletedDays: 30,
      exportArchiveDays: 7,
      usageDays: 30,
      backupDays: 14,
      outboxDays: 7,
      auditDays: 365,
      auditNetworkDays: 90,
      billingHistoryDays: 3650,
    });
    expect(() => loadConfig({ RETENTION_USAGE_DAYS: '0' })).toThrow(/RETENTION_USAGE_DAYS/);
  });
});

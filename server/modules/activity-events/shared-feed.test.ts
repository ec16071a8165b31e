// Live events are authorised once per audience and executed once per audience and operation for every
// subscriber on the instance. These tests check that what each subscriber receives is still decided by its
// own, current standing: a role change mid-stream changes what it gets, a revoked session ends every feed.
import { afterEach, describe, expect, it } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { useTestServer } from '../../test/test-server.js';
import { collect, FEED, listening, wsClient, type Received } from './feed.test-helpers.js';

const getApp = useTestApp();
const start = useTestServer(getApp);
const clients: Array<{ dispose: () => Promise<void> | void }> = [];

// Registered after the server's hook, so it runs first: clients leave before the server closes.
afterEach(async () => {
  for (const client of clients.splice(0)) await client.dispose();
});

const CREATE = `mutation($name: String!, $v: RecordVisibility) { createCompany(input: { name: $name, visibility: $v }) { id } }`;
const company = (f: RolesFixture, name: string, visibility = 'WORKSPACE') =>
  f.clients.OWNER.ok<{ createCompany: { id: string } }>(CREATE, { name, v: visibility }).then((d) => d.createCompany.id);
const setRole = (f: RolesFixture, who: 'ADMIN' | 'MEMBER', role: string) =>
  f.clients.OWNER.ok(`mutation($id: ID!, $role: Role!) { changeMemberRole(memberId: $id, role: $role) { role } }`, { id: f.users[who].membershipGid, role });

function subscribe(url: string, f: RolesFixture, who: 'OWNER' | 'ADMIN' | 'MEMBER', until: (r: Received) => boolean, query = FEED) {
  const client = wsClient(url, { cookie: f.clients[who].cookie, workspaceId: f.workspaceGid });
  clients.push(client);
  return collect(client, query, {}, until);
}

const companiesIn = (r: Received) => r.events.filter((e) => e.entityType === 'Company').map((e) => e.entityId);
const received = (id: string) => (r: Received) => r.events.some((e) => e.entityId === id);

describe('activityFeed shared between subscribers', () => {
  it('follows role changes mid-stream: a promoted member starts and a demoted admin stops receiving private records', async () => {
    const url = await start();
    const f = await rolesFixture(getApp());
    let last = '';
    const admin = subscribe(url, f, 'ADMIN', (r) => received(last)(r));
    const adminAgain = subscribe(url, f, 'ADMIN', (r) => received(last)(r));
    const member = subscribe(url, f, 'MEMBER', (r) => received(last)(r));
    await listening(getApp().services.activityHub, 3);

    const before = await company(f, 'Private before', 'PRIVATE');
    await setRole(f, 'MEMBER', 'ADMIN');
    await setRole(f, 'ADMIN', 'MEMBER');
    const after = await company(f, 'Private after', 'PRIVATE');
    last = await company(f, 'Open');
    await Promise.all([admin.done, adminAgain.done, member.done]);

    expect(companiesIn(admin.received)).toEqual([before, last]);
    expect(companiesIn(adminAgain.received)).toEqual([before, last]);
    expect(companiesIn(member.received)).toEqual([after, last]);
  });

  it('gives each operation its own result for the same event and audience', async () => {
    const url = await start();
    const f = await rolesFixture(getApp());
    const verbs = `subscription { activityFeed { sequence verb } }`;
    const types = `subscription { activityFeed { sequence entityType } }`;
    const a = subscribe(url, f, 'OWNER', (r) => r.events.length > 0, verbs);
    const b = subscribe(url, f, 'OWNER', (r) => r.events.length > 0, types);
    await listening(getApp().services.activityHub, 2);
    await company(f, 'Shared');
    await Promise.all([a.done, b.done]);
    expect(a.received.events).toEqual([{ sequence: expect.any(Number), verb: 'created' }]);
    expect(b.received.events).toEqual([{ sequence: a.received.events[0]!.sequence, entityType: 'Company' }]);
  });

  it('still answers a subscription with invalid variables as Yoga does: HTTP 400', async () => {
    const f = await rolesFixture(getApp());
    const response = await getApp().yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', cookie: f.clients.MEMBER.cookie!, 'x-workspace-id': f.workspaceGid },
      body: JSON.stringify({ query: `subscription($a: String) { activityFeed(after: $a) { sequence } }`, variables: { a: 5 } }),
    });
    expect(response.status).toBe(400);
  });

  it('checks visibility once per event for subscribers of one audience', async () => {
    const url = await start();
    const f = await rolesFixture(getApp());
    let id = '';
    const feeds = Array.from({ length: 5 }, () => subscribe(url, f, 'MEMBER', (r) => received(id)(r)));
    await listening(getApp().services.activityHub, feeds.length);
    const { statements } = await getApp().countSql(async () => {
      id = await company(f, 'Seen by members');
      await Promise.all(feeds.map((feed) => feed.done));
    });
    const visibilityChecks = statements.filter((sql) => /FROM "public"\."Company"/.test(sql) && /"visibility"/.test(sql));
    // One for the feed's decision, at most one more for the type's own scope in the shared execution.
    expect(visibilityChecks.length).toBeGreaterThan(0);
    expect(visibilityChecks.length).toBeLessThanOrEqual(2);
  });

  it('ends every subscription of a revoked session', async () => {
    const url = await start();
    const app = getApp();
    app.services.activityHub.limits.sessionRecheckMs = 50;
    const f = await rolesFixture(app);
    const feeds = [subscribe(url, f, 'MEMBER', (r) => r.completed), subscribe(url, f, 'MEMBER', (r) => r.completed)];
    await listening(app.services.activityHub, 2);
    await company(f, 'Seen');
    await app.prisma.session.deleteMany({ where: { userId: f.users.MEMBER.id } });
    await Promise.all(feeds.map((feed) => feed.done));
    for (const feed of feeds) expect(feed.received.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

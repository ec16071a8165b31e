import { beforeEach, describe, expect, it } from 'vitest';
import { rolesFixture } from '../test/fixtures.js';
import { useTestApp } from '../test/test-app.js';
import { SessionCache } from './session-cache.js';

// The suite runs without the cache; this file turns it on, with a clock the tests move.
let now = 0;
const cache = new SessionCache(1000, () => now);
const getApp = useTestApp({ sessionCache: cache });
const sessionReads = (statements: string[]) => statements.filter((sql) => sql.includes('FROM "Session"')).length;
const CONTACTS = `{ contacts(first: 5) { edges { node { id } } } }`;

beforeEach(() => {
  now = 0;
  cache.clear();
});

describe('validated sessions of the last second', () => {
  it('answer a second request from memory, and are read again once the second is over', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const first = await app.countSql(() => f.clients.MEMBER.ok(CONTACTS));
    const second = await app.countSql(() => f.clients.MEMBER.ok(CONTACTS));
    expect(sessionReads(first.statements)).toBe(1);
    expect(sessionReads(second.statements)).toBe(0);
    now = 1000;
    const later = await app.countSql(() => f.clients.MEMBER.ok(CONTACTS));
    expect(sessionReads(later.statements)).toBe(1);
  });

  it('end at once when the person signs out', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const cookie = f.clients.MEMBER.cookie;
    await f.clients.MEMBER.ok(CONTACTS);
    await f.clients.MEMBER.ok(`mutation { signOut }`);
    const again = app.client();
    again.cookie = cookie;
    again.workspaceId = f.workspaceGid;
    const result = await again.gql(CONTACTS);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('carry a new role from the next request on after a mutation changed it', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const create = `mutation { createContact(input: { firstName: "Ada" }) { id } }`;
    await f.clients.MEMBER.ok(CONTACTS);
    await f.clients.OWNER.ok(`mutation($m: ID!) { changeMemberRole(memberId: $m, role: VIEWER) { role } }`, { m: f.users.MEMBER.membershipGid });
    const refused = await f.clients.MEMBER.gql(create);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await app.prisma.contact.count({ where: { workspaceId: f.workspaceId } })).toBe(0);
  });

  it('show a change made outside this process within the second (another instance, a job)', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await f.clients.VIEWER.ok(CONTACTS);
    await app.prisma.membership.delete({ where: { id: f.users.VIEWER.membershipId } });
    now = 999;
    await f.clients.VIEWER.ok(CONTACTS);
    now = 1000;
    const gone = await f.clients.VIEWER.gql(CONTACTS);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

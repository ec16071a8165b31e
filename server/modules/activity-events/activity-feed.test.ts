import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';
import { useTestServer } from '../../test/test-server.js';
import { collect, FEED, listening, wsClient } from './feed.test-helpers.js';

const getApp = useTestApp();
const start = useTestServer(getApp);

const CREATE = `mutation($name: String!, $v: RecordVisibility) { createCompany(input: { name: $name, visibility: $v }) { id } }`;
const company = (f: RolesFixture, name: string, visibility = 'WORKSPACE') =>
  f.clients.OWNER.ok<{ createCompany: { id: string } }>(CREATE, { name, v: visibility }).then((d) => d.createCompany.id);
const asUser = (url: string, f: RolesFixture, who: 'OWNER' | 'MEMBER' | 'VIEWER') =>
  wsClient(url, { cookie: f.clients[who].cookie, workspaceId: f.workspaceGid });
/** A running server, a fresh workspace and a socket signed in as `who`; `limits` are set on the hub first. */
async function connected(who: 'OWNER' | 'MEMBER' | 'VIEWER', limits: Partial<TestApp['services']['activityHub']['limits']> = {}) {
  const url = await start();
  const app = getApp();
  Object.assign(app.services.activityHub.limits, limits);
  const f = await rolesFixture(app);
  return { app, f, client: asUser(url, f, who) };
}
const sequences = (events: Array<{ sequence: number }>) => events.map((e) => e.sequence);
const consecutive = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('activity events', () => {
  it('writes one event per change with gapless per-workspace sequences, listed newest first', async () => {
    const f = await rolesFixture(getApp());
    const member = f.clients.MEMBER;
    const { createContact } = await member.ok(`mutation { createContact(input: { firstName: "Grace" }) { id } }`);
    await member.ok(`mutation($id: ID!) { updateContact(id: $id, input: { jobTitle: "Admiral", lastName: "Hopper" }) { id } }`, { id: createContact.id });
    await member.ok(`mutation($id: ID!) { deleteContact(id: $id) { id } }`, { id: createContact.id });
    await member.ok(`mutation($id: ID!) { restoreContact(id: $id) { id } }`, { id: createContact.id });
    const { activityEvents } = await member.ok(
      `query($e: ID!) { activityEvents(filter: { entityId: $e }) { edges { cursor node { sequence verb entityType entityId actorId changes } } } }`,
      { e: createContact.id },
    );
    const nodes = activityEvents.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(nodes.map((n: { verb: string }) => n.verb)).toEqual(['restored', 'deleted', 'updated', 'created']);
    expect(nodes.every((n: { entityId: string; entityType: string }) => n.entityId === createContact.id && n.entityType === 'Contact')).toBe(true);
    expect(nodes[0].actorId).toBe(globalId('User', f.users.MEMBER.id));
    expect(nodes[2].changes).toEqual({ fields: ['jobTitle', 'lastName'] });
    const seqs = nodes.map((n: { sequence: number }) => n.sequence).reverse();
    expect(seqs).toEqual(consecutive(seqs[0], 4));
    const stored = await getApp().prisma.activityEvent.findMany({ where: { entityId: (await getApp().prisma.contact.findFirstOrThrow()).id } });
    expect(stored.every((e) => e.actorUserId === f.users.MEMBER.id && e.workspaceId === f.workspaceId)).toBe(true);
  });

  it('shows history only about records the reader may see, and nothing across workspaces', async () => {
    const f = await rolesFixture(getApp());
    await company(f, 'Hidden Co', 'PRIVATE');
    await company(f, 'Open Co');
    const verbsFor = async (who: 'OWNER' | 'MEMBER') =>
      (await f.clients[who].ok(`{ activityEvents { edges { node { entityType verb } } } }`)).activityEvents.edges.length;
    expect(await verbsFor('OWNER')).toBe(2);
    expect(await verbsFor('MEMBER')).toBe(1);
    const outsider = await f.clients.OUTSIDER.gql(`query($w: ID) { activityEvents(workspaceId: $w) { edges { node { verb } } } }`, { w: f.workspaceGid });
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('activityFeed over graphql-ws', () => {
  it('resumes after the socket is killed mid-stream: replay then live, no gap and no duplicate', async () => {
    const url = await start();
    const f = await rolesFixture(getApp());
    const hub = getApp().services.activityHub;
    const first = asUser(url, f, 'OWNER');
    const a = collect(first, FEED, { after: '0' }, (r) => r.events.length >= 3);
    await listening(hub, 1);
    for (const name of ['A', 'B', 'C']) await company(f, name);
    await a.done;
    first.terminate();
    await first.dispose();
    const last = a.received.events.at(-1)!.sequence;
    for (const name of ['D', 'E', 'F']) await company(f, name); // missed while disconnected
    const second = asUser(url, f, 'OWNER');
    const b = collect(second, FEED, { after: String(last) }, (r) => r.events.length >= 5);
    await listening(hub, 1);
    for (const name of ['G', 'H']) await company(f, name);
    await b.done;
    await second.dispose();
    const all = [...a.received.events, ...b.received.events];
    expect(sequences(all)).toEqual(consecutive(all[0]!.sequence, 8));
    expect(b.received.events.every((e) => e.verb === 'created' && e.entityType === 'Company')).toBe(true);
  });

  it('delivers only events the subscriber may see, and ends the feed of a member who is removed', async () => {
    const { app, f, client } = await connected('MEMBER');
    const feed = collect(client, FEED, { after: '0' }, (r) => r.completed);
    await listening(app.services.activityHub, 1);
    await company(f, 'Secret', 'PRIVATE');
    const open = await company(f, 'Public');
    await f.clients.OWNER.ok(`mutation($id: ID!) { removeMember(memberId: $id) }`, { id: f.users.MEMBER.membershipGid });
    await company(f, 'After removal');
    await feed.done;
    await client.dispose();
    expect(feed.received.events.map((e) => e.entityId)).toEqual([open]);
    expect(feed.received.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('closes the feed with UNAUTHENTICATED once the session is revoked', async () => {
    const { app, f, client } = await connected('VIEWER', { sessionRecheckMs: 0 });
    const feed = collect(client, FEED, { after: '0' }, (r) => r.completed);
    await listening(app.services.activityHub, 1);
    await company(f, 'Seen');
    await app.prisma.session.deleteMany({ where: { userId: f.users.VIEWER.id } });
    await company(f, 'Not seen');
    await feed.done;
    await client.dispose();
    expect(feed.received.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(feed.received.errors[0]?.message).toMatch(/session/);
  });

  it('lets go of a subscriber who leaves at once, not at the next event or credential recheck', async () => {
    const { app, client } = await connected('VIEWER', { sessionRecheckMs: 60_000 });
    const feed = collect(client, FEED, {}, () => false);
    await listening(app.services.activityHub, 1);
    feed.stop();
    await expect.poll(() => app.services.activityHub.listenerCount, { timeout: 5_000 }).toBe(0);
    await client.dispose();
  });

  it('answers an operation with a syntax error with an error message and keeps the socket and its live feed', async () => {
    const { app, f, client } = await connected('MEMBER');
    const feed = collect(client, FEED, {}, (r) => r.events.length >= 1);
    await listening(app.services.activityHub, 1);
    const broken = collect(client, '{ contacts(', {}, () => false);
    const refusal = (await broken.done.catch((error: unknown) => error)) as Array<{ message: string; extensions?: { code?: string } }>;
    expect(refusal[0]?.message).toMatch(/Syntax Error/);
    expect(refusal[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    await company(f, 'Still live');
    await feed.done;
    await client.dispose();
    expect(feed.received.events.map((e) => e.verb)).toEqual(['created']);
  });

  it('authenticates an API key from the connection_init payload', async () => {
    const url = await start();
    const f = await rolesFixture(getApp());
    const client = wsClient(url, { authorization: f.clients.VIEWER_KEY.authorization, workspaceId: f.workspaceGid });
    const feed = collect(client, FEED, { after: '0' }, (r) => r.events.length >= 1);
    await company(f, 'Keyed');
    await feed.done;
    await client.dispose();
    expect(feed.received.events[0]?.verb).toBe('created');
    const bad = wsClient(url, { authorization: 'Bearer kith_not_a_key', workspaceId: f.workspaceGid });
    const refused = collect(bad, FEED, { after: '0' }, (r) => r.errors.length > 0 || r.completed);
    await refused.done.catch(() => undefined);
    await bad.dispose();
    expect(refused.received.events).toEqual([]);
  });

  it('tells a subscriber that falls too far behind to resume from its cursor, with bounded memory', async () => {
    const { app, f, client } = await connected('OWNER', { maxBuffered: 3 });
    const feed = collect(client, FEED, {}, (r) => r.completed);
    await listening(app.services.activityHub, 1);
    const flood = Array.from({ length: 10 }, (_, i) => ({
      id: crypto.randomUUID(),
      workspaceId: f.workspaceId,
      sequence: 1000 + i,
      actorUserId: null,
      actorApiKeyId: null,
      verb: 'created',
      entityType: 'Company',
      entityId: crypto.randomUUID(),
      changes: {},
      createdAt: new Date().toISOString(),
    }));
    app.services.activityHub.publish(flood);
    await feed.done;
    await client.dispose();
    expect(feed.received.errors[0]?.extensions).toMatchObject({ code: 'FEED_LAGGING', resumeAfter: '0' });
  });

  it('recordChanged streams the changes of one record only', async () => {
    const url = await start();
    const f = await rolesFixture(getApp());
    const watched = await company(f, 'Watched');
    const other = await company(f, 'Other');
    const client = asUser(url, f, 'MEMBER');
    const feed = collect(client, `subscription($id: ID!) { recordChanged(id: $id) { sequence verb entityId } }`, { id: watched }, (r) => r.events.length >= 1);
    await listening(getApp().services.activityHub, 1);
    await f.clients.OWNER.ok(`mutation($id: ID!) { updateCompany(id: $id, input: { industry: "Tea" }) { id } }`, { id: other });
    await f.clients.OWNER.ok(`mutation($id: ID!) { updateCompany(id: $id, input: { industry: "Coffee" }) { id } }`, { id: watched });
    await feed.done;
    await client.dispose();
    expect(feed.received.events.map((e) => [e.verb, e.entityId])).toEqual([['updated', watched]]);
    const secret = await company(f, 'Secret', 'PRIVATE');
    const refused = await new Promise<unknown>((resolve) => {
      const c = asUser(url, f, 'MEMBER');
      c.subscribe(
        { query: `subscription($id: ID!) { recordChanged(id: $id) { sequence } }`, variables: { id: secret } },
        {
          next: (r) => {
            resolve(r.errors?.[0]?.extensions?.code ?? r);
            void c.dispose();
          },
          error: (e) => resolve(e),
          complete: () => undefined,
        },
      );
    });
    expect(refused).toBe('NOT_FOUND');
  });
});

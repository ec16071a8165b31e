import { describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/tokens.js';
import { apiKeyFor, globalId, rolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type TestApp } from '../../test/test-app.js';

const getApp = useTestApp();

const CREATE = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id name role prefix lastUsedAt } } }`;
const CREATE_CONTACT = `mutation { createContact(input: { firstName: "Ada", lastName: "Lovelace" }) { id createdBy { id } } }`;

function keyClient(app: TestApp, secret: string, workspaceGid: string) {
  const client = app.client({ ip: '203.0.113.7' });
  client.authorization = `Bearer ${secret}`;
  client.workspaceId = workspaceGid;
  return client;
}

describe('API keys', () => {
  it('shows the secret once, stores only its hash and a short prefix, and works as a bearer token', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const created = await f.clients.ADMIN.ok<{ createApiKey: { secret: string; apiKey: { id: string; prefix: string; role: string } } }>(CREATE, {
      i: { name: 'Zapier', role: 'MEMBER' },
    });
    const { secret, apiKey } = created.createApiKey;
    expect(secret).toMatch(/^kith_[A-Za-z0-9]{40}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.prefix.length).toBeLessThan(15);

    const stored = await app.prisma.apiKey.findFirstOrThrow({ where: { name: 'Zapier' } });
    expect(stored.secretHash).toBe(hashToken(secret));
    expect(JSON.stringify(stored)).not.toContain(secret.slice(12));

    const listed = await f.clients.OWNER.ok<{ apiKeys: { edges: Array<{ node: { name: string; prefix: string; createdBy: { id: string } } }> } }>(
      `{ apiKeys { edges { node { name prefix createdBy { id } } } } }`,
    );
    // Newest first: the fixture's own keys come after.
    expect(listed.apiKeys.edges[0]?.node).toEqual({ name: 'Zapier', prefix: apiKey.prefix, createdBy: { id: globalId('User', f.users.ADMIN.id) } });

    const integration = keyClient(app, secret, f.workspaceGid);
    const contact = await integration.ok<{ createContact: { createdBy: { id: string } } }>(CREATE_CONTACT);
    expect(contact.createContact.createdBy.id).toBe(globalId('User', f.users.ADMIN.id));
    const used = await app.prisma.apiKey.findUniqueOrThrow({ where: { id: stored.id } });
    expect(used.lastUsedAt).not.toBeNull();
    expect(used.lastUsedIp).toBe('203.0.113.7');
  });

  it('never gives a key more than its creator holds, and never OWNER', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    expect(errorCodes(await f.clients.ADMIN.gql(CREATE, { i: { name: 'Root', role: 'OWNER' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { i: { name: 'Mine', role: 'VIEWER' } }))).toEqual(['FORBIDDEN']);
    const past = new Date(Date.now() - 60_000).toISOString();
    expect(errorCodes(await f.clients.ADMIN.gql(CREATE, { i: { name: 'Old', role: 'VIEWER', expiresAt: past } }))).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.apiKey.count({ where: { name: { in: ['Root', 'Mine', 'Old'] } } })).toBe(0);
  });

  it('acts with the lower of its role and its creator’s current role', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { secret } = await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'ADMIN');
    const integration = keyClient(app, secret, f.workspaceGid);
    await integration.ok(CREATE_CONTACT);

    await app.prisma.membership.update({ where: { id: f.users.ADMIN.membershipId }, data: { role: 'VIEWER' } });
    expect(errorCodes(await integration.gql(CREATE_CONTACT))).toEqual(['FORBIDDEN']);
    await integration.ok(`{ contacts { totalCount } }`);

    await app.prisma.membership.delete({ where: { id: f.users.ADMIN.membershipId } });
    expect(errorCodes(await integration.gql(`{ contacts { totalCount } }`))).toEqual(['NOT_FOUND']);
  });

  it('reaches only its own workspace, even when its creator belongs to others', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const other = await app.prisma.workspace.create({ data: { name: 'Side' } });
    await app.prisma.membership.create({ data: { workspaceId: other.id, userId: f.users.ADMIN.id, role: 'OWNER' } });
    const { secret } = await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'ADMIN');
    const integration = keyClient(app, secret, globalId('Workspace', other.id));
    expect(errorCodes(await integration.gql(`{ contacts { totalCount } }`))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await integration.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId('Workspace', other.id) }))).toEqual(['NOT_FOUND']);
    const own = await integration.ok<{ node: { name: string } }>(`query($id: ID!) { node(id: $id) { ... on Workspace { name } } }`, { id: f.workspaceGid });
    expect(own.node.name).toBe('Acme');
  });

  it('acts in its own workspace when the request names none', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { secret } = await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'ADMIN');
    const integration = keyClient(app, secret, f.workspaceGid);
    integration.workspaceId = null;
    await integration.ok(CREATE_CONTACT);
    expect((await app.prisma.contact.findFirstOrThrow()).workspaceId).toBe(f.workspaceId);
    expect((await integration.ok<{ contacts: { totalCount: number } }>(`{ contacts { totalCount } }`)).contacts.totalCount).toBe(1);
    // A person with a session still names the workspace.
    f.clients.ADMIN.workspaceId = null;
    expect(errorCodes(await f.clients.ADMIN.gql(`{ contacts { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('stops at once when revoked, rotated or expired, and a bad secret is refused clearly', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const revoked = await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'VIEWER');
    const rotated = await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'VIEWER');
    const expired = await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'VIEWER', { expiresAt: new Date(Date.now() - 1000) });
    const query = `{ contacts { totalCount } }`;
    await keyClient(app, revoked.secret, f.workspaceGid).ok(query);

    await f.clients.ADMIN.ok(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: globalId('ApiKey', revoked.apiKey.id) });
    const refused = await keyClient(app, revoked.secret, f.workspaceGid).gql(query);
    expect(errorCodes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors?.[0]?.message).toMatch(/invalid, expired or revoked/);

    const fresh = await f.clients.ADMIN.ok<{ rotateApiKey: { secret: string } }>(`mutation($id: ID!) { rotateApiKey(id: $id) { secret } }`, {
      id: globalId('ApiKey', rotated.apiKey.id),
    });
    expect(errorCodes(await keyClient(app, rotated.secret, f.workspaceGid).gql(query))).toEqual(['UNAUTHENTICATED']);
    await keyClient(app, fresh.rotateApiKey.secret, f.workspaceGid).ok(query);

    expect(errorCodes(await keyClient(app, expired.secret, f.workspaceGid).gql(query))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await keyClient(app, 'kith_not-a-real-key-at-all', f.workspaceGid).gql(query))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await keyClient(app, 'garbage', f.workspaceGid).gql(query))).toEqual(['UNAUTHENTICATED']);
  });

  it('judges a request that names a key by the key alone, whatever cookie comes with it', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { secret } = await apiKeyFor(app, f.users.OWNER.id, f.workspaceId, 'VIEWER');
    const integration = keyClient(app, secret, f.workspaceGid);
    integration.cookie = f.clients.OWNER.cookie;
    expect(errorCodes(await integration.gql(CREATE_CONTACT))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await integration.gql(`mutation { updateProfile(name: "Hijacked") { id } }`))).toEqual(['FORBIDDEN']);
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id: f.users.OWNER.id } })).name).not.toBe('Hijacked');
  });

  it('keeps keys to their workspace: another workspace’s admin cannot see, rotate or revoke them', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { apiKey } = await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'VIEWER');
    const outsider = f.clients.OUTSIDER;
    expect(errorCodes(await outsider.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: globalId('ApiKey', apiKey.id) }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await outsider.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId('ApiKey', apiKey.id) }))).toEqual(['NOT_FOUND']);
    const theirs = await outsider.ok<{ apiKeys: { edges: unknown[] } }>(`{ apiKeys { edges { node { id } } } }`);
    expect(theirs.apiKeys.edges).toEqual([]);
    expect((await app.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).revokedAt).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, signUpThroughApi, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, expectRefusals, useTestApp, type Attempt, type TestClient } from '../../test/test-app.js';

const getApp = useTestApp();

const CHANGE_ROLE = `mutation($id: ID!, $role: Role!) { changeMemberRole(memberId: $id, role: $role) { role user { email } } }`;
const REMOVE = `mutation($id: ID!) { removeMember(memberId: $id) }`;
const LEAVE = `mutation($ws: ID) { leaveWorkspace(workspaceId: $ws) }`;
const TRANSFER = `mutation($id: ID!) { transferOwnership(memberId: $id) { name viewerRole } }`;
const CREATE = `mutation($name: String!) { createWorkspace(name: $name) { id name viewerRole } }`;
const RENAME = `mutation($name: String!, $ws: ID) { renameWorkspace(name: $name, workspaceId: $ws) { name } }`;
const WORKSPACE = `query($id: ID) { workspace(id: $id) { name viewerRole } }`;

/** Every membership and workspace in the database, in a stable order, to prove a refusal wrote nothing. */
async function snapshot() {
  const prisma = getApp().prisma;
  const [memberships, workspaces] = await Promise.all([
    prisma.membership.findMany({ orderBy: { id: 'asc' }, select: { id: true, workspaceId: true, userId: true, role: true, updatedAt: true } }),
    prisma.workspace.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, updatedAt: true } }),
  ]);
  return { memberships, workspaces };
}

/** Acme's roles by email. */
async function acmeRoles(fixture: RolesFixture) {
  const rows = await getApp().prisma.membership.findMany({ where: { workspaceId: fixture.workspaceId }, include: { user: true } });
  return Object.fromEntries(rows.map((m) => [m.user.email, m.role]));
}

const expectRefused = (client: TestClient, code: string, ...attempts: Attempt[]) => expectRefusals(snapshot, client, code, ...attempts);

describe('changeMemberRole', () => {
  it('lets an ADMIN move a member between MEMBER, VIEWER and ADMIN', async () => {
    const fixture = await rolesFixture(getApp());
    const { ADMIN } = fixture.clients;
    const target = fixture.users.MEMBER;

    for (const role of ['VIEWER', 'MEMBER', 'VIEWER', 'ADMIN', 'MEMBER']) {
      const result = await ADMIN.ok(CHANGE_ROLE, { id: target.membershipGid, role });
      expect(result.changeMemberRole).toEqual({ role, user: { email: target.email } });
      expect((await acmeRoles(fixture))[target.email]).toBe(role);
    }
  });

  it('refuses an ADMIN making anyone an OWNER (FORBIDDEN) and writes nothing', async () => {
    const fixture = await rolesFixture(getApp());
    const before = await snapshot();
    const result = await fixture.clients.ADMIN.gql(CHANGE_ROLE, { id: fixture.users.MEMBER.membershipGid, role: 'OWNER' });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(await snapshot()).toEqual(before);
  });

  it.each(['ADMIN', 'MEMBER', 'VIEWER'])('refuses an ADMIN changing the OWNER to %s (FORBIDDEN)', async (role) => {
    const fixture = await rolesFixture(getApp());
    const before = await snapshot();
    const result = await fixture.clients.ADMIN.gql(CHANGE_ROLE, { id: fixture.users.OWNER.membershipGid, role });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['OWNER', 'ADMIN'],
    ['ADMIN', 'MEMBER'],
    ['ADMIN', 'OWNER'],
    ['MEMBER', 'ADMIN'],
    ['VIEWER', 'MEMBER'],
  ] as const)('refuses a %s changing their own role to %s (FORBIDDEN)', async (actor, role) => {
    const fixture = await rolesFixture(getApp());
    const before = await snapshot();
    const result = await fixture.clients[actor].gql(CHANGE_ROLE, { id: fixture.users[actor].membershipGid, role });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(await snapshot()).toEqual(before);
  });

  it.each(['MEMBER', 'VIEWER'] as const)('refuses a %s changing anyone’s role (FORBIDDEN)', async (actor) => {
    const fixture = await rolesFixture(getApp());
    const before = await snapshot();
    for (const target of ['VIEWER', 'MEMBER', 'ADMIN'] as const) {
      if (target === actor) continue;
      const result = await fixture.clients[actor].gql(CHANGE_ROLE, { id: fixture.users[target].membershipGid, role: 'VIEWER' });
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets an OWNER make a co-owner, who can then demote the first owner', async () => {
    const fixture = await rolesFixture(getApp());
    const { OWNER, ADMIN } = fixture.clients;

    expect((await OWNER.ok(CHANGE_ROLE, { id: fixture.users.ADMIN.membershipGid, role: 'OWNER' })).changeMemberRole.role).toBe('OWNER');
    expect((await ADMIN.ok(CHANGE_ROLE, { id: fixture.users.OWNER.membershipGid, role: 'MEMBER' })).changeMemberRole.role).toBe('MEMBER');
    expect(await acmeRoles(fixture)).toMatchObject({ 'owner@example.com': 'MEMBER', 'admin@example.com': 'OWNER' });
  });

  it('enforces the new role for the target at once', async () => {
    const fixture = await rolesFixture(getApp());
    const { OWNER, ADMIN, VIEWER } = fixture.clients;

    await OWNER.ok(CHANGE_ROLE, { id: fixture.users.ADMIN.membershipGid, role: 'VIEWER' });
    expect((await ADMIN.ok(WORKSPACE)).workspace.viewerRole).toBe('VIEWER');
    expect(errorCodes(await ADMIN.gql(RENAME, { name: 'Demoted' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ADMIN.gql(CHANGE_ROLE, { id: fixture.users.MEMBER.membershipGid, role: 'VIEWER' }))).toEqual(['FORBIDDEN']);

    await OWNER.ok(CHANGE_ROLE, { id: fixture.users.VIEWER.membershipGid, role: 'ADMIN' });
    expect((await VIEWER.ok(RENAME, { name: 'Promoted' })).renameWorkspace.name).toBe('Promoted');
    expect((await VIEWER.ok(CHANGE_ROLE, { id: fixture.users.MEMBER.membershipGid, role: 'VIEWER' })).changeMemberRole.role).toBe('VIEWER');
  });
});

describe('removeMember', () => {
  it('lets an ADMIN remove a MEMBER, who then no longer sees the workspace', async () => {
    const app = getApp();
    const fixture = await rolesFixture(app);
    const { ADMIN, MEMBER } = fixture.clients;

    expect((await ADMIN.ok(REMOVE, { id: fixture.users.MEMBER.membershipGid })).removeMember).toBe(true);
    expect(await app.prisma.membership.findUnique({ where: { id: fixture.users.MEMBER.membershipId } })).toBeNull();

    const result = await MEMBER.gql(WORKSPACE);
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(result.data).toBeNull();
    expect((await MEMBER.ok(`{ me { workspaces { name } } }`)).me.workspaces).toEqual([]);
    expect(await app.prisma.user.count({ where: { id: fixture.users.MEMBER.id } })).toBe(1);
  });

  it('refuses an ADMIN removing the OWNER (FORBIDDEN) and writes nothing', async () => {
    const fixture = await rolesFixture(getApp());
    await expectRefused(fixture.clients.ADMIN, 'FORBIDDEN', [REMOVE, { id: fixture.users.OWNER.membershipGid }]);
  });

  it('lets an OWNER remove a co-owner, but never the last owner', async () => {
    const app = getApp();
    const fixture = await rolesFixture(app);
    const { OWNER, ADMIN } = fixture.clients;
    await OWNER.ok(CHANGE_ROLE, { id: fixture.users.ADMIN.membershipGid, role: 'OWNER' });

    expect((await ADMIN.ok(REMOVE, { id: fixture.users.OWNER.membershipGid })).removeMember).toBe(true);
    expect(await acmeRoles(fixture)).toEqual({ 'admin@example.com': 'OWNER', 'member@example.com': 'MEMBER', 'viewer@example.com': 'VIEWER' });
  });

  it('refuses removing yourself (BAD_USER_INPUT): leaving is a separate mutation', async () => {
    const fixture = await rolesFixture(getApp());
    await expectRefused(fixture.clients.ADMIN, 'BAD_USER_INPUT', [REMOVE, { id: fixture.users.ADMIN.membershipGid }]);
  });

  it.each(['MEMBER', 'VIEWER'] as const)('refuses a %s removing anyone (FORBIDDEN)', async (actor) => {
    const fixture = await rolesFixture(getApp());
    const target = actor === 'MEMBER' ? fixture.users.VIEWER : fixture.users.MEMBER;
    await expectRefused(fixture.clients[actor], 'FORBIDDEN', [REMOVE, { id: target.membershipGid }]);
  });
});

describe('leaveWorkspace', () => {
  it('lets a member leave; the workspace is then NOT_FOUND for them', async () => {
    const app = getApp();
    const fixture = await rolesFixture(app);
    const { VIEWER } = fixture.clients;

    expect((await VIEWER.ok(LEAVE)).leaveWorkspace).toBe(true);
    expect(await app.prisma.membership.findUnique({ where: { id: fixture.users.VIEWER.membershipId } })).toBeNull();
    expect(errorCodes(await VIEWER.gql(WORKSPACE))).toEqual(['NOT_FOUND']);
    expect(await app.prisma.membership.count({ where: { workspaceId: fixture.workspaceId } })).toBe(3);
  });

  it('refuses the last OWNER leaving (BAD_USER_INPUT) and writes nothing', async () => {
    const fixture = await rolesFixture(getApp());
    const before = await snapshot();
    const result = await fixture.clients.OWNER.gql(LEAVE, { ws: fixture.workspaceGid });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/at least one owner/);
    expect(await snapshot()).toEqual(before);
  });

  it('lets an owner leave once there is another owner', async () => {
    const fixture = await rolesFixture(getApp());
    const { OWNER } = fixture.clients;
    await OWNER.ok(CHANGE_ROLE, { id: fixture.users.ADMIN.membershipGid, role: 'OWNER' });

    expect((await OWNER.ok(LEAVE)).leaveWorkspace).toBe(true);
    expect(await acmeRoles(fixture)).toEqual({ 'admin@example.com': 'OWNER', 'member@example.com': 'MEMBER', 'viewer@example.com': 'VIEWER' });
  });

  it('answers NOT_FOUND when leaving a workspace you do not belong to', async () => {
    const fixture = await rolesFixture(getApp());
    await expectRefused(fixture.clients.OUTSIDER, 'NOT_FOUND', [LEAVE, { ws: fixture.workspaceGid }]);
  });
});

describe('transferOwnership', () => {
  it('makes the target an OWNER and the acting owner an ADMIN', async () => {
    const fixture = await rolesFixture(getApp());
    const { OWNER, MEMBER } = fixture.clients;

    const result = await OWNER.ok(TRANSFER, { id: fixture.users.MEMBER.membershipGid });
    expect(result.transferOwnership).toEqual({ name: 'Acme', viewerRole: 'ADMIN' });
    expect(await acmeRoles(fixture)).toEqual({
      'owner@example.com': 'ADMIN',
      'admin@example.com': 'ADMIN',
      'member@example.com': 'OWNER',
      'viewer@example.com': 'VIEWER',
    });
    expect((await MEMBER.ok(WORKSPACE)).workspace.viewerRole).toBe('OWNER');
    // The former owner is an admin now, so a second transfer is refused.
    expect(errorCodes(await OWNER.gql(TRANSFER, { id: fixture.users.VIEWER.membershipGid }))).toEqual(['FORBIDDEN']);
  });

  it.each(['ADMIN', 'MEMBER', 'VIEWER'] as const)('refuses a %s (FORBIDDEN) and writes nothing', async (actor) => {
    const fixture = await rolesFixture(getApp());
    const target = actor === 'VIEWER' ? fixture.users.MEMBER : fixture.users.VIEWER;
    await expectRefused(fixture.clients[actor], 'FORBIDDEN', [TRANSFER, { id: target.membershipGid }], [TRANSFER, { id: fixture.users[actor].membershipGid }]);
  });

  it('refuses a transfer to yourself (BAD_USER_INPUT)', async () => {
    const fixture = await rolesFixture(getApp());
    await expectRefused(fixture.clients.OWNER, 'BAD_USER_INPUT', [TRANSFER, { id: fixture.users.OWNER.membershipGid }]);
  });
});

describe('member IDs from another workspace', () => {
  const attempts = [
    ['changeMemberRole', CHANGE_ROLE, { role: 'VIEWER' }],
    ['removeMember', REMOVE, {}],
    ['transferOwnership', TRANSFER, {}],
  ] as const;

  it.each(attempts)('answers NOT_FOUND to an outsider calling %s on every Acme member, changing nothing', async (_name, mutation, extra) => {
    const fixture = await rolesFixture(getApp());
    const before = await snapshot();
    for (const target of ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const) {
      const result = await fixture.clients.OUTSIDER.gql(mutation, { id: fixture.users[target].membershipGid, ...extra });
      expect(errorCodes(result)).toEqual(['NOT_FOUND']);
      expect(result.data).toBeNull();
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each(attempts)('answers NOT_FOUND to %s with a garbage, unknown or wrongly typed ID', async (_name, mutation, extra) => {
    const fixture = await rolesFixture(getApp());
    const ids = ['garbage', globalId('Membership', 'not-a-uuid'), globalId('Membership', '00000000-0000-7000-8000-000000000000'), fixture.workspaceGid];
    await expectRefused(fixture.clients.OWNER, 'NOT_FOUND', ...ids.map((id): [string, Record<string, unknown>] => [mutation, { id, ...extra }]));
  });
});

describe('createWorkspace', () => {
  it('creates a workspace owned by the verified user who asked', async () => {
    const app = getApp();
    const fixture = await rolesFixture(app);
    const { VIEWER } = fixture.clients;

    const { createWorkspace } = await VIEWER.ok(CREATE, { name: '  Side Project  ' });
    expect(createWorkspace).toMatchObject({ name: 'Side Project', viewerRole: 'OWNER' });
    const memberships = await app.prisma.membership.findMany({ where: { workspace: { name: 'Side Project' } } });
    expect(memberships).toEqual([expect.objectContaining({ userId: fixture.users.VIEWER.id, role: 'OWNER' })]);
    expect((await VIEWER.ok(WORKSPACE, { id: createWorkspace.id })).workspace).toEqual({ name: 'Side Project', viewerRole: 'OWNER' });
  });

  it('refuses a user whose email is not verified (FORBIDDEN) and writes nothing', async () => {
    const { client } = await signUpThroughApi(getApp());
    await expectRefused(client, 'FORBIDDEN', [CREATE, { name: 'Second' }]);
  });

  it('refuses anyone signed out (UNAUTHENTICATED)', async () => {
    expect(errorCodes(await getApp().client().gql(CREATE, { name: 'Nobody’s' }))).toEqual(['UNAUTHENTICATED']);
    expect(await getApp().prisma.workspace.count()).toBe(0);
  });

  it.each(['', '   ', 'x'.repeat(81)])('refuses the name %j (BAD_USER_INPUT)', async (name) => {
    const fixture = await rolesFixture(getApp());
    await expectRefused(fixture.clients.MEMBER, 'BAD_USER_INPUT', [CREATE, { name }]);
  });
});

describe('renameWorkspace', () => {
  it('lets an ADMIN rename the workspace (trimmed), up to 80 characters', async () => {
    const app = getApp();
    const fixture = await rolesFixture(app);
    expect((await fixture.clients.ADMIN.ok(RENAME, { name: '  Acme Ltd ' })).renameWorkspace.name).toBe('Acme Ltd');
    const longest = 'y'.repeat(80);
    expect((await fixture.clients.ADMIN.ok(RENAME, { name: longest, ws: fixture.workspaceGid })).renameWorkspace.name).toBe(longest);
    expect((await app.prisma.workspace.findUniqueOrThrow({ where: { id: fixture.workspaceId } })).name).toBe(longest);
  });

  it.each(['MEMBER', 'VIEWER'] as const)('refuses a %s (FORBIDDEN)', async (actor) => {
    const fixture = await rolesFixture(getApp());
    await expectRefused(fixture.clients[actor], 'FORBIDDEN', [RENAME, { name: 'Mine now' }]);
  });

  it.each(['', '    ', 'x'.repeat(81)])('refuses the name %j (BAD_USER_INPUT)', async (name) => {
    const fixture = await rolesFixture(getApp());
    await expectRefused(fixture.clients.OWNER, 'BAD_USER_INPUT', [RENAME, { name }]);
  });

  it('answers NOT_FOUND to an outsider renaming Acme by ID', async () => {
    const fixture = await rolesFixture(getApp());
    await expectRefused(fixture.clients.OUTSIDER, 'NOT_FOUND', [RENAME, { name: 'Pwned', ws: fixture.workspaceGid }]);
  });
});

describe('choosing the workspace', () => {
  it('reads the workspace from the argument, the header as a global ID, or the header as a raw UUID', async () => {
    const fixture = await rolesFixture(getApp());
    const { MEMBER } = fixture.clients;
    const expected = { workspace: { name: 'Acme', viewerRole: 'MEMBER' } };

    expect(await MEMBER.ok(WORKSPACE)).toEqual(expected);
    MEMBER.workspaceId = fixture.workspaceId.toUpperCase();
    expect(await MEMBER.ok(WORKSPACE)).toEqual(expected);
    MEMBER.workspaceId = null;
    expect(await MEMBER.ok(WORKSPACE, { id: fixture.workspaceGid })).toEqual(expected);
  });

  it('asks for a workspace (BAD_USER_INPUT) when neither argument nor header names one', async () => {
    const fixture = await rolesFixture(getApp());
    const { MEMBER } = fixture.clients;
    MEMBER.workspaceId = null;
    const result = await MEMBER.gql(WORKSPACE);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.data).toBeNull();
  });

  it('answers NOT_FOUND, never data, for a workspace the viewer does not belong to', async () => {
    const fixture = await rolesFixture(getApp());
    const { OUTSIDER, MEMBER } = fixture.clients;

    const byArgument = await OUTSIDER.gql(`query($id: ID) { workspace(id: $id) { name members { user { email } } } }`, { id: fixture.workspaceGid });
    expect(errorCodes(byArgument)).toEqual(['NOT_FOUND']);
    expect(byArgument.data).toBeNull();
    expect(JSON.stringify(byArgument)).not.toContain('Acme');

    OUTSIDER.workspaceId = fixture.workspaceGid;
    expect(errorCodes(await OUTSIDER.gql(WORKSPACE))).toEqual(['NOT_FOUND']);
    const elsewhere = await MEMBER.gql(WORKSPACE, { id: fixture.otherWorkspaceGid });
    expect(errorCodes(elsewhere)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(elsewhere)).not.toContain('Elsewhere');
  });

  it.each([
    ['garbage', 'not-a-workspace'],
    ['a global ID of another type', globalId('Membership', '00000000-0000-7000-8000-000000000000')],
    ['a workspace global ID around a non-UUID', globalId('Workspace', '42')],
    ['an unknown UUID', '00000000-0000-7000-8000-000000000000'],
  ])('refuses %s as the argument or header, without a server error', async (_label, id) => {
    const fixture = await rolesFixture(getApp());
    const { MEMBER } = fixture.clients;

    const byArgument = await MEMBER.gql(WORKSPACE, { id });
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(errorCodes(byArgument)[0]);
    expect(byArgument.errors).toHaveLength(1);
    expect(byArgument.data).toBeNull();

    MEMBER.workspaceId = id;
    const byHeader = await MEMBER.gql(WORKSPACE);
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(errorCodes(byHeader)[0]);
    expect(byHeader.errors).toHaveLength(1);
  });

  it('answers UNAUTHENTICATED to anyone signed out', async () => {
    const fixture = await rolesFixture(getApp());
    expect(errorCodes(await fixture.clients.ANONYMOUS.gql(WORKSPACE))).toEqual(['UNAUTHENTICATED']);
  });
});

import { describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/tokens.js';
import { globalId, rolesFixture, signUpThroughApi, tokenFromOutbox, verifiedUser } from '../../test/fixtures.js';
import { errorCodes, expectRefusals, useTestApp, type Attempt, type TestClient } from '../../test/test-app.js';

const getApp = useTestApp();

const INVITE = /* GraphQL */ `
  mutation Invite($email: String!, $role: Role!) {
    inviteMember(email: $email, role: $role) { id email role status }
  }
`;
const PREVIEW = `query($t: String!) { invitation(token: $t) { workspaceName email role inviterName } }`;
const ACCEPT = `mutation($t: String!) { acceptInvitation(token: $t) { role user { email } workspace { name } } }`;
const RESEND = `mutation($id: ID!) { resendInvitation(invitationId: $id) { id status } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(invitationId: $id) { id status } }`;
const PENDING = `{ workspace { invitations { email role status } } }`;

const COLLEAGUE = { name: 'Grace Hopper', email: 'grace@example.com', workspaceName: 'Mark I' };
const ACCEPT_PATH = '/invitations/accept';

/** An owner (Ada, workspace "Analytical Engines") who has invited Grace; returns the emailed token. */
async function ownerWithInvitation(role = 'MEMBER') {
  const app = getApp();
  const owner = await verifiedUser(app);
  const invited = await owner.client.ok<{ inviteMember: { id: string } }>(INVITE, { email: COLLEAGUE.email, role });
  const token = await tokenFromOutbox(app, COLLEAGUE.email, ACCEPT_PATH);
  return { owner, invitationId: invited.inviteMember.id, token };
}

async function workspaceNames(client: TestClient) {
  const data = await client.ok<{ me: { workspaces: { name: string; viewerRole: string }[] } }>(`{ me { workspaces { name viewerRole } } }`);
  return data.me.workspaces;
}

async function writes() {
  const prisma = getApp().prisma;
  const [invitations, memberships, emails] = await Promise.all([
    prisma.invitation.findMany({ orderBy: { createdAt: 'asc' } }),
    prisma.membership.findMany({ orderBy: { createdAt: 'asc' } }),
    prisma.outboxEmail.count({ where: { link: { contains: ACCEPT_PATH } } }),
  ]);
  return { invitations, memberships, emails };
}

const expectRefused = (client: TestClient, code: string, ...attempts: Attempt[]) => expectRefusals(writes, client, code, ...attempts);

describe('inviting and accepting, end to end', () => {
  it('lets an owner invite a colleague who signs up, previews and accepts the invitation', async () => {
    const app = getApp();
    const owner = await verifiedUser(app);

    const invited = await owner.client.ok(INVITE, { email: COLLEAGUE.email, role: 'MEMBER' });
    expect(invited.inviteMember).toMatchObject({ email: COLLEAGUE.email, role: 'MEMBER', status: 'PENDING' });

    const token = await tokenFromOutbox(app, COLLEAGUE.email, ACCEPT_PATH);
    const stored = await app.prisma.invitation.findFirstOrThrow();
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toBe(hashToken(token));
    const ada = await app.prisma.user.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
    expect(stored).toMatchObject({ email: COLLEAGUE.email, role: 'MEMBER', invitedById: ada.id, acceptedAt: null });

    const colleague = await verifiedUser(app, COLLEAGUE);
    const preview = await colleague.client.ok(PREVIEW, { t: token });
    expect(preview.invitation).toEqual({
      workspaceName: 'Analytical Engines',
      email: COLLEAGUE.email,
      role: 'MEMBER',
      inviterName: 'Ada Lovelace',
    });

    const accepted = await colleague.client.ok(ACCEPT, { t: token });
    expect(accepted.acceptInvitation).toEqual({ role: 'MEMBER', user: { email: COLLEAGUE.email }, workspace: { name: 'Analytical Engines' } });

    expect(await workspaceNames(colleague.client)).toEqual([
      { name: 'Mark I', viewerRole: 'OWNER' },
      { name: 'Analytical Engines', viewerRole: 'MEMBER' },
    ]);
    const members = await owner.client.ok(`{ workspace { members { role user { name email } } } }`);
    expect(members.workspace.members).toEqual([
      { role: 'OWNER', user: { name: 'Ada Lovelace', email: 'ada@example.com' } },
      { role: 'MEMBER', user: { name: 'Grace Hopper', email: COLLEAGUE.email } },
    ]);
    expect((await app.prisma.invitation.findFirstOrThrow()).acceptedAt).toBeInstanceOf(Date);
    expect((await owner.client.ok(PENDING)).workspace.invitations).toEqual([]);
  });

  it('normalises the invited address, so a differently written email still matches the account', async () => {
    const app = getApp();
    const owner = await verifiedUser(app);
    await owner.client.ok(INVITE, { email: '  Grace@Example.COM ', role: 'VIEWER' });
    const token = await tokenFromOutbox(app, COLLEAGUE.email, ACCEPT_PATH);

    const colleague = await verifiedUser(app, COLLEAGUE);
    expect((await colleague.client.ok(ACCEPT, { t: token })).acceptInvitation.role).toBe('VIEWER');
  });
});

describe('acceptInvitation refusals', () => {
  it('refuses a signed-in user with another email (FORBIDDEN) and leaves the invitation usable', async () => {
    const app = getApp();
    const { token } = await ownerWithInvitation();
    const stranger = await verifiedUser(app, { name: 'Eve Stranger', email: 'eve@example.com', workspaceName: 'Eve Co' });
    await expectRefused(stranger.client, 'FORBIDDEN', [ACCEPT, { t: token }]);

    const colleague = await verifiedUser(app, COLLEAGUE);
    expect((await colleague.client.ok(ACCEPT, { t: token })).acceptInvitation.role).toBe('MEMBER');
  });

  it('refuses a user whose email is not verified yet (FORBIDDEN)', async () => {
    const { token } = await ownerWithInvitation();
    const { client } = await signUpThroughApi(getApp(), COLLEAGUE);
    await expectRefused(client, 'FORBIDDEN', [ACCEPT, { t: token }]);
  });

  it('refuses anyone signed out (UNAUTHENTICATED), for the preview too', async () => {
    const { token } = await ownerWithInvitation();
    const anonymous = getApp().client();
    expect(errorCodes(await anonymous.gql(ACCEPT, { t: token }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await anonymous.gql(PREVIEW, { t: token }))).toEqual(['UNAUTHENTICATED']);
  });

  it('accepts a token once: reusing it is BAD_USER_INPUT', async () => {
    const { token } = await ownerWithInvitation();
    const colleague = await verifiedUser(getApp(), COLLEAGUE);
    await colleague.client.ok(ACCEPT, { t: token });
    await expectRefused(colleague.client, 'BAD_USER_INPUT', [ACCEPT, { t: token }], [PREVIEW, { t: token }]);
  });

  it('refuses an expired token with BAD_USER_INPUT and hides it from the pending list', async () => {
    const app = getApp();
    const { owner, token } = await ownerWithInvitation();
    await app.prisma.invitation.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const colleague = await verifiedUser(app, COLLEAGUE);
    await expectRefused(colleague.client, 'BAD_USER_INPUT', [PREVIEW, { t: token }], [ACCEPT, { t: token }]);
    expect((await owner.client.ok(PENDING)).workspace.invitations).toEqual([]);
  });

  it('refuses a token that was never issued with BAD_USER_INPUT', async () => {
    const colleague = await verifiedUser(getApp(), COLLEAGUE);
    const result = await colleague.client.gql(ACCEPT, { t: 'x'.repeat(40) });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(await getApp().prisma.membership.count()).toBe(1);
  });
});

describe('managing pending invitations', () => {
  it('lists pending invitations, newest first, without revoked or accepted ones', async () => {
    const app = getApp();
    const owner = await verifiedUser(app);
    await owner.client.ok(INVITE, { email: 'first@example.com', role: 'VIEWER' });
    await owner.client.ok(INVITE, { email: 'second@example.com', role: 'ADMIN' });
    const revoked = await owner.client.ok(INVITE, { email: 'revoked@example.com', role: 'MEMBER' });
    await owner.client.ok(REVOKE, { id: revoked.inviteMember.id });

    expect((await owner.client.ok(PENDING)).workspace.invitations).toEqual([
      { email: 'second@example.com', role: 'ADMIN', status: 'PENDING' },
      { email: 'first@example.com', role: 'VIEWER', status: 'PENDING' },
    ]);
  });

  it('shows who invited, and null rather than an error once the inviter has left', async () => {
    const { clients, users } = await rolesFixture(getApp());
    await clients.ADMIN.ok(INVITE, { email: 'new@example.com', role: 'MEMBER' });
    const query = `{ workspace { invitations { email invitedBy { name } } } }`;
    expect((await clients.OWNER.ok(query)).workspace.invitations).toEqual([{ email: 'new@example.com', invitedBy: { name: 'Admin Person' } }]);

    await clients.OWNER.ok(`mutation($id: ID!) { removeMember(memberId: $id) }`, { id: users.ADMIN.membershipGid });
    const after = await clients.OWNER.gql(query);
    expect(after.errors).toBeUndefined();
    expect(after.data?.workspace.invitations).toEqual([{ email: 'new@example.com', invitedBy: null }]);
  });

  it('revokes an invitation: its token stops working and a second revoke is BAD_USER_INPUT', async () => {
    const app = getApp();
    const { owner, invitationId, token } = await ownerWithInvitation();

    const revoked = await owner.client.ok(REVOKE, { id: invitationId });
    expect(revoked.revokeInvitation).toEqual({ id: invitationId, status: 'REVOKED' });
    expect((await app.prisma.invitation.findFirstOrThrow()).revokedAt).toBeInstanceOf(Date);

    const colleague = await verifiedUser(app, COLLEAGUE);
    expect(errorCodes(await colleague.client.gql(ACCEPT, { t: token }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await owner.client.gql(REVOKE, { id: invitationId }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await owner.client.gql(RESEND, { id: invitationId }))).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.membership.count({ where: { user: { email: COLLEAGUE.email } } })).toBe(1);
  });

  it('resends with a new token and a fresh expiry; the old token stops working', async () => {
    const app = getApp();
    const { owner, invitationId, token: oldToken } = await ownerWithInvitation();
    await app.prisma.invitation.updateMany({ data: { expiresAt: new Date(Date.now() + 60_000) } });
    const before = await app.prisma.invitation.findFirstOrThrow();

    const resent = await owner.client.ok(RESEND, { id: invitationId });
    expect(resent.resendInvitation).toEqual({ id: invitationId, status: 'PENDING' });
    const newToken = await tokenFromOutbox(app, COLLEAGUE.email, ACCEPT_PATH);
    expect(newToken).not.toBe(oldToken);
    const after = await app.prisma.invitation.findFirstOrThrow();
    expect(after.tokenHash).toBe(hashToken(newToken));
    expect(after.expiresAt.getTime()).toBeGreaterThan(before.expiresAt.getTime() + 6 * 24 * 3600_000);
    expect(await app.prisma.outboxEmail.count({ where: { to: COLLEAGUE.email } })).toBe(2);

    const colleague = await verifiedUser(app, COLLEAGUE);
    expect(errorCodes(await colleague.client.gql(ACCEPT, { t: oldToken }))).toEqual(['BAD_USER_INPUT']);
    expect((await colleague.client.ok(ACCEPT, { t: newToken })).acceptInvitation.role).toBe('MEMBER');
  });

  it('replaces a pending invitation when the same address is invited again', async () => {
    const app = getApp();
    const { owner, token: firstToken } = await ownerWithInvitation('VIEWER');
    await owner.client.ok(INVITE, { email: COLLEAGUE.email, role: 'ADMIN' });
    const secondToken = await tokenFromOutbox(app, COLLEAGUE.email, ACCEPT_PATH);

    expect((await owner.client.ok(PENDING)).workspace.invitations).toEqual([{ email: COLLEAGUE.email, role: 'ADMIN', status: 'PENDING' }]);
    const colleague = await verifiedUser(app, COLLEAGUE);
    expect(errorCodes(await colleague.client.gql(ACCEPT, { t: firstToken }))).toEqual(['BAD_USER_INPUT']);
    expect((await colleague.client.ok(ACCEPT, { t: secondToken })).acceptInvitation.role).toBe('ADMIN');
  });
});

describe('inviteMember refusals', () => {
  it('refuses to invite someone who is already a member (BAD_USER_INPUT), writing and sending nothing', async () => {
    const { owner } = await ownerWithInvitation();
    const colleague = await verifiedUser(getApp(), COLLEAGUE);
    await colleague.client.ok(ACCEPT, { t: await tokenFromOutbox(getApp(), COLLEAGUE.email, ACCEPT_PATH) });
    const before = await writes();

    const result = await owner.client.gql(INVITE, { email: 'GRACE@example.com', role: 'ADMIN' });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(await writes()).toEqual(before);
  });

  it.each(['not-an-email', 'grace@', '', 'a'.repeat(250) + '@example.com'])(
    'refuses the malformed email %j with BAD_USER_INPUT, writing and sending nothing',
    async (email) => {
      const owner = await verifiedUser(getApp());
      const before = await writes();
      const result = await owner.client.gql(INVITE, { email, role: 'MEMBER' });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.data).toBeNull();
      expect(await writes()).toEqual(before);
    },
  );

  it('refuses an owner whose email is not verified yet (FORBIDDEN)', async () => {
    const { client, result } = await signUpThroughApi(getApp());
    client.workspaceId = globalId('Workspace', (await getApp().prisma.workspace.findFirstOrThrow()).id);
    expect(result.errors).toBeUndefined();
    await expectRefused(client, 'FORBIDDEN', [INVITE, { email: COLLEAGUE.email, role: 'MEMBER' }]);
  });
});

describe('who may manage invitations', () => {
  it('lets an ADMIN invite up to ADMIN but not an OWNER (FORBIDDEN)', async () => {
    const app = getApp();
    const { clients } = await rolesFixture(app);

    expect((await clients.ADMIN.ok(INVITE, { email: 'a@example.com', role: 'ADMIN' })).inviteMember.role).toBe('ADMIN');
    await expectRefused(clients.ADMIN, 'FORBIDDEN', [INVITE, { email: 'o@example.com', role: 'OWNER' }]);
  });

  it('refuses an ADMIN resending or revoking an OWNER invitation (FORBIDDEN)', async () => {
    const { clients } = await rolesFixture(getApp());
    const { inviteMember } = await clients.OWNER.ok(INVITE, { email: 'co-owner@example.com', role: 'OWNER' });
    await expectRefused(clients.ADMIN, 'FORBIDDEN', [RESEND, { id: inviteMember.id }], [REVOKE, { id: inviteMember.id }]);
    expect((await clients.OWNER.ok(REVOKE, { id: inviteMember.id })).revokeInvitation.status).toBe('REVOKED');
  });

  it('lets an OWNER invite another OWNER', async () => {
    const { clients } = await rolesFixture(getApp());
    expect((await clients.OWNER.ok(INVITE, { email: 'co-owner@example.com', role: 'OWNER' })).inviteMember.role).toBe('OWNER');
  });

  it.each(['MEMBER', 'VIEWER'] as const)('refuses a %s any invitation (FORBIDDEN), even of a VIEWER', async (actor) => {
    const { clients } = await rolesFixture(getApp());
    await expectRefused(clients[actor], 'FORBIDDEN', [INVITE, { email: 'v@example.com', role: 'VIEWER' }]);
  });

  it.each(['MEMBER', 'VIEWER'] as const)('refuses a %s resending, revoking or listing invitations (FORBIDDEN)', async (actor) => {
    const { clients } = await rolesFixture(getApp());
    const { inviteMember } = await clients.ADMIN.ok(INVITE, { email: 'new@example.com', role: 'MEMBER' });
    await expectRefused(clients[actor], 'FORBIDDEN', [RESEND, { id: inviteMember.id }], [REVOKE, { id: inviteMember.id }], [PENDING]);
  });

  it('answers NOT_FOUND to an outsider resending or revoking another workspace’s invitation', async () => {
    const { clients } = await rolesFixture(getApp());
    const { inviteMember } = await clients.OWNER.ok(INVITE, { email: 'new@example.com', role: 'MEMBER' });
    await expectRefused(clients.OUTSIDER, 'NOT_FOUND', [RESEND, { id: inviteMember.id }], [REVOKE, { id: inviteMember.id }]);
  });

  it('answers NOT_FOUND to an invitation ID that is garbage or names another type', async () => {
    const { clients, users } = await rolesFixture(getApp());
    for (const id of ['garbage', users.MEMBER.membershipGid, globalId('Invitation', '00000000-0000-7000-8000-000000000000')]) {
      expect(errorCodes(await clients.OWNER.gql(REVOKE, { id }))).toEqual(['NOT_FOUND']);
    }
  });

  it('refuses an outsider inviting into a workspace they do not belong to (NOT_FOUND)', async () => {
    const { clients, workspaceGid } = await rolesFixture(getApp());
    const outsider = clients.OUTSIDER;
    outsider.workspaceId = workspaceGid;
    await expectRefused(outsider, 'NOT_FOUND', [INVITE, { email: 'spy@example.com', role: 'VIEWER' }]);
  });
});

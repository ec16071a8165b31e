import { generateSecretToken, hashToken } from '../../auth/tokens.js';
import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { as, byRole, gql, signedIn, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';

async function invitationFor(app: TestApp, f: RolesFixture, email: string) {
  const token = generateSecretToken();
  const invitation = await app.prisma.invitation.create({
    data: { workspaceId: f.workspaceId, email, role: 'MEMBER', tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 864e5) },
  });
  return { token, gid: globalId('Invitation', invitation.id) };
}

export const cases: MatrixCase[] = [
  { kind: 'query', field: 'workspace', run: gql(`{ workspace { name members { role user { name email } } } }`), expect: byRole('ok', 'ok', 'ok', 'ok') },
  { kind: 'query', field: 'workspace', run: gql(`{ workspace { invitations { email } } }`), expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN') },
  {
    kind: 'query',
    field: 'invitation',
    run: async (app, f, actor) =>
      as(f, actor).gql(`query($t: String!) { invitation(token: $t) { workspaceName role } }`, { t: (await invitationFor(app, f, 'new@example.com')).token }),
    expect: signedIn('ok'),
    keys: 'FORBIDDEN',
  },
  {
    kind: 'query',
    field: 'node',
    run: (_app, f, actor) => as(f, actor).gql(`query($id: ID!) { node(id: $id) { id ... on Workspace { name } } }`, { id: f.workspaceGid }),
    expect: byRole('ok', 'ok', 'ok', 'ok'),
  },
  {
    kind: 'query',
    field: 'nodes',
    run: (_app, f, actor) =>
      as(f, actor).gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Membership { role } } }`, { ids: [f.users.OWNER.membershipGid] }),
    expect: byRole('ok', 'ok', 'ok', 'ok'),
  },
  {
    kind: 'mutation',
    field: 'createWorkspace',
    run: gql(`mutation { createWorkspace(name: "Side project") { id } }`),
    expect: signedIn('ok'),
    keys: 'FORBIDDEN',
  },
  {
    kind: 'mutation',
    field: 'renameWorkspace',
    run: gql(`mutation { renameWorkspace(name: "Acme 2") { id } }`),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'setWorkspacePhoneCountry',
    run: gql(`mutation { setWorkspacePhoneCountry(country: "US") { defaultPhoneCountry } }`),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  { kind: 'mutation', field: 'leaveWorkspace', run: gql(`mutation { leaveWorkspace }`), expect: byRole('BAD_USER_INPUT', 'ok', 'ok', 'ok'), keys: 'FORBIDDEN' },
  {
    kind: 'mutation',
    field: 'transferOwnership',
    run: (_app, f, actor) => as(f, actor).gql(`mutation($m: ID!) { transferOwnership(memberId: $m) { id } }`, { m: f.users.MEMBER.membershipGid }),
    expect: byRole('ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'changeMemberRole',
    run: (_app, f, actor) =>
      as(f, actor).gql(`mutation($m: ID!) { changeMemberRole(memberId: $m, role: VIEWER) { role } }`, { m: f.users.MEMBER.membershipGid }),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'removeMember',
    run: (_app, f, actor) => as(f, actor).gql(`mutation($m: ID!) { removeMember(memberId: $m) }`, { m: f.users.VIEWER.membershipGid }),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'inviteMember',
    run: gql(`mutation { inviteMember(email: "new@example.com", role: MEMBER) { id } }`),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'resendInvitation',
    run: async (app, f, actor) =>
      as(f, actor).gql(`mutation($i: ID!) { resendInvitation(invitationId: $i) { id } }`, { i: (await invitationFor(app, f, 'new@example.com')).gid }),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'revokeInvitation',
    run: async (app, f, actor) =>
      as(f, actor).gql(`mutation($i: ID!) { revokeInvitation(invitationId: $i) { status } }`, { i: (await invitationFor(app, f, 'new@example.com')).gid }),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'acceptInvitation',
    run: async (app, f, actor) =>
      as(f, actor).gql(`mutation($t: String!) { acceptInvitation(token: $t) { role } }`, { t: (await invitationFor(app, f, 'outsider@example.com')).token }),
    expect: { OWNER: 'FORBIDDEN', ADMIN: 'FORBIDDEN', MEMBER: 'FORBIDDEN', VIEWER: 'FORBIDDEN', OUTSIDER: 'ok', ANONYMOUS: 'UNAUTHENTICATED' },
    keys: 'FORBIDDEN',
  },
];

// Runs every query and mutation as each role, an outsider (who swaps in the Acme workspace's IDs)
// and an anonymous caller, and checks exactly who is allowed.
import { describe, expect, it } from 'vitest';
import { generateSecretToken, hashToken } from './tokens.js';
import { schema } from '../schema.js';
import { globalId, rolesFixture, STRONG_PASSWORD, type Actor, type RolesFixture } from '../test/fixtures.js';
import { useTestApp, type GqlResult, type TestApp } from '../test/test-app.js';

const getApp = useTestApp();

type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';
type Matrix = Record<Actor, Outcome>;

interface Case {
  field: string;
  run: (app: TestApp, f: RolesFixture, actor: Actor) => Promise<GqlResult>;
  expect: Matrix;
}

const ACTORS: Actor[] = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER', 'OUTSIDER', 'ANONYMOUS'];
const everyone = (outcome: Outcome): Matrix => ({ OWNER: outcome, ADMIN: outcome, MEMBER: outcome, VIEWER: outcome, OUTSIDER: outcome, ANONYMOUS: outcome });
const signedIn = (outcome: Outcome): Matrix => ({ ...everyone(outcome), ANONYMOUS: 'UNAUTHENTICATED' });
const byRole = (owner: Outcome, admin: Outcome, member: Outcome, viewer: Outcome): Matrix => ({
  OWNER: owner, ADMIN: admin, MEMBER: member, VIEWER: viewer, OUTSIDER: 'NOT_FOUND', ANONYMOUS: 'UNAUTHENTICATED',
});

const as = (f: RolesFixture, actor: Actor) => f.clients[actor];
const gql = (query: string, variables: Record<string, unknown> = {}) => (_app: TestApp, f: RolesFixture, actor: Actor) =>
  as(f, actor).gql(query, variables);

async function invitationFor(app: TestApp, f: RolesFixture, email: string) {
  const token = generateSecretToken();
  const invitation = await app.prisma.invitation.create({
    data: { workspaceId: f.workspaceId, email, role: 'MEMBER', tokenHash: await hashToken(token), expiresAt: new Date(Date.now() + 864e5) },
  });
  return { token, gid: globalId('Invitation', invitation.id) };
}

async function authToken(app: TestApp, userId: string, purpose: 'EMAIL_VERIFICATION' | 'EMAIL_CHANGE' | 'PASSWORD_RESET', newEmail?: string) {
  const token = generateSecretToken();
  await app.prisma.authToken.create({
    data: { userId, purpose, newEmail, tokenHash: await hashToken(token), expiresAt: new Date(Date.now() + 864e5) },
  });
  return token;
}

const QUERIES: Case[] = [
  { field: 'me', run: gql(`{ me { id } }`), expect: everyone('ok') },
  { field: 'workspace', run: gql(`{ workspace { name members { role user { name email } } } }`), expect: byRole('ok', 'ok', 'ok', 'ok') },
  { field: 'workspace', run: gql(`{ workspace { invitations { email } } }`), expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN') },
  {
    field: 'invitation',
    run: async (app, f, actor) => as(f, actor).gql(`query($t: String!) { invitation(token: $t) { workspaceName role } }`, { t: (await invitationFor(app, f, 'new@example.com')).token }),
    expect: signedIn('ok'),
  },
  {
    field: 'node',
    run: (_app, f, actor) => as(f, actor).gql(`query($id: ID!) { node(id: $id) { id ... on Workspace { name } } }`, { id: f.workspaceGid }),
    expect: byRole('ok', 'ok', 'ok', 'ok'),
  },
  {
    field: 'nodes',
    run: (_app, f, actor) => as(f, actor).gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Membership { role } } }`, { ids: [f.users.OWNER.membershipGid] }),
    expect: byRole('ok', 'ok', 'ok', 'ok'),
  },
];

const MUTATIONS: Case[] = [
  {
    field: 'signUp',
    run: gql(`mutation($i: SignUpInput!) { signUp(input: $i) { id } }`, {
      i: { name: 'New Person', email: 'new@example.com', password: STRONG_PASSWORD, workspaceName: 'New', confirmAge16OrOlder: true },
    }),
    expect: everyone('ok'),
  },
  { field: 'signIn', run: gql(`mutation($p: String!) { signIn(email: "owner@example.com", password: $p) { id } }`, { p: STRONG_PASSWORD }), expect: everyone('ok') },
  { field: 'signOut', run: gql(`mutation { signOut }`), expect: everyone('ok') },
  { field: 'signOutEverywhere', run: gql(`mutation { signOutEverywhere }`), expect: signedIn('ok') },
  {
    field: 'revokeSession',
    run: async (app, f, actor) => {
      const userId = f.users[actor === 'ANONYMOUS' ? 'OWNER' : actor].id;
      const other = await app.services.auth.createSession(userId, { ipAddress: null, userAgent: null });
      return as(f, actor).gql(`mutation($id: ID!) { revokeSession(sessionId: $id) }`, { id: await hashToken(other.id) });
    },
    expect: signedIn('ok'),
  },
  {
    field: 'verifyEmail',
    run: async (app, f, actor) => as(f, actor).gql(`mutation($t: String!) { verifyEmail(token: $t) { id } }`, { t: await authToken(app, f.users.OWNER.id, 'EMAIL_VERIFICATION') }),
    expect: everyone('ok'),
  },
  { field: 'resendVerificationEmail', run: gql(`mutation { resendVerificationEmail }`), expect: signedIn('BAD_USER_INPUT') },
  {
    field: 'requestEmailChange',
    run: gql(`mutation($p: String!) { requestEmailChange(newEmail: "fresh@example.com", password: $p) }`, { p: STRONG_PASSWORD }),
    expect: signedIn('ok'),
  },
  {
    field: 'confirmEmailChange',
    run: async (app, f, actor) => as(f, actor).gql(`mutation($t: String!) { confirmEmailChange(token: $t) { id } }`, { t: await authToken(app, f.users.MEMBER.id, 'EMAIL_CHANGE', 'fresh@example.com') }),
    expect: everyone('ok'),
  },
  { field: 'requestPasswordReset', run: gql(`mutation { requestPasswordReset(email: "owner@example.com") }`), expect: everyone('ok') },
  {
    field: 'resetPassword',
    run: async (app, f, actor) =>
      as(f, actor).gql(`mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`, {
        t: await authToken(app, f.users.VIEWER.id, 'PASSWORD_RESET'),
        p: 'an entirely new passphrase 9',
      }),
    expect: everyone('ok'),
  },
  {
    field: 'changePassword',
    run: gql(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`, { c: STRONG_PASSWORD, n: 'an entirely new passphrase 9' }),
    expect: signedIn('ok'),
  },
  { field: 'updatePreferences', run: gql(`mutation { updatePreferences(input: { theme: DARK }) { id } }`), expect: signedIn('ok') },
  { field: 'updateProfile', run: gql(`mutation { updateProfile(name: "Renamed") { id } }`), expect: signedIn('ok') },
  { field: 'createWorkspace', run: gql(`mutation { createWorkspace(name: "Side project") { id } }`), expect: signedIn('ok') },
  { field: 'renameWorkspace', run: gql(`mutation { renameWorkspace(name: "Acme 2") { id } }`), expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN') },
  { field: 'leaveWorkspace', run: gql(`mutation { leaveWorkspace }`), expect: byRole('BAD_USER_INPUT', 'ok', 'ok', 'ok') },
  {
    field: 'transferOwnership',
    run: (_app, f, actor) => as(f, actor).gql(`mutation($m: ID!) { transferOwnership(memberId: $m) { id } }`, { m: f.users.MEMBER.membershipGid }),
    expect: byRole('ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    field: 'changeMemberRole',
    run: (_app, f, actor) => as(f, actor).gql(`mutation($m: ID!) { changeMemberRole(memberId: $m, role: VIEWER) { role } }`, { m: f.users.MEMBER.membershipGid }),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    field: 'removeMember',
    run: (_app, f, actor) => as(f, actor).gql(`mutation($m: ID!) { removeMember(memberId: $m) }`, { m: f.users.VIEWER.membershipGid }),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  { field: 'inviteMember', run: gql(`mutation { inviteMember(email: "new@example.com", role: MEMBER) { id } }`), expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN') },
  {
    field: 'resendInvitation',
    run: async (app, f, actor) => as(f, actor).gql(`mutation($i: ID!) { resendInvitation(invitationId: $i) { id } }`, { i: (await invitationFor(app, f, 'new@example.com')).gid }),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    field: 'revokeInvitation',
    run: async (app, f, actor) => as(f, actor).gql(`mutation($i: ID!) { revokeInvitation(invitationId: $i) { status } }`, { i: (await invitationFor(app, f, 'new@example.com')).gid }),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    field: 'acceptInvitation',
    run: async (app, f, actor) => as(f, actor).gql(`mutation($t: String!) { acceptInvitation(token: $t) { role } }`, { t: (await invitationFor(app, f, 'outsider@example.com')).token }),
    expect: { OWNER: 'FORBIDDEN', ADMIN: 'FORBIDDEN', MEMBER: 'FORBIDDEN', VIEWER: 'FORBIDDEN', OUTSIDER: 'ok', ANONYMOUS: 'UNAUTHENTICATED' },
  },
];

function outcomeOf(result: GqlResult): Outcome | string {
  if (!result.errors?.length) return 'ok';
  return String(result.errors[0]?.extensions?.code);
}

async function freshFixture(app: TestApp) {
  const f = await rolesFixture(app);
  // The outsider swaps in the Acme workspace: every such ID must read as NOT_FOUND.
  f.clients.OUTSIDER.workspaceId = f.workspaceGid;
  return f;
}

describe('role matrix', () => {
  it('covers every root query and mutation field', () => {
    const covered = new Set([...QUERIES, ...MUTATIONS].map((c) => c.field));
    const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    expect(fields.filter((f) => !covered.has(f))).toEqual([]);
  });

  describe.each(QUERIES.map((c, i) => [`${c.field} #${i}`, c] as const))('query %s', (_name, testCase) => {
    it('allows exactly the expected actors', async () => {
      const app = getApp();
      const f = await freshFixture(app);
      const outcomes: Record<string, string> = {};
      for (const actor of ACTORS) outcomes[actor] = outcomeOf(await testCase.run(app, f, actor));
      expect(outcomes).toEqual(testCase.expect);
    });
  });

  describe.each(MUTATIONS.map((c) => [c.field, c] as const))('mutation %s', (_name, testCase) => {
    it.each(ACTORS)('as %s', async (actor) => {
      const app = getApp();
      const f = await freshFixture(app);
      const result = await testCase.run(app, f, actor);
      expect({ actor, outcome: outcomeOf(result), errors: result.errors?.map((e) => e.message) }).toMatchObject({
        actor,
        outcome: testCase.expect[actor],
      });
    });
  });
});

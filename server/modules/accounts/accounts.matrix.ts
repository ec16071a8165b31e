import { generateSecretToken, hashToken } from '../../auth/tokens.js';
import { STRONG_PASSWORD } from '../../test/fixtures.js';
import { as, everyone, gql, signedIn, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';

async function authToken(app: TestApp, userId: string, purpose: 'EMAIL_VERIFICATION' | 'EMAIL_CHANGE' | 'PASSWORD_RESET', newEmail?: string) {
  const token = generateSecretToken();
  await app.prisma.authToken.create({
    data: { userId, purpose, newEmail, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 864e5) },
  });
  return token;
}

export const cases: MatrixCase[] = [
  { kind: 'query', field: 'me', run: gql(`{ me { id } }`), expect: everyone('ok') },
  {
    kind: 'mutation',
    field: 'signUp',
    run: gql(`mutation($i: SignUpInput!) { signUp(input: $i) { id } }`, {
      i: { name: 'New Person', email: 'new@example.com', password: STRONG_PASSWORD, workspaceName: 'New', confirmAge16OrOlder: true },
    }),
    expect: everyone('ok'),
  },
  {
    kind: 'mutation',
    field: 'signIn',
    run: gql(`mutation($p: String!) { signIn(email: "owner@example.com", password: $p) { id } }`, { p: STRONG_PASSWORD }),
    expect: everyone('ok'),
  },
  { kind: 'mutation', field: 'signOut', run: gql(`mutation { signOut }`), expect: everyone('ok') },
  { kind: 'mutation', field: 'signOutEverywhere', run: gql(`mutation { signOutEverywhere }`), expect: signedIn('ok'), keys: 'FORBIDDEN' },
  {
    kind: 'mutation',
    field: 'revokeSession',
    run: async (app, f, actor) => {
      const userId = f.users[actor === 'ANONYMOUS' ? 'OWNER' : actor].id;
      const other = await app.services.auth.createSession(userId, { ipAddress: null, userAgent: null });
      return as(f, actor).gql(`mutation($id: ID!) { revokeSession(sessionId: $id) }`, { id: hashToken(other.id) });
    },
    expect: signedIn('ok'),
    keys: 'FORBIDDEN',
  },
  {
    kind: 'mutation',
    field: 'verifyEmail',
    run: async (app, f, actor) =>
      as(f, actor).gql(`mutation($t: String!) { verifyEmail(token: $t) { id } }`, { t: await authToken(app, f.users.OWNER.id, 'EMAIL_VERIFICATION') }),
    expect: everyone('ok'),
  },
  {
    kind: 'mutation',
    field: 'resendVerificationEmail',
    run: gql(`mutation { resendVerificationEmail }`),
    expect: signedIn('BAD_USER_INPUT'),
    keys: 'FORBIDDEN',
  },
  {
    kind: 'mutation',
    field: 'requestEmailChange',
    run: gql(`mutation($p: String!) { requestEmailChange(newEmail: "fresh@example.com", password: $p) }`, { p: STRONG_PASSWORD }),
    expect: signedIn('ok'),
    keys: 'FORBIDDEN',
  },
  {
    kind: 'mutation',
    field: 'confirmEmailChange',
    run: async (app, f, actor) =>
      as(f, actor).gql(`mutation($t: String!) { confirmEmailChange(token: $t) { id } }`, {
        t: await authToken(app, f.users.MEMBER.id, 'EMAIL_CHANGE', 'fresh@example.com'),
      }),
    expect: everyone('ok'),
  },
  { kind: 'mutation', field: 'requestPasswordReset', run: gql(`mutation { requestPasswordReset(email: "owner@example.com") }`), expect: everyone('ok') },
  {
    kind: 'mutation',
    field: 'resetPassword',
    run: async (app, f, actor) =>
      as(f, actor).gql(`mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`, {
        t: await authToken(app, f.users.VIEWER.id, 'PASSWORD_RESET'),
        p: 'an entirely new passphrase 9',
      }),
    expect: everyone('ok'),
  },
  {
    kind: 'mutation',
    field: 'changePassword',
    run: gql(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`, {
      c: STRONG_PASSWORD,
      n: 'an entirely new passphrase 9',
    }),
    expect: signedIn('ok'),
    keys: 'FORBIDDEN',
  },
  {
    kind: 'mutation',
    field: 'updatePreferences',
    run: gql(`mutation { updatePreferences(input: { theme: DARK }) { id } }`),
    expect: signedIn('ok'),
    keys: 'FORBIDDEN',
  },
  { kind: 'mutation', field: 'updateProfile', run: gql(`mutation { updateProfile(name: "Renamed") { id } }`), expect: signedIn('ok'), keys: 'FORBIDDEN' },
];

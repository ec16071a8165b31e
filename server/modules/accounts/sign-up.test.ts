import { describe, expect, it } from 'vitest';
import { errorCodes, expectBadInput, useTestApp } from '../../test/test-app.js';
import { signUpThroughApi, tokenFromOutbox } from '../../test/fixtures.js';

const getApp = useTestApp();

async function tableCounts() {
  const app = getApp();
  const [users, workspaces, memberships] = await Promise.all([app.prisma.user.count(), app.prisma.workspace.count(), app.prisma.membership.count()]);
  return { users, workspaces, memberships };
}

describe('signUp', () => {
  it('creates the user, their workspace and an OWNER membership, and signs them in', async () => {
    const { client, result } = await signUpThroughApi(getApp());
    expect(result.errors).toBeUndefined();
    expect(result.data?.signUp).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', emailVerified: false });

    const me = await client.ok(`{ me { email workspaces { name viewerRole members { role user { name } } } } }`);
    expect(me.me.workspaces).toEqual([{ name: 'Analytical Engines', viewerRole: 'OWNER', members: [{ role: 'OWNER', user: { name: 'Ada Lovelace' } }] }]);
  });

  it('stores the password as an Argon2id hash and never the birth date', async () => {
    await signUpThroughApi(getApp(), { birthDate: '1990-05-01', confirmAge16OrOlder: null });
    const user = await getApp().prisma.user.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(user)).not.toContain('1990');
  });

  it('sends a verification link that works once', async () => {
    const app = getApp();
    const { client } = await signUpThroughApi(app);
    const token = await tokenFromOutbox(app, 'ada@example.com', '/verify-email');
    const stored = await app.prisma.authToken.findFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);

    const verify = `mutation($t: String!) { verifyEmail(token: $t) { emailVerified } }`;
    expect((await client.ok(verify, { t: token })).verifyEmail.emailVerified).toBe(true);
    expect(errorCodes(await client.gql(verify, { t: token }))).toEqual(['BAD_USER_INPUT']);
  });

  it.each([
    ['someone under 16', { birthDate: new Date(Date.now() - 15 * 365.25 * 864e5).toISOString().slice(0, 10), confirmAge16OrOlder: null }, 'birthDate'],
    ['no age evidence', { confirmAge16OrOlder: null }, 'confirmAge16OrOlder'],
    ['an age confirmation of false', { confirmAge16OrOlder: false }, 'confirmAge16OrOlder'],
    ['a malformed email', { email: 'not-an-email' }, 'input.email'],
    ['a short password', { password: 'Sh0rt!' }, 'password'],
    ['a common password', { password: 'password1234' }, 'password'],
    ['a password made of the user name', { password: 'adalovelace1' }, 'password'],
    ['an oversize name', { name: 'x'.repeat(101) }, 'input.name'],
    ['an empty workspace name', { workspaceName: '   ' }, 'input.workspaceName'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_label, overrides, field) => {
    const { result } = await signUpThroughApi(getApp(), overrides);
    expectBadInput(result, field);
    expect(await tableCounts()).toEqual({ users: 0, workspaces: 0, memberships: 0 });
  });

  it('refuses a duplicate email, whatever its case, and writes nothing', async () => {
    await signUpThroughApi(getApp());
    const { result } = await signUpThroughApi(getApp(), { email: ' ADA@Example.com ', workspaceName: 'Second' });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/already exists/);
    expect(await tableCounts()).toEqual({ users: 1, workspaces: 1, memberships: 1 });
  });
});

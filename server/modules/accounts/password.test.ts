import { describe, expect, it, vi } from 'vitest';
import { STRONG_PASSWORD, signUpThroughApi, tokenFromOutbox } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type TestApp, type TestClient } from '../../test/test-app.js';

const getApp = useTestApp();

const NEW_PASSWORD = 'copper kettles hum 9 distant tunes';
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }`;
const CHANGE = `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`;
const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }`;
const ME = `{ me { email } }`;

async function signIn(app: TestApp, password: string, ip?: string): Promise<{ client: TestClient; codes: (string | undefined)[] }> {
  const client = app.client({ ip });
  const result = await client.gql(SIGN_IN, { email: 'ada@example.com', password });
  return { client, codes: errorCodes(result) };
}

async function signedIn(app: TestApp): Promise<TestClient> {
  const { client, codes } = await signIn(app, STRONG_PASSWORD);
  expect(codes).toEqual([]);
  return client;
}

async function resetToken(app: TestApp, email = 'ada@example.com'): Promise<string> {
  await app.client().ok(REQUEST_RESET, { email });
  return tokenFromOutbox(app, email, '/reset-password');
}

/** The old password no longer signs in; the new one does. */
async function expectPasswordChanged(app: TestApp) {
  expect((await signIn(app, STRONG_PASSWORD)).codes).toEqual(['BAD_USER_INPUT']);
  expect((await signIn(app, NEW_PASSWORD)).codes).toEqual([]);
}

describe('requestPasswordReset', () => {
  it('answers true and emails a one-hour reset link to a real account', async () => {
    const app = getApp();
    await signUpThroughApi(app);

    expect(await app.client().ok(REQUEST_RESET, { email: ' ADA@Example.com ' })).toEqual({ requestPasswordReset: true });

    const email = await app.prisma.outboxEmail.findFirstOrThrow({ where: { subject: 'Reset your Kith password' } });
    expect(email.to).toBe('ada@example.com');
    expect(email.link).toMatch(/^http:\/\/localhost:4000\/reset-password\?token=[A-Za-z0-9]{40}$/);
    expect(email.text).toContain(email.link);
    const token = await app.prisma.authToken.findFirstOrThrow({ where: { purpose: 'PASSWORD_RESET' } });
    expect(token.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60 * 1000);
    expect(token.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);
  });

  it('answers true for an unknown email too, and sends nothing', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    const emailsBefore = await app.prisma.outboxEmail.count();

    expect(await app.client().ok(REQUEST_RESET, { email: 'nobody@example.com' })).toEqual({ requestPasswordReset: true });

    expect(await app.prisma.outboxEmail.count()).toBe(emailsBefore);
    expect(await app.prisma.authToken.count({ where: { purpose: 'PASSWORD_RESET' } })).toBe(0);
  });

  it('limits reset emails to one address, whatever the IP, and refuses known and unknown alike', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    for (const email of ['ada@example.com', 'nobody@example.com']) {
      for (let i = 0; i < 5; i++) expect(await app.client({ ip: `198.51.100.${i}` }).ok(REQUEST_RESET, { email })).toEqual({ requestPasswordReset: true });
      expect(errorCodes(await app.client({ ip: '198.51.100.99' }).gql(REQUEST_RESET, { email }))).toEqual(['RATE_LIMITED']);
    }
    expect(await app.prisma.outboxEmail.count({ where: { to: 'ada@example.com', subject: 'Reset your Kith password' } })).toBe(5);
  });

  it('retires the earlier link when a new one is sent', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    const first = await resetToken(app);
    const second = await resetToken(app);

    expect(errorCodes(await app.client().gql(RESET, { token: first, newPassword: NEW_PASSWORD }))).toEqual(['BAD_USER_INPUT']);
    expect(await app.client().ok(RESET, { token: second, newPassword: NEW_PASSWORD })).toEqual({ resetPassword: true });
  });
});

describe('resetPassword', () => {
  it('sets the new password and signs out every session, the caller’s included', async () => {
    const app = getApp();
    const { client: caller } = await signUpThroughApi(app);
    const laptop = await signedIn(app);
    const token = await resetToken(app);

    expect(await caller.ok(RESET, { token, newPassword: NEW_PASSWORD })).toEqual({ resetPassword: true });

    expect(caller.cookie).toBeNull();
    expect(await laptop.ok(ME)).toEqual({ me: null });
    expect(await app.prisma.session.count()).toBe(0);
    await expectPasswordChanged(app);
  });

  it('verifies the email address, since the link proved it', async () => {
    const app = getApp();
    const { client } = await signUpThroughApi(app);
    await client.ok(RESET, { token: await resetToken(app), newPassword: NEW_PASSWORD });

    const signedInAgain = (await signIn(app, NEW_PASSWORD)).client;
    expect(await signedInAgain.ok(`{ me { emailVerified } }`)).toEqual({ me: { emailVerified: true } });
  });

  it('accepts a link only once', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    const token = await resetToken(app);
    await app.client().ok(RESET, { token, newPassword: NEW_PASSWORD });

    const reuse = await app.client().gql(RESET, { token, newPassword: 'another fine 42 password for tests' });
    expect(errorCodes(reuse)).toEqual(['BAD_USER_INPUT']);
    expect(reuse.errors![0]!.extensions!.field).toBe('token');
    expect((await signIn(app, NEW_PASSWORD)).codes).toEqual([]);
  });

  it('refuses an expired link and keeps the old password', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    const token = await resetToken(app);
    await app.prisma.authToken.updateMany({ where: { purpose: 'PASSWORD_RESET' }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(errorCodes(await app.client().gql(RESET, { token, newPassword: NEW_PASSWORD }))).toEqual(['BAD_USER_INPUT']);
    expect((await signIn(app, STRONG_PASSWORD)).codes).toEqual([]);
  });

  it('checks the link before spending an Argon2 hash on the new password', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    const hash = vi.spyOn(app.services.passwords, 'hash');

    const result = await app.client().gql(RESET, { token: 'a-guessed-token', newPassword: NEW_PASSWORD });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(hash).not.toHaveBeenCalled();
  });

  it('refuses a token made for another purpose', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    const verification = await tokenFromOutbox(app, 'ada@example.com', '/verify-email');

    expect(errorCodes(await app.client().gql(RESET, { token: verification, newPassword: NEW_PASSWORD }))).toEqual(['BAD_USER_INPUT']);
    expect((await signIn(app, STRONG_PASSWORD)).codes).toEqual([]);
  });

  it('refuses a weak new password, leaving the link usable, the old password working and sessions alive', async () => {
    const app = getApp();
    const { client } = await signUpThroughApi(app);
    const token = await resetToken(app);

    const weak = await app.client().gql(RESET, { token, newPassword: 'password1234' });
    expect(errorCodes(weak)).toEqual(['BAD_USER_INPUT']);
    expect(weak.errors![0]!.extensions!.field).toBe('newPassword');
    expect(await client.ok(ME)).toEqual({ me: { email: 'ada@example.com' } });
    expect((await signIn(app, STRONG_PASSWORD)).codes).toEqual([]);

    expect(await app.client().ok(RESET, { token, newPassword: NEW_PASSWORD })).toEqual({ resetPassword: true });
    expect((await signIn(app, NEW_PASSWORD)).codes).toEqual([]);
  });
});

describe('changePassword', () => {
  it('signs out the other sessions but keeps the caller signed in on a fresh session', async () => {
    const app = getApp();
    const { client: laptop } = await signUpThroughApi(app);
    const phone = await signedIn(app);
    const phoneCookieBefore = phone.cookie;

    expect(await phone.ok(CHANGE, { current: STRONG_PASSWORD, next: NEW_PASSWORD })).toEqual({ changePassword: true });

    expect(await laptop.ok(ME)).toEqual({ me: null });
    expect(await phone.ok(ME)).toEqual({ me: { email: 'ada@example.com' } });
    expect(phone.cookie).not.toBe(phoneCookieBefore);
    const replay = app.client();
    replay.cookie = phoneCookieBefore;
    expect(await replay.ok(ME)).toEqual({ me: null });
    expect(await app.prisma.session.count()).toBe(1);
    await expectPasswordChanged(app);
  });

  it('requires the current password', async () => {
    const app = getApp();
    const { client: laptop } = await signUpThroughApi(app);
    const phone = await signedIn(app);

    const result = await phone.gql(CHANGE, { current: 'a wrong guess at it', next: NEW_PASSWORD });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe('currentPassword');
    expect(await laptop.ok(ME)).toEqual({ me: { email: 'ada@example.com' } });
    expect((await signIn(app, STRONG_PASSWORD)).codes).toEqual([]);
  });

  it.each([
    ['too short', 'Sh0rt!'],
    ['common', 'password1234'],
    ['made of the user’s own name', 'adalovelace1'],
  ])('refuses a %s new password', async (_label, weak) => {
    const app = getApp();
    const { client } = await signUpThroughApi(app);

    const result = await client.gql(CHANGE, { current: STRONG_PASSWORD, next: weak });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe('newPassword');
    expect((await signIn(app, STRONG_PASSWORD)).codes).toEqual([]);
  });

  it('counts wrong current passwords against the account’s sign-in budget, so a stolen session cannot guess freely', async () => {
    const app = getApp();
    const { client } = await signUpThroughApi(app);
    for (let i = 0; i < 10; i++) {
      expect(errorCodes(await client.gql(CHANGE, { current: `guess ${i}`, next: NEW_PASSWORD }))).toEqual(['BAD_USER_INPUT']);
    }

    expect(errorCodes(await client.gql(CHANGE, { current: STRONG_PASSWORD, next: NEW_PASSWORD }))).toEqual(['RATE_LIMITED']);
    expect((await signIn(app, STRONG_PASSWORD, '192.0.2.44')).codes).toEqual(['RATE_LIMITED']);
  });

  it('needs a session', async () => {
    await signUpThroughApi(getApp());
    const result = await getApp().client().gql(CHANGE, { current: STRONG_PASSWORD, next: NEW_PASSWORD });
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });
});

import { describe, expect, it } from 'vitest';
import { STRONG_PASSWORD, signUpThroughApi, tokenFromOutbox, verifiedUser } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type TestApp } from '../../test/test-app.js';

const getApp = useTestApp();

const RESEND = `mutation { resendVerificationEmail }`;
const VERIFY = `mutation($t: String!) { verifyEmail(token: $t) { emailVerified } }`;
const REQUEST_CHANGE = `mutation($newEmail: String!, $password: String!) { requestEmailChange(newEmail: $newEmail, password: $password) }`;
const CONFIRM_CHANGE = `mutation($t: String!) { confirmEmailChange(token: $t) { email emailVerified } }`;
const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }`;
const ME = `{ me { email emailVerified } }`;

async function canSignInAs(app: TestApp, email: string, password = STRONG_PASSWORD) {
  const result = await app.client().gql(SIGN_IN, { email, password });
  return errorCodes(result).length === 0;
}

function emailsTo(app: TestApp, to: string) {
  return app.prisma.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: 'asc' } });
}

/** A verified Ada who asked to move to ada@new.example; returns her client and the emailed token. */
async function pendingEmailChange(app: TestApp) {
  const { client } = await verifiedUser(app);
  await client.ok(REQUEST_CHANGE, { newEmail: 'ada@new.example', password: STRONG_PASSWORD });
  return { client, token: await tokenFromOutbox(app, 'ada@new.example', '/confirm-email') };
}

describe('resendVerificationEmail', () => {
  it('sends a fresh verification link and retires the earlier one', async () => {
    const app = getApp();
    const { client } = await signUpThroughApi(app);
    const first = await tokenFromOutbox(app, 'ada@example.com', '/verify-email');

    expect(await client.ok(RESEND)).toEqual({ resendVerificationEmail: true });

    const second = await tokenFromOutbox(app, 'ada@example.com', '/verify-email');
    expect(second).not.toBe(first);
    expect(errorCodes(await client.gql(VERIFY, { t: first }))).toEqual(['BAD_USER_INPUT']);
    expect(await client.ok(VERIFY, { t: second })).toEqual({ verifyEmail: { emailVerified: true } });
  });

  it('is refused once the address is verified', async () => {
    const app = getApp();
    const { client } = await verifiedUser(app);
    const emailsBefore = await app.prisma.outboxEmail.count();

    const result = await client.gql(RESEND);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(/already verified/);
    expect(await app.prisma.outboxEmail.count()).toBe(emailsBefore);
  });

  it('is limited to five emails an hour', async () => {
    const { client } = await signUpThroughApi(getApp());
    for (let i = 0; i < 5; i++) expect(await client.ok(RESEND)).toEqual({ resendVerificationEmail: true });
    expect(errorCodes(await client.gql(RESEND))).toEqual(['RATE_LIMITED']);
  });

  it('needs a session', async () => {
    expect(errorCodes(await getApp().client().gql(RESEND))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('requestEmailChange', () => {
  it('sends a confirmation link to the new address and a notice to the old one, changing nothing yet', async () => {
    const app = getApp();
    const { client } = await verifiedUser(app);

    expect(await client.ok(REQUEST_CHANGE, { newEmail: ' Ada@New.Example ', password: STRONG_PASSWORD })).toEqual({ requestEmailChange: true });

    const [confirmation] = await emailsTo(app, 'ada@new.example');
    expect(confirmation).toMatchObject({ subject: 'Confirm your new email for Kith' });
    expect(confirmation!.link).toMatch(/^http:\/\/localhost:4000\/confirm-email\?token=[A-Za-z0-9]{40}$/);
    expect(confirmation!.text).toContain(confirmation!.link);
    const notice = (await emailsTo(app, 'ada@example.com')).at(-1)!;
    expect(notice).toMatchObject({ subject: 'Your Kith email is changing', link: null });
    expect(notice.text).toContain('ada@new.example');
    expect(await client.ok(ME)).toEqual({ me: { email: 'ada@example.com', emailVerified: true } });
  });

  it('requires the password', async () => {
    const app = getApp();
    const { client } = await verifiedUser(app);
    const emailsBefore = await app.prisma.outboxEmail.count();

    const result = await client.gql(REQUEST_CHANGE, { newEmail: 'ada@new.example', password: 'not my password at all' });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe('password');
    expect(await app.prisma.outboxEmail.count()).toBe(emailsBefore);
    expect(await app.prisma.authToken.count({ where: { purpose: 'EMAIL_CHANGE' } })).toBe(0);
  });

  it.each([
    ['an address another account uses', 'GRACE@example.com', /Another account/],
    ['the current address', 'ada@example.com', /already your email/],
    ['a malformed address', 'not-an-email', /valid email/],
  ])('refuses %s', async (_label, newEmail, message) => {
    const app = getApp();
    await signUpThroughApi(app, { email: 'grace@example.com', name: 'Grace Hopper' });
    const { client } = await verifiedUser(app);
    const emailsBefore = await app.prisma.outboxEmail.count();

    const result = await client.gql(REQUEST_CHANGE, { newEmail, password: STRONG_PASSWORD });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe('newEmail');
    expect(result.errors![0]!.message).toMatch(message);
    expect(await app.prisma.outboxEmail.count()).toBe(emailsBefore);
  });

  it('counts wrong passwords against the account’s sign-in budget', async () => {
    const { client } = await verifiedUser(getApp());
    for (let i = 0; i < 10; i++) {
      expect(errorCodes(await client.gql(REQUEST_CHANGE, { newEmail: 'ada@new.example', password: `guess ${i}` }))).toEqual(['BAD_USER_INPUT']);
    }
    expect(errorCodes(await client.gql(REQUEST_CHANGE, { newEmail: 'ada@new.example', password: STRONG_PASSWORD }))).toEqual(['RATE_LIMITED']);
  });

  it('needs a session', async () => {
    const result = await getApp().client().gql(REQUEST_CHANGE, { newEmail: 'ada@new.example', password: STRONG_PASSWORD });
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('confirmEmailChange', () => {
  it('switches the email and marks it verified, and the old address no longer signs in', async () => {
    const app = getApp();
    const { client, token } = await pendingEmailChange(app);

    expect(await client.ok(CONFIRM_CHANGE, { t: token })).toEqual({ confirmEmailChange: { email: 'ada@new.example', emailVerified: true } });

    expect(await canSignInAs(app, 'ada@new.example')).toBe(true);
    expect(await canSignInAs(app, 'ada@example.com')).toBe(false);
  });

  it('works from a signed-out browser too, but shows the account only to its owner', async () => {
    const app = getApp();
    const { client, token } = await pendingEmailChange(app);

    expect(await app.client().gql(CONFIRM_CHANGE, { t: token })).toEqual({ data: { confirmEmailChange: null } });
    expect(await client.ok(ME)).toEqual({ me: { email: 'ada@new.example', emailVerified: true } });
  });

  it('retires links mailed to the old address', async () => {
    const app = getApp();
    const { token } = await pendingEmailChange(app);
    await app.client().ok(`mutation($email: String!) { requestPasswordReset(email: $email) }`, { email: 'ada@example.com' });
    const resetForOldAddress = await tokenFromOutbox(app, 'ada@example.com', '/reset-password');

    await app.client().ok(CONFIRM_CHANGE, { t: token });

    const reset = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
    expect(errorCodes(await app.client().gql(reset, { t: resetForOldAddress, p: 'copper kettles hum 9 distant tunes' }))).toEqual(['BAD_USER_INPUT']);
    expect(await canSignInAs(app, 'ada@new.example')).toBe(true);
  });

  it('refuses a reused link', async () => {
    const app = getApp();
    const { token } = await pendingEmailChange(app);
    await app.client().ok(CONFIRM_CHANGE, { t: token });

    const reuse = await app.client().gql(CONFIRM_CHANGE, { t: token });
    expect(errorCodes(reuse)).toEqual(['BAD_USER_INPUT']);
    expect(reuse.errors![0]!.extensions!.field).toBe('token');
  });

  it('refuses an expired link', async () => {
    const app = getApp();
    const { client, token } = await pendingEmailChange(app);
    await app.prisma.authToken.updateMany({ where: { purpose: 'EMAIL_CHANGE' }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(errorCodes(await app.client().gql(CONFIRM_CHANGE, { t: token }))).toEqual(['BAD_USER_INPUT']);
    expect(await client.ok(ME)).toEqual({ me: { email: 'ada@example.com', emailVerified: true } });
  });

  it('honours only the newest request', async () => {
    const app = getApp();
    const { client, token: first } = await pendingEmailChange(app);
    await client.ok(REQUEST_CHANGE, { newEmail: 'ada@newer.example', password: STRONG_PASSWORD });
    const second = await tokenFromOutbox(app, 'ada@newer.example', '/confirm-email');

    expect(errorCodes(await app.client().gql(CONFIRM_CHANGE, { t: first }))).toEqual(['BAD_USER_INPUT']);
    expect(await client.ok(CONFIRM_CHANGE, { t: second })).toEqual({ confirmEmailChange: { email: 'ada@newer.example', emailVerified: true } });
  });

  it('refuses a verification link in place of a change link', async () => {
    const app = getApp();
    const { client } = await signUpThroughApi(app);
    const verification = await tokenFromOutbox(app, 'ada@example.com', '/verify-email');

    expect(errorCodes(await app.client().gql(CONFIRM_CHANGE, { t: verification }))).toEqual(['BAD_USER_INPUT']);
    expect(await client.ok(ME)).toEqual({ me: { email: 'ada@example.com', emailVerified: false } });
  });

  it('refuses the change if another account took the address meanwhile, and leaves the email as it was', async () => {
    const app = getApp();
    const { client, token } = await pendingEmailChange(app);
    await signUpThroughApi(app, { email: 'ada@new.example', name: 'Another Ada' });

    const result = await app.client().gql(CONFIRM_CHANGE, { t: token });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(/Another account/);
    expect(await client.ok(ME)).toEqual({ me: { email: 'ada@example.com', emailVerified: true } });
  });

  it.each([
    [
      'resetting',
      async (app: TestApp) => {
        await app.client().ok(`mutation($email: String!) { requestPasswordReset(email: $email) }`, { email: 'ada@example.com' });
        const token = await tokenFromOutbox(app, 'ada@example.com', '/reset-password');
        await app
          .client()
          .ok(`mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`, { t: token, p: 'copper kettles hum 9 distant tunes' });
      },
    ],
    [
      'changing',
      async (app: TestApp) => {
        const client = app.client();
        await client.ok(SIGN_IN, { email: 'ada@example.com', password: STRONG_PASSWORD });
        await client.ok(`mutation($c: String!, $p: String!) { changePassword(currentPassword: $c, newPassword: $p) }`, {
          c: STRONG_PASSWORD,
          p: 'copper kettles hum 9 distant tunes',
        });
      },
    ],
  ])('is cancelled by %s the password, as the notice to the old address advises', async (_label, securePassword) => {
    const app = getApp();
    // Someone who knew Ada's password asked to move her account to their address.
    const { token } = await pendingEmailChange(app);

    await securePassword(app);

    expect(errorCodes(await app.client().gql(CONFIRM_CHANGE, { t: token }))).toEqual(['BAD_USER_INPUT']);
    const ada = await app.prisma.user.findFirstOrThrow();
    expect(ada.email).toBe('ada@example.com');
  });
});

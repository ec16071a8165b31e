import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SignInThrottle } from '../../auth/sign-in-throttle.js';
import { hashToken } from '../../auth/tokens.js';
import { STRONG_PASSWORD, signUpThroughApi } from '../../test/fixtures.js';
import { errorCodes, TestApp, useTestApp, type TestClient } from '../../test/test-app.js';

const getApp = useTestApp();

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) { email }
  }
`;
const ME = `{ me { email } }`;
const SESSIONS = `{ me { sessions { id current ipAddress userAgent } } }`;
const REVOKE = `mutation($id: ID!) { revokeSession(sessionId: $id) }`;

/** Calls yoga.fetch like TestClient does, but hands back the raw response so headers can be read. */
function postSignIn(app: TestApp, email: string, password: string) {
  return app.yoga.fetch(
    'http://localhost/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { email, password } }),
    },
    { ip: '203.0.113.10' },
  );
}

function sessionCookieOf(response: Response): string {
  const header = response.headers.getSetCookie().find((c) => c.startsWith('kith_session='));
  if (!header) throw new Error(`No session cookie in ${JSON.stringify(response.headers.getSetCookie())}`);
  return header;
}

async function signedIn(app: TestApp, options: { email?: string; ip?: string; userAgent?: string } = {}): Promise<TestClient> {
  const client = app.client({ ip: options.ip });
  const headers: Record<string, string> = options.userAgent ? { 'user-agent': options.userAgent } : {};
  const result = await client.gql(SIGN_IN, { email: options.email ?? 'ada@example.com', password: STRONG_PASSWORD }, headers);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return client;
}

function signInAs(client: TestClient, email: string, password: string) {
  return client.gql(SIGN_IN, { email, password });
}

describe('signIn', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie for 30 days that authenticates `me`', async () => {
    const app = getApp();
    await signUpThroughApi(app);

    const response = await postSignIn(app, 'ada@example.com', STRONG_PASSWORD);
    expect(await response.json()).toEqual({ data: { signIn: { email: 'ada@example.com' } } });
    const cookie = sessionCookieOf(response);
    const attributes = cookie.split('; ').slice(1);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', `Max-Age=${30 * 24 * 60 * 60}`]));
    expect(attributes).not.toContain('Secure'); // plain http on localhost

    const client = app.client();
    client.cookie = cookie.split(';')[0]!;
    expect(await client.ok(ME)).toEqual({ me: { email: 'ada@example.com' } });
  });

  it('marks the cookie Secure when Kith is served over https', async () => {
    await signUpThroughApi(getApp());
    const httpsApp = new TestApp(getApp().db, { config: { publicUrl: 'https://crm.example.com' } });

    const cookie = sessionCookieOf(await postSignIn(httpsApp, 'ada@example.com', STRONG_PASSWORD));
    expect(cookie.split('; ')).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax']));
  });

  it('accepts the email in any case and with surrounding spaces', async () => {
    await signUpThroughApi(getApp());
    const client = getApp().client();
    expect(errorCodes(await signInAs(client, '  ADA@Example.COM ', STRONG_PASSWORD))).toEqual([]);
    expect(await client.ok(ME)).toEqual({ me: { email: 'ada@example.com' } });
  });

  it('replaces the session of a browser that was already signed in, rather than orphaning it', async () => {
    const app = getApp();
    const { client } = await signUpThroughApi(app);
    await signUpThroughApi(app, { email: 'grace@example.com', name: 'Grace Hopper' });
    const adaCookie = client.cookie;

    expect(errorCodes(await signInAs(client, 'grace@example.com', STRONG_PASSWORD))).toEqual([]);

    expect(await client.ok(ME)).toEqual({ me: { email: 'grace@example.com' } });
    const replay = app.client();
    replay.cookie = adaCookie;
    expect(await replay.ok(ME)).toEqual({ me: null });
    const ada = await app.prisma.user.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
    expect(await app.prisma.session.count({ where: { userId: ada.id } })).toBe(0);
  });

  it('answers a wrong password and an unknown email with the same BAD_USER_INPUT, and starts no session', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    const sessionsBefore = await app.prisma.session.count();

    const client = app.client();
    const wrongPassword = await signInAs(client, 'ada@example.com', 'not the right password at all');
    const unknownEmail = await signInAs(client, 'nobody@example.com', STRONG_PASSWORD);

    expect(errorCodes(wrongPassword)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(unknownEmail)).toEqual(['BAD_USER_INPUT']);
    expect(wrongPassword.errors![0]!.message).toBe('Email or password is incorrect.');
    expect(unknownEmail.errors![0]!.message).toBe(wrongPassword.errors![0]!.message);
    expect(unknownEmail.errors![0]!.extensions).toEqual(wrongPassword.errors![0]!.extensions);
    expect(client.cookie).toBeNull();
    expect(await app.prisma.session.count()).toBe(sessionsBefore);
  });
});

describe('sessions', () => {
  it('signOut clears the cookie, and the old cookie no longer authenticates', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    const client = await signedIn(app);
    const oldCookie = client.cookie;

    expect(await client.ok(`mutation { signOut }`)).toEqual({ signOut: true });
    expect(client.cookie).toBeNull(); // the response set a blank kith_session cookie

    const replay = app.client();
    replay.cookie = oldCookie;
    expect(await replay.ok(ME)).toEqual({ me: null });
    expect(replay.cookie).toBeNull(); // a stale cookie is cleared too
  });

  it('signOutEverywhere ends every session of the user and only theirs', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    await signUpThroughApi(app, { email: 'grace@example.com', name: 'Grace Hopper' });
    const laptop = await signedIn(app);
    const phone = await signedIn(app);
    const grace = await signedIn(app, { email: 'grace@example.com' });

    expect(await phone.ok(`mutation { signOutEverywhere }`)).toEqual({ signOutEverywhere: true });

    expect(await laptop.ok(ME)).toEqual({ me: null });
    expect(await phone.ok(ME)).toEqual({ me: null });
    expect(await grace.ok(ME)).toEqual({ me: { email: 'grace@example.com' } });
    const ada = await app.prisma.user.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
    expect(await app.prisma.session.count({ where: { userId: ada.id } })).toBe(0);
  });

  it('lists the devices, newest first with this one marked current, and revokes another one', async () => {
    const app = getApp();
    const { client: signUpDevice } = await signUpThroughApi(app);
    const laptop = await signedIn(app, { ip: '198.51.100.7', userAgent: 'Laptop Browser' });
    const phone = await signedIn(app, { ip: '198.51.100.8', userAgent: 'Phone Browser' });

    const { me } = await phone.ok<{ me: { sessions: Array<{ id: string; current: boolean; ipAddress: string; userAgent: string | null }> } }>(SESSIONS);
    expect(me.sessions.map(({ current, ipAddress, userAgent }) => ({ current, ipAddress, userAgent }))).toEqual([
      { current: true, ipAddress: '198.51.100.8', userAgent: 'Phone Browser' },
      { current: false, ipAddress: '198.51.100.7', userAgent: 'Laptop Browser' },
      { current: false, ipAddress: '203.0.113.10', userAgent: null },
    ]);

    expect(await phone.ok(REVOKE, { id: me.sessions[1]!.id })).toEqual({ revokeSession: true });
    expect(await laptop.ok(ME)).toEqual({ me: null });
    expect(await phone.ok(ME)).toEqual({ me: { email: 'ada@example.com' } });
    expect(await signUpDevice.ok(ME)).toEqual({ me: { email: 'ada@example.com' } });
    expect((await phone.ok(SESSIONS)).me.sessions).toHaveLength(2);
  });

  it('revokeSession gives NOT_FOUND for an unknown id and for another user’s session, and needs a session', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    const { client: grace } = await signUpThroughApi(app, { email: 'grace@example.com', name: 'Grace Hopper' });
    const ada = await signedIn(app);
    const graceSessionId = (await grace.ok(SESSIONS)).me.sessions[0].id as string;

    expect(errorCodes(await ada.gql(REVOKE, { id: 'no-such-session' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await ada.gql(REVOKE, { id: graceSessionId }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.client().gql(REVOKE, { id: graceSessionId }))).toEqual(['UNAUTHENTICATED']);
    expect(await grace.ok(ME)).toEqual({ me: { email: 'grace@example.com' } });
  });

  it('stores only a SHA-256 hash of the cookie value, which is no credential itself', async () => {
    const app = getApp();
    const { client } = await signUpThroughApi(app);
    const cookieValue = client.cookie!.split('=')[1]!;

    const row = await app.prisma.session.findFirstOrThrow();
    expect(row.id).not.toBe(cookieValue);
    expect(row.id).toBe(hashToken(cookieValue));
    expect((await client.ok(SESSIONS)).me.sessions).toEqual([expect.objectContaining({ id: row.id, current: true })]);

    const thief = app.client();
    thief.cookie = `kith_session=${row.id}`;
    expect(await thief.ok(ME)).toEqual({ me: null });
  });
});

describe('SignInThrottle', () => {
  const EMAIL = 'ada@example.com';

  /** Makes failed attempts (beforeAttempt with no recordSuccess) and returns the delay each was given. */
  async function failedAttempts(throttle: SignInThrottle, attempts: number, keyOf = (i: number) => ({ email: EMAIL, ip: `198.51.100.${i}` })) {
    const delays: number[] = [];
    for (let i = 0; i < attempts; i++) {
      const { email, ip } = keyOf(i);
      delays.push((await throttle.beforeAttempt(email, ip)).delayMs);
    }
    return delays;
  }

  async function refusal(attempt: Promise<unknown>): Promise<GraphQLError> {
    const error = await attempt.then(
      () => null,
      (e: GraphQLError) => e,
    );
    if (!error) throw new Error('The attempt was not refused');
    return error;
  }

  it('lets three failures through freely, then doubles the delay before each attempt', async () => {
    const throttle = new SignInThrottle(100);
    expect(await failedAttempts(throttle, 10)).toEqual([0, 0, 0, 100, 200, 400, 800, 1600, 3200, 6400]);
  });

  it('caps the delay at 8 seconds', async () => {
    const throttle = new SignInThrottle(1000, { failuresPerEmail: 100, failuresPerIp: 100 });
    expect(await failedAttempts(throttle, 9)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('slows an IP that fails across many emails, and only that IP', async () => {
    const throttle = new SignInThrottle(100);
    await failedAttempts(throttle, 4, (i) => ({ email: `user${i}@example.com`, ip: '198.51.100.1' }));
    expect(await throttle.beforeAttempt('fresh@example.com', '198.51.100.1')).toEqual({ delayMs: 200 });
    expect(await throttle.beforeAttempt('other@example.com', '198.51.100.2')).toEqual({ delayMs: 0 });
  });

  it('refuses an email after 10 failures, with RATE_LIMITED and retryAfterSeconds', async () => {
    const throttle = new SignInThrottle(0);
    await failedAttempts(throttle, 10);

    const error = await refusal(throttle.beforeAttempt(EMAIL, '192.0.2.1'));
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(error.extensions.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(error.extensions.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(await throttle.beforeAttempt('other@example.com', '192.0.2.1')).toEqual({ delayMs: 0 });
  });

  it('forgets an email’s failures after a success', async () => {
    const throttle = new SignInThrottle(100);
    await failedAttempts(throttle, 5);
    await throttle.beforeAttempt(EMAIL, '192.0.2.1');
    await throttle.recordSuccess(EMAIL, '192.0.2.1');
    expect(await failedAttempts(throttle, 5, () => ({ email: EMAIL, ip: '192.0.2.1' }))).toEqual([0, 0, 0, 100, 200]);
  });

  it('keeps counting an IP after a success, so one good account cannot launder a spraying run', async () => {
    const throttle = new SignInThrottle(0);
    const ip = '198.51.100.1';
    await failedAttempts(throttle, 49, (i) => ({ email: `user${i}@example.com`, ip }));
    await throttle.beforeAttempt('own-account@example.com', ip);
    await throttle.recordSuccess('own-account@example.com', ip);
    await failedAttempts(throttle, 1, () => ({ email: 'user49@example.com', ip }));

    expect((await refusal(throttle.beforeAttempt('user50@example.com', ip))).extensions.code).toBe('RATE_LIMITED');
  });

  it('does not charge the email for attempts refused because of the IP', async () => {
    const throttle = new SignInThrottle(100);
    await failedAttempts(throttle, 50, (i) => ({ email: `user${i}@example.com`, ip: '198.51.100.1' }));
    for (let i = 0; i < 20; i++) await refusal(throttle.beforeAttempt(EMAIL, '198.51.100.1'));

    expect(await throttle.beforeAttempt(EMAIL, '192.0.2.1')).toEqual({ delayMs: 0 });
  });
});

describe('signIn throttling through the API', () => {
  it('refuses an email after 10 failures, even with the right password, while other accounts still sign in', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    await signUpThroughApi(app, { email: 'grace@example.com', name: 'Grace Hopper' });
    const attacker = app.client();
    for (let i = 0; i < 10; i++) {
      // Different spellings of one address share one budget.
      const email = i % 2 ? 'ADA@example.com' : 'ada@example.com';
      expect(errorCodes(await signInAs(attacker, email, `wrong guess ${i}`))).toEqual(['BAD_USER_INPUT']);
    }

    const refused = await signInAs(app.client(), 'ada@example.com', STRONG_PASSWORD);
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.errors![0]!.extensions!.retryAfterSeconds).toEqual(expect.any(Number));
    expect(refused.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.data).toBeNull();

    expect(errorCodes(await signInAs(app.client(), 'grace@example.com', STRONG_PASSWORD))).toEqual([]);
  });

  it('counts a burst of parallel guesses, so it cannot slip past the limit', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    const guesses = Array.from({ length: 20 }, (_, i) => signInAs(app.client({ ip: `198.51.100.${i}` }), 'ada@example.com', `guess ${i}`));

    const codes = (await Promise.all(guesses)).flatMap(errorCodes);
    expect(codes.filter((c) => c === 'BAD_USER_INPUT')).toHaveLength(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(10);
  });

  it('refuses an IP after 50 failures across many emails, but not other IPs', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    const sprayer = app.client({ ip: '198.51.100.66' });
    for (let i = 0; i < 50; i++) {
      expect(errorCodes(await signInAs(sprayer, `user${i}@example.com`, 'Winter2024!'))).toEqual(['BAD_USER_INPUT']);
    }

    expect(errorCodes(await signInAs(sprayer, 'ada@example.com', STRONG_PASSWORD))).toEqual(['RATE_LIMITED']);
    expect(errorCodes(await signInAs(app.client({ ip: '198.51.100.67' }), 'ada@example.com', STRONG_PASSWORD))).toEqual([]);
  });

  it('resets the email’s count after a successful sign-in', async () => {
    const app = getApp();
    await signUpThroughApi(app);
    const client = app.client();
    const failNineTimes = async () => {
      for (let i = 0; i < 9; i++) expect(errorCodes(await signInAs(client, 'ada@example.com', `typo ${i}`))).toEqual(['BAD_USER_INPUT']);
    };

    await failNineTimes();
    expect(errorCodes(await signInAs(client, 'ada@example.com', STRONG_PASSWORD))).toEqual([]);
    await failNineTimes(); // 18 failures in the window, but only 9 since the success
    expect(errorCodes(await signInAs(client, 'ada@example.com', STRONG_PASSWORD))).toEqual([]);
  });
});

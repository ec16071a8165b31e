import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { protectionLimits } from './limits.js';
import { rateLimitKey, RequestRateLimiter } from './rate-limit.js';
import { MemoryBuckets } from './token-bucket.js';
import { postGraphql } from './test-helpers.js';

const getApp = useTestApp({ config: { protection: protectionLimits({ rateLimit: { perMinute: 3, anonymousPerMinute: 2, failedAuthPerMinute: 5 } }) } });
const ME = { query: '{ me { name } }' };

describe('rate limits', () => {
  it('lets an anonymous IP spend its budget, with RateLimit headers, then answers 429 with Retry-After', async () => {
    const app = getApp();
    const first = await postGraphql(app, ME);
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    const reset = Number(first.headers.get('ratelimit-reset'));
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(60);
    expect(first.headers.get('retry-after')).toBeNull();

    const second = await postGraphql(app, ME);
    expect(second.status).toBe(200);
    expect(second.headers.get('ratelimit-remaining')).toBe('0');

    const refused = await postGraphql(app, ME);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    const body = await refused.json();
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([{ message: expect.stringMatching(/Too many requests/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }]);

    // Another IP has its own budget.
    expect((await postGraphql(app, ME, {}, '198.51.100.7')).status).toBe(200);
  });

  it('gives each session and each API key its own budget, apart from the IP they call from', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const member = { cookie: f.clients.MEMBER.cookie! };
    for (let i = 0; i < 3; i++) expect((await postGraphql(app, ME, member)).status).toBe(200);
    const refused = await postGraphql(app, ME, member);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-limit')).toBe('3');

    // Same IP, other principals: untouched budgets.
    const viewer = await postGraphql(app, ME, { cookie: f.clients.VIEWER.cookie! });
    expect(viewer.status).toBe(200);
    expect(viewer.headers.get('ratelimit-remaining')).toBe('2');
    const key = await postGraphql(app, ME, { authorization: f.clients.MEMBER_KEY.authorization! });
    expect(key.status).toBe(200);
    expect(key.headers.get('ratelimit-remaining')).toBe('2');
    expect((await postGraphql(app, ME)).status).toBe(200);
  });

  it('counts each operation of a batch', async () => {
    const app = getApp();
    const response = await postGraphql(app, [ME, ME, ME]);
    const results = await response.json();
    expect(results.map((r: { errors?: Array<{ extensions: { code: string } }> }) => r.errors?.[0]?.extensions.code ?? 'ok')).toEqual([
      'ok',
      'ok',
      'RATE_LIMITED',
    ]);
  });
});

describe('token buckets', () => {
  it('allow a burst of the whole budget, then one operation per 60/N seconds as tokens refill', async () => {
    let now = 1_000_000;
    const limiter = new RequestRateLimiter({ perMinute: 3, anonymousPerMinute: 2, failedAuthPerMinute: 0 }, null, new MemoryBuckets(() => now));
    const key = 'session:abc';
    // Burst: the whole budget at once.
    expect(await limiter.consume(key)).toMatchObject({ allowed: true, remaining: 2, resetSeconds: 20 });
    expect(await limiter.consume(key)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limiter.consume(key)).toMatchObject({ allowed: true, remaining: 0, resetSeconds: 60 });
    expect(await limiter.consume(key)).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 20 });

    // Steady refill: one token every 20 s, not the whole budget at a window boundary.
    now += 10_000;
    expect(await limiter.consume(key)).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
    now += 10_000;
    expect(await limiter.consume(key)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await limiter.consume(key))?.allowed).toBe(false);
    now += 40_000;
    expect(await limiter.consume(key)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limiter.consume(key)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await limiter.consume(key))?.allowed).toBe(false);

    // A long pause fills the bucket to its capacity, never beyond.
    now += 10 * 60_000;
    for (let i = 0; i < 3; i++) expect((await limiter.consume(key))?.allowed).toBe(true);
    expect((await limiter.consume(key))?.allowed).toBe(false);
  });
});

describe('failed API-key authentications', () => {
  it('refuse an IP with 429 once it has spent its failures, before looking keys up; other IPs and good keys are unaffected', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const bad = { authorization: 'Bearer kith_not_a_real_key_0000000000000000' };
    const codes = async (response: Response) => ((await response.json()).errors ?? []).map((e: { extensions: { code: string } }) => e.extensions.code);
    const lookups = (statements: string[]) => statements.filter((sql) => /FROM "public"\."ApiKey"/.test(sql)).length;
    for (let i = 0; i < 5; i++) {
      const { result: response, statements } = await app.countSql(async () => postGraphql(app, ME, bad, '198.51.100.20'));
      expect(response.status).toBe(200);
      expect(await codes(response)).toEqual(['UNAUTHENTICATED']);
      expect(lookups(statements)).toBe(1);
    }
    // Now refused before any lookup: the count of key lookups stays where it was.
    const { result: refused, statements } = await app.countSql(async () => postGraphql(app, ME, bad, '198.51.100.20'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await codes(refused)).toEqual(['RATE_LIMITED']);
    expect(lookups(statements)).toBe(0);
    // Even a valid key from that IP waits (the IP is what is being throttled) ...
    expect((await postGraphql(app, ME, { authorization: f.clients.MEMBER_KEY.authorization! }, '198.51.100.20')).status).toBe(429);
    // ... while other IPs, and cookies from the same IP, carry on.
    expect(await codes(await postGraphql(app, ME, bad, '198.51.100.21'))).toEqual(['UNAUTHENTICATED']);
    expect((await postGraphql(app, ME, { authorization: f.clients.MEMBER_KEY.authorization! }, '198.51.100.21')).status).toBe(200);
    expect((await postGraphql(app, ME, { cookie: f.clients.MEMBER.cookie! }, '198.51.100.20')).status).toBe(200);
  });
});

describe('rateLimitKey', () => {
  const request = { ip: '192.0.2.1', userAgent: null, workspaceHeader: null };
  const user = { id: 'u1', email: 'a@example.com', name: 'A', emailVerifiedAt: null } as never;

  it('prefers the API key, then the session (hashed), then the IP', () => {
    const apiKey = { id: 'k1', workspaceId: 'w', role: 'MEMBER' as const };
    expect(rateLimitKey({ request, viewer: { user, session: null, apiKey } })).toBe('key:k1');
    const session = { id: 'secret-session-id', userId: 'u1', expiresAt: new Date(), fresh: false } as never;
    const bySession = rateLimitKey({ request, viewer: { user, session, apiKey: null } });
    expect(bySession).toMatch(/^session:[0-9a-f]{32}$/);
    expect(bySession).not.toContain('secret-session-id');
    expect(rateLimitKey({ request, viewer: null })).toBe('ip:192.0.2.1');
  });
});

import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { protectionLimits } from './limits.js';
import { rateLimitKey } from './rate-limit.js';
import { postGraphql } from './test-helpers.js';

const getApp = useTestApp({ config: { protection: protectionLimits({ rateLimit: { perMinute: 3, anonymousPerMinute: 2 } }) } });
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
    expect(body.errors).toEqual([
      { message: expect.stringMatching(/Too many requests/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } },
    ]);

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
    expect(results.map((r: { errors?: Array<{ extensions: { code: string } }> }) => r.errors?.[0]?.extensions.code ?? 'ok')).toEqual(['ok', 'ok', 'RATE_LIMITED']);
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

import { describe, expect, it } from 'vitest';
import { protectionLimits } from '../../http/protection/limits.js';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { useTestServer } from '../../test/test-server.js';
import { clientHeaders } from '../files/upload-client.js';

const getApp = useTestApp({ config: { protection: protectionLimits({ rateLimit: { perMinute: 2, anonymousPerMinute: 2, failedAuthPerMinute: 5 } }) } });
const start = useTestServer(getApp);

describe('POST /imports/upload and the rate limit', () => {
  it('spends the caller’s budget, and refuses with 429 and Retry-After once it is spent', async () => {
    const app = getApp();
    const url = await start();
    const f = await rolesFixture(app);
    const send = () =>
      fetch(`${url}/imports/upload?name=a.csv`, {
        method: 'POST',
        headers: { ...clientHeaders(f.clients.MEMBER), 'content-type': 'text/csv' },
        body: 'Name,Email\nA,a@example.com\n',
      });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe('RATE_LIMITED');
    expect(await app.prisma.import.count()).toBe(2);
    // Another member has a budget of their own.
    expect((await fetch(`${url}/imports/upload?name=b.csv`, { method: 'POST', headers: clientHeaders(f.clients.ADMIN), body: 'Name\nB\n' })).status).toBe(201);
  });
});

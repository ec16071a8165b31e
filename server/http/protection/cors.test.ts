import { afterEach, describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../../test/test-app.js';
import { createKithServer, type KithServer } from '../server.js';
import { protectionLimits } from './limits.js';

const ALLOWED = 'https://app.example.com';
const getApp = useTestApp({ config: { protection: protectionLimits({ corsOrigins: [ALLOWED, 'https://admin.example.com'] }) } });
let running: KithServer | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
});

const preflight = (app: ReturnType<typeof getApp>, origin: string) =>
  app.yoga.fetch(
    'http://localhost/graphql',
    {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-workspace-id' },
    },
    { ip: '203.0.113.10' },
  );

describe('CORS', () => {
  it('answers a preflight from a listed origin with credentials allowed', async () => {
    const response = await preflight(getApp(), ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/x-workspace-id/);
  });

  it('gives a foreign origin no Access-Control-Allow-Origin, on preflights and on requests', async () => {
    const app = getApp();
    const response = await preflight(app, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await app.yoga.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      },
      { ip: '203.0.113.10' },
    );
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await app.yoga.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { origin: ALLOWED, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      },
      { ip: '203.0.113.10' },
    );
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-expose-headers')).toMatch(/RateLimit-Remaining/);
  });

  it('allows no cross-origin calls at all when CORS_ORIGINS is unset', async () => {
    const app = getApp();
    app.services.config.protection = protectionLimits();
    app.yoga = (await import('../yoga.js')).createKithYoga(app.services);
    const response = await preflight(app, ALLOWED);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers', () => {
  it('sends COOP, CORP, Permissions-Policy, and HSTS only for an https PUBLIC_URL', async () => {
    const app = getApp();
    running = createKithServer({ ...app.services, config: testConfig({ publicUrl: 'https://crm.example.com' }) });
    const port = await running.listen(0, '127.0.0.1');
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    await running.close();

    running = createKithServer(app.services);
    const plainPort = await running.listen(0, '127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${plainPort}/healthz`)).headers.get('strict-transport-security')).toBeNull();
  });
});

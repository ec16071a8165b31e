import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticApp } from './static-app.js';

let dir: string;
let server: Server;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kith-static-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Kith</title><div id="root"></div>');
  await writeFile(join(dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  const serveApp = createStaticApp(dir);
  server = createServer((req, res) => void serveApp(req, res, (req.url ?? '/').split('?')[0]!));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('static web app', () => {
  it('answers client routes with index.html, uncached, under a same-origin CSP', async () => {
    for (const path of ['/', '/contacts', '/contacts/Q29udGFjdDox', '/settings/members?x=1']) {
      const response = await fetch(url + path, { headers: { host: 'kith.example:4000' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    }
    const csp = (await fetch(url)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);
  });

  it('serves hashed assets with a year-long immutable cache, gzipped when accepted', async () => {
    const response = await fetch(`${url}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toContain('console.log');
  });

  it('answers 404 for missing files and never serves outside the build folder', async () => {
    expect((await fetch(`${url}/assets/missing-000.js`)).status).toBe(404);
    const escape = await fetch(`${url}/..%2f..%2fetc%2fpasswd.txt`);
    expect(escape.status).toBe(404);
  });

  it('says the app is not built when there is no build', async () => {
    const serveMissing = createStaticApp(join(dir, 'nothing-here'));
    const missing = createServer((req, res) => void serveMissing(req, res, '/contacts'));
    await new Promise<void>((resolve) => missing.listen(0, '127.0.0.1', resolve));
    const address = missing.address();
    const response = await fetch(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/contacts`);
    await new Promise((resolve) => missing.close(resolve));
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run client:build');
  });
});

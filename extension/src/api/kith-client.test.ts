// The failures a person is told about, from a loopback server answering as Kith does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyCheckDocument } from './documents.js';
import { kithRequest } from './kith-client.js';

let server: Server;
let url: string;
let answer: { status: number; body: string; headers?: Record<string, string> };
let seen: { authorization?: string; cookie?: string; body?: string } = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen = { authorization: req.headers.authorization, cookie: req.headers.cookie, body };
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const errorOf = (code: string, extensions: Record<string, unknown> = {}) =>
  JSON.stringify({ data: null, errors: [{ message: 'No.', extensions: { code, ...extensions } }] });
const request = () => kithRequest({ url, apiKey: 'kith_secret' }, KeyCheckDocument);

describe('kithRequest', () => {
  it('sends the query with the key as a bearer token and returns the data', async () => {
    answer = { status: 200, body: JSON.stringify({ data: { workspace: { id: 'W', name: 'Acme', viewerRole: 'MEMBER', viewerPermissions: [] } } }) };
    expect((await request()).workspace.name).toBe('Acme');
    expect(seen.authorization).toBe('Bearer kith_secret');
    expect(JSON.parse(seen.body!).query).toContain('query ClipperKeyCheck');
  });

  it.each([
    [{ status: 200, body: errorOf('UNAUTHENTICATED') }, 'revoked', /wrong, expired or revoked/],
    [{ status: 200, body: errorOf('FORBIDDEN') }, 'forbidden', /a VIEWER key can check but not save/],
    [{ status: 200, body: errorOf('RATE_LIMITED', { retryAfterSeconds: 42 }) }, 'rate-limited', /in 42 seconds/],
    [{ status: 429, body: '{}', headers: { 'retry-after': '7' } }, 'rate-limited', /in 7 seconds/],
    [{ status: 200, body: errorOf('BAD_USER_INPUT') }, 'bad-input', /^No\.$/],
    [{ status: 502, body: '<html>Bad gateway</html>' }, 'not-kith', /not like a Kith server \(HTTP 502\)/],
  ])('%j → %s', async (response, kind, message) => {
    answer = response;
    await expect(request()).rejects.toMatchObject({ kind, message: expect.stringMatching(message) });
  });

  it('names an unreachable server', async () => {
    await expect(kithRequest({ url: 'http://127.0.0.1:9', apiKey: 'k' }, KeyCheckDocument)).rejects.toMatchObject({
      kind: 'unreachable',
      message: expect.stringMatching(/^Cannot reach http:\/\/127\.0\.0\.1:9\./),
    });
  });
});

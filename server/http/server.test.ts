import { connect } from 'node:net';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { rolesFixture } from '../test/fixtures.js';
import { useTestApp } from '../test/test-app.js';
import { useTestServer } from '../test/test-server.js';

const getApp = useTestApp();
const startServer = useTestServer(getApp);

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('HTTP server', () => {
  it('answers /healthz and /readyz', async () => {
    const url = await startServer();
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves GraphQL with the session cookie and sets HttpOnly, SameSite=Lax cookies on sign-in', async () => {
    const url = await startServer();
    const { users } = await rolesFixture(getApp());
    const signIn = await postJson(url, {
      query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { name } }',
      variables: { e: users.ADMIN.email, p: 'violet lantern orbits 7 quiet harbors' },
    });
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kith_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await postJson(url, { query: '{ me { name } }' }, { cookie: cookie.split(';')[0]! });
    expect(await me.json()).toEqual({ data: { me: { name: 'Admin Person' } } });
  });

  it('refuses a "simple" cross-site request without the CSRF header', async () => {
    const url = await startServer();
    const simple = await fetch(`${url}/graphql?query=${encodeURIComponent('{ me { name } }')}`);
    expect(simple.status).toBe(403);
    const withHeader = await fetch(`${url}/graphql?query=${encodeURIComponent('{ me { name } }')}`, { headers: { 'x-kith-csrf': '1' } });
    expect(withHeader.status).toBe(200);
  });

  it('refuses bodies over 1 MiB', async () => {
    const url = await startServer();
    const response = await postJson(url, { query: `{ me { name } } # ${'x'.repeat(1024 * 1024)}` });
    expect(response.status).toBe(413);
  });

  it('answers 413 only once the client has sent its body, so a client still writing receives it (not EPIPE)', async () => {
    const url = new URL(await startServer());
    const bodyBytes = 4 * 1024 * 1024;
    const socket = connect(Number(url.port), url.hostname);
    const errors: string[] = [];
    let sent = 0;
    let sentWhenAnswered = -1;
    let answer = '';
    socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
    socket.on('data', (chunk: Buffer) => {
      if (sentWhenAnswered < 0) sentWhenAnswered = sent;
      answer += chunk.toString();
    });
    const closed = new Promise((done) => socket.once('close', done));
    await new Promise((done) => socket.once('connect', done));
    socket.write(`POST /graphql HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${bodyBytes}\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    for (; sent < bodyBytes && !socket.destroyed; sent += chunk.length) {
      // Each chunk after the server had a turn to answer, as on a slow link.
      await new Promise((done) => setImmediate(done));
      if (!socket.write(chunk)) await Promise.race([new Promise((done) => socket.once('drain', done)), closed]);
    }
    await closed;
    expect(errors).toEqual([]);
    expect(sentWhenAnswered).toBe(bodyBytes);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"code":"PAYLOAD_TOO_LARGE"');
  });

  it('counts a chunked body (no Content-Length) while reading it: over 1 MiB is refused, under it is served', async () => {
    const url = await startServer();
    const chunked = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      // Two chunks, so the body really arrives as a stream without a declared length.
      const stream = new ReadableStream({ start: (c) => (c.enqueue(bytes.slice(0, 100)), c.enqueue(bytes.slice(100)), c.close()) });
      return fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    };
    const huge = await chunked(JSON.stringify({ query: `{ me { name } } # ${'x'.repeat(1024 * 1024)}` }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ errors: [{ message: 'Request body too large.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const small = await chunked(JSON.stringify({ query: `{ me { name } } # ${'x'.repeat(1000)}` }));
    expect(small.status).toBe(200);
    expect(await small.json()).toEqual({ data: { me: null } });
  });

  it('masks unexpected errors without stack traces', async () => {
    const url = await startServer();
    const response = await postJson(url, { query: '{ me { name } }' }, { cookie: 'kith_session=not-a-real-session' });
    const body = await response.text();
    expect(body).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse(body)).toEqual({ data: { me: null } });
  });
});

describe('graphql-ws on the same port and path', () => {
  it('authenticates with the session cookie of the upgrade request', async () => {
    const url = await startServer();
    const fixture = await rolesFixture(getApp());
    const cookie = fixture.clients.MEMBER.cookie!;
    const client = createClient({
      url: `${url.replace('http', 'ws')}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie } });
        }
      },
      retryAttempts: 0,
    });
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        let value: unknown;
        client.subscribe(
          { query: '{ me { name workspaces { name viewerRole } } }' },
          { next: (data) => (value = data), error: reject, complete: () => resolve(value) },
        );
      });
      expect(result).toEqual({ data: { me: { name: 'Member Person', workspaces: [{ name: 'Acme', viewerRole: 'MEMBER' }] } } });
    } finally {
      await client.dispose();
    }
  });
});

describe('failed API-key authentications over HTTP', () => {
  it('are counted per IP across /graphql and the download endpoints, and refused with 429 once spent', async () => {
    const services = getApp().services;
    const url = await startServer({
      ...services,
      config: {
        ...services.config,
        protection: { ...services.config.protection, rateLimit: { ...services.config.protection.rateLimit, failedAuthPerMinute: 3 } },
      },
    });
    const bad = { authorization: 'Bearer kith_not_a_real_key_0000000000000000' };
    const fileUrl = `${url}/files/00000000-0000-4000-8000-000000000000`;
    expect((await fetch(fileUrl, { headers: bad })).status).toBe(404);
    expect((await fetch(`${url}/exports/00000000-0000-4000-8000-000000000000/download`, { headers: bad })).status).toBe(404);
    expect((await postJson(url, { query: '{ me { name } }' }, bad)).status).toBe(200); // UNAUTHENTICATED
    const refused = await postJson(url, { query: '{ me { name } }' }, bad);
    expect(refused.status).toBe(429);
    expect((await refused.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await fetch(fileUrl, { headers: bad })).status).toBe(404);
  });
});

describe('graphql-ws origin check', () => {
  /** `{ me { name } }` over graphql-ws with the given upgrade headers; resolves to the result or the close code. */
  async function meOverSocket(url: string, headers: Record<string, string>, connectionParams?: Record<string, unknown>) {
    const client = createClient({
      url: `${url.replace('http', 'ws')}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      },
      connectionParams,
      retryAttempts: 0,
    });
    try {
      return await new Promise<unknown>((resolve) => {
        let value: unknown;
        client.subscribe(
          { query: '{ me { name } }' },
          { next: (data) => (value = data), error: (error) => resolve({ closed: (error as CloseEvent).code }), complete: () => resolve(value) },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  it('refuses a cookie-authenticated connection from a foreign origin, allows its own origin, listed origins and API keys', async () => {
    const fixture = await rolesFixture(getApp());
    const cookie = fixture.clients.MEMBER.cookie!;
    const url = await startServer({
      ...getApp().services,
      config: { ...getApp().services.config, protection: { ...getApp().services.config.protection, corsOrigins: ['https://tools.example.com'] } },
    });
    const member = { data: { me: { name: 'Member Person' } } };

    expect(await meOverSocket(url, { cookie, origin: 'https://evil.example' })).toEqual({ closed: 4403 });
    expect(await meOverSocket(url, { cookie, origin: 'null' })).toEqual({ closed: 4403 });
    expect(await meOverSocket(url, { cookie, origin: url })).toEqual(member);
    expect(await meOverSocket(url, { cookie, origin: 'http://localhost:4000' })).toEqual(member); // PUBLIC_URL
    expect(await meOverSocket(url, { cookie, origin: 'https://tools.example.com' })).toEqual(member);
    expect(await meOverSocket(url, { cookie })).toEqual(member); // not a browser
    // Without a cookie there is nothing to hijack; with an API key the key decides, from anywhere.
    expect(await meOverSocket(url, { origin: 'https://evil.example' })).toEqual({ data: { me: null } });
    const key = await meOverSocket(url, { cookie, origin: 'https://evil.example' }, { authorization: fixture.clients.MEMBER_KEY.authorization });
    expect(key).toEqual(member);
  });
});

describe('graphql-ws message size', () => {
  it('closes the socket on a message over the body limit', async () => {
    const url = await startServer();
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(1024 * 1024) } }));
    expect(await closed).toBe(1009);
  });
});

describe('request errors', () => {
  it('reports a malformed variable value as BAD_USER_INPUT, not as an internal error', async () => {
    const fixture = await rolesFixture(getApp());
    const result = await fixture.clients.MEMBER.gql(`query($r: DateRangeInput) { companies(filter: { createdAt: $r }) { totalCount } }`, {
      r: { from: 'not-a-date' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/\$r/);
  });
});

describe('request errors for enums', () => {
  it('reports an unknown enum value in variables as BAD_USER_INPUT', async () => {
    const fixture = await rolesFixture(getApp());
    const result = await fixture.clients.MEMBER.gql(`mutation($p: RecordPolicy!) { setRecordPolicy(policy: $p) { id } }`, { p: 'EVERYONE' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

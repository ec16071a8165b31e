import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createKithServer, type KithServer } from '../../http/server.js';
import { apiKeyFor, globalId, rolesFixture } from '../../test/fixtures.js';
import { collect, FEED, listening, wsClient } from '../activity-events/feed.test-helpers.js';
import { useTestApp } from '../../test/test-app.js';

const getApp = useTestApp();
let server: KithServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function queryOverSocket(url: string, authorization: string, workspaceId: string) {
  const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization }, retryAttempts: 0 });
  try {
    const results = [];
    for await (const result of client.iterate({ query: 'query($w: ID!) { contacts(workspaceId: $w) { totalCount } }', variables: { w: workspaceId } }))
      results.push(result);
    return results;
  } finally {
    await client.dispose();
  }
}

describe('API keys over graphql-ws', () => {
  it('authenticate from the connection_init payload, and a bad key gets UNAUTHENTICATED for the operation', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { secret } = await apiKeyFor(app, f.users.MEMBER.id, f.workspaceId, 'VIEWER');
    server = createKithServer(app.services);
    const url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;

    expect(await queryOverSocket(url, `Bearer ${secret}`, f.workspaceGid)).toEqual([{ data: { contacts: { totalCount: 0 } } }]);
    // graphql-ws delivers an operation refused before it starts as an `error` message: the iterator throws it.
    const refused = await queryOverSocket(url, 'Bearer kith_this-key-does-not-exist-anywhere', f.workspaceGid).catch((errors: unknown) => errors);
    expect(refused).toEqual([expect.objectContaining({ message: 'The API key is invalid, expired or revoked.', extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('take the workspace from the connection_init payload, as HTTP takes it from x-workspace-id', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Ada' } });
    const { secret } = await apiKeyFor(app, f.users.MEMBER.id, f.workspaceId, 'VIEWER');
    server = createKithServer(app.services);
    const url = `ws://127.0.0.1:${await server.listen(0, '127.0.0.1')}/graphql`;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${secret}`, workspaceId: f.workspaceGid },
      retryAttempts: 0,
    });
    try {
      const results = [];
      for await (const result of client.iterate({ query: '{ contacts { totalCount } }' })) results.push(result);
      expect(results).toEqual([{ data: { contacts: { totalCount: 1 } } }]);
    } finally {
      await client.dispose();
    }
  });
});

describe('a live subscription on an API key', () => {
  it('ends with UNAUTHENTICATED as soon as the key is revoked', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { secret, apiKey } = await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'VIEWER');
    server = createKithServer(app.services);
    const url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
    const client = wsClient(url, { authorization: `Bearer ${secret}`, workspaceId: f.workspaceGid });
    const feed = collect(client, FEED, {}, (r) => r.errors.length > 0 || r.completed);
    await listening(app.services.activityHub, 1);

    await f.clients.ADMIN.ok(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: globalId('ApiKey', apiKey.id) });
    const ended = await feed.done.then(
      () => feed.received.errors,
      (errors: unknown) => errors,
    );
    await client.dispose();
    expect(ended).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    expect(app.services.activityHub.listenerCount).toBe(0);
  });
});

import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { apiKeyFor, globalId, rolesFixture } from '../../test/fixtures.js';
import { collect, FEED, listening, wsClient } from '../activity-events/feed.test-helpers.js';
import { useTestApp } from '../../test/test-app.js';
import { useTestServer } from '../../test/test-server.js';

const getApp = useTestApp();
const start = useTestServer(getApp);

async function queryOverSocket(url: string, connectionParams: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
  const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
  try {
    const results = [];
    for await (const result of client.iterate({ query, variables })) results.push(result);
    return results;
  } finally {
    await client.dispose();
  }
}

const COUNT_IN = 'query($w: ID!) { contacts(workspaceId: $w) { totalCount } }';

describe('API keys over graphql-ws', () => {
  it('authenticate from the connection_init payload, and a bad key gets UNAUTHENTICATED for the operation', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { secret } = await apiKeyFor(app, f.users.MEMBER.id, f.workspaceId, 'VIEWER');
    const url = await start();

    expect(await queryOverSocket(url, { authorization: `Bearer ${secret}` }, COUNT_IN, { w: f.workspaceGid })).toEqual([
      { data: { contacts: { totalCount: 0 } } },
    ]);
    // graphql-ws delivers an operation refused before it starts as an `error` message: the iterator throws it.
    const refused = await queryOverSocket(url, { authorization: 'Bearer kith_this-key-does-not-exist-anywhere' }, COUNT_IN, { w: f.workspaceGid }).catch(
      (errors: unknown) => errors,
    );
    expect(refused).toEqual([expect.objectContaining({ message: 'The API key is invalid, expired or revoked.', extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('take the workspace from the connection_init payload, as HTTP takes it from x-workspace-id', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Ada' } });
    const { secret } = await apiKeyFor(app, f.users.MEMBER.id, f.workspaceId, 'VIEWER');
    const url = await start();
    const results = await queryOverSocket(url, { authorization: `Bearer ${secret}`, workspaceId: f.workspaceGid }, '{ contacts { totalCount } }');
    expect(results).toEqual([{ data: { contacts: { totalCount: 1 } } }]);
  });
});

describe('a live subscription on an API key', () => {
  it('ends with UNAUTHENTICATED as soon as the key is revoked', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { secret, apiKey } = await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'VIEWER');
    const url = await start();
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

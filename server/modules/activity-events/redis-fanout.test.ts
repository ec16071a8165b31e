// Two Kith instances that share nothing but the database and a real Redis server (Debian's redis-server):
// a change made through one reaches a subscriber of the other.
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../app-services.js';
import { ActivityHub } from './hub.js';
import { createKithServer, type KithServer } from '../../http/server.js';
import { rolesFixture } from '../../test/fixtures.js';
import { startRedis } from '../../test/local-services.js';
import { testConfig, useTestApp } from '../../test/test-app.js';
import { collect, FEED, listening, wsClient } from './feed.test-helpers.js';

const getApp = useTestApp();
const running: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.close();
});

async function redisServer(): Promise<string> {
  const redis = await startRedis();
  running.push({ close: redis.stop });
  return redis.url;
}

async function instance(redisUrl: string): Promise<{ url: string; server: KithServer; services: ReturnType<typeof createAppServices> }> {
  const services = createAppServices(testConfig({ redisUrl }), getApp().db, { passwordHashing: 'fast' });
  await services.activityHub.ready();
  const server = createKithServer(services);
  const url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  running.push({
    close: async () => {
      await server.close();
      await services.activityHub.close();
    },
  });
  return { url, server, services };
}

describe('activity feed across instances', () => {
  it('delivers a change made on one instance to a subscriber of another, through Redis', async () => {
    const redis = await redisServer();
    const f = await rolesFixture(getApp());
    const a = await instance(redis);
    const b = await instance(redis);

    const subscriber = wsClient(a.url, { cookie: f.clients.MEMBER.cookie, workspaceId: f.workspaceGid });
    const feed = collect(subscriber, FEED, {}, (r) => r.events.length >= 1);
    await listening(a.services.activityHub, 1);

    const response = await fetch(`${b.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: f.clients.ADMIN.cookie!, 'x-workspace-id': f.workspaceGid },
      body: JSON.stringify({ query: 'mutation { createCompany(input: { name: "Across" }) { id } }' }),
    });
    const created = (await response.json()) as { data: { createCompany: { id: string } } };
    await feed.done;
    await subscriber.dispose();
    expect(feed.received.events).toEqual([expect.objectContaining({ verb: 'created', entityType: 'Company', entityId: created.data.createCompany.id })]);
    expect(b.services.activityHub.listenerCount).toBe(0);
  });

  it('settles a Redis command sent after the connection closed: the error is reported, nothing is left unhandled', async () => {
    const errors: unknown[] = [];
    const hub = new ActivityHub(await redisServer(), (error) => errors.push(error));
    await hub.ready();
    const stop = await hub.listen('00000000-0000-4000-8000-000000000001', () => {});
    await hub.close();
    stop(); // the subscriber goes away during shutdown: UNSUBSCRIBE on a closed connection
    hub.publish([{ workspaceId: '00000000-0000-4000-8000-000000000001' } as never]);
    await expect.poll(() => errors.length).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(['Connection is closed.', 'Connection is closed.']);
  });
});

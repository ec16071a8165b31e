import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../test/local-services.js';
import { useTestApp } from '../../test/test-app.js';
import { createKithYoga } from '../yoga.js';
import { protectionLimits } from './limits.js';
import { RequestRateLimiter } from './rate-limit.js';

const getApp = useTestApp();

let redisServer: TestRedis;
const clients: Redis[] = [];

async function connectedClient() {
  const client = new Redis(redisServer.url, { lazyConnect: true, enableOfflineQueue: false });
  clients.push(client);
  await client.connect();
  return client;
}

beforeAll(async () => {
  redisServer = await startRedis();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit()));
  await redisServer?.stop();
});

describe('rate limits in Redis', () => {
  it('shares one budget between two limiter instances (two Kith processes)', async () => {
    const limits = { perMinute: 3, anonymousPerMinute: 2, failedAuthPerMinute: 0 };
    const first = new RequestRateLimiter(limits, await connectedClient());
    const second = new RequestRateLimiter(limits, await connectedClient());
    const key = `session:${Date.now()}`;
    expect((await first.consume(key))?.remaining).toBe(2);
    expect((await second.consume(key))?.remaining).toBe(1);
    expect((await first.consume(key))?.allowed).toBe(true);
    const refused = await second.consume(key);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, limit: 3 });
    expect(refused!.resetSeconds).toBeGreaterThan(0);
    expect((await first.consume(key))?.allowed).toBe(false);

    // Anonymous IPs have their own, smaller budget; other keys are untouched.
    expect(await first.consume('ip:192.0.2.9')).toMatchObject({ allowed: true, limit: 2, remaining: 1 });
    expect(await second.consume('key:other')).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('is a token bucket: a burst of the whole budget, then one more per 60/N seconds', async () => {
    // 120 a minute: a token every 500 ms.
    const limiter = new RequestRateLimiter({ perMinute: 120, anonymousPerMinute: 0, failedAuthPerMinute: 0 }, await connectedClient());
    const key = `session:refill-${Date.now()}`;
    const burst = await Promise.all(Array.from({ length: 120 }, () => limiter.consume(key)));
    expect(burst.every((state) => state?.allowed)).toBe(true);
    const refused = await limiter.consume(key);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await limiter.consume(key))?.allowed).toBe(true);
    expect((await limiter.consume(key))?.allowed).toBe(false);
  });

  it('is what REDIS_URL gives the server: two Kith instances spend one budget', async () => {
    const services = getApp().services;
    const config = { ...services.config, redisUrl: redisServer.url, protection: protectionLimits({ rateLimit: { perMinute: 3, anonymousPerMinute: 2 } }) };
    const instances = [createKithYoga({ ...services, config }), createKithYoga({ ...services, config })];
    const ip = `198.51.100.${Date.now() % 250}`;
    const post = (instance: number, from = ip) =>
      instances[instance]!.fetch(
        'http://localhost/graphql',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { name } }' }) },
        { ip: from },
      );
    const redis = await connectedClient();
    try {
      // Until an instance's connection is up it counts in its own memory; wait until each one writes to Redis.
      for (const instance of [0, 1]) {
        const from = `192.0.2.${instance + 1}`;
        for (let i = 0; i < 100 && !(await redis.exists(`kith-tb:ip:${from}`)); i++) {
          await post(instance, from);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(await redis.exists(`kith-tb:ip:${from}`)).toBe(1);
      }
      expect((await post(0)).headers.get('ratelimit-remaining')).toBe('1');
      expect((await post(1)).headers.get('ratelimit-remaining')).toBe('0');
      expect((await post(0)).status).toBe(429);
      expect(await redis.exists(`kith-tb:ip:${ip}`)).toBe(1);
    } finally {
      await Promise.all(instances.map(async (yoga) => yoga.dispose()));
    }
  });
});

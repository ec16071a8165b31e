import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestRateLimiter } from './rate-limit.js';

let server: ChildProcess;
let port: number;
const clients: Redis[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function connectedClient() {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, enableOfflineQueue: false });
  clients.push(client);
  await client.connect();
  return client;
}

beforeAll(async () => {
  port = await freePort();
  server = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  // Wait for the server's own "Ready to accept connections" line.
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => /Ready to accept connections/.test(chunk.toString()) && resolve());
    server.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit()));
  server?.kill();
});

describe('rate limits in Redis', () => {
  it('shares one budget between two limiter instances (two Kith processes)', async () => {
    const limits = { perMinute: 3, anonymousPerMinute: 2 };
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
});

// Two Kith server processes (server/main.ts, as `npm start` runs it) on one PostgreSQL and one Redis
// server: a subscriber of the first receives a change made through the second. PostgreSQL is the suite's
// server when it runs on one (CI's second run), otherwise a throwaway cluster from Debian's binaries.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSecretToken, hashToken } from '../../auth/tokens.js';
import { startRedis } from '../../test/local-services.js';
import { testPostgres } from '../../test/postgres-server.js';
import { collect, FEED, wsClient } from './feed.test-helpers.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const cleanups: Array<() => void | Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, 30_000);

/** Resolves with the first match of `pattern` in the process's output; rejects if it exits first. */
function outputMatch(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpMatchArray> {
  return new Promise((done, fail) => {
    let output = '';
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) done(match);
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => fail(new Error(`${what} exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
  });
}

async function redisServer(): Promise<string> {
  const redis = await startRedis();
  cleanups.push(redis.stop);
  return redis.url;
}

/** A database for the two processes, migrated; the first process finds nothing left to apply. */
async function postgresDatabase(): Promise<string> {
  const postgres = await testPostgres('kith_two_processes');
  cleanups.push(postgres.stop);
  return postgres.url;
}

async function startKith(databaseUrl: string, redisUrl: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kith-two-data-'));
  const kith = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      TEST_DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    if (kith.exitCode === null) {
      kith.kill('SIGTERM');
      await new Promise((done) => kith.once('exit', done));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  const [, url] = await outputMatch(kith, /Kith is listening on (http:\/\/127\.0\.0\.1:\d+)\/graphql/, 'Kith');
  return url!;
}

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  while (!condition() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 5));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('activity feed across two server processes', () => {
  it('delivers a change made through one process to a subscriber of the other, through Redis', async () => {
    const [redisUrl, databaseUrl] = await Promise.all([redisServer(), postgresDatabase()]);
    // One after the other, as a rolling start would: the first checks the migrations.
    const first = await startKith(databaseUrl, redisUrl);
    const second = await startKith(databaseUrl, redisUrl);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    cleanups.push(() => db.end());
    const secret = `kith_${generateSecretToken()}`;
    const {
      rows: [user],
    } = await db.query(
      `INSERT INTO "User" (id, name, email, "passwordHash", "ageConfirmedAt", "emailVerifiedAt", "updatedAt") VALUES (gen_random_uuid(), 'Ops', 'ops@example.com', 'x', now(), now(), now()) RETURNING id`,
    );
    const {
      rows: [workspace],
    } = await db.query(`INSERT INTO "Workspace" (id, name, "updatedAt") VALUES (gen_random_uuid(), 'Two', now()) RETURNING id`);
    await db.query(`INSERT INTO "Membership" (id, "workspaceId", "userId", role, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'OWNER', now())`, [
      workspace.id,
      user.id,
    ]);
    await db.query(
      `INSERT INTO "ApiKey" (id, "workspaceId", "createdById", role, name, prefix, "secretHash") VALUES (gen_random_uuid(), $1, $2, 'ADMIN', 'ops', $3, $4)`,
      [workspace.id, user.id, secret.slice(0, 11), hashToken(secret)],
    );
    const workspaceId = Buffer.from(`Workspace:${workspace.id}`).toString('base64');
    const authorization = `Bearer ${secret}`;
    const createCompany = (url: string, name: string) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, 'x-workspace-id': workspaceId },
        body: JSON.stringify({ query: `mutation($name: String!) { createCompany(input: { name: $name }) { id } }`, variables: { name } }),
      }).then((response) => response.json() as Promise<{ data?: { createCompany: { id: string } }; errors?: unknown }>);

    const subscriber = wsClient(first, { authorization, workspaceId });
    cleanups.push(() => subscriber.dispose());
    // From the start of history: the first change arrives (replayed or live) once the subscription is live,
    // and the next one, made through the other process, can only come through Redis.
    const feed = collect(subscriber, FEED, { after: '0' }, (r) => r.events.length >= 2 || r.errors.length > 0);
    const local = await createCompany(first, 'Local');
    expect(local.errors).toBeUndefined();
    await until(() => feed.received.events.length >= 1, 'the local event');
    const remote = await createCompany(second, 'Remote');
    expect(remote.errors).toBeUndefined();
    await until(() => feed.received.events.length >= 2 || feed.received.errors.length > 0, 'the change made through the other process');

    expect(feed.received.errors).toEqual([]);
    const [localEvent, remoteEvent] = feed.received.events;
    expect(remoteEvent).toMatchObject({ verb: 'created', entityType: 'Company', entityId: remote.data!.createCompany.id });
    expect(remoteEvent!.sequence).toBe(localEvent!.sequence + 1);
  }, 90_000);
});

// Starts the real entry point as a child process, as `npm start` does (compiled, under node alone), on a fresh
// data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildServer, startArguments } from './build.js';
import { buildPgliteSnapshot } from './db/pglite-snapshot.js';

const dirs: string[] = [];

beforeAll(async () => {
  await buildServer();
  await buildPgliteSnapshot();
}, 60_000);

function startKith(dataDir: string) {
  const child = spawn(process.execPath, startArguments(), {
    cwd: tmpdir(),
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Kith exited early (${code}): ${output}`)));
  });
  return { child, port, output: () => output };
}

function exitOf(child: ChildProcess) {
  return new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
}

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('server entry point', () => {
  it('migrates an empty embedded database, serves, and shuts down cleanly on SIGTERM; a restart keeps the data', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kith-main-'));
    dirs.push(dataDir);

    const first = startKith(dataDir);
    const port = await first.port;
    expect(first.output()).toMatch(/Created the embedded database from the snapshot of \d+ migrations/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const signUp = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: SignUpInput!) { signUp(input: $i) { email } }',
        variables: {
          i: { name: 'Grace', email: 'grace@example.com', password: 'violet lantern orbits 7 quiet harbors', workspaceName: 'Navy', confirmAge16OrOlder: true },
        },
      }),
    });
    expect(await signUp.json()).toEqual({ data: { signUp: { email: 'grace@example.com' } } });
    const exited = exitOf(first.child);
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(first.output()).toMatch(/SIGTERM received/);

    const second = startKith(dataDir);
    const secondPort = await second.port;
    expect(second.output()).not.toMatch(/Applied migrations/);
    const signIn = await fetch(`http://127.0.0.1:${secondPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { signIn(email: "grace@example.com", password: "violet lantern orbits 7 quiet harbors") { name } }' }),
    });
    expect(await signIn.json()).toEqual({ data: { signIn: { name: 'Grace' } } });
    const secondExit = exitOf(second.child);
    second.child.kill('SIGTERM');
    expect(await secondExit).toBe(0);
  }, 90_000);

  it('on SIGTERM stops accepting, lets a request in flight finish, asks live sockets to reconnect, and exits 0', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kith-main-'));
    dirs.push(dataDir);
    const kith = startKith(dataDir);
    const port = await kith.port;

    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    const acked = new Promise<void>((resolve) => socket.on('message', (data) => JSON.parse(String(data)).type === 'connection_ack' && resolve()));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    await acked;
    const socketClosed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));

    // A request whose body is still arriving when the signal comes.
    const body = new TextEncoder().encode(JSON.stringify({ query: '{ __typename }' }));
    let finishBody!: () => void;
    const rest = new Promise<void>((resolve) => (finishBody = resolve));
    let bodyStarted!: () => void;
    const started = new Promise<void>((resolve) => (bodyStarted = resolve));
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        pulls += 1;
        if (pulls === 1) {
          controller.enqueue(body.slice(0, 5));
          return bodyStarted();
        }
        await rest;
        controller.enqueue(body.slice(5));
        controller.close();
      },
    });
    const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    // The body is being sent, so the connection is open; a request on a later connection being answered means
    // the server has taken the earlier one too (it accepts connections in order).
    await started;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { connection: 'close' } })).status).toBe(200);

    const exited = exitOf(kith.child);
    kith.child.kill('SIGTERM');
    await expect.poll(() => kith.output(), { timeout: 10_000 }).toMatch(/SIGTERM received/);
    expect(await socketClosed).toBe(1012);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    finishBody();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(await exited).toBe(0);
  }, 90_000);
});

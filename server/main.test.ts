// Starts the real entry point as a child process, as `npm start` does, on a fresh data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const dirs: string[] = [];

function startKith(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
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
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
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
    expect(first.output()).toMatch(/Applied migrations: \d+_init/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const signUp = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: SignUpInput!) { signUp(input: $i) { email } }',
        variables: { i: { name: 'Grace', email: 'grace@example.com', password: 'violet lantern orbits 7 quiet harbors', workspaceName: 'Navy', confirmAge16OrOlder: true } },
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
});

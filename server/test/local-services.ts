// Real local servers that tests start themselves, on 127.0.0.1 and a free port. `.ci/provision.sh`
// installs their binaries; a missing one fails the test at once with the command to run.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
      .once('error', fail)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
  });
}

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;

/** Debian's redis-server, with no persistence, until `stop()`. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => redis.once('close', () => done()));
  const stop = async () => {
    if (redis.exitCode === null && redis.signalCode === null) redis.kill('SIGTERM');
    await exited;
  };
  try {
    await new Promise<void>((ready, fail) => {
      let output = '';
      const timer = setTimeout(() => fail(new Error(`redis-server was not ready after ${READY_TIMEOUT_MS} ms:\n${output}`)), READY_TIMEOUT_MS);
      const settle = (error?: Error) => {
        clearTimeout(timer);
        if (error) fail(error);
        else ready();
      };
      redis.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) settle();
      });
      redis.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
      redis.once('error', (error: NodeJS.ErrnoException) =>
        settle(error.code === 'ENOENT' ? new Error('redis-server is not installed: run `bash .ci/provision.sh` (or apt-get install -y redis-server).') : error),
      );
      redis.once('exit', (code) => settle(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}

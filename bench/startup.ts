// npm run bench:startup — time from process spawn to the first /healthz 200 of the compiled server (as
// `npm start` runs it), on a fresh embedded database (cold: migrations run) and again on the same data
// directory (warm). Targets: cold <= 3 s, warm <= 1.5 s. A cold start loads the migrated snapshot built at install.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, startArguments } from '../server/build.js';
import { buildPgliteSnapshot } from '../server/db/pglite-snapshot.js';

await buildServer();
await buildPgliteSnapshot();

async function timeToHealthy(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, startArguments(), {
    cwd: tmpdir(),
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (performance.now() - started > 60_000) throw new Error('Kith did not become healthy within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'kith-bench-startup-'));
try {
  const cold = await timeToHealthy(dataDir, 4701);
  const warm = await timeToHealthy(dataDir, 4702);
  const load = loadavg()[0]!.toFixed(1);
  console.log(`cold start to first /healthz 200 (fresh PGlite, from the snapshot): ${cold.toFixed(0)} ms (target 3000 ms, load ${load})`);
  console.log(`warm start to first /healthz 200 (existing data directory):        ${warm.toFixed(0)} ms (target 1500 ms, load ${load})`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

// `npm run server:build` (run by postinstall): the server compiled to plain JavaScript in dist/server, file for
// file, so `npm start` runs under node alone (dependencies stay in node_modules; tests are left out), and the
// migrated embedded database a new data directory starts from (db/pglite-snapshot.ts).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildPgliteSnapshot } from './db/pglite-snapshot.js';
import { PROJECT_ROOT } from './project-root.js';

export const SERVER_OUT_DIR = join(PROJECT_ROOT, 'dist', 'server');

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !relative(dir, path).startsWith('test/'));
}

/**
 * node's arguments as `npm start` gives them (its flags, then dist/server/main.js as an absolute path), for
 * whatever starts the compiled server as a real process (the SIGTERM test, bench:startup, bench:memory).
 */
export function startArguments(): string[] {
  const start = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [command, ...args] = start.trim().split(/\s+/);
  if (command !== 'node' || args.at(-1) !== 'dist/server/main.js') throw new Error(`npm start is not "node [flags] dist/server/main.js": ${start}`);
  return [...args.slice(0, -1), join(SERVER_OUT_DIR, 'main.js')];
}

export async function buildServer(outdir = SERVER_OUT_DIR) {
  const serverDir = join(PROJECT_ROOT, 'server');
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: await sources(serverDir),
    outbase: serverDir,
    outdir,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await buildServer();
  await buildPgliteSnapshot();
}

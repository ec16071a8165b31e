// npm run bench:memory — RSS of the compiled server (as `npm start` runs it, node's flags included) as a real
// process, on embedded PGlite and on PostgreSQL: idle after start, then after 200 contacts pages (50 contacts with
// company, owner, tags and primary email, walked forward by cursor). Targets: PostgreSQL <= 200 MB idle and
// <= 250 MB after the pages; PGlite <= 350 MB. With BENCH_HEAP_SNAPSHOT=<dir> the server writes a heap snapshot
// there after the pages (--heapsnapshot-signal).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { freshBenchDatabase } from './bench-database.js';
import { createAppServices } from '../server/app-services.js';
import { buildServer, startArguments } from '../server/build.js';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { seedRecords } from '../server/seed/records.js';
import { createWorkspaceWithOwner } from '../server/modules/workspaces/workspace.service.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 2_000);
const PAGES = 200;
const IDLE_MS = 5_000;
const SNAPSHOT_DIR = process.env.BENCH_HEAP_SNAPSHOT;

/**
 * The server's own process.memoryUsage(), printed to stderr on SIGUSR2 (a bench-only --import); from the second
 * signal on (after the pages, RSS already read) also the heap still live after a full GC: what is not garbage.
 */
const PROBE = `data:text/javascript,let n=0;process.on('SIGUSR2',()=>{const m=process.memoryUsage();if(++n>1){gc();m.live=process.memoryUsage().heapUsed}process.stderr.write('MEMORY '+JSON.stringify(m)+'\\n')})`;

async function seed(db: Database) {
  const app = createAppServices(loadConfig({ LOG_LEVEL: 'error' }), db, { passwordHashing: 'fast' });
  const user = await db.prisma.user.create({
    data: { name: 'Bench', email: 'bench@example.com', passwordHash: 'x', ageConfirmedAt: new Date(), emailVerifiedAt: new Date() },
  });
  const workspace = await db.prisma.$transaction((tx) => createWorkspaceWithOwner(tx, 'Bench', user.id));
  await seedRecords(db.prisma, { workspaceId: workspace.id, memberIds: [user.id], contacts: CONTACTS });
  const session = await app.auth.createSession(user.id, { ipAddress: null, userAgent: null });
  return { cookie: `kith_session=${session.id}`, workspaceId: encodeGlobalID('Workspace', workspace.id) };
}

const status = async (pid: number) => await readFile(`/proc/${pid}/status`, 'utf8');
const kb = (text: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) / 1024;

function startServer(env: Record<string, string>, port: number) {
  const args = SNAPSHOT_DIR ? ['--heapsnapshot-signal=SIGUSR1', `--diagnostic-dir=${SNAPSHOT_DIR}`] : [];
  const child = spawn(process.execPath, [...args, '--expose-gc', '--import', PROBE, ...startArguments()], {
    cwd: tmpdir(),
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stderr: () => stderr };
}

async function untilHealthy(port: number) {
  const started = performance.now();
  while (
    !(await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (performance.now() - started > 120_000) throw new Error('Kith did not become healthy within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function heapBreakdown(server: ReturnType<typeof startServer>) {
  const before = server.stderr().length;
  server.child.kill('SIGUSR2');
  while (!server.stderr().slice(before).includes('\n')) await new Promise((resolve) => setTimeout(resolve, 20));
  const m = JSON.parse(/MEMORY (.*)/.exec(server.stderr().slice(before))![1]!) as NodeJS.MemoryUsage & { live?: number };
  const mb = (n: number) => (n / 1048576).toFixed(0);
  const live = m.live === undefined ? '' : ` (${mb(m.live)} MB live after a full GC)`;
  return `heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB${live}, external ${mb(m.external)} MB (WASM memories and buffers; array buffers ${mb(m.arrayBuffers)} MB)`;
}

const PAGE_QUERY = `query($after: String) { contacts(first: 50, after: $after) { edges { node { id firstName lastName primaryEmail company { name } owner { name } tags { name } } } pageInfo { endCursor hasNextPage } } }`;

async function walkPages(port: number, auth: { cookie: string; workspaceId: string }) {
  let after: string | null = null;
  for (let i = 0; i < PAGES; i += 1) {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-workspace-id': auth.workspaceId },
      body: JSON.stringify({ query: PAGE_QUERY, variables: { after } }),
    });
    const body = (await response.json()) as { data?: { contacts: { edges: unknown[]; pageInfo: { endCursor: string; hasNextPage: boolean } } } };
    if (!body.data || body.data.contacts.edges.length === 0) throw new Error(`Unexpected response: ${JSON.stringify(body).slice(0, 300)}`);
    after = body.data.contacts.pageInfo.hasNextPage ? body.data.contacts.pageInfo.endCursor : null;
  }
}

interface Figures {
  idle: number;
  afterPages: number;
  peak: number;
  idleHeap: string;
  pagesHeap: string;
}

async function measure(name: string, env: Record<string, string>, auth: { cookie: string; workspaceId: string }, port: number): Promise<Figures> {
  const server = startServer(env, port);
  const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
  try {
    await untilHealthy(port);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idle = kb(await status(server.child.pid!), 'VmRSS');
    const idleHeap = await heapBreakdown(server);
    await walkPages(port, auth);
    const after = await status(server.child.pid!);
    const pagesHeap = await heapBreakdown(server);
    if (SNAPSHOT_DIR) {
      const count = (await readdir(SNAPSHOT_DIR)).length;
      server.child.kill('SIGUSR1');
      while ((await readdir(SNAPSHOT_DIR)).length === count) await new Promise((resolve) => setTimeout(resolve, 200));
      console.log(`${name}: heap snapshot written to ${SNAPSHOT_DIR}`);
    }
    return { idle, afterPages: kb(after, 'VmRSS'), peak: kb(after, 'VmHWM'), idleHeap, pagesHeap };
  } finally {
    server.child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) console.error(`${name}: the server exited with ${code}:\n${server.stderr().slice(-2000)}`);
  }
}

function report(name: string, figures: Figures, idleTarget: number, pagesTarget: number) {
  const load = loadavg()[0]!.toFixed(1);
  const mark = (value: number, target: number) => `${value.toFixed(0)} MB (target <= ${target} MB${value <= target ? '' : ', MISSED'})`;
  console.log(`${name}, server RSS (load ${load}):`);
  console.log(`  idle ${IDLE_MS / 1000} s after the first /healthz 200: ${mark(figures.idle, idleTarget)}; ${figures.idleHeap}`);
  console.log(`  after ${PAGES} contacts pages:            ${mark(figures.afterPages, pagesTarget)}; ${figures.pagesHeap}`);
  console.log(`  peak since start:                      ${figures.peak.toFixed(0)} MB`);
}

await buildServer();

// PGlite: the bench migrates and seeds the data directory, closes it, then the server opens it.
const dataDir = await mkdtemp(join(tmpdir(), 'kith-bench-memory-'));
try {
  const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
  await applyMigrations(db.sql);
  console.log(`Seeding ${CONTACTS.toLocaleString('en')} contacts on PGlite and PostgreSQL...`);
  const auth = await seed(db);
  await db.close();
  const pglite = await measure('PGlite', { DATA_DIR: dataDir, DATABASE_URL: '' }, auth, 4731);

  const postgres = await freshBenchDatabase('kith_bench_memory', 'bench:memory');
  const pgAuth = await seed(postgres.db);
  await postgres.db.close();
  const pg = await measure('PostgreSQL', { DATABASE_URL: postgres.url }, pgAuth, 4732);

  report('PGlite', pglite, 350, 350);
  report('PostgreSQL', pg, 200, 250);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

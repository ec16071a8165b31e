// npm run bench:export — exports a 1,000,000-record workspace on PostgreSQL through the real export job
// (zip of JSON Lines, then CSV) and prints records/s, the export process's peak RSS (the kernel's high-water
// mark, VmHWM) and this process's peak RSS (the job worker as the server runs it, sampled every 20 ms),
// next to the time PostgreSQL itself takes to `COPY ... TO STDOUT` the same rows (psql, output discarded).
// BENCH_EXPORT_IN_SERVER=1 also writes each archive inside this process, as on PGlite, for comparison.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freshBenchDatabase } from './bench-database.js';
import { createAppServices } from '../server/app-services.js';
import { loadConfig } from '../server/config.js';
import type { Database } from '../server/db/database.js';
import type { AppServices } from '../server/app-services.js';
import { jobHandlers } from '../server/jobs/registry.js';
import { JobWorker } from '../server/jobs/worker.js';
import { exportSources } from '../server/modules/exports/export-sources.js';
import { WORKSPACE_EXPORT } from '../server/modules/exports/exports.service.js';
import { enqueueJob } from '../server/jobs/queue.js';

const run = promisify(execFile);
const TOTAL = Number(process.env.BENCH_RECORDS ?? 1_000_000);

/** Bulk-loads `total` records: contacts with an email each, companies, deals, notes and activities. */
async function seed(db: Database, workspaceId: string, userId: string, total: number) {
  const n = (share: number) => Math.round(total * share);
  await db.sql.exec(`
SET session_replication_role = replica;
INSERT INTO "Pipeline" (id, "workspaceId", name, "updatedAt") VALUES ('00000000-0000-7000-8000-00000000b001', '${workspaceId}', 'Sales', now());
INSERT INTO "PipelineStage" (id, "workspaceId", "pipelineId", name, position) VALUES ('00000000-0000-7000-8000-00000000b002', '${workspaceId}', '00000000-0000-7000-8000-00000000b001', 'Lead', 0);
INSERT INTO "Company" (id, "workspaceId", name, "sortName", domain, industry, city, "ownerId", "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', 'Company ' || i, '', 'company' || i || '.com', 'Software', 'Berlin', '${userId}', now() FROM generate_series(1, ${n(0.05)}) i;
INSERT INTO "Contact" (id, "workspaceId", "firstName", "lastName", "sortName", "jobTitle", "ownerId", "updatedAt")
  SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '${workspaceId}', 'First' || i, 'Last' || i, '', 'Head of sales', '${userId}', now() FROM generate_series(1, ${n(0.35)}) i;
INSERT INTO "ContactEmail" (id, "workspaceId", "contactId", email, "isPrimary")
  SELECT gen_random_uuid(), '${workspaceId}', ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'person' || i || '@example.com', true FROM generate_series(1, ${n(0.35)}) i;
INSERT INTO "Deal" (id, "workspaceId", name, "sortName", "pipelineId", "stageId", "ownerId", "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', 'Deal ' || i, '', '00000000-0000-7000-8000-00000000b001', '00000000-0000-7000-8000-00000000b002', '${userId}', now() FROM generate_series(1, ${n(0.05)}) i;
INSERT INTO "Note" (id, "workspaceId", body, "contactId", "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', 'Met at the conference; wants a demo of the reporting and a proposal before the quarter ends. ' || i, ('00000000-0000-7000-8000-' || lpad(to_hex(1 + i % ${n(0.35)}), 12, '0'))::uuid, now() FROM generate_series(1, ${n(0.1)}) i;
INSERT INTO "Activity" (id, "workspaceId", type, subject, "contactId", "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', 'CALL', 'Follow-up call ' || i, ('00000000-0000-7000-8000-' || lpad(to_hex(1 + i % ${n(0.35)}), 12, '0'))::uuid, now() FROM generate_series(1, ${n(0.1)}) i;
SET session_replication_role = DEFAULT;
ANALYZE;`);
}

async function copyAll(url: string, workspaceId: string): Promise<number> {
  const started = performance.now();
  for (const source of exportSources()) {
    const query = `COPY (SELECT * FROM "${source.table}" t WHERE ${source.scope.replace('$1', `'${workspaceId}'`)}) TO STDOUT`;
    await run('psql', [url, '-q', '-o', '/dev/null', '-c', query], { maxBuffer: 1024 * 1024 * 1024 });
  }
  return performance.now() - started;
}

const { db, url } = await freshBenchDatabase('kith_export_bench', 'bench:export');
const filesDir = await mkdtemp(join(tmpdir(), 'kith-export-bench-'));
const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', DATA_DIR: filesDir }), filesDir };
const app = createAppServices(config, db, { passwordHashing: 'fast' });
const user = await db.prisma.user.create({
  data: { name: 'Owner', email: 'owner@bench.test', passwordHash: 'x', ageConfirmedAt: new Date(), emailVerifiedAt: new Date() },
});
const workspace = await db.prisma.workspace.create({ data: { name: 'Bench', memberships: { create: { userId: user.id, role: 'OWNER' } } } });
console.log(`PostgreSQL: seeding ${TOTAL.toLocaleString('en')} records...`);
await seed(db, workspace.id, user.id, TOTAL);

/** Peak RSS of this process's export processes alive now, by pid (from the kernel's high-water marks). */
async function exportProcessPeaks(peaks: Map<number, number>) {
  for (const thread of await readdir(`/proc/${process.pid}/task`)) {
    const children = await readFile(`/proc/${process.pid}/task/${thread}/children`, 'utf8').catch(() => '');
    for (const pid of children.split(' ').filter(Boolean).map(Number)) {
      const [cmdline, status] = await Promise.all([readFile(`/proc/${pid}/cmdline`, 'utf8'), readFile(`/proc/${pid}/status`, 'utf8')]).catch(() => ['', '']);
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (cmdline.includes('export-process.main') && hwm) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(hwm[1]) * 1024));
    }
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function timeExport(services: AppServices, format: 'JSON' | 'CSV', where: string) {
  const row = await db.prisma.workspaceExport.create({ data: { workspaceId: workspace.id, format, requestedById: user.id } });
  await enqueueJob(db.prisma, WORKSPACE_EXPORT, { exportId: row.id });
  const worker = new JobWorker(db.prisma, jobHandlers(services), { logger: services.logger });
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const exportPeaks = new Map<number, number>();
  let sampling = Promise.resolve();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
    sampling = sampling.then(() => exportProcessPeaks(exportPeaks));
  }, 20);
  const started = performance.now();
  while (await worker.runNext());
  const ms = performance.now() - started;
  clearInterval(sampler);
  await sampling;
  const done = await db.prisma.workspaceExport.findUniqueOrThrow({ where: { id: row.id } });
  if (done.status !== 'DONE') throw new Error(`Export ended ${done.status}: ${done.error}`);
  const exportPeak = exportPeaks.size ? `export process peak RSS ${mb(Math.max(...exportPeaks.values()))}; ` : '';
  console.log(
    `  ${format} (${where}): ${done.recordsDone.toLocaleString('en')} records in ${(ms / 1000).toFixed(1)} s = ${Math.round(done.recordsDone / (ms / 1000)).toLocaleString('en')} records/s; ` +
      `archive ${mb(Number(done.byteSize))}; ${exportPeak}this process peak RSS ${mb(peak)} (${mb(baseline)} before)`,
  );
}

const copyMs = await copyAll(url, workspace.id);
for (const format of ['JSON', 'CSV'] as const) await timeExport(app, format, 'own process');
if (process.env.BENCH_EXPORT_IN_SERVER) {
  // Without a connection string the export is written in this process, as it is on PGlite.
  const inServer = createAppServices(config, { ...db, url: undefined }, { passwordHashing: 'fast' });
  for (const format of ['JSON', 'CSV'] as const) await timeExport(inServer, format, 'in this process');
  await inServer.activityHub.close();
}
console.log(`  COPY ... TO STDOUT of the same tables: ${(copyMs / 1000).toFixed(1)} s = ${Math.round(TOTAL / (copyMs / 1000)).toLocaleString('en')} records/s`);
console.log('  targets: >= 50,000 records/s, export peak RSS under 300 MB');
await app.activityHub.close();
await db.close();
await rm(filesDir, { recursive: true, force: true });

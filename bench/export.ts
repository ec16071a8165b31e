// npm run bench:export — exports a 1,000,000-record workspace on PostgreSQL through the real export job
// (zip of JSON Lines, then CSV) and prints records/s and the process's peak RSS, next to the time
// PostgreSQL itself takes to `COPY ... TO STDOUT` the same rows (psql, output discarded).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { createAppServices } from '../server/app-services.js';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
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

const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!baseUrl) throw new Error('Run through npm run bench:export (it starts a PostgreSQL).');
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS kith_export_bench WITH (FORCE)');
await admin.query('CREATE DATABASE kith_export_bench');
await admin.end();
const url = new URL(baseUrl);
url.pathname = '/kith_export_bench';
const db = await openDatabase({ url: url.toString() });
await applyMigrations(db.sql);
const filesDir = await mkdtemp(join(tmpdir(), 'kith-export-bench-'));
const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', DATA_DIR: filesDir }), filesDir };
const app = createAppServices(config, db, { passwordHashing: 'fast' });
const user = await db.prisma.user.create({ data: { name: 'Owner', email: 'owner@bench.test', passwordHash: 'x', ageConfirmedAt: new Date(), emailVerifiedAt: new Date() } });
const workspace = await db.prisma.workspace.create({ data: { name: 'Bench', memberships: { create: { userId: user.id, role: 'OWNER' } } } });
console.log(`PostgreSQL: seeding ${TOTAL.toLocaleString('en')} records...`);
await seed(db, workspace.id, user.id, TOTAL);

const copyMs = await copyAll(url.toString(), workspace.id);
const worker = new JobWorker(db.prisma, jobHandlers(app), { logger: app.logger });
for (const format of ['JSON', 'CSV'] as const) {
  const row = await db.prisma.workspaceExport.create({ data: { workspaceId: workspace.id, format, requestedById: user.id } });
  await enqueueJob(db.prisma, WORKSPACE_EXPORT, { exportId: row.id });
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  while (await worker.runNext());
  const ms = performance.now() - started;
  clearInterval(sampler);
  const done = await db.prisma.workspaceExport.findUniqueOrThrow({ where: { id: row.id } });
  if (done.status !== 'DONE') throw new Error(`Export ended ${done.status}: ${done.error}`);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(`  ${format}: ${done.recordsDone.toLocaleString('en')} records in ${(ms / 1000).toFixed(1)} s = ${Math.round(done.recordsDone / (ms / 1000)).toLocaleString('en')} records/s; archive ${mb(Number(done.byteSize))}; peak RSS ${mb(peak)} (${mb(baseline)} before)`);
}
console.log(`  COPY ... TO STDOUT of the same tables: ${(copyMs / 1000).toFixed(1)} s = ${Math.round(TOTAL / (copyMs / 1000)).toLocaleString('en')} records/s`);
console.log('  targets: >= 50,000 records/s, RSS under 300 MB');
await app.activityHub.close();
await db.close();
await rm(filesDir, { recursive: true, force: true });

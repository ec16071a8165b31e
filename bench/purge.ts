// npm run bench:purge [-- --records 1000000] — purges a deleted workspace of that many records on PostgreSQL
// through the real job (bounded batches) while another workspace serves reads, and prints the purge's rows/s,
// the other workspace's read p50/p95 without and during the purge, and the load average. Records are
// bulk-loaded with triggers off (contacts with an email each, companies, deals with a contact, notes,
// activities, feed events), then their search documents are built set-wise by the triggers' own SQL.
import { cpus, loadavg } from 'node:os';
import { freshBenchDatabase } from './bench-database.js';
import { createAppServices } from '../server/app-services.js';
import { loadConfig } from '../server/config.js';
import type { Database } from '../server/db/database.js';
import { createKithYoga } from '../server/http/yoga.js';
import { enqueueJob } from '../server/jobs/queue.js';
import { jobHandlers } from '../server/jobs/registry.js';
import { JobWorker } from '../server/jobs/worker.js';
import { WORKSPACE_PURGE } from '../server/modules/privacy/workspace-deletion.service.js';
import { encodeGlobalID } from '@pothos/plugin-relay';

const flag = process.argv.indexOf('--records');
const TOTAL = Number(flag >= 0 ? process.argv[flag + 1] : (process.env.BENCH_RECORDS ?? 1_000_000));
const LIVE_RECORDS = Math.min(100_000, TOTAL);
const READERS = 4;
const BASELINE_MS = 10_000;

async function bulkLoad(db: Database, workspaceId: string, userId: string, total: number) {
  const n = (share: number) => Math.max(1, Math.round(total * share));
  const contact = (i: string) => `md5('${workspaceId}c' || ${i})::uuid`;
  await db.sql.exec(`
SET session_replication_role = replica;
INSERT INTO "Pipeline" (id, "workspaceId", name, "updatedAt") VALUES (md5('${workspaceId}p')::uuid, '${workspaceId}', 'Sales', now());
INSERT INTO "PipelineStage" (id, "workspaceId", "pipelineId", name, position) VALUES (md5('${workspaceId}s')::uuid, '${workspaceId}', md5('${workspaceId}p')::uuid, 'Lead', 0);
INSERT INTO "Company" (id, "workspaceId", name, "sortName", domain, city, "ownerId", "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', 'Company ' || i, 'company ' || i, 'company' || i || '.com', 'Berlin', '${userId}', now() FROM generate_series(1, ${n(0.05)}) i;
INSERT INTO "Contact" (id, "workspaceId", "firstName", "lastName", "sortName", "jobTitle", "ownerId", "updatedAt")
  SELECT ${contact('i')}, '${workspaceId}', 'First' || i, 'Last' || i, 'last' || i, 'Head of sales', '${userId}', now() FROM generate_series(1, ${n(0.35)}) i;
INSERT INTO "ContactEmail" (id, "workspaceId", "contactId", email, "isPrimary")
  SELECT gen_random_uuid(), '${workspaceId}', ${contact('i')}, 'person' || i || '@example.com', true FROM generate_series(1, ${n(0.35)}) i;
INSERT INTO "Deal" (id, "workspaceId", name, "sortName", "pipelineId", "stageId", "ownerId", "updatedAt")
  SELECT md5('${workspaceId}d' || i)::uuid, '${workspaceId}', 'Deal ' || i, 'deal ' || i, md5('${workspaceId}p')::uuid, md5('${workspaceId}s')::uuid, '${userId}', now() FROM generate_series(1, ${n(0.05)}) i;
INSERT INTO "DealContact" ("dealId", "contactId") SELECT md5('${workspaceId}d' || i)::uuid, ${contact('i')} FROM generate_series(1, ${n(0.05)}) i;
INSERT INTO "Note" (id, "workspaceId", body, "contactId", "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', 'Met at the conference; wants a demo before the quarter ends. ' || i, ${contact(`(1 + i % ${n(0.35)})`)}, now() FROM generate_series(1, ${n(0.1)}) i;
INSERT INTO "Activity" (id, "workspaceId", type, subject, "contactId", "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', 'CALL', 'Follow-up call ' || i, ${contact(`(1 + i % ${n(0.35)})`)}, now() FROM generate_series(1, ${n(0.1)}) i;
INSERT INTO "ActivityEvent" (id, "workspaceId", sequence, "actorUserId", verb, "entityType", "entityId")
  SELECT gen_random_uuid(), '${workspaceId}', i, '${userId}', 'created', 'Contact', ${contact(`(1 + i % ${n(0.35)})`)} FROM generate_series(1, ${n(0.2)}) i;
SET session_replication_role = DEFAULT;`);
  // Search documents, as the triggers would have written them.
  await db.sql.query(
    `SELECT kith_search_refresh(k, ARRAY(SELECT id FROM "Contact" WHERE "workspaceId" = $1 UNION ALL SELECT id FROM "Company" WHERE "workspaceId" = $1
    UNION ALL SELECT id FROM "Deal" WHERE "workspaceId" = $1 UNION ALL SELECT id FROM "Note" WHERE "workspaceId" = $1 UNION ALL SELECT id FROM "Activity" WHERE "workspaceId" = $1))
    FROM unnest(ARRAY['CONTACT', 'COMPANY', 'DEAL', 'NOTE', 'ACTIVITY']::"SearchEntityType"[]) k`,
    [workspaceId],
  );
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
const describe = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms (${sorted.length} reads)`;
};

const { db } = await freshBenchDatabase('kith_purge_bench', 'bench:purge');
const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', PUBLIC_URL: 'http://localhost:4000', RATE_LIMIT_PER_MINUTE: '0' });
const app = createAppServices(config, db, { passwordHashing: 'fast' });
const yoga = createKithYoga(app);
const user = await db.prisma.user.create({
  data: { name: 'Owner', email: 'owner@bench.test', passwordHash: 'x', ageConfirmedAt: new Date(), emailVerifiedAt: new Date() },
});
const doomed = await db.prisma.workspace.create({ data: { name: 'Doomed', memberships: { create: { userId: user.id, role: 'OWNER' } } } });
const live = await db.prisma.workspace.create({ data: { name: 'Live', memberships: { create: { userId: user.id, role: 'OWNER' } } } });
let started = performance.now();
console.log(`PostgreSQL: seeding ${TOTAL.toLocaleString('en')} records to purge and ${LIVE_RECORDS.toLocaleString('en')} to read...`);
await bulkLoad(db, doomed.id, user.id, TOTAL);
await bulkLoad(db, live.id, user.id, LIVE_RECORDS);
await db.sql.exec('VACUUM ANALYZE');
const rowsBefore = (
  await db.sql.query<{ n: string }>(
    `SELECT sum(n)::text AS n FROM (${[
      'Company',
      'Contact',
      'ContactEmail',
      'Deal',
      'Note',
      'Activity',
      'ActivityEvent',
      'SearchDocument',
      'Pipeline',
      'PipelineStage',
    ]
      .map((t) => `SELECT count(*) AS n FROM "${t}" WHERE "workspaceId" = '${doomed.id}'`)
      .join(' UNION ALL ')}) c`,
  )
)[0]!.n;
const dealContacts = (
  await db.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "DealContact" dc JOIN "Deal" d ON d.id = dc."dealId" WHERE d."workspaceId" = $1`, [
    doomed.id,
  ])
)[0]!.n;
const totalRows = Number(rowsBefore) + Number(dealContacts);
console.log(
  `  seeded in ${((performance.now() - started) / 1000).toFixed(0)} s: ${totalRows.toLocaleString('en')} rows to purge (search documents, emails, events and links included)`,
);

// Readers: the other workspace's contacts page and a contact's timeline-sized read, as its members would.
const session = await app.auth.createSession(user.id, { ipAddress: null, userAgent: null });
const headers = { 'content-type': 'application/json', cookie: `kith_session=${session.id}`, 'x-workspace-id': encodeGlobalID('Workspace', live.id) };
const QUERY = `{ contacts(first: 25) { totalCount edges { node { id name emails { email } company { name } } } } }`;
async function read(): Promise<number> {
  const t = performance.now();
  const response = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body: JSON.stringify({ query: QUERY }) });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`Read failed: ${JSON.stringify(body.errors)}`);
  return performance.now() - t;
}
async function readWhile(until: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (!until()) latencies.push(await read());
    }),
  );
  return latencies;
}
const loads: number[] = [];
const sampler = setInterval(() => loads.push(loadavg()[0]!), 1000);

for (let i = 0; i < 20; i++) await read(); // warm up
const baselineEnd = performance.now() + BASELINE_MS;
const baseline = await readWhile(() => performance.now() > baselineEnd);
const loadBefore = Math.max(...loads.splice(0));

await db.prisma.workspace.update({ where: { id: doomed.id }, data: { closedAt: new Date(), purgeAfter: new Date() } });
await enqueueJob(db.prisma, WORKSPACE_PURGE, { workspaceId: doomed.id });
const worker = new JobWorker(db.prisma, jobHandlers(app), { logger: app.logger });
let purging = true;
started = performance.now();
const purge = (async () => {
  while (await worker.runNext());
  purging = false;
})();
const during = await readWhile(() => !purging);
await purge;
const purgeMs = performance.now() - started;
clearInterval(sampler);
const job = await db.prisma.job.findFirstOrThrow({ where: { kind: WORKSPACE_PURGE } });
if (job.status !== 'DONE' || (await db.prisma.workspace.count({ where: { id: doomed.id } })) > 0)
  throw new Error(`The purge did not finish: ${job.status} ${job.lastError}`);

console.log(
  `  purge: ${totalRows.toLocaleString('en')} rows in ${(purgeMs / 1000).toFixed(1)} s = ${Math.round(totalRows / (purgeMs / 1000)).toLocaleString('en')} rows/s, 1 attempt, batches of 2,000 rows`,
);
console.log(`  other workspace's contacts page (${READERS} readers): ${describe(baseline)} without the purge; ${describe(during)} during it`);
console.log(`  load average (1 min, ${cpus().length} cores): ${loadBefore.toFixed(2)} before, up to ${Math.max(loadavg()[0]!, ...loads).toFixed(2)} during`);
await app.activityHub.close();
await yoga.dispose();
await db.close();

// npm run bench:contacts — the contacts list page (50 contacts with company, owner, tags and primary
// email) over 100k contacts on PostgreSQL, through the full GraphQL stack, next to the same rows fetched
// with hand-written SQL through `pg` in the same run. Prints medians and their ratio (target <= 1.3x).
import pg from 'pg';
import { freshBenchDatabase } from './bench-database.js';
import { createAppServices } from '../server/app-services.js';
import { loadConfig } from '../server/config.js';
import { createKithYoga } from '../server/http/yoga.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { seedRecords } from '../server/seed/records.js';
import { createWorkspaceWithOwner } from '../server/modules/workspaces/workspaces.service.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const { db, url } = await freshBenchDatabase('kith_bench', 'bench:contacts');
const app = createAppServices({ ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error' }), signInSlowdownMs: 0 }, db, { passwordHashing: 'fast' });
const yoga = createKithYoga(app);

const user = await db.prisma.user.create({ data: { name: 'Bench', email: 'bench@example.com', passwordHash: 'x', ageConfirmedAt: new Date(), emailVerifiedAt: new Date() } });
const workspace = await db.prisma.$transaction((tx) => createWorkspaceWithOwner(tx, 'Bench', user.id));
console.log(`Seeding ${CONTACTS.toLocaleString('en')} contacts...`);
await seedRecords(db.prisma, { workspaceId: workspace.id, memberIds: [user.id], contacts: CONTACTS });
await db.sql.exec('ANALYZE');
const session = await app.auth.createSession(user.id, { ipAddress: null, userAgent: null });

const QUERY = `{ contacts(first: 50) { edges { node { id firstName lastName primaryEmail company { name } owner { name } tags { name } } } } }`;
const headers = { 'content-type': 'application/json', cookie: `kith_session=${session.id}`, 'x-workspace-id': encodeGlobalID('Workspace', workspace.id) };

async function graphqlPage() {
  const response = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body: JSON.stringify({ query: QUERY }) });
  const body = (await response.json()) as { data?: { contacts: { edges: unknown[] } }; errors?: unknown };
  if (!body.data || body.data.contacts.edges.length !== 50) throw new Error(`Unexpected response: ${JSON.stringify(body).slice(0, 300)}`);
}

const pool = new pg.Pool({ connectionString: url, max: 2 });
const SQL = `
  SELECT c.id, c."firstName", c."lastName",
         (SELECT e.email FROM "ContactEmail" e WHERE e."contactId" = c.id AND e."isPrimary" LIMIT 1) AS email,
         co.name AS company, u.name AS owner,
         COALESCE((SELECT json_agg(t.name ORDER BY t.name) FROM "_ContactToTag" ct JOIN "Tag" t ON t.id = ct."B" WHERE ct."A" = c.id), '[]') AS tags
  FROM "Contact" c
  LEFT JOIN "Company" co ON co.id = c."companyId"
  LEFT JOIN "User" u ON u.id = c."ownerId"
  WHERE c."workspaceId" = $1 AND c."deletedAt" IS NULL
  ORDER BY c."sortName", c.id
  LIMIT 50`;
async function sqlPage() {
  const { rows } = await pool.query(SQL, [workspace.id]);
  if (rows.length !== 50) throw new Error('SQL returned too few rows');
}

async function medianMs(fn: () => Promise<void>) {
  for (let i = 0; i < 5; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
}

const plan = await pool.query(`EXPLAIN ANALYZE ${SQL}`, [workspace.id]);
console.log('plan of the hand-written query:');
for (const row of plan.rows as Array<Record<string, string>>) console.log(`  ${row['QUERY PLAN']}`);
const graphql = await medianMs(graphqlPage);
const sql = await medianMs(sqlPage);
console.log(`contacts page, ${CONTACTS.toLocaleString('en')} contacts, ${RUNS} runs each`);
console.log(`  GraphQL (yoga + Pothos + Prisma): p50 ${graphql.p50.toFixed(2)} ms, p95 ${graphql.p95.toFixed(2)} ms`);
console.log(`  hand-written SQL through pg:       p50 ${sql.p50.toFixed(2)} ms, p95 ${sql.p95.toFixed(2)} ms`);
console.log(`  ratio (p50): ${(graphql.p50 / sql.p50).toFixed(2)}x (target <= 1.3x)`);

// Custom fields: 20 per contact (a select with five options, a date, numbers and texts), then the same page
// filtered on the select and sorted by the date, beside the page without custom fields.
console.log('Adding 20 custom fields to every contact...');
const OPTIONS = ['lead', 'trial', 'customer', 'churned', 'partner'];
await db.prisma.customField.createMany({
  data: [
    { workspaceId: workspace.id, entity: 'CONTACT', key: 'stage', label: 'Stage', type: 'SELECT', position: 0, options: OPTIONS.map((id, position) => ({ id, label: id, colour: 'gray', position })) },
    { workspaceId: workspace.id, entity: 'CONTACT', key: 'renewal', label: 'Renewal', type: 'DATE', position: 1 },
    ...Array.from({ length: 9 }, (_, i) => ({ workspaceId: workspace.id, entity: 'CONTACT' as const, key: `score${i}`, label: `Score ${i}`, type: 'NUMBER' as const, position: 2 + i })),
    ...Array.from({ length: 9 }, (_, i) => ({ workspaceId: workspace.id, entity: 'CONTACT' as const, key: `note${i}`, label: `Note ${i}`, type: 'TEXT' as const, position: 11 + i })),
  ],
});
await pool.query(`
  UPDATE "Contact" SET "customFields" = jsonb_build_object(
      'stage', (ARRAY['lead','trial','customer','churned','partner'])[1 + floor(random() * 5)::int],
      'renewal', to_char(date '2026-01-01' + floor(random() * 730)::int, 'YYYY-MM-DD'))
    || (SELECT jsonb_object_agg('score' || i, floor(random() * 1000)::int) FROM generate_series(0, 8) i)
    || (SELECT jsonb_object_agg('note' || i, md5(random()::text)) FROM generate_series(0, 8) i)
  WHERE "workspaceId" = $1`, [workspace.id]);
await pool.query('VACUUM ANALYZE "Contact"');
const PAGE = `edges { node { id firstName lastName primaryEmail company { name } owner { name } tags { name } } }`;
const CUSTOM = `{ contacts(first: 50, filter: { custom: [{ key: "stage", op: EQ, optionId: "trial" }] }, customSort: { key: "renewal", direction: DESC }) { ${PAGE} } }`;
const PLAIN = `{ contacts(first: 50) { ${PAGE} } }`;
const page = (query: string) => async () => {
  const response = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: { contacts: { edges: unknown[] } }; errors?: unknown };
  if (!body.data || body.data.contacts.edges.length !== 50) throw new Error(`Unexpected response: ${JSON.stringify(body).slice(0, 300)}`);
};
const plain = await medianMs(page(PLAIN));
const custom = await medianMs(page(CUSTOM));
console.log(`contacts page with 20 custom fields each, ${CONTACTS.toLocaleString('en')} contacts, ${RUNS} runs each`);
console.log(`  page of 50, no custom filter or sort:                 p50 ${plain.p50.toFixed(2)} ms, p95 ${plain.p95.toFixed(2)} ms`);
console.log(`  filtered on a select, sorted by a date (custom):     p50 ${custom.p50.toFixed(2)} ms, p95 ${custom.p95.toFixed(2)} ms`);
console.log(`  ratio (p50): ${(custom.p50 / plain.p50).toFixed(2)}x (target <= 2x)`);
await pool.end();
await db.close();

// npm run bench:contacts — the contacts list page (50 contacts with company, owner, tags and primary
// email) over 100k contacts on PostgreSQL: Kith through the full GraphQL stack (session, auth, visibility),
// PostGraphile 4 on the same tables (graphql(), and execute() of a cached document) and the same rows
// fetched with hand-written SQL through `pg`, in the same run, taking turns so load spikes hit all alike.
// Targets: Kith's p50 <= PostGraphile's graphql() and <= 4x the SQL. BENCH_REUSE=1 keeps the seeded
// database between runs (TEST_DATABASE_URL pointing at a server of your own), for profiling.
import { loadavg } from 'node:os';
import pg from 'pg';
import { freshBenchDatabase, reusedBenchDatabase } from './bench-database.js';
import { postgraphilePage } from './postgraphile-page.js';
import { createAppServices } from '../server/app-services.js';
import { loadConfig } from '../server/config.js';
import { createKithYoga } from '../server/http/yoga.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { seedRecords } from '../server/seed/records.js';
import { createWorkspaceWithOwner } from '../server/modules/workspaces/workspace.service.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const reused = process.env.BENCH_REUSE === '1' ? await reusedBenchDatabase('kith_bench', CONTACTS) : null;
const { db, url } = reused ?? (await freshBenchDatabase('kith_bench', 'bench:contacts'));
const app = createAppServices({ ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error' }), signInSlowdownMs: 0 }, db, { passwordHashing: 'fast' });
const yoga = createKithYoga(app);

let user = await db.prisma.user.findUnique({ where: { email: 'bench@example.com' } });
let workspace = await db.prisma.workspace.findFirst({ where: { name: 'Bench' } });
if (!user || !workspace) {
  user = await db.prisma.user.create({
    data: { name: 'Bench', email: 'bench@example.com', passwordHash: 'x', ageConfirmedAt: new Date(), emailVerifiedAt: new Date() },
  });
  const owner = user;
  workspace = await db.prisma.$transaction((tx) => createWorkspaceWithOwner(tx, 'Bench', owner.id));
  console.log(`Seeding ${CONTACTS.toLocaleString('en')} contacts...`);
  await seedRecords(db.prisma, { workspaceId: workspace.id, memberIds: [user.id], contacts: CONTACTS });
  await db.sql.exec('ANALYZE');
}
const session = await app.auth.createSession(user.id, { ipAddress: null, userAgent: null });

const QUERY = `{ contacts(first: 50) { edges { node { id firstName lastName primaryEmail company { name } owner { name } tags { name } } } } }`;
const headers = { 'content-type': 'application/json', cookie: `kith_session=${session.id}`, 'x-workspace-id': encodeGlobalID('Workspace', workspace.id) };

async function kith(query: string, check: (data: Record<string, unknown>) => boolean, signedIn = true) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: signedIn ? headers : { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (!body.data || body.errors || !check(body.data)) throw new Error(`Unexpected response: ${JSON.stringify(body).slice(0, 300)}`);
}
const fiftyContacts = (data: Record<string, unknown>) => (data as { contacts: { edges: unknown[] } }).contacts.edges.length === 50;

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
  const { rows } = await pool.query(SQL, [workspace!.id]);
  if (rows.length !== 50) throw new Error('SQL returned too few rows');
}
const postgraphile = await postgraphilePage(pool, workspace.id);

type Timing = { p50: number; p95: number };
/** Runs each contender once per round, in turn (rotating who goes first), after 5 warm-up rounds. */
async function measure<K extends string>(contenders: Record<K, () => Promise<void>>): Promise<Record<K, Timing>> {
  const names = Object.keys(contenders) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = -5; round < RUNS; round += 1) {
    for (let i = 0; i < names.length; i += 1) {
      const name = names[(i + Math.max(round, 0)) % names.length]!;
      const start = performance.now();
      await contenders[name]();
      if (round >= 0) times[name].push(performance.now() - start);
    }
  }
  const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
  return Object.fromEntries(
    names.map((name) => {
      const sorted = times[name].sort((a, b) => a - b);
      return [name, { p50: at(sorted, 0.5), p95: at(sorted, 0.95) }];
    }),
  ) as Record<K, Timing>;
}
const line = (label: string, t: Timing) => `  ${label.padEnd(52)} p50 ${t.p50.toFixed(2).padStart(6)} ms, p95 ${t.p95.toFixed(2).padStart(6)} ms`;

const plan = await pool.query(`EXPLAIN ANALYZE ${SQL}`, [workspace.id]);
console.log('plan of the hand-written query:');
for (const row of plan.rows as Array<Record<string, string>>) console.log(`  ${row['QUERY PLAN']}`);
const loadBefore = load();
const page = await measure({
  kith: () => kith(QUERY, fiftyContacts),
  postgraphileGraphql: postgraphile.graphql,
  postgraphileExecute: postgraphile.execute,
  sql: sqlPage,
  me: () => kith('{ me { id } }', (data) => data.me != null),
  anonymous: () => kith('{ __typename }', (data) => data.__typename === 'Query', false),
});
console.log(`contacts page of 50, ${CONTACTS.toLocaleString('en')} contacts, ${RUNS} rounds (load average ${loadBefore} before, ${load()} after)`);
console.log(line('Kith through yoga.fetch (session, auth, visibility):', page.kith));
console.log(line('PostGraphile 4 graphql() (no auth):', page.postgraphileGraphql));
console.log(line('PostGraphile 4 execute(), cached parse/validate:', page.postgraphileExecute));
console.log(line('hand-written SQL through pg:', page.sql));
console.log(line('Kith { me { id } } (signed in, one Prisma lookup):', page.me));
console.log(line('Kith anonymous { __typename }:', page.anonymous));
const ratio = (a: Timing, b: Timing) => (a.p50 / b.p50).toFixed(2);
console.log(
  `  Kith / PostGraphile graphql(): ${ratio(page.kith, page.postgraphileGraphql)}x (target <= 1x); Kith / SQL: ${ratio(page.kith, page.sql)}x (target <= 4x); PostGraphile graphql() / SQL: ${ratio(page.postgraphileGraphql, page.sql)}x`,
);

// Custom fields: 20 per contact (a select with five options, a date, numbers and texts), then the same page
// filtered on the select and sorted by the date, beside the page without custom fields.
const OPTIONS = ['lead', 'trial', 'customer', 'churned', 'partner'];
if ((await db.prisma.customField.count({ where: { workspaceId: workspace.id } })) === 0) {
  console.log('Adding 20 custom fields to every contact...');
  await db.prisma.customField.createMany({
    data: [
      {
        workspaceId: workspace.id,
        entity: 'CONTACT',
        key: 'stage',
        label: 'Stage',
        type: 'SELECT',
        position: 0,
        options: OPTIONS.map((id, position) => ({ id, label: id, colour: 'gray', position })),
      },
      { workspaceId: workspace.id, entity: 'CONTACT', key: 'renewal', label: 'Renewal', type: 'DATE', position: 1 },
      ...Array.from({ length: 9 }, (_, i) => ({
        workspaceId: workspace.id,
        entity: 'CONTACT' as const,
        key: `score${i}`,
        label: `Score ${i}`,
        type: 'NUMBER' as const,
        position: 2 + i,
      })),
      ...Array.from({ length: 9 }, (_, i) => ({
        workspaceId: workspace.id,
        entity: 'CONTACT' as const,
        key: `note${i}`,
        label: `Note ${i}`,
        type: 'TEXT' as const,
        position: 11 + i,
      })),
    ],
  });
  await pool.query(
    `
    UPDATE "Contact" SET "customFields" = jsonb_build_object(
        'stage', (ARRAY['lead','trial','customer','churned','partner'])[1 + floor(random() * 5)::int],
        'renewal', to_char(date '2026-01-01' + floor(random() * 730)::int, 'YYYY-MM-DD'))
      || (SELECT jsonb_object_agg('score' || i, floor(random() * 1000)::int) FROM generate_series(0, 8) i)
      || (SELECT jsonb_object_agg('note' || i, md5(random()::text)) FROM generate_series(0, 8) i)
    WHERE "workspaceId" = $1`,
    [workspace.id],
  );
  await pool.query('VACUUM ANALYZE "Contact"');
}
const PAGE = `edges { node { id firstName lastName primaryEmail company { name } owner { name } tags { name } } }`;
const CUSTOM = `{ contacts(first: 50, filter: { custom: [{ key: "stage", op: EQ, optionId: "trial" }] }, customSort: { key: "renewal", direction: DESC }) { ${PAGE} } }`;
const PLAIN = `{ contacts(first: 50) { ${PAGE} } }`;
const customLoad = load();
const custom = await measure({ plain: () => kith(PLAIN, fiftyContacts), custom: () => kith(CUSTOM, fiftyContacts) });
console.log(
  `contacts page with 20 custom fields each, ${CONTACTS.toLocaleString('en')} contacts, ${RUNS} rounds (load average ${customLoad} before, ${load()} after)`,
);
console.log(line('page of 50, no custom filter or sort:', custom.plain));
console.log(line('filtered on a select, sorted by a date (custom):', custom.custom));
console.log(`  ratio (p50): ${ratio(custom.custom, custom.plain)}x (target <= 2x)`);
await app.auth.invalidateSession(session.id);
await pool.end();
await db.close();

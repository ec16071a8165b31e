// npm run bench:search — global search over 1,000,000 mixed records on PostgreSQL, then 100,000 search
// documents on embedded PGlite. On PostgreSQL records are bulk-loaded with INSERT ... SELECT generate_series
// (triggers off) and the search documents built set-wise by the same SQL the triggers use. PGlite is filled
// the way people fill it: `npm run seed`'s records through Prisma (triggers on), then the seed's afterBulkWrite,
// so its statistics are whatever Kith keeps by itself (never an ANALYZE by the bench). Each fixed query runs
// through the full GraphQL stack and as the bare search statement; prints p50/p95/p99 of both and their ratio.
// `npx tsx bench/search.ts` (no DATABASE_URL) runs only the PGlite part.
import { PGlite } from '@electric-sql/pglite';
import { encodeGlobalID } from '@pothos/plugin-relay';
import pg from 'pg';
import { createAppServices } from '../server/app-services.js';
import { loadConfig } from '../server/config.js';
import { openDatabase, pgliteOptionsFor, type Database } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { afterBulkWrite, afterMigrations } from '../server/db/statistics.js';
import { createKithYoga } from '../server/http/yoga.js';
import { queryKeys } from '../server/modules/search/query-keys.js';
import { searchSql } from '../server/modules/search/search.sql.js';
import { SEARCH_TYPES, statementName } from '../server/modules/search/search.service.js';
import { createDefaultPipeline } from '../server/modules/pipelines/pipeline.service.js';
import { seedRecords } from '../server/seed/records.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FIRSTS = [
  'John',
  'Maria',
  'José',
  'Anna',
  'Mohammed',
  'Wei',
  'Olga',
  'Pierre',
  'Zoë',
  'Ahmed',
  'Laura',
  'Jonas',
  'Joan',
  'Johanna',
  'Björn',
  'Chloé',
  'Ingrid',
  'Kenji',
  'Lucía',
  'Noah',
  'Emma',
  'Liam',
  'Sofia',
  'Mateo',
  'Aisha',
  'Ivan',
  'Fatima',
  'Hugo',
  'Léa',
  'Omar',
];
const LASTS = [
  'Smith',
  'García',
  'Müller',
  'Nuñez',
  'Johnson',
  'Rossi',
  'Kowalski',
  'Dubois',
  'Hansen',
  'Novak',
  'Silva',
  'Tanaka',
  'Brown',
  'Schmidt',
  'Jensen',
  'Ivanova',
  'Lopez',
  'Martin',
  'Bernard',
  'Weber',
  'Smithers',
  'Smithson',
  'O’Brien',
  'Andersson',
  'Kim',
  'Nguyen',
  'Haddad',
  'Fischer',
  'Costa',
  'Moreau',
];
const WORDS =
  'renewal pricing forecast budget contract onboarding migration integration security audit invoice discount procurement legal review pilot rollout training webinar roadmap feedback churn expansion upsell quarterly offsite dinner conference demo proposal signature deadline timeline stakeholder champion blocker competitor benchmark latency dashboard export import billing support escalation warranty hardware license seats'.split(
    ' ',
  );
const sqlArray = (items: string[]) => `ARRAY[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`;

interface Fill {
  (db: Database, total: number, workspaceId: string, ownerId: string, memberId: string): Promise<void>;
}

/** Bulk-loads `total` records (mixed types) into an empty migrated database with two users. */
const bulkLoad: Fill = async (db, total, workspaceId, ownerId, memberId) => {
  const n = (share: number) => Math.round(total * share);
  const started = performance.now();
  const F = sqlArray(FIRSTS);
  const L = sqlArray(LASTS);
  const W = sqlArray(WORDS);
  // One word in eight from the CRM vocabulary, the rest from 8,000 made-up words, like real notes' long tail.
  const S = sqlArray(['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'ven', 'dor', 'sil', 'bra', 'po', 'gu', 'fen', 'har', 'ish', 'tel', 'mar', 'co', 'zu', 'pe']);
  const pseudo = `(${S})[1 + (((i % 10007) * 7919 + k * 104729) % 20)] || (${S})[1 + (((i % 10007) * 104729 + k * 7919) / 20 % 20)] || (${S})[1 + ((i * 31 + k * 17) / 400 % 20)]`;
  const words = (count: number) =>
    `array_to_string(ARRAY(SELECT CASE WHEN (i * 13 + k * 7) % 8 = 0 THEN (${W})[1 + (((i % 10007) * 7919 + k * 104729) % ${WORDS.length})] ELSE ${pseudo} END FROM generate_series(1, ${count}) k), ' ')`;
  const owner = `CASE WHEN i % 10 = 0 THEN '${memberId}'::uuid ELSE '${ownerId}'::uuid END`;
  const visibility = `CASE WHEN i % 20 = 0 THEN 'PRIVATE' ELSE 'WORKSPACE' END::"RecordVisibility"`;
  const first = `(${F})[1 + (i % ${FIRSTS.length})]`;
  const last = `(${L})[1 + ((i / ${FIRSTS.length}) % ${LASTS.length})]`;
  await db.sql.exec(`
SET session_replication_role = replica;
SET maintenance_work_mem = '512MB';
DROP INDEX IF EXISTS "SearchDocument_grams_idx", "SearchDocument_keys_idx", "SearchDocument_titleFolded_idx", "SearchDocument_head_grams_idx";
INSERT INTO "Pipeline" (id, "workspaceId", name, "updatedAt") VALUES ('00000000-0000-7000-8000-00000000b001', '${workspaceId}', 'Sales', now());
INSERT INTO "PipelineStage" (id, "workspaceId", "pipelineId", name, position) VALUES ('00000000-0000-7000-8000-00000000b002', '${workspaceId}', '00000000-0000-7000-8000-00000000b001', 'Lead', 0);
INSERT INTO "Company" (id, "workspaceId", name, "sortName", domain, industry, city, "ownerId", visibility, "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', (${L})[1 + (i % ${LASTS.length})] || ' ' || (${W})[1 + (i % ${WORDS.length})] || ' ' || i, '', 'company' || i || '.com', 'Software', 'Berlin', ${owner}, ${visibility}, now()
  FROM generate_series(1, ${n(0.06)}) i;
INSERT INTO "Contact" (id, "workspaceId", "firstName", "lastName", "sortName", "jobTitle", "ownerId", visibility, "updatedAt")
  SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '${workspaceId}', ${first}, ${last}, '', 'Head of ' || (${W})[1 + (i % ${WORDS.length})], ${owner}, ${visibility}, now()
  FROM generate_series(1, ${n(0.4)}) i;
INSERT INTO "ContactEmail" (id, "workspaceId", "contactId", email, "isPrimary")
  SELECT gen_random_uuid(), '${workspaceId}', ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'person' || i || '@example' || (i % 1000) || '.com', true
  FROM generate_series(1, ${n(0.4)}) i;
INSERT INTO "ContactPhone" (id, "workspaceId", "contactId", e164, "isPrimary")
  SELECT gen_random_uuid(), '${workspaceId}', ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '+1415' || lpad((i * 7)::text, 7, '0'), true
  FROM generate_series(1, ${n(0.4)}, 2) i;
INSERT INTO "Deal" (id, "workspaceId", name, "sortName", "pipelineId", "stageId", "ownerId", visibility, "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', initcap((${W})[1 + (i % ${WORDS.length})]) || ' for ' || (${L})[1 + (i % ${LASTS.length})] || ' ' || i, '', '00000000-0000-7000-8000-00000000b001', '00000000-0000-7000-8000-00000000b002', ${owner}, ${visibility}, now()
  FROM generate_series(1, ${n(0.06)}) i;
INSERT INTO "Note" (id, "workspaceId", body, "contactId", "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', 'Call with ' || ${first} || E'\\n' || ${words(24)}, ('00000000-0000-7000-8000-' || lpad(to_hex(1 + i % ${n(0.4)}), 12, '0'))::uuid, now()
  FROM generate_series(1, ${n(0.3)}) i;
INSERT INTO "Activity" (id, "workspaceId", type, subject, body, "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', 'TASK', 'Follow up on ' || (${W})[1 + (i % ${WORDS.length})], ${words(12)}, now()
  FROM generate_series(1, ${n(0.1)}) i;
INSERT INTO "Communication" (id, "workspaceId", kind, direction, "fromAddress", "toAddresses", subject, body, "occurredAt", "ownerId", visibility, "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', 'EMAIL', 'INBOUND', 'person' || i || '@example' || (i % 1000) || '.com', ARRAY['sales@kith.test'], 'Re: ' || (${W})[1 + (i % ${WORDS.length})], ${words(30)}, now(), ${owner}, ${visibility}, now()
  FROM generate_series(1, ${n(0.06)}) i;
INSERT INTO "Comment" (id, "workspaceId", body, "dealId", "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', ${words(10)}, (SELECT id FROM "Deal" LIMIT 1), now()
  FROM generate_series(1, ${n(0.02)}) i;
SET session_replication_role = DEFAULT;`);
  const loaded = performance.now();
  await db.sql.exec(`SELECT kith_search_refresh(k, NULL) FROM unnest(enum_range(NULL::"SearchEntityType")) AS k;`);
  const documents = performance.now();
  await db.sql.exec(`
CREATE INDEX "SearchDocument_grams_idx" ON "SearchDocument" USING GIN (kith_grams(tsv));
CREATE INDEX "SearchDocument_keys_idx" ON "SearchDocument" USING GIN ("keys");
CREATE INDEX "SearchDocument_titleFolded_idx" ON "SearchDocument" USING GIN ("titleFolded" gin_trgm_ops);
CREATE INDEX "SearchDocument_head_grams_idx" ON "SearchDocument" USING GIN (kith_grams(kith_head_tsvector("titleFolded", details)));`);
  // Autovacuum would analyze these tables within a minute; the bench measures at once, so it asks.
  await db.sql.exec('ANALYZE');
  console.log(
    `  ${(await documentCount(db)).toLocaleString('en')} search documents: rows ${seconds(loaded - started)}, documents ${seconds(documents - loaded)}, indexes ${seconds(performance.now() - documents)}`,
  );
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const documentCount = async (db: Database) => Number((await db.sql.query<{ count: string }>(`SELECT count(*) FROM "SearchDocument"`))[0]!.count);

/** About `total` search documents the way `npm run seed` writes them: 2.55 per contact (companies, deals, activities, notes, communications). */
const seedLikeUsers: Fill = async (db, total, workspaceId, ownerId, memberId) => {
  const started = performance.now();
  await createDefaultPipeline(db.prisma, workspaceId);
  await seedRecords(db.prisma, { workspaceId, memberIds: [ownerId, memberId], contacts: Math.round(total / 2.55) });
  const seeded = performance.now();
  const analyzed = await afterBulkWrite(db);
  console.log(
    `  ${(await documentCount(db)).toLocaleString('en')} search documents: seed ${seconds(seeded - started)}, afterBulkWrite ${seconds(performance.now() - seeded)} (analyzed ${analyzed.length} tables)`,
  );
};

const BULK_QUERIES = [
  'John Smith',
  'maria garcia',
  'jo smi',
  'ann',
  'kowal',
  'jhon',
  'garica',
  'Jose Nunez',
  'zoe smithson',
  'chloe',
  'person123457@example457.com',
  'person42@example42.com',
  '+1 415 000 2807',
  '(415) 001-2999',
  'example457.com',
  'forecast',
  'renewal pricing',
  'procurement legal',
  'webinar',
  'company777.com',
];
/** Faker's names and words, with exact keys read from the seeded rows (their slugs are random). */
async function seedQueries(db: Database) {
  const one = async (sql: string) => Object.values((await db.sql.query(sql))[0]!)[0] as string;
  const email = await one(`SELECT email FROM "ContactEmail" ORDER BY email OFFSET (SELECT count(*) / 3 FROM "ContactEmail") LIMIT 1`);
  const phone = await one(`SELECT e164 FROM "ContactPhone" ORDER BY e164 OFFSET (SELECT count(*) / 2 FROM "ContactPhone") LIMIT 1`);
  const domain = await one(`SELECT domain FROM "Company" ORDER BY domain OFFSET (SELECT count(*) / 4 FROM "Company") LIMIT 1`);
  return [
    'john',
    'smith',
    'jo',
    'maria',
    'anna',
    'lee',
    'designer',
    'proposal',
    'jhon',
    'smtih',
    'John Smith',
    'jo smi',
    'maria garcia',
    'senior engineer',
    'follow up',
    email,
    phone,
    domain,
    domain.split('.')[0]!,
    'chloé',
  ];
}
const isSingleWord = (q: string) => /^\p{L}+$/u.test(q);

const GRAPHQL = `query($q: String!) { search(query: $q, first: 20) { totalCount countsByType { type count }
  edges { node { type title snippet matchedField record { __typename ... on Contact { id name } ... on Note { id } ... on Company { id name } } } } } }`;

function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function measure(label: string, db: Database, total: number, fill: Fill, queries: (db: Database) => Promise<string[]>, reuse = false) {
  const app = createAppServices({ ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error' }), signInSlowdownMs: 0 }, db, { passwordHashing: 'fast' });
  const yoga = createKithYoga(app);
  const existing = reuse ? await db.prisma.workspace.findFirst({ where: { name: 'Bench' } }) : null;
  const user = (email: string, name: string) =>
    existing
      ? db.prisma.user.findUniqueOrThrow({ where: { email } })
      : db.prisma.user.create({ data: { name, email, passwordHash: 'x', ageConfirmedAt: new Date(), emailVerifiedAt: new Date() } });
  const owner = await user('owner@bench.test', 'Owner');
  const member = await user('member@bench.test', 'Member');
  const workspace =
    existing ??
    (await db.prisma.workspace.create({
      data: {
        name: 'Bench',
        memberships: {
          create: [
            { userId: owner.id, role: 'OWNER' },
            { userId: member.id, role: 'MEMBER' },
          ],
        },
      },
    }));
  if (existing) console.log(`${label}: reusing the seeded database (BENCH_REUSE=1 or BENCH_PGLITE_DIR)`);
  else {
    console.log(`${label}: seeding ${total.toLocaleString('en')} records...`);
    await fill(db, total, workspace.id, owner.id, member.id);
    if (process.env.BENCH_SEED_ONLY === '1') return;
  }
  const QUERIES = await queries(db);

  for (const [who, user, role] of [
    ['owner', owner, 'OWNER'],
    ['member', member, 'MEMBER'],
  ] as const) {
    const session = await app.auth.createSession(user.id, { ipAddress: null, userAgent: null });
    const headers = { 'content-type': 'application/json', cookie: `kith_session=${session.id}`, 'x-workspace-id': encodeGlobalID('Workspace', workspace.id) };
    const access = { workspaceId: workspace.id, userId: user.id, role, policy: 'OPEN', teamIds: [] as string[] } as const;
    const graphql: number[] = [];
    const sql: number[] = [];
    const slowest: Array<[string, number]> = [];
    const singleWords: number[] = [];
    for (const q of QUERIES) {
      const { text, values } = searchSql({ access, query: q, keys: queryKeys(q), types: [...SEARCH_TYPES], limit: 21, offset: 0 });
      await db.sql.query(text, values, { prepareAs: statementName(text) });
      const response = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body: JSON.stringify({ query: GRAPHQL, variables: { q } }) });
      const body = (await response.json()) as { data?: { search: { totalCount: number; edges: Array<{ node: { title: string } }> } }; errors?: unknown };
      if (!body.data) throw new Error(`${q}: ${JSON.stringify(body.errors)}`);
      if (who === 'owner')
        console.log(
          `  ${JSON.stringify(q)}: ${body.data.search.totalCount} matches, top: ${body.data.search.edges
            .slice(0, 3)
            .map((e) => e.node.title)
            .join(' | ')}`,
        );
      for (let run = 0; run < RUNS; run += 1) {
        let start = performance.now();
        await (await yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body: JSON.stringify({ query: GRAPHQL, variables: { q } }) })).json();
        const g = performance.now() - start;
        graphql.push(g);
        if (isSingleWord(q)) singleWords.push(g);
        start = performance.now();
        await db.sql.query(text, values, { prepareAs: statementName(text) });
        sql.push(performance.now() - start);
        slowest.push([q, g]);
      }
    }
    const g = percentiles(graphql);
    const s = percentiles(sql);
    const f = (x: number) => x.toFixed(1).padStart(6);
    console.log(`  as ${who} (${QUERIES.length} queries x ${RUNS} runs):`);
    console.log(`    GraphQL search     p50 ${f(g.p50)} ms  p95 ${f(g.p95)} ms  p99 ${f(g.p99)} ms`);
    console.log(`    search SQL alone   p50 ${f(s.p50)} ms  p95 ${f(s.p95)} ms  p99 ${f(s.p99)} ms`);
    const w = percentiles(singleWords);
    console.log(`    one-word GraphQL   p50 ${f(w.p50)} ms  p95 ${f(w.p95)} ms  p99 ${f(w.p99)} ms  (${singleWords.length / RUNS} of the queries)`);
    console.log(`    ratio              p50 ${(g.p50 / s.p50).toFixed(2)}x  p95 ${(g.p95 / s.p95).toFixed(2)}x  (targets: GraphQL p95 <= 30 ms, <= 1.5x SQL)`);
    const worst = [...new Map(slowest.sort((a, b) => a[1] - b[1])).entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    console.log(`    slowest: ${worst.map(([q, ms]) => `${JSON.stringify(q)} ${ms.toFixed(0)} ms`).join(', ')}`);
  }
}

const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (baseUrl && process.env.BENCH_SKIP_POSTGRES !== '1') {
  // BENCH_REUSE=1 keeps an already seeded kith_search_bench (a long-lived server, TEST_DATABASE_URL set by hand)
  // and only applies new migrations: for iterating on the statement without reseeding.
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  const reuse = process.env.BENCH_REUSE === '1' && (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'kith_search_bench'`)).rowCount === 1;
  if (!reuse) {
    await admin.query('DROP DATABASE IF EXISTS kith_search_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE kith_search_bench');
  }
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = '/kith_search_bench';
  const db = await openDatabase({ url: url.toString() });
  await applyMigrations(db.sql);
  await measure('PostgreSQL', db, Number(process.env.BENCH_RECORDS ?? 1_000_000), bulkLoad, () => Promise.resolve(BULK_QUERIES), reuse);
  await db.close();
} else if (!baseUrl) {
  console.log('No DATABASE_URL: skipping PostgreSQL (run through npm run bench:search).');
}

if (process.env.BENCH_SKIP_PGLITE === '1') process.exit(0);
// BENCH_PGLITE_DIR keeps the embedded database in a folder: a second run with the same folder reuses it
// (seeding 100,000 documents takes minutes) and only measures.
const pgliteDir = process.env.BENCH_PGLITE_DIR;
const pglite = new PGlite(pgliteDir, pgliteOptionsFor(pgliteDir));
const embedded = await openDatabase({ pglite });
await afterMigrations(embedded, await applyMigrations(embedded.sql));
const seeded = pgliteDir !== undefined && (await embedded.prisma.workspace.count({ where: { name: 'Bench' } })) > 0;
await measure('PGlite', embedded, Number(process.env.BENCH_PGLITE_RECORDS ?? 100_000), seedLikeUsers, seedQueries, seeded);
await embedded.close();

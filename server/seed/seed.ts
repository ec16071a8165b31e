// npm run seed [-- --contacts 100000 --email demo@kith.localhost]
// Fills a demo workspace with realistic, deterministic fake data so the app looks alive and benchmarks
// have volume. Writes straight through Prisma in batches; every row is ordinary, valid Kith data.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { faker } from '@faker-js/faker';
import { createPasswordHasher } from '../auth/passwords.js';
import { loadConfig } from '../config.js';
import { openDatabase, type PrismaClient } from '../db/database.js';
import { applyMigrations } from '../db/migrations.js';
import { afterBulkWrite, afterMigrations } from '../db/statistics.js';
import { createWorkspaceWithOwner } from '../modules/workspaces/workspace.service.js';
import { seedRecords } from './records.js';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '2000' },
    email: { type: 'string', default: 'demo@kith.localhost' },
    workspace: { type: 'string', default: 'Northwind (demo)' },
  },
});

const contactCount = Number(values.contacts);
if (!Number.isInteger(contactCount) || contactCount < 1 || contactCount > 2_000_000) {
  console.error('--contacts must be a whole number between 1 and 2,000,000');
  process.exit(1);
}

async function ensureUser(prisma: PrismaClient, email: string, name: string, passwordHash: string) {
  return prisma.user.upsert({
    where: { email },
    update: {},
    create: { email, name, passwordHash, ageConfirmedAt: new Date(), emailVerifiedAt: new Date() },
  });
}

const config = loadConfig();
const db = await openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDir });
try {
  await afterMigrations(db, await applyMigrations(db.sql));
  faker.seed(42);
  const password = process.env.SEED_PASSWORD ?? `demo-${randomUUID().slice(0, 8)}-kith-garden`;
  const passwordHash = await createPasswordHasher().hash(password);
  const owner = await ensureUser(db.prisma, values.email, 'Demo Owner', passwordHash);
  const workspace = await db.prisma.$transaction((tx) => createWorkspaceWithOwner(tx, values.workspace, owner.id));
  const colleagues = [];
  for (const [i, role] of (['ADMIN', 'MEMBER', 'MEMBER', 'VIEWER'] as const).entries()) {
    const user = await ensureUser(db.prisma, `colleague${i + 1}.${workspace.id.slice(0, 8)}@kith.localhost`, faker.person.fullName(), passwordHash);
    await db.prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
    colleagues.push(user.id);
  }
  const started = performance.now();
  const { ids: _ids, ...counts } = await seedRecords(db.prisma, { workspaceId: workspace.id, memberIds: [owner.id, ...colleagues], contacts: contactCount });
  await afterBulkWrite(db);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Seeded workspace "${workspace.name}" (${workspace.id}) in ${seconds} s:`);
  for (const [what, count] of Object.entries(counts)) console.log(`  ${what}: ${count.toLocaleString('en')}`);
  console.log(`Sign in as ${owner.email}${process.env.SEED_PASSWORD ? '' : ` with password: ${password}`}`);
} finally {
  await db.close();
}

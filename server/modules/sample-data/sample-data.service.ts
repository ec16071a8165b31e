// The first run's sample data: a small set written by the demo seeder, every row marked in SampleRecord so that
// one step removes it, exports leave it out, and the first-steps checklist does not count it.
import type { PrismaClient } from '../../db/database.js';
import { badInput } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';

/** The tag every sample company, contact and deal carries, so the lists show what is sample. */
export const SAMPLE_TAG = 'Sample data';
const SAMPLE_CONTACTS = 24;
// Children first: deleting a contact or company would otherwise only unlink their notes and activities.
const REMOVAL_ORDER = ['Communication', 'Note', 'Activity', 'Deal', 'Contact', 'Company', 'Tag'] as const;
const SAMPLE_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

/** Writes the change's activity event in the same transaction. */
type RecordEvent = (tx: Prisma.TransactionClient) => Promise<unknown>;

export async function hasSampleData(prisma: PrismaClient | Prisma.TransactionClient, workspaceId: string) {
  return (await prisma.sampleRecord.count({ where: { workspaceId }, take: 1 })) > 0;
}

export async function addSampleData(prisma: PrismaClient, workspaceId: string, userId: string, record: RecordEvent) {
  // Loaded on demand: faker and its word lists are only needed here and in `npm run seed`.
  const { seedRecords } = await import('../../seed/records.js');
  await prisma.$transaction(async (tx) => {
    // Serialises two clicks on "Add sample data": the second waits, then finds the first one's rows.
    await tx.$executeRaw`SELECT 1 FROM "Workspace" WHERE id = ${workspaceId}::uuid FOR UPDATE`;
    if (await hasSampleData(tx, workspaceId)) throw badInput('This workspace already has sample data: remove it or keep it first.');
    if (await tx.tag.findUnique({ where: { workspaceId_name: { workspaceId, name: SAMPLE_TAG } } })) {
      throw badInput(`A tag named "${SAMPLE_TAG}" already exists: rename it to add sample data.`);
    }
    const { ids } = await seedRecords(tx, { workspaceId, memberIds: [userId], contacts: SAMPLE_CONTACTS, tags: [SAMPLE_TAG], inTransaction: true });
    const [tagId] = ids.Tag;
    for (const table of ['Company', 'Contact', 'Deal'] as const) {
      const rows = ids[table];
      if (rows.length > 0)
        await tx.$executeRawUnsafe(`INSERT INTO "_${table}ToTag" ("A", "B") SELECT unnest($1::uuid[]), $2::uuid ON CONFLICT DO NOTHING`, rows, tagId);
    }
    await tx.sampleRecord.createMany({
      data: Object.entries(ids).flatMap(([tableName, recordIds]) => recordIds.map((recordId) => ({ recordId, workspaceId, tableName }))),
    });
    await record(tx);
  }, SAMPLE_TRANSACTION);
}

/** Deletes every sample row still there (the user may have deleted some already); records people added stay. */
export async function removeSampleData(prisma: PrismaClient, workspaceId: string, record: RecordEvent) {
  await prisma.$transaction(async (tx) => {
    for (const table of REMOVAL_ORDER) {
      await tx.$executeRawUnsafe(
        `DELETE FROM "${table}" t USING "SampleRecord" s WHERE s."recordId" = t.id AND s."workspaceId" = $1::uuid AND s."tableName" = $2 AND t."workspaceId" = $1::uuid`,
        workspaceId,
        table,
      );
    }
    await tx.sampleRecord.deleteMany({ where: { workspaceId } });
    await record(tx);
  }, SAMPLE_TRANSACTION);
}

/** The sample rows become ordinary records: exported, counted, and no longer removed together. */
export async function keepSampleData(prisma: PrismaClient, workspaceId: string, record: RecordEvent) {
  await prisma.$transaction(async (tx) => {
    await tx.sampleRecord.deleteMany({ where: { workspaceId } });
    await record(tx);
  });
}

/** The first-steps checklist, from real data: sample rows and trashed records do not count. */
export async function firstSteps(prisma: PrismaClient, workspaceId: string) {
  const notSample = { workspaceId, deletedAt: null, NOT: { id: { in: await sampleIds(prisma, workspaceId) } } };
  const [contacts, deals, invitations, members, smtp, mailboxes] = await Promise.all([
    prisma.contact.count({ where: notSample, take: 1 }),
    prisma.deal.count({ where: notSample, take: 1 }),
    prisma.invitation.count({ where: { workspaceId }, take: 1 }),
    prisma.membership.count({ where: { workspaceId }, take: 2 }),
    prisma.smtpAccount.count({ where: { workspaceId }, take: 1 }),
    prisma.mailbox.count({ where: { workspaceId }, take: 1 }),
  ]);
  return { addedContact: contacts > 0, createdDeal: deals > 0, invitedSomeone: invitations > 0 || members > 1, connectedEmail: smtp + mailboxes > 0 };
}

async function sampleIds(prisma: PrismaClient, workspaceId: string) {
  const rows = await prisma.sampleRecord.findMany({ where: { workspaceId, tableName: { in: ['Contact', 'Deal'] } }, select: { recordId: true } });
  return rows.map((row) => row.recordId);
}

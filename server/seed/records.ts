import { randomUUID } from 'node:crypto';
import { faker } from '@faker-js/faker';
import type { PrismaClient } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { deferSearch, writeWithDeferredSearch, type TouchedRecords } from '../modules/search/search-documents.js';

const BATCH = 2000;
const STAGES_OF_LIFE = ['SUBSCRIBER', 'LEAD', 'QUALIFIED', 'OPPORTUNITY', 'CUSTOMER', 'EVANGELIST'] as const;
const SOURCES = ['linkedin', 'upwork', 'djinni', 'referral', 'website', 'event', 'form:newsletter'];
const INDUSTRIES = ['Software', 'Retail', 'Logistics', 'Healthcare', 'Finance', 'Manufacturing', 'Education', 'Media'];

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export interface SeedOptions {
  workspaceId: string;
  memberIds: string[];
  contacts: number;
  /** Tag names to create and spread over contacts (the default set when left out; none when empty). */
  tags?: string[];
  /** Set when `prisma` is a transaction the caller holds (the first run's sample data is written in one). */
  inTransaction?: boolean;
}

/** The ids of the rows written, by table (contacts' emails, phones, profiles and links go with their records). */
export type SeededIds = Record<'Company' | 'Contact' | 'Deal' | 'Activity' | 'Note' | 'Communication' | 'Tag', string[]>;

type Writer = PrismaClient | Prisma.TransactionClient;

/** Companies, contacts with emails/phones/profiles, tags, deals across the pipeline, activities, notes, communications. */
export async function seedRecords(prisma: Writer, { workspaceId, memberIds, contacts: contactCount, tags: tagNames, inTransaction }: SeedOptions) {
  const writeDeferred = (write: (tx: Prisma.TransactionClient) => Promise<{ result: undefined; touched: TouchedRecords }>) =>
    inTransaction ? deferSearch(prisma, () => write(prisma)) : writeWithDeferredSearch(prisma as PrismaClient, write);
  const owner = () => faker.helpers.arrayElement(memberIds);
  const tags = tagNames ?? ['vip', 'partner', 'churn-risk', 'newsletter', 'enterprise', 'smb', 'recruiting', 'hot-lead'];
  const tagRows = await Promise.all(tags.map((name) => prisma.tag.create({ data: { workspaceId, name } })));

  const companies = Array.from({ length: Math.max(1, Math.round(contactCount / 10)) }, (_, i) => {
    const name = faker.company.name();
    return {
      id: randomUUID(),
      workspaceId,
      name,
      domain: `${faker.helpers.slugify(name).toLowerCase().slice(0, 40)}-${i}.example.com`,
      industry: faker.helpers.arrayElement(INDUSTRIES),
      size: faker.helpers.arrayElement(['1-10', '11-50', '51-200', '201-1000', '1000+']),
      city: faker.location.city(),
      country: faker.location.country(),
      ownerId: owner(),
      createdById: owner(),
    } satisfies Prisma.CompanyCreateManyInput;
  });
  await inBatches(companies, (data) => prisma.company.createMany({ data }));

  const contacts: Prisma.ContactCreateManyInput[] = [];
  const emails: Prisma.ContactEmailCreateManyInput[] = [];
  const phones: Prisma.ContactPhoneCreateManyInput[] = [];
  const profiles: Prisma.ContactProfileCreateManyInput[] = [];
  for (let i = 0; i < contactCount; i += 1) {
    const id = randomUUID();
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const slug = faker.helpers.slugify(`${firstName}-${lastName}`).toLowerCase();
    contacts.push({
      id,
      workspaceId,
      firstName,
      lastName,
      jobTitle: faker.person.jobTitle(),
      companyId: faker.helpers.arrayElement(companies).id,
      location: `${faker.location.city()}, ${faker.location.country()}`,
      headline: faker.person.bio(),
      skills: faker.helpers.arrayElements(['sales', 'typescript', 'design', 'marketing', 'finance', 'ops', 'recruiting'], 2),
      source: faker.helpers.arrayElement(SOURCES),
      lifecycleStage: faker.helpers.arrayElement(STAGES_OF_LIFE),
      ownerId: owner(),
      createdById: owner(),
      visibility: i % 20 === 0 ? 'PRIVATE' : 'WORKSPACE',
    });
    emails.push({ workspaceId, contactId: id, email: `${slug}.${i}@example.com`, isPrimary: true });
    phones.push({ workspaceId, contactId: id, e164: `+1415555${String(i % 10000).padStart(4, '0')}`, isPrimary: true });
    if (i % 3 === 0)
      profiles.push({
        workspaceId,
        contactId: id,
        network: 'LINKEDIN',
        url: `https://www.linkedin.com/in/${slug}-${i}/`,
        normalizedKey: `linkedin:in/${slug}-${i}`,
      });
  }
  // Each batch of contacts with its emails, phones and profiles writes its search documents once.
  const byContact = <T extends { contactId: string }>(rows: T[], ids: Set<string>) => rows.filter((r) => ids.has(r.contactId));
  await inBatches(contacts, (batch) => {
    const ids = new Set(batch.map((c) => c.id!));
    return writeDeferred(async (tx) => {
      await tx.contact.createMany({ data: batch });
      await tx.contactEmail.createMany({ data: byContact(emails, ids) });
      await tx.contactPhone.createMany({ data: byContact(phones, ids) });
      await tx.contactProfile.createMany({ data: byContact(profiles, ids) });
      return { result: undefined, touched: { CONTACT: [...ids] } };
    });
  });
  const tagLinks = tagRows.length === 0 ? [] : contacts.filter((_, i) => i % 4 === 0).map((c) => ({ A: c.id!, B: faker.helpers.arrayElement(tagRows).id }));
  await inBatches(tagLinks, (rows) =>
    prisma.$executeRawUnsafe(
      `INSERT INTO "_ContactToTag" ("A", "B") VALUES ${rows.map((_, j) => `($${2 * j + 1}::uuid, $${2 * j + 2}::uuid)`).join(', ')} ON CONFLICT DO NOTHING`,
      ...rows.flatMap((r) => [r.A, r.B]),
    ),
  );

  const pipeline = await prisma.pipeline.findFirst({ where: { workspaceId }, include: { stages: { orderBy: { position: 'asc' } } } });
  const deals: Prisma.DealCreateManyInput[] = [];
  if (pipeline && pipeline.stages.length > 0) {
    for (let i = 0; i < Math.round(contactCount / 5); i += 1) {
      const stage = faker.helpers.arrayElement(pipeline.stages);
      deals.push({
        id: randomUUID(),
        workspaceId,
        name: `${faker.commerce.productName()} for ${faker.helpers.arrayElement(companies).name}`,
        amountMinor: BigInt(faker.number.int({ min: 50_000, max: 50_000_000 })),
        currency: faker.helpers.arrayElement(['USD', 'EUR', 'GBP']),
        pipelineId: pipeline.id,
        stageId: stage.id,
        status: stage.isWon ? 'WON' : stage.isLost ? 'LOST' : 'OPEN',
        expectedCloseDate: faker.date.soon({ days: 120 }),
        ownerId: owner(),
        createdById: owner(),
        companyId: faker.helpers.arrayElement(companies).id,
      });
    }
    await inBatches(deals, (data) => prisma.deal.createMany({ data }));
    const dealContacts = deals.map((d) => ({ dealId: d.id!, contactId: faker.helpers.arrayElement(contacts).id! }));
    await inBatches(dealContacts, (data) => prisma.dealContact.createMany({ data, skipDuplicates: true }));
  }

  const activities = Array.from({ length: Math.round(contactCount / 2) }, () => ({
    id: randomUUID(),
    workspaceId,
    type: faker.helpers.arrayElement(['TASK', 'CALL', 'MEETING'] as const),
    subject: faker.helpers.arrayElement(['Follow up', 'Intro call', 'Demo', 'Send proposal', 'Check in', 'Contract review']),
    body: faker.lorem.sentence(),
    dueAt: faker.date.soon({ days: 60 }),
    done: faker.datatype.boolean(),
    assigneeId: owner(),
    createdById: owner(),
    contactId: faker.helpers.arrayElement(contacts).id,
  }));
  await inBatches(activities, (data) => prisma.activity.createMany({ data }));

  const notes = Array.from({ length: Math.round(contactCount / 4) }, () => ({
    id: randomUUID(),
    workspaceId,
    body: `**${faker.lorem.words(3)}**\n\n${faker.lorem.paragraph()}`,
    createdById: owner(),
    contactId: faker.helpers.arrayElement(contacts).id,
  }));
  await inBatches(notes, (data) => prisma.note.createMany({ data }));

  const communications = Array.from({ length: Math.round(contactCount / 2) }, () => {
    const kind = faker.helpers.arrayElement(['EMAIL', 'SMS', 'CALL'] as const);
    return {
      id: randomUUID(),
      workspaceId,
      kind,
      direction: faker.helpers.arrayElement(['INBOUND', 'OUTBOUND'] as const),
      fromAddress: kind === 'EMAIL' ? faker.internet.email() : '+14155550100',
      toAddresses: [kind === 'EMAIL' ? faker.internet.email() : '+14155550199'],
      subject: kind === 'EMAIL' ? faker.lorem.sentence(5) : null,
      body: kind === 'CALL' ? null : faker.lorem.paragraph(),
      durationSeconds: kind === 'CALL' ? faker.number.int({ min: 20, max: 3600 }) : null,
      outcome: kind === 'CALL' ? faker.helpers.arrayElement(['connected', 'voicemail', 'no answer']) : null,
      occurredAt: faker.date.recent({ days: 90 }),
      ownerId: owner(),
      createdById: owner(),
    };
  });
  await inBatches(communications, (data) => prisma.communication.createMany({ data }));
  const commContacts = communications.map((c) => ({ communicationId: c.id, contactId: faker.helpers.arrayElement(contacts).id! }));
  await inBatches(commContacts, (data) => prisma.communicationContact.createMany({ data, skipDuplicates: true }));

  return {
    companies: companies.length,
    contacts: contacts.length,
    tags: tagRows.length,
    deals: deals.length,
    activities: activities.length,
    notes: notes.length,
    communications: communications.length,
    ids: {
      Company: companies.map((r) => r.id),
      Contact: contacts.map((r) => r.id!),
      Deal: deals.map((r) => r.id!),
      Activity: activities.map((r) => r.id),
      Note: notes.map((r) => r.id),
      Communication: communications.map((r) => r.id),
      Tag: tagRows.map((r) => r.id),
    } satisfies SeededIds,
  };
}

import { describe, expect, it } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';
import { graceIn, importAndRun, importRow, READ, runDueJobs, START } from './imports.test-helpers.js';

const getApp = useTestApp();

type Mode = 'SKIP' | 'UPDATE' | 'FILL_EMPTY' | 'CREATE_ANYWAY';

async function existingContacts(app: TestApp, f: RolesFixture) {
  const byEmail = await graceIn(app, f, { jobTitle: 'Rear Admiral', ownerId: f.users.MEMBER.id });
  const byPhone = await app.prisma.contact.create({
    data: {
      workspaceId: f.workspaceId,
      firstName: 'Katherine',
      lastName: 'Johnson',
      phones: { create: { workspaceId: f.workspaceId, e164: '+12125550100', isPrimary: true } },
    },
  });
  const byProfile = await app.prisma.contact.create({
    data: {
      workspaceId: f.workspaceId,
      firstName: 'Margaret',
      lastName: 'Hamilton',
      location: 'Boston',
      profiles: {
        create: { workspaceId: f.workspaceId, network: 'LINKEDIN', url: 'https://www.linkedin.com/in/mhamilton', normalizedKey: 'linkedin:in/mhamilton' },
      },
    },
  });
  // The same email in another workspace is another person there: never a match here.
  const elsewhere = await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } });
  await app.prisma.contact.create({
    data: {
      workspaceId: elsewhere.workspaceId,
      firstName: 'Other',
      emails: { create: { workspaceId: elsewhere.workspaceId, email: 'new@example.com', isPrimary: true } },
    },
  });
  return { byEmail, byPhone, byProfile };
}

// Row 1 matches by email, row 2 by phone written another way, row 3 by profile URL written another way,
// row 4 is new, row 5 repeats row 4 (same email, in the file).
const CSV = [
  'First Name,Last Name,Email,Phone,LinkedIn,Job Title,Location',
  'Grace,Brewster,GRACE@navy.example,,,Computer scientist,Arlington',
  'Kathy,,,(212) 555-0100,,Mathematician,',
  'Maggie,Hamilton,,,linkedin.com/in/MHamilton/,,Cambridge',
  'New,Person,new@example.com,,,Engineer,',
  'New,Person,new@example.com,,,CTO,Paris',
].join('\n');

async function importWith(mode: Mode) {
  const app = getApp();
  const f = await rolesFixture(app);
  await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { defaultPhoneCountry: 'US' } });
  const existing = await existingContacts(app, f);
  const { gid, columns } = await importRow(app, f, 'MEMBER', CSV);
  expect(columns).toEqual(['firstName', 'lastName', 'emails', 'phones', 'profileUrls', 'jobTitle', 'location']);
  await f.clients.MEMBER.ok(START, { id: gid, settings: { entity: 'CONTACT', columns, dedupeMode: mode } });
  await runDueJobs(app);
  const { node } = await f.clients.MEMBER.ok(READ, { id: gid });
  const contact = (id: string) => app.prisma.contact.findUniqueOrThrow({ where: { id }, include: { emails: true, phones: true, profiles: true } });
  return {
    app,
    f,
    node,
    grace: await contact(existing.byEmail.id),
    katherine: await contact(existing.byPhone.id),
    margaret: await contact(existing.byProfile.id),
    created: await app.prisma.contact.findMany({
      where: { workspaceId: f.workspaceId, createdAt: { gt: existing.byProfile.createdAt } },
      include: { emails: true },
      orderBy: { id: 'asc' },
    }),
  };
}

describe('contact de-duplication: email, then phone, then profile URL; in the workspace and within the file', () => {
  it('skip: matches are left alone, and the file’s second copy of a new person is skipped', async () => {
    const { node, grace, katherine, margaret, created } = await importWith('SKIP');
    expect(node).toMatchObject({ status: 'DONE', createdCount: 1, updatedCount: 0, skippedCount: 4, failedCount: 0 });
    expect([grace.lastName, grace.jobTitle, katherine.firstName, margaret.location]).toEqual(['Hopper', 'Rear Admiral', 'Katherine', 'Boston']);
    expect(created.map((c) => [c.firstName, c.jobTitle, c.location])).toEqual([['New', 'Engineer', null]]);
  });

  it('update: the file wins, field by field, and the file’s later copy wins over its earlier one', async () => {
    const { node, grace, katherine, margaret, created } = await importWith('UPDATE');
    expect(node).toMatchObject({ createdCount: 1, updatedCount: 4, skippedCount: 0, failedCount: 0 });
    expect([grace.firstName, grace.lastName, grace.jobTitle, grace.location]).toEqual(['Grace', 'Brewster', 'Computer scientist', 'Arlington']);
    expect(grace.emails.map((e) => e.email)).toEqual(['grace@navy.example']);
    expect([katherine.firstName, katherine.lastName, katherine.jobTitle]).toEqual(['Kathy', 'Johnson', 'Mathematician']);
    expect([margaret.firstName, margaret.location]).toEqual(['Maggie', 'Cambridge']);
    expect(created.map((c) => [c.firstName, c.jobTitle, c.location])).toEqual([['New', 'CTO', 'Paris']]);
  });

  it('fill empty fields only: what a record already has stays', async () => {
    const { node, grace, katherine, margaret, created } = await importWith('FILL_EMPTY');
    expect(node).toMatchObject({ createdCount: 1, failedCount: 0 });
    expect([grace.lastName, grace.jobTitle, grace.location]).toEqual(['Hopper', 'Rear Admiral', 'Arlington']);
    expect([katherine.firstName, katherine.jobTitle]).toEqual(['Katherine', 'Mathematician']);
    expect([margaret.firstName, margaret.location]).toEqual(['Margaret', 'Boston']);
    expect(created.map((c) => [c.firstName, c.jobTitle, c.location])).toEqual([['New', 'Engineer', 'Paris']]);
  });

  it('create anyway: new records, except where an email would be shared (emails are unique in a workspace)', async () => {
    const { app, f, node, created } = await importWith('CREATE_ANYWAY');
    expect(node).toMatchObject({ createdCount: 3, updatedCount: 0, skippedCount: 0, failedCount: 2 });
    expect(created.map((c) => c.firstName).sort()).toEqual(['Kathy', 'Maggie', 'New']);
    const failures = await app.prisma.importFailure.findMany({ orderBy: { rowNumber: 'asc' } });
    expect(failures.map((x) => [x.rowNumber, x.reason])).toEqual([
      [1, 'The email address grace@navy.example already belongs to another contact (emails are unique in a workspace).'],
      [5, 'The email address new@example.com already belongs to another contact (emails are unique in a workspace).'],
    ]);
    expect(await app.prisma.contact.count({ where: { workspaceId: f.workspaceId } })).toBe(6);
  });

  it('never updates a contact the importer cannot see, nor one in the trash', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { recordPolicy: 'OWN_AND_SHARED' } });
    await app.prisma.contact.create({
      data: {
        workspaceId: f.workspaceId,
        firstName: 'Secret',
        ownerId: f.users.ADMIN.id,
        emails: { create: { workspaceId: f.workspaceId, email: 'secret@example.com', isPrimary: true } },
      },
    });
    await app.prisma.contact.create({
      data: {
        workspaceId: f.workspaceId,
        firstName: 'Binned',
        deletedAt: new Date(),
        emails: { create: { workspaceId: f.workspaceId, email: 'binned@example.com', isPrimary: true } },
      },
    });
    const { gid } = await importAndRun(app, f, 'Name,Email\nChanged,secret@example.com\nChanged,binned@example.com\n', {
      entity: 'CONTACT',
      dedupeMode: 'UPDATE',
    });
    expect((await f.clients.MEMBER.ok(READ, { id: gid })).node).toMatchObject({ updatedCount: 0, failedCount: 2 });
    expect(await app.prisma.contact.count({ where: { firstName: 'Changed' } })).toBe(0);
    expect((await app.prisma.importFailure.findMany({ orderBy: { rowNumber: 'asc' } })).map((x) => x.reason)).toEqual([
      'The email address secret@example.com belongs to a contact you cannot see.',
      'The email address binned@example.com belongs to a contact in the trash: restore it, or delete it for good, first.',
    ]);
  });
});

describe('company de-duplication: domain, then normalised name', () => {
  it('matches "https://www.acme.example/about" to acme.example and "ACME, Inc." to Acme Inc; a file’s own duplicates fold', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const acme = await app.prisma.company.create({
      data: { workspaceId: f.workspaceId, name: 'Acme Corporation', domain: 'acme.example', industry: 'Anvils' },
    });
    const initech = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Initech Inc' } });
    const csv = [
      'Company Name,Website,Industry,City',
      'Acme,https://www.acme.example/about,Rockets,Phoenix',
      '"INITECH, inc.",,Software,Austin',
      'Globex,globex.example,Energy,',
      'Globex Corporation,,,Cypress Creek',
    ].join('\n');
    const { gid, columns, entity } = await importRow(app, f, 'ADMIN', csv, 'companies.csv');
    expect(entity).toBe('COMPANY');
    expect(columns).toEqual(['name', 'website', 'industry', 'city']);
    await f.clients.ADMIN.ok(START, { id: gid, settings: { entity: 'COMPANY', columns, dedupeMode: 'FILL_EMPTY' } });
    await runDueJobs(app);
    expect((await f.clients.ADMIN.ok(READ, { id: gid })).node).toMatchObject({ createdCount: 1, updatedCount: 3, failedCount: 0 });
    const after = await app.prisma.company.findMany({ where: { workspaceId: f.workspaceId }, orderBy: { name: 'asc' } });
    expect(after.map((c) => [c.name, c.domain, c.industry, c.city])).toEqual([
      ['Acme Corporation', 'acme.example', 'Anvils', 'Phoenix'],
      ['Globex', 'globex.example', 'Energy', 'Cypress Creek'],
      ['Initech Inc', null, 'Software', 'Austin'],
    ]);
    expect(after.find((c) => c.id === initech.id)).toBeTruthy();
    expect(after.find((c) => c.id === acme.id)?.city).toBe('Phoenix');
  });
});

import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../test/test-app.js';
import { contactRow, dealRow } from './merge.test-helpers.js';

const getApp = useTestApp();

const MERGE_CONTACTS = `mutation($survivorId: ID!, $duplicateIds: [ID!]!) {
  mergeContacts(survivorId: $survivorId, duplicateIds: $duplicateIds) { id firstName lastName jobTitle emails { email isPrimary } phones { e164 } tags { name } }
}`;

describe('mergeContacts', () => {
  it('moves every related record to the survivor, fills empty fields, and keeps an audit snapshot', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'vip' } });
    const survivor = await contactRow(app, f, { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+14155550100' });
    const duplicate = await contactRow(app, f, { firstName: 'Ada', lastName: 'L.', email: 'ada@work.example', phone: '+14155550100', profileKey: 'in/ada' });
    await app.prisma.contact.update({ where: { id: duplicate.id }, data: { jobTitle: 'Analyst', tags: { connect: { id: tag.id } } } });
    const deal = await dealRow(app, f, 'Engine');
    await app.prisma.dealContact.create({ data: { dealId: deal.id, contactId: duplicate.id } });
    await app.prisma.note.create({ data: { workspaceId: f.workspaceId, body: 'Met at the salon', contactId: duplicate.id } });
    await app.prisma.activity.create({ data: { workspaceId: f.workspaceId, type: 'CALL', subject: 'Call', contactId: duplicate.id } });
    const comm = await app.prisma.communication.create({
      data: { workspaceId: f.workspaceId, kind: 'EMAIL', direction: 'INBOUND', occurredAt: new Date(), contacts: { create: { contactId: duplicate.id } } },
    });

    const data = await f.clients.MEMBER.ok(MERGE_CONTACTS, { survivorId: globalId('Contact', survivor.id), duplicateIds: [globalId('Contact', duplicate.id)] });
    expect(data.mergeContacts).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      jobTitle: 'Analyst',
      phones: [{ e164: '+14155550100' }],
      tags: [{ name: 'vip' }],
    });
    expect(data.mergeContacts.emails).toEqual(
      expect.arrayContaining([
        { email: 'ada@example.com', isPrimary: true },
        { email: 'ada@work.example', isPrimary: false },
      ]),
    );
    expect(await app.prisma.contact.findUnique({ where: { id: duplicate.id } })).toBeNull();
    expect(await app.prisma.dealContact.findMany({ where: { dealId: deal.id } })).toEqual([{ dealId: deal.id, contactId: survivor.id }]);
    expect(await app.prisma.note.count({ where: { contactId: survivor.id } })).toBe(1);
    expect(await app.prisma.activity.count({ where: { contactId: survivor.id } })).toBe(1);
    expect(await app.prisma.communicationContact.findMany({ where: { communicationId: comm.id } })).toEqual([
      { communicationId: comm.id, contactId: survivor.id },
    ]);
    expect(await app.prisma.contactProfile.count({ where: { contactId: survivor.id } })).toBe(1);
    const audit = await app.prisma.mergeRecord.findFirstOrThrow();
    expect(audit).toMatchObject({ entityType: 'Contact', survivorId: survivor.id, mergedId: duplicate.id, mergedById: f.users.MEMBER.id });
    expect(audit.snapshot).toMatchObject({ firstName: 'Ada', lastName: 'L.', jobTitle: 'Analyst' });
  });

  it('refuses a contact of another workspace as NOT_FOUND and changes nothing', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const survivor = await contactRow(app, f, { firstName: 'Ada' });
    const other = await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } });
    const foreign = await app.prisma.contact.create({ data: { workspaceId: other.workspaceId, firstName: 'Eve' } });
    const result = await f.clients.MEMBER.gql(MERGE_CONTACTS, {
      survivorId: globalId('Contact', survivor.id),
      duplicateIds: [globalId('Contact', foreign.id)],
    });
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(await app.prisma.contact.count()).toBe(2);
    expect(await app.prisma.mergeRecord.count()).toBe(0);
  });

  it('refuses merging a contact into itself', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const ada = await contactRow(app, f, { firstName: 'Ada' });
    const result = await f.clients.MEMBER.gql(MERGE_CONTACTS, { survivorId: globalId('Contact', ada.id), duplicateIds: [globalId('Contact', ada.id)] });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('duplicate suggestions', () => {
  it('pairs contacts by phone, profile and name at the same company, and hides what the viewer cannot see', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Initech' } });
    const a = await contactRow(app, f, { firstName: 'Peter', lastName: 'Gibbons', phone: '+14155550101', companyId: company.id });
    const b = await contactRow(app, f, { firstName: 'peter', lastName: 'GIBBONS', companyId: company.id });
    const c = await contactRow(app, f, { firstName: 'P.', lastName: 'Gibbons', phone: '+14155550101', profileKey: 'in/pg' });
    await contactRow(app, f, { firstName: 'Hidden', profileKey: 'in/pg', private: true, ownerId: f.users.ADMIN.id });
    const ids = (x: { id: string }) => globalId('Contact', x.id);

    const data = await f.clients.VIEWER.ok(`{ duplicateContacts { reasons a { id } b { id } } }`);
    const pairs = data.duplicateContacts.map((p: { reasons: string[]; a: { id: string }; b: { id: string } }) => ({
      ids: [p.a.id, p.b.id].sort(),
      reasons: p.reasons,
    }));
    expect(pairs).toEqual(
      expect.arrayContaining([
        { ids: [ids(a), ids(c)].sort(), reasons: ['SAME_PHONE'] },
        { ids: [ids(a), ids(b)].sort(), reasons: ['SAME_NAME_AND_COMPANY'] },
      ]),
    );
    expect(pairs).toHaveLength(2);

    const admin = await f.clients.ADMIN.ok(`{ duplicateContacts { reasons } }`);
    expect(admin.duplicateContacts.map((p: { reasons: string[] }) => p.reasons).flat()).toContain('SAME_PROFILE');
  });

  it('pairs companies with the same name whatever its case', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Globex' } });
    await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'GLOBEX' } });
    await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Hooli' } });
    const data = await f.clients.VIEWER.ok(`{ duplicateCompanies { reasons a { name } b { name } } }`);
    expect(data.duplicateCompanies).toHaveLength(1);
    expect(data.duplicateCompanies[0].reasons).toEqual(['SAME_NAME']);
  });
});

describe('mergeCompanies', () => {
  it('moves contacts and deals, takes over the domain, and deletes the duplicate', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const survivor = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Globex' } });
    const duplicate = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Globex Corp', domain: 'globex.com', city: 'Springfield' } });
    await contactRow(app, f, { firstName: 'Hank', companyId: duplicate.id });
    const deal = await dealRow(app, f, 'Doomsday device');
    await app.prisma.deal.update({ where: { id: deal.id }, data: { companyId: duplicate.id } });

    const data = await f.clients.MEMBER.ok(`mutation($s: ID!, $d: [ID!]!) { mergeCompanies(survivorId: $s, duplicateIds: $d) { name domain city } }`, {
      s: globalId('Company', survivor.id),
      d: [globalId('Company', duplicate.id)],
    });
    expect(data.mergeCompanies).toEqual({ name: 'Globex', domain: 'globex.com', city: 'Springfield' });
    expect(await app.prisma.contact.count({ where: { companyId: survivor.id } })).toBe(1);
    expect((await app.prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).companyId).toBe(survivor.id);
    expect(await app.prisma.company.findUnique({ where: { id: duplicate.id } })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';
import { companyRow, contactRow, dealRow } from '../../test/record-fixtures.js';

const getApp = useTestApp();

// Company.contacts plans its query asynchronously (it waits for the viewer's visibility); every field that
// nests a company must await that plan instead of returning while it is pending.
const COMPANY = `company { name contacts { totalCount edges { node { firstName } } } }`;

/** A company with one contact, and a deal, note, activity and communication that link to it. */
async function linkedToCompany(app: TestApp, f: RolesFixture) {
  const company = await companyRow(app, f);
  const contact = await contactRow(app, f);
  await app.prisma.contact.update({ where: { id: contact.id }, data: { companyId: company.id } });
  const deal = await dealRow(app, f);
  await app.prisma.deal.update({ where: { id: deal.id }, data: { companyId: company.id } });
  const base = { workspaceId: f.workspaceId, companyId: company.id };
  const note = await app.prisma.note.create({ data: { ...base, body: 'Hello' } });
  const activity = await app.prisma.activity.create({ data: { ...base, type: 'TASK', subject: 'Call' } });
  const communication = await app.prisma.communication.create({
    data: { ...base, kind: 'EMAIL', direction: 'INBOUND', occurredAt: new Date(), contacts: { create: { contactId: contact.id } } },
  });
  return {
    Contact: contact.gid,
    Deal: deal.gid,
    Note: globalId('Note', note.id),
    Activity: globalId('Activity', activity.id),
    Communication: globalId('Communication', communication.id),
  };
}

const expected = { name: 'Initech', contacts: { totalCount: 1, edges: [{ node: { firstName: 'Ada' } }] } };

describe('a company nested under another record, with its contacts', () => {
  it('loads through .company on contacts, deals, notes, activities and communications, for an admin and a member', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const ids = await linkedToCompany(app, f);
    for (const actor of ['OWNER', 'MEMBER'] as const) {
      for (const [typename, id] of Object.entries(ids)) {
        const result = await f.clients[actor].gql(`query($id: ID!) { node(id: $id) { ... on ${typename} { ${COMPANY} } } }`, { id });
        expect([actor, typename, result]).toEqual([actor, typename, { data: { node: { company: expected } } }]);
      }
    }
  });

  it('loads through a contact get, the contacts list and a communication’s contacts; an unknown ID is NOT_FOUND', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const ids = await linkedToCompany(app, f);
    const client = f.clients.MEMBER;
    expect(await client.gql(`query($id: ID!) { contact(id: $id) { ${COMPANY} } }`, { id: ids.Contact })).toEqual({ data: { contact: { company: expected } } });
    expect(await client.gql(`{ contacts { edges { node { ${COMPANY} } } } }`)).toEqual({ data: { contacts: { edges: [{ node: { company: expected } }] } } });
    expect(await client.gql(`query($id: ID!) { node(id: $id) { ... on Communication { contacts { ${COMPANY} } } } }`, { id: ids.Communication })).toEqual({
      data: { node: { contacts: [{ company: expected }] } },
    });
    const unknown = await client.gql(`query($id: ID!) { contact(id: $id) { ${COMPANY} } }`, {
      id: globalId('Contact', '00000000-0000-7000-8000-000000000000'),
    });
    expect(unknown.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('answers a mutation that selects it, and writes once', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const company = await companyRow(app, f);
    const result = await f.clients.MEMBER.gql(`mutation($i: ContactInput!) { createContact(input: $i) { firstName ${COMPANY} } }`, {
      i: { firstName: 'Grace', companyId: company.gid },
    });
    expect(result).toEqual({
      data: { createContact: { firstName: 'Grace', company: { ...expected, contacts: { totalCount: 1, edges: [{ node: { firstName: 'Grace' } }] } } } },
    });
    expect(await app.prisma.contact.count()).toBe(1);
  });
});

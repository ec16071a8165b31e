import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { contactNames, createContactAs, LIST } from './contact.test-helpers.js';

const getApp = useTestApp();

const PEOPLE = [
  { firstName: 'Dora', lastName: 'Delta', jobTitle: 'Recruiter', emails: ['dora@delta.io'] },
  { firstName: 'alan', lastName: 'alpha', jobTitle: 'Data Engineer', emails: ['alan@alpha.dev'] },
  { firstName: 'Carla', lastName: 'Charlie', lastStage: 'CUSTOMER', emails: ['carla@charlie.example'] },
  { firstName: 'Bob', lastName: 'bravo', jobTitle: 'Engineer', emails: ['bob@bravo.example'] },
  { firstName: 'Eve', lastName: 'Echo', jobTitle: 'CEO', emails: ['eve@echo.example'] },
];

async function seedPeople(f: RolesFixture) {
  for (const { lastStage, ...person } of PEOPLE) {
    await createContactAs(f, 'MEMBER', { ...person, lifecycleStage: lastStage ?? 'LEAD' });
  }
}

describe('contacts list', () => {
  it('sorts by last name, creation or update, either way', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await seedPeople(f);
    expect((await contactNames(f, 'VIEWER')).names).toEqual(['alan alpha', 'Bob bravo', 'Carla Charlie', 'Dora Delta', 'Eve Echo']);
    expect((await contactNames(f, 'VIEWER', { sort: { field: 'NAME', direction: 'DESC' } })).names).toEqual([
      'Eve Echo',
      'Dora Delta',
      'Carla Charlie',
      'Bob bravo',
      'alan alpha',
    ]);
    expect((await contactNames(f, 'VIEWER', { sort: { field: 'CREATED_AT' } })).names).toEqual(PEOPLE.map((p) => `${p.firstName} ${p.lastName}`));

    const carla = await app.prisma.contact.findFirstOrThrow({ where: { firstName: 'Carla' } });
    await f.clients.MEMBER.ok(`mutation($id: ID!) { updateContact(id: $id, input: { location: "Kyiv" }) { id } }`, { id: globalId('Contact', carla.id) });
    expect((await contactNames(f, 'VIEWER', { sort: { field: 'UPDATED_AT', direction: 'DESC' } })).names[0]).toBe('Carla Charlie');
  });

  it('pages forwards and backwards with cursors and a total count', async () => {
    const f = await rolesFixture(getApp());
    await seedPeople(f);
    const first = (await f.clients.VIEWER.ok(LIST, { first: 2 })).contacts;
    expect(first.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['alan alpha', 'Bob bravo']);
    expect(first).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });

    const second = (await f.clients.VIEWER.ok(LIST, { first: 2, after: first.pageInfo.endCursor })).contacts;
    expect(second.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Carla Charlie', 'Dora Delta']);
    const third = (await f.clients.VIEWER.ok(LIST, { first: 2, after: second.pageInfo.endCursor })).contacts;
    expect(third.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Eve Echo']);
    expect(third).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: false } });

    const back = (await f.clients.VIEWER.ok(LIST, { last: 2, before: third.pageInfo.startCursor })).contacts;
    expect(back.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Carla Charlie', 'Dora Delta']);
    expect(back.pageInfo.hasPreviousPage).toBe(true);
  });

  it('filters by text in names, job titles and emails, stage, owner, tag, company and dates', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await seedPeople(f);
    expect(await contactNames(f, 'VIEWER', { filter: { text: 'ENGINEER' } })).toEqual({ names: ['alan alpha', 'Bob bravo'], total: 2 });
    expect(await contactNames(f, 'VIEWER', { filter: { text: 'data engineer' } })).toEqual({ names: ['alan alpha'], total: 1 });
    expect(await contactNames(f, 'VIEWER', { filter: { text: 'echo.example' } })).toEqual({ names: ['Eve Echo'], total: 1 });
    expect(await contactNames(f, 'VIEWER', { filter: { text: 'dora delta' } })).toEqual({ names: ['Dora Delta'], total: 1 });
    expect(await contactNames(f, 'VIEWER', { filter: { lifecycleStage: 'CUSTOMER' } })).toEqual({ names: ['Carla Charlie'], total: 1 });

    const adminsOwn = await createContactAs(f, 'ADMIN', { firstName: 'Zed', lastName: 'Zulu' });
    expect(await contactNames(f, 'VIEWER', { filter: { ownerId: globalId('User', f.users.ADMIN.id) } })).toEqual({ names: ['Zed Zulu'], total: 1 });

    const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'hot' } });
    const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Globex' } });
    await f.clients.ADMIN.ok(`mutation($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { id } }`, {
      id: adminsOwn.id,
      input: { tagIds: [globalId('Tag', tag.id)], companyId: globalId('Company', company.id) },
    });
    expect(await contactNames(f, 'VIEWER', { filter: { tagId: globalId('Tag', tag.id) } })).toEqual({ names: ['Zed Zulu'], total: 1 });
    expect(await contactNames(f, 'VIEWER', { filter: { companyId: globalId('Company', company.id) } })).toEqual({ names: ['Zed Zulu'], total: 1 });

    await app.prisma.contact.updateMany({ where: { firstName: 'Eve' }, data: { createdAt: new Date('2020-01-15T00:00:00Z') } });
    const january = { from: '2020-01-01T00:00:00Z', to: '2020-01-31T00:00:00Z' };
    expect(await contactNames(f, 'VIEWER', { filter: { createdAt: january } })).toEqual({ names: ['Eve Echo'], total: 1 });
    expect((await contactNames(f, 'VIEWER', { filter: { updatedAt: { to: '2020-12-31T00:00:00Z' } } })).total).toBe(0);
  });

  it('lists a company’s visible live contacts on the company', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Globex' } });
    const companyId = globalId('Company', company.id);
    await createContactAs(f, 'MEMBER', { firstName: 'Bob', lastName: 'Bravo', companyId });
    await createContactAs(f, 'MEMBER', { firstName: 'Ann', lastName: 'Able', companyId });
    await createContactAs(f, 'MEMBER', { firstName: 'Pat', lastName: 'Private', companyId, visibility: 'PRIVATE' });
    const gone = await createContactAs(f, 'MEMBER', { firstName: 'Tom', lastName: 'Trash', companyId });
    await createContactAs(f, 'MEMBER', { firstName: 'Nat', lastName: 'Elsewhere' });
    await f.clients.MEMBER.ok(`mutation($id: ID!) { deleteContact(id: $id) { id } }`, { id: gone.id });

    const query = `query($id: ID!) { company(id: $id) { contacts(first: 10) { totalCount edges { node { name company { name } } } } } }`;
    const seen = async (actor: 'MEMBER' | 'VIEWER') => (await f.clients[actor].ok(query, { id: companyId })).company.contacts;
    expect(await seen('VIEWER')).toEqual({
      totalCount: 2,
      edges: [{ node: { name: 'Ann Able', company: { name: 'Globex' } } }, { node: { name: 'Bob Bravo', company: { name: 'Globex' } } }],
    });
    expect((await seen('MEMBER')).totalCount).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture } from '../../test/fixtures.js';
import { errorCodes, sameStatementCount, useTestApp } from '../../test/test-app.js';
import { createMutation, creator, lister, listQuery, trashMutations } from '../../test/record-api.js';

const getApp = useTestApp();

const CREATE = createMutation('Company', `id name domain website phone owner { name } tags { name } visibility`);
const LIST = listQuery('Company', 'companies', 'name');
const create = creator('Company', CREATE);
const names = lister('companies', LIST, 'name', 'names');

describe('companies', () => {
  it('creates a company with normalised domain, website and phone, owned by its creator', async () => {
    const f = await rolesFixture(getApp());
    const tag = await getApp().prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'customer' } });
    const company = await create(f, {
      name: '  Globex  ',
      domain: 'https://www.Globex.com/about',
      website: 'globex.com',
      phone: '+1 (415) 555-0132',
      tagIds: [globalId('Tag', tag.id)],
    });
    expect(company).toMatchObject({
      name: 'Globex',
      domain: 'globex.com',
      website: 'https://globex.com/',
      phone: '+14155550132',
      owner: { name: 'Member Person' },
      tags: [{ name: 'customer' }],
      visibility: 'WORKSPACE',
    });
  });

  it.each([
    ['an empty name', { name: '  ' }],
    ['a bad domain', { name: 'X', domain: 'not a domain' }],
    ['a bad phone', { name: 'X', phone: '12' }],
    ['a tag from another workspace', { name: 'X', tagIds: ['FOREIGN_TAG'] }],
    ['an owner who is not a member', { name: 'X', ownerId: 'OUTSIDER' }],
    ['too many custom fields', { name: 'X', customFields: Array.from({ length: 101 }, (_, i) => ({ key: `k${i}`, number: i })) }],
    ['a custom field that does not exist', { name: 'X', customFields: [{ key: 'nope', text: 'x' }] }],
  ])('refuses %s with BAD_USER_INPUT or NOT_FOUND and writes nothing', async (_label, input) => {
    const app = getApp();
    const f = await rolesFixture(app);
    const foreignTag = await app.prisma.tag.create({
      data: { workspaceId: (await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } })).workspaceId, name: 'x' },
    });
    const resolved = {
      ...input,
      ...('tagIds' in input ? { tagIds: [globalId('Tag', foreignTag.id)] } : {}),
      ...('ownerId' in input ? { ownerId: globalId('User', f.users.OUTSIDER.id) } : {}),
    };
    const result = await f.clients.MEMBER.gql(CREATE, { input: resolved });
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(errorCodes(result)[0]);
    expect(await app.prisma.company.count()).toBe(0);
  });

  it('refuses a second company with the same domain, however it is written', async () => {
    const f = await rolesFixture(getApp());
    await create(f, { name: 'Globex', domain: 'globex.com' });
    const result = await f.clients.MEMBER.gql(CREATE, { input: { name: 'Globex 2', domain: 'WWW.GLOBEX.COM' } });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/already exists/);
  });

  it('filters, sorts and pages with cursors and a total count', async () => {
    const f = await rolesFixture(getApp());
    for (const name of ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo']) await create(f, { name });
    expect((await names(f, 'VIEWER', { sort: { field: 'NAME', direction: 'DESC' } })).names).toEqual(['Echo', 'Delta', 'Charlie', 'bravo', 'alpha']);

    const first = await f.clients.VIEWER.ok(LIST, { first: 2, sort: { field: 'CREATED_AT' } });
    expect(first.companies.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Delta', 'alpha']);
    expect(first.companies).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const second = await f.clients.VIEWER.ok(LIST, { first: 2, after: first.companies.pageInfo.endCursor, sort: { field: 'CREATED_AT' } });
    expect(second.companies.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Charlie', 'bravo']);

    expect(await names(f, 'VIEWER', { filter: { text: 'HAR' } })).toEqual({ names: ['Charlie'], total: 1 });
    await create(f, { name: '100% Juice' });
    await create(f, { name: '1000 Juice' });
    expect((await names(f, 'VIEWER', { filter: { text: '100%' } })).names).toEqual(['100% Juice']);
    expect(await names(f, 'VIEWER', { filter: { ownerId: globalId('User', f.users.ADMIN.id) } })).toEqual({ names: [], total: 0 });
  });

  it('hides private companies from other members in lists, counts, get and node; admins and shares see them', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await create(f, { name: 'Public Co' });
    const secret = await create(f, { name: 'Secret Co', visibility: 'PRIVATE' });

    const viewer = f.clients.VIEWER;
    expect(await names(f, 'VIEWER')).toEqual({ names: ['Public Co'], total: 1 });
    expect(errorCodes(await viewer.gql(`query($id: ID!) { company(id: $id) { name } }`, { id: secret.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await viewer.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: secret.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await viewer.gql(`mutation($id: ID!) { updateCompany(id: $id, input: { city: "X" }) { id } }`, { id: secret.id }))).toEqual([
      'NOT_FOUND',
    ]);

    expect((await names(f, 'MEMBER')).names).toEqual(['Public Co', 'Secret Co']);
    expect((await names(f, 'ADMIN')).names).toEqual(['Public Co', 'Secret Co']);

    const secretRow = await app.prisma.company.findFirstOrThrow({ where: { name: 'Secret Co' } });
    await app.prisma.recordShare.create({ data: { workspaceId: f.workspaceId, companyId: secretRow.id, userId: f.users.VIEWER.id } });
    app.rebuild();
    expect((await names(f, 'VIEWER')).names).toEqual(['Public Co', 'Secret Co']);
  });

  it('with the OWN_AND_SHARED policy, members see only their own and shared companies', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await create(f, { name: 'Admin Co' }, 'ADMIN');
    await create(f, { name: 'Member Co' });
    await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { recordPolicy: 'OWN_AND_SHARED' } });
    expect(await names(f, 'MEMBER')).toEqual({ names: ['Member Co'], total: 1 });
    expect((await names(f, 'ADMIN')).names).toEqual(['Admin Co', 'Member Co']);
  });

  it('moves companies to the trash and restores them; members delete only their own', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const mine = await create(f, { name: 'Mine' });
    const admins = await create(f, { name: 'Theirs' }, 'ADMIN');
    const { del } = trashMutations('Company');

    expect(errorCodes(await f.clients.MEMBER.gql(del, { id: admins.id }))).toEqual(['FORBIDDEN']);
    expect((await f.clients.MEMBER.ok(del, { id: mine.id })).deleteCompany.deletedAt).toBeTruthy();
    expect((await names(f, 'MEMBER')).names).toEqual(['Theirs']);
    expect((await names(f, 'MEMBER', { trash: true })).names).toEqual(['Mine']);
    expect(errorCodes(await f.clients.MEMBER.gql(del, { id: mine.id }))).toEqual(['BAD_USER_INPUT']);

    await f.clients.MEMBER.ok(`mutation($id: ID!) { restoreCompany(id: $id) { id } }`, { id: mine.id });
    expect((await names(f, 'MEMBER')).names).toEqual(['Mine', 'Theirs']);

    await app.prisma.company.updateMany({ where: { name: 'Mine' }, data: { deletedAt: new Date(Date.now() - 31 * 864e5) } });
    const late = await f.clients.MEMBER.gql(`mutation($id: ID!) { restoreCompany(id: $id) { id } }`, { id: mine.id });
    expect(errorCodes(late)).toEqual(['BAD_USER_INPUT']);
  });

  it('lists a page of 50 companies with owner and tags in a constant number of statements', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 't' } });
    const seed = async (count: number, offset: number) => {
      for (let i = 0; i < count; i += 1) {
        await app.prisma.company.create({
          data: { workspaceId: f.workspaceId, name: `Co ${offset + i}`, ownerId: f.users.MEMBER.id, tags: { connect: { id: tag.id } } },
        });
      }
    };
    const page = `{ companies(first: 50) { totalCount edges { node { name owner { name } tags { name } } } } }`;
    const large = await sameStatementCount(app, () => f.clients.VIEWER.ok(page), seed, [5, 0], [60, 5]);
    expect(large.result.companies.edges).toHaveLength(50);
  });
});

import { describe, expect, it } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';

const getApp = useTestApp();

const PAGE = `{ contacts(first: 50) {
  totalCount
  edges { node { id name primaryEmail emails { email } company { name } owner { name } tags { name } } }
} }`;

async function seedContacts(app: TestApp, f: RolesFixture, count: number, offset: number) {
  const tag = await app.prisma.tag.upsert({
    where: { workspaceId_name: { workspaceId: f.workspaceId, name: 't' } },
    create: { workspaceId: f.workspaceId, name: 't' },
    update: {},
  });
  for (let i = offset; i < offset + count; i += 1) {
    // Companies of their own, some private to the MEMBER, so company visibility is checked per row.
    const company = await app.prisma.company.create({
      data: { workspaceId: f.workspaceId, name: `Co ${i}`, ownerId: f.users.MEMBER.id, visibility: i % 3 === 0 ? 'PRIVATE' : 'WORKSPACE' },
    });
    await app.prisma.contact.create({
      data: {
        workspaceId: f.workspaceId,
        firstName: `Person ${i}`,
        ownerId: i % 2 === 0 ? f.users.MEMBER.id : f.users.ADMIN.id,
        companyId: company.id,
        tags: { connect: { id: tag.id } },
        emails: {
          create: [
            { workspaceId: f.workspaceId, email: `p${i}@example.com`, isPrimary: true },
            { workspaceId: f.workspaceId, email: `p${i}@alt.example` },
          ],
        },
      },
    });
  }
}

describe('contacts page', () => {
  it('loads 50 contacts with company, owner, tags and emails in a constant number of SQL statements', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await seedContacts(app, f, 5, 0);
    const small = await app.countSql(() => f.clients.VIEWER.ok(PAGE));
    expect(small.result.contacts.edges).toHaveLength(5);

    await seedContacts(app, f, 60, 5);
    const large = await app.countSql(() => f.clients.VIEWER.ok(PAGE));
    expect(large.result.contacts.totalCount).toBe(65);
    expect(large.result.contacts.edges).toHaveLength(50);
    const first = large.result.contacts.edges[0].node;
    expect(first).toMatchObject({ primaryEmail: 'p0@example.com', emails: [{ email: 'p0@example.com' }, { email: 'p0@alt.example' }], tags: [{ name: 't' }] });
    // Co 0 is private to the MEMBER: the viewer sees the contact but not its company.
    expect(first.company).toBeNull();
    expect(large.result.contacts.edges[1].node.company).toEqual({ name: 'Co 1' });

    expect(large.statements.length).toBe(small.statements.length);
    // session with user and memberships (policy, teams), contacts with their relations (joined), count,
    // and one batched check each for company visibility and co-membership (owners).
    expect(large.statements.length).toBeLessThanOrEqual(5);
  });

  it('lists companies with their contacts and counts in a constant number of statements, hiding private contacts', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const COMPANIES = `{ companies(first: 50) { edges { node { name contacts(first: 2) { totalCount edges { node { firstName } } } } } } }`;
    const companyWithContacts = async (i: number) => {
      const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: `Co ${String(i).padStart(2, '0')}` } });
      for (const [n, visibility] of [
        [1, 'WORKSPACE'],
        [2, 'WORKSPACE'],
        [3, 'PRIVATE'],
      ] as const) {
        await app.prisma.contact.create({
          data: { workspaceId: f.workspaceId, companyId: company.id, firstName: `P${i}-${n}`, ownerId: f.users.ADMIN.id, visibility },
        });
      }
    };
    await companyWithContacts(0);
    const small = await app.countSql(() => f.clients.MEMBER.ok(COMPANIES));
    for (let i = 1; i < 12; i += 1) await companyWithContacts(i);
    const large = await app.countSql(() => f.clients.MEMBER.ok(COMPANIES));

    expect(large.result.companies.edges).toHaveLength(12);
    // The MEMBER does not see the ADMIN's private contact, in the list or in the count.
    expect(large.result.companies.edges[0].node.contacts).toEqual({ totalCount: 2, edges: [{ node: { firstName: 'P0-1' } }, { node: { firstName: 'P0-2' } }] });
    expect(large.statements.length).toBe(small.statements.length);
    const admin = await f.clients.ADMIN.ok(COMPANIES);
    expect(admin.companies.edges[0].node.contacts.totalCount).toBe(3);
  });
});

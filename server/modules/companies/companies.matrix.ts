import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { as, byRole, readers, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';

/** A company owned by the given user (the MEMBER's unless said otherwise). */
export async function companyIn(app: TestApp, f: RolesFixture, options: { ownerId?: string; deleted?: boolean } = {}) {
  const company = await app.prisma.company.create({
    data: {
      workspaceId: f.workspaceId,
      name: 'Initech',
      ownerId: options.ownerId ?? f.users.MEMBER.id,
      createdById: options.ownerId ?? f.users.MEMBER.id,
      deletedAt: options.deleted ? new Date() : null,
    },
  });
  return globalId('Company', company.id);
}

const withCompany =
  (query: string, options?: { deleted?: boolean; owner?: 'OWNER' }) => async (app: TestApp, f: RolesFixture, actor: Parameters<typeof as>[1]) =>
    as(f, actor).gql(query, { id: await companyIn(app, f, { deleted: options?.deleted, ownerId: options?.owner ? f.users[options.owner].id : undefined }) });

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'companies',
    run: async (app, f, actor) => {
      await companyIn(app, f);
      return as(f, actor).gql(`{ companies { totalCount edges { node { name owner { name } tags { name } } } } }`);
    },
    expect: readers(),
  },
  {
    kind: 'query',
    field: 'company',
    run: withCompany(`query($id: ID!) { company(id: $id) { name } }`),
    expect: { ...readers(), ANONYMOUS: 'UNAUTHENTICATED' },
  },
  {
    kind: 'mutation',
    field: 'createCompany',
    run: (_app, f, actor) => as(f, actor).gql(`mutation { createCompany(input: { name: "Globex", domain: "globex.com" }) { id } }`),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'updateCompany',
    run: withCompany(`mutation($id: ID!) { updateCompany(id: $id, input: { industry: "Software" }) { industry } }`),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'deleteCompany',
    run: withCompany(`mutation($id: ID!) { deleteCompany(id: $id) { deletedAt } }`),
    expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'deleteCompany',
    run: withCompany(`mutation($id: ID!) { deleteCompany(id: $id) { deletedAt } }`, { owner: 'OWNER' }),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'restoreCompany',
    run: withCompany(`mutation($id: ID!) { restoreCompany(id: $id) { deletedAt } }`, { deleted: true }),
    expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN'),
  },
];

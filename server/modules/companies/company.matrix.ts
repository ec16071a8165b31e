import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { createUpdateCases, gql, listCase, readers, trashCases, withRecord, type MatrixCase } from '../../test/role-matrix.js';
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

const withCompany = withRecord((app, f, options: { deleted?: boolean; owner?: 'OWNER' } = {}) =>
  companyIn(app, f, { deleted: options.deleted, ownerId: options.owner && f.users[options.owner].id }),
);

export const cases: MatrixCase[] = [
  listCase('companies', `{ companies { totalCount edges { node { name owner { name } tags { name } } } } }`, companyIn),
  {
    kind: 'query',
    field: 'company',
    run: withCompany(`query($id: ID!) { company(id: $id) { name } }`),
    expect: { ...readers(), ANONYMOUS: 'UNAUTHENTICATED' },
  },
  ...createUpdateCases(
    'Company',
    gql(`mutation { createCompany(input: { name: "Globex", domain: "globex.com" }) { id } }`),
    withCompany(`mutation($id: ID!) { updateCompany(id: $id, input: { industry: "Software" }) { industry } }`),
  ),
  ...trashCases('Company', withCompany, { owner: 'OWNER' }, { deleted: true }),
];

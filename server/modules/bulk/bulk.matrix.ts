import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { as, byRole, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';

async function memberCompanies(app: TestApp, f: RolesFixture) {
  const rows = await Promise.all(
    ['One', 'Two'].map((name) =>
      app.prisma.company.create({ data: { workspaceId: f.workspaceId, name, ownerId: f.users.MEMBER.id, createdById: f.users.MEMBER.id } }),
    ),
  );
  return rows.map((r) => globalId('Company', r.id));
}

export const cases: MatrixCase[] = [
  {
    kind: 'mutation',
    field: 'bulkUpdateRecords',
    run: async (app, f, actor) =>
      as(f, actor).gql(`mutation($ids: [ID!]!, $o: ID) { bulkUpdateRecords(ids: $ids, input: { ownerId: $o }) { count } }`, {
        ids: await memberCompanies(app, f),
        o: globalId('User', f.users.ADMIN.id),
      }),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'bulkDeleteRecords',
    run: async (app, f, actor) => as(f, actor).gql(`mutation($ids: [ID!]!) { bulkDeleteRecords(ids: $ids) { count } }`, { ids: await memberCompanies(app, f) }),
    expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN'),
  },
];

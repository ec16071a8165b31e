import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { admins, as, byRole, gql, gqlOn, listCase, readers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';
import { companyIn } from '../companies/company.matrix.js';

async function teamIn(app: TestApp, f: RolesFixture) {
  const team = await app.prisma.team.create({ data: { workspaceId: f.workspaceId, name: `Team ${crypto.randomUUID()}` } });
  return globalId('Team', team.id);
}

async function sharedCompany(app: TestApp, f: RolesFixture) {
  const recordId = await companyIn(app, f);
  const company = await app.prisma.company.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
  const share = await app.prisma.recordShare.create({ data: { workspaceId: f.workspaceId, companyId: company.id, userId: f.users.VIEWER.id } });
  return { recordId, shareId: share.id };
}

export const cases: MatrixCase[] = [
  listCase('teams', `{ teams { name members { name } } }`, teamIn),
  { kind: 'mutation', field: 'createTeam', run: gql(`mutation { createTeam(name: "Sales") { name } }`), expect: admins() },
  {
    kind: 'mutation',
    field: 'updateTeam',
    run: gqlOn(`mutation($id: ID!) { updateTeam(id: $id, name: "Renamed") { name } }`, teamIn),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'deleteTeam',
    run: gqlOn(`mutation($id: ID!) { deleteTeam(id: $id) }`, teamIn),
    expect: admins(),
  },
  {
    kind: 'query',
    field: 'recordShares',
    run: async (app, f, actor) =>
      as(f, actor).gql(`query($id: ID!) { recordShares(recordId: $id) { user { name } } }`, { id: (await sharedCompany(app, f)).recordId }),
    expect: readers(),
  },
  {
    kind: 'mutation',
    field: 'shareRecord',
    run: async (app, f, actor) =>
      as(f, actor).gql(`mutation($id: ID!, $u: [ID!]) { shareRecord(recordId: $id, userIds: $u) { id } }`, {
        id: await companyIn(app, f),
        u: [globalId('User', f.users.VIEWER.id)],
      }),
    expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'unshareRecord',
    run: async (app, f, actor) => {
      const { recordId, shareId } = await sharedCompany(app, f);
      return as(f, actor).gql(`mutation($id: ID!, $s: ID!) { unshareRecord(recordId: $id, shareId: $s) }`, { id: recordId, s: shareId });
    },
    expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN'),
  },
  { kind: 'mutation', field: 'setRecordPolicy', run: gql(`mutation { setRecordPolicy(policy: OWN_AND_SHARED) { recordPolicy } }`), expect: admins() },
];

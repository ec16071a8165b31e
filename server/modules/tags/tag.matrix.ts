import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { createUpdateCases, gql, gqlOn, listCase, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';

async function tagIn(app: TestApp, f: RolesFixture) {
  const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: `vip-${crypto.randomUUID()}` } });
  return globalId('Tag', tag.id);
}

export const cases: MatrixCase[] = [
  listCase('tags', `{ tags { name } }`, tagIn),
  ...createUpdateCases(
    'Tag',
    gql(`mutation { createTag(name: "hot", color: "#ff0000") { name } }`),
    gqlOn(`mutation($id: ID!) { updateTag(id: $id, name: "warm") { name } }`, tagIn),
  ),
  {
    kind: 'mutation',
    field: 'deleteTag',
    run: gqlOn(`mutation($id: ID!) { deleteTag(id: $id) }`, tagIn),
    expect: writers(),
  },
];

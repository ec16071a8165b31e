import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { as, gql, readers, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';

async function tagIn(app: TestApp, f: RolesFixture) {
  const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: `vip-${crypto.randomUUID()}` } });
  return globalId('Tag', tag.id);
}

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'tags',
    run: async (app, f, actor) => {
      await tagIn(app, f);
      return as(f, actor).gql(`{ tags { name } }`);
    },
    expect: readers(),
  },
  { kind: 'mutation', field: 'createTag', run: gql(`mutation { createTag(name: "hot", color: "#ff0000") { name } }`), expect: writers() },
  {
    kind: 'mutation',
    field: 'updateTag',
    run: async (app, f, actor) => as(f, actor).gql(`mutation($id: ID!) { updateTag(id: $id, name: "warm") { name } }`, { id: await tagIn(app, f) }),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'deleteTag',
    run: async (app, f, actor) => as(f, actor).gql(`mutation($id: ID!) { deleteTag(id: $id) }`, { id: await tagIn(app, f) }),
    expect: writers(),
  },
];

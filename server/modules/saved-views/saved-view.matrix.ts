import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { admins, as, byRole, readers, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';

/** A contacts view owned by the fixture's OWNER, shared or private. */
export async function viewIn(app: TestApp, f: RolesFixture, shared: boolean) {
  const view = await app.prisma.savedView.create({
    data: {
      workspaceId: f.workspaceId,
      ownerId: f.users.OWNER.id,
      entity: 'CONTACT',
      name: `Leads ${crypto.randomUUID()}`,
      shared,
      filter: { lifecycleStage: 'LEAD' },
    },
  });
  return globalId('SavedView', view.id);
}

const onView = (shared: boolean, query: string) => async (app: TestApp, f: RolesFixture, actor: Parameters<typeof as>[1]) =>
  as(f, actor).gql(query, { id: await viewIn(app, f, shared) });

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'savedViews',
    run: async (app, f, actor) => {
      await viewIn(app, f, true);
      return as(f, actor).gql(`{ savedViews(list: CONTACT) { name count } }`);
    },
    expect: readers(),
  },
  { kind: 'query', field: 'node', run: onView(true, `query($id: ID!) { node(id: $id) { ... on SavedView { name count filter } } }`), expect: readers() },
  // Someone else's private view does not exist for you, whatever your role.
  {
    kind: 'query',
    field: 'node',
    run: onView(false, `query($id: ID!) { node(id: $id) { ... on SavedView { name } } }`),
    expect: byRole('ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'),
  },
  {
    kind: 'mutation',
    field: 'createSavedView',
    run: (_app, f, actor) =>
      as(f, actor).gql(`mutation { createSavedView(input: { list: CONTACT, name: "Mine", contactFilter: { lifecycleStage: LEAD } }) { name } }`),
    expect: readers(),
  },
  {
    kind: 'mutation',
    field: 'createSavedView',
    run: (_app, f, actor) =>
      as(f, actor).gql(`mutation { createSavedView(input: { list: DEAL, name: "Team", shared: true, dealFilter: { status: OPEN } }) { name } }`),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'updateSavedView',
    run: onView(true, `mutation($id: ID!) { updateSavedView(id: $id, input: { name: "Renamed" }) { name } }`),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'updateSavedView',
    run: onView(false, `mutation($id: ID!) { updateSavedView(id: $id, input: { name: "Renamed" }) { name } }`),
    expect: byRole('ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'),
  },
  { kind: 'mutation', field: 'deleteSavedView', run: onView(true, `mutation($id: ID!) { deleteSavedView(id: $id) }`), expect: admins() },
  {
    kind: 'mutation',
    field: 'setDefaultSavedView',
    run: onView(true, `mutation($id: ID!) { setDefaultSavedView(list: CONTACT, id: $id) }`),
    expect: readers(),
  },
];

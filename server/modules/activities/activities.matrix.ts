import { globalId, type Actor, type RolesFixture } from '../../test/fixtures.js';
import { as, byRole, readers, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';
import { dealRow } from '../../test/record-fixtures.js';

type Who = 'OWNER' | 'ADMIN' | 'MEMBER';

/** A call created by and assigned to the MEMBER unless said otherwise. */
export async function activityIn(app: TestApp, f: RolesFixture, options: { creator?: Who; assignee?: Who; deleted?: boolean; dealId?: string } = {}) {
  const activity = await app.prisma.activity.create({
    data: {
      workspaceId: f.workspaceId,
      type: 'CALL',
      subject: 'Follow up',
      createdById: f.users[options.creator ?? 'MEMBER'].id,
      assigneeId: f.users[options.assignee ?? 'MEMBER'].id,
      dealId: options.dealId ?? null,
      deletedAt: options.deleted ? new Date() : null,
    },
  });
  return globalId('Activity', activity.id);
}

const withActivity =
  (query: string, options: Parameters<typeof activityIn>[2] = {}) =>
  async (app: TestApp, f: RolesFixture, actor: Actor) =>
    as(f, actor).gql(query, { id: await activityIn(app, f, options) });

/** An activity on the OWNER's private deal: it does not exist for the MEMBER and the VIEWER. */
const hiddenActivity = (query: string) => async (app: TestApp, f: RolesFixture, actor: Actor) => {
  const deal = await dealRow(app, f, { ownerId: f.users.OWNER.id, private: true });
  return as(f, actor).gql(query, { id: await activityIn(app, f, { creator: 'OWNER', assignee: 'OWNER', dealId: deal.id }) });
};

const DELETE = `mutation($id: ID!) { deleteActivity(id: $id) { deletedAt } }`;

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'activities',
    run: async (app, f, actor) => {
      await activityIn(app, f);
      return as(f, actor).gql(`{ activities { totalCount edges { node { subject assignee { name } } } } }`);
    },
    expect: readers(),
  },
  { kind: 'query', field: 'activity', run: withActivity(`query($id: ID!) { activity(id: $id) { subject } }`), expect: readers() },
  {
    kind: 'query',
    field: 'activity',
    run: hiddenActivity(`query($id: ID!) { activity(id: $id) { subject } }`),
    expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'),
  },
  {
    kind: 'mutation',
    field: 'createActivity',
    run: (_app, f, actor) => as(f, actor).gql(`mutation { createActivity(input: { type: TASK, subject: "Send the quote" }) { id } }`),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'updateActivity',
    run: withActivity(`mutation($id: ID!) { updateActivity(id: $id, input: { subject: "Call back" }) { subject } }`),
    expect: writers(),
  },
  { kind: 'mutation', field: 'completeActivity', run: withActivity(`mutation($id: ID!) { completeActivity(id: $id) { done doneAt } }`), expect: writers() },
  {
    kind: 'mutation',
    field: 'completeActivity',
    run: hiddenActivity(`mutation($id: ID!) { completeActivity(id: $id) { done } }`),
    expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'),
  },
  { kind: 'mutation', field: 'deleteActivity', run: withActivity(DELETE), expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN') },
  {
    kind: 'mutation',
    field: 'deleteActivity',
    run: withActivity(DELETE, { creator: 'OWNER', assignee: 'MEMBER' }),
    expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'deleteActivity',
    run: withActivity(DELETE, { creator: 'OWNER', assignee: 'ADMIN' }),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'restoreActivity',
    run: withActivity(`mutation($id: ID!) { restoreActivity(id: $id) { deletedAt } }`, { deleted: true }),
    expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN'),
  },
];

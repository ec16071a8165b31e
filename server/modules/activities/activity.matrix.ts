import { globalId, type Actor, type RolesFixture } from '../../test/fixtures.js';
import { as, byRole, createUpdateCases, gql, listCase, readers, trashCases, withRecord, writers, type MatrixCase } from '../../test/role-matrix.js';
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

const withActivity = withRecord(activityIn);

/** An activity on the OWNER's private deal: it does not exist for the MEMBER and the VIEWER. */
const hiddenActivity = (query: string) => async (app: TestApp, f: RolesFixture, actor: Actor) => {
  const deal = await dealRow(app, f, { ownerId: f.users.OWNER.id, private: true });
  return as(f, actor).gql(query, { id: await activityIn(app, f, { creator: 'OWNER', assignee: 'OWNER', dealId: deal.id }) });
};

const DELETE = `mutation($id: ID!) { deleteActivity(id: $id) { deletedAt } }`;

export const cases: MatrixCase[] = [
  listCase('activities', `{ activities { totalCount edges { node { subject assignee { name } } } } }`, activityIn),
  { kind: 'query', field: 'activity', run: withActivity(`query($id: ID!) { activity(id: $id) { subject } }`), expect: readers() },
  {
    kind: 'query',
    field: 'activity',
    run: hiddenActivity(`query($id: ID!) { activity(id: $id) { subject } }`),
    expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'),
  },
  ...createUpdateCases(
    'Activity',
    gql(`mutation { createActivity(input: { type: TASK, subject: "Send the quote" }) { id } }`),
    withActivity(`mutation($id: ID!) { updateActivity(id: $id, input: { subject: "Call back" }) { subject } }`),
  ),
  { kind: 'mutation', field: 'completeActivity', run: withActivity(`mutation($id: ID!) { completeActivity(id: $id) { done doneAt } }`), expect: writers() },
  {
    kind: 'mutation',
    field: 'completeActivity',
    run: hiddenActivity(`mutation($id: ID!) { completeActivity(id: $id) { done } }`),
    expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'),
  },
  // The assignee may delete an activity someone else made.
  { kind: 'mutation', field: 'deleteActivity', run: withActivity(DELETE, { creator: 'OWNER', assignee: 'MEMBER' }), expect: writers() },
  ...trashCases('Activity', withActivity, { creator: 'OWNER', assignee: 'ADMIN' }, { deleted: true }),
];

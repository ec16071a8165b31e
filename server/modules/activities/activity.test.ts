import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture } from '../../test/fixtures.js';
import { errorCodes, sameStatementCount, useTestApp } from '../../test/test-app.js';
import { createMutation, creator, lister, listQuery } from '../../test/record-api.js';
import { companyRow, contactRow, dealRow, outsiderWorkspaceId } from '../../test/record-fixtures.js';

const getApp = useTestApp();

const FIELDS = `id type subject body dueAt done doneAt assignee { name } createdBy { name } contact { id } company { id } deal { id }`;
const CREATE = createMutation('Activity', FIELDS);
const LIST = listQuery('Activity', 'activities', 'subject');
const create = creator('Activity', CREATE);
const subjects = lister('activities', LIST, 'subject', 'subjects');

const day = (n: number) => new Date(Date.UTC(2031, 0, n, 9)).toISOString();

describe('activities', () => {
  it('creates a task assigned to its creator by default, linked to a contact, a company and a deal', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const [contact, company, deal] = [await contactRow(app, f), await companyRow(app, f), await dealRow(app, f)];
    const task = await create(f, {
      type: 'TASK',
      subject: '  Send the quote ',
      body: 'With the discount',
      dueAt: day(3),
      contactId: contact.gid,
      companyId: company.gid,
      dealId: deal.gid,
    });
    expect(task).toMatchObject({
      type: 'TASK',
      subject: 'Send the quote',
      body: 'With the discount',
      dueAt: day(3),
      done: false,
      doneAt: null,
      assignee: { name: 'Member Person' },
      createdBy: { name: 'Member Person' },
      contact: { id: contact.gid },
      company: { id: company.gid },
      deal: { id: deal.gid },
    });

    const meeting = await create(f, { type: 'MEETING', subject: 'Kick-off', assigneeId: globalId('User', f.users.ADMIN.id), done: true });
    expect(meeting).toMatchObject({ assignee: { name: 'Admin Person' }, done: true });
    expect(meeting.doneAt).toBeTruthy();
  });

  it('updates fields, reassigns, clears links, and completes and reopens with completeActivity', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const deal = await dealRow(app, f);
    const call = await create(f, { type: 'CALL', subject: 'Call back', dealId: deal.gid, dueAt: day(1) });

    const updated = await f.clients.MEMBER.ok(`mutation($id: ID!, $input: ActivityInput!) { updateActivity(id: $id, input: $input) { ${FIELDS} } }`, {
      id: call.id,
      input: { type: 'MEETING', subject: 'Meet instead', dealId: null, dueAt: null, assigneeId: globalId('User', f.users.VIEWER.id) },
    });
    expect(updated.updateActivity).toMatchObject({ type: 'MEETING', subject: 'Meet instead', deal: null, dueAt: null, assignee: { name: 'Viewer Person' } });

    const complete = `mutation($id: ID!, $done: Boolean) { completeActivity(id: $id, done: $done) { done doneAt } }`;
    const done = await f.clients.MEMBER.ok(complete, { id: call.id });
    expect(done.completeActivity.done).toBe(true);
    expect(Date.parse(done.completeActivity.doneAt)).toBeGreaterThan(Date.now() - 60_000);
    const again = await f.clients.ADMIN.ok(complete, { id: call.id, done: true });
    expect(again.completeActivity.doneAt).toBe(done.completeActivity.doneAt);
    expect((await f.clients.MEMBER.ok(complete, { id: call.id, done: false })).completeActivity).toEqual({ done: false, doneAt: null });
    expect(errorCodes(await f.clients.VIEWER.gql(complete, { id: call.id }))).toEqual(['FORBIDDEN']);
  });

  it.each([
    ['no type', { subject: 'x' }, 'BAD_USER_INPUT'],
    ['no subject', { type: 'TASK' }, 'BAD_USER_INPUT'],
    ['a blank subject', { type: 'TASK', subject: '  ' }, 'BAD_USER_INPUT'],
    ['a subject over 500 characters', { type: 'TASK', subject: 'x'.repeat(501) }, 'BAD_USER_INPUT'],
    ['an assignee who is not a member', { type: 'TASK', subject: 'x', assigneeId: 'OUTSIDER' }, 'BAD_USER_INPUT'],
    ['a deal in another workspace', { type: 'TASK', subject: 'x', dealId: 'FOREIGN_DEAL' }, 'BAD_USER_INPUT'],
    ['a contact in another workspace', { type: 'TASK', subject: 'x', contactId: 'FOREIGN_CONTACT' }, 'BAD_USER_INPUT'],
    ['a malformed company ID', { type: 'TASK', subject: 'x', companyId: 'nope' }, 'NOT_FOUND'],
  ])('refuses %s and writes nothing', async (_label, input: Record<string, string>, code) => {
    const app = getApp();
    const f = await rolesFixture(app);
    const elsewhere = { workspaceId: await outsiderWorkspaceId(app, f), ownerId: f.users.OUTSIDER.id };
    const swaps: Record<string, () => Promise<string>> = {
      OUTSIDER: async () => globalId('User', f.users.OUTSIDER.id),
      FOREIGN_DEAL: async () => (await dealRow(app, f, elsewhere)).gid,
      FOREIGN_CONTACT: async () => (await contactRow(app, f, elsewhere)).gid,
    };
    const resolved = Object.fromEntries(await Promise.all(Object.entries(input).map(async ([k, v]) => [k, swaps[v] ? await swaps[v]() : v])));
    const result = await f.clients.MEMBER.gql(CREATE, { input: resolved });
    expect(errorCodes(result)).toEqual([code]);
    expect(await app.prisma.activity.count()).toBe(0);
  });

  it('filters by type, done, assignee, due range, links and text, with totals', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const contact = await contactRow(app, f);
    const company = await companyRow(app, f);
    await create(f, { type: 'TASK', subject: 'Send quote', dueAt: day(5), contactId: contact.gid });
    await create(f, { type: 'CALL', subject: 'Discovery call', dueAt: day(2), companyId: company.gid, done: true });
    await create(f, { type: 'MEETING', subject: 'Demo', body: 'Bring the QUOTE', dueAt: day(9), assigneeId: globalId('User', f.users.ADMIN.id) });
    await create(f, { type: 'TASK', subject: 'Someday' });

    expect(await subjects(f, 'VIEWER', { filter: { type: 'TASK' } })).toEqual({ subjects: ['Send quote', 'Someday'], total: 2 });
    expect(await subjects(f, 'VIEWER', { filter: { done: true } })).toEqual({ subjects: ['Discovery call'], total: 1 });
    expect((await subjects(f, 'VIEWER', { filter: { done: false } })).total).toBe(3);
    expect(await subjects(f, 'VIEWER', { filter: { assigneeId: globalId('User', f.users.ADMIN.id) } })).toEqual({ subjects: ['Demo'], total: 1 });
    expect(await subjects(f, 'VIEWER', { filter: { dueAt: { from: day(2), to: day(5) } } })).toEqual({ subjects: ['Discovery call', 'Send quote'], total: 2 });
    expect(await subjects(f, 'VIEWER', { filter: { contactId: contact.gid } })).toEqual({ subjects: ['Send quote'], total: 1 });
    expect(await subjects(f, 'VIEWER', { filter: { companyId: company.gid } })).toEqual({ subjects: ['Discovery call'], total: 1 });
    expect(await subjects(f, 'VIEWER', { filter: { text: 'quote' } })).toEqual({ subjects: ['Send quote', 'Demo'], total: 2 });
    expect(errorCodes(await f.clients.VIEWER.gql(LIST, { filter: { dealId: 'bogus' } }))).toEqual(['NOT_FOUND']);
  });

  it('sorts by due date with undated ones last, by creation and update, and pages through them with cursors', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    for (const [subject, dueAt] of [
      ['c', day(3)],
      ['none1', null],
      ['a', day(1)],
      ['none2', null],
      ['b', day(2)],
    ] as const) {
      await create(f, { type: 'TASK', subject, dueAt });
    }
    expect((await subjects(f, 'VIEWER')).subjects).toEqual(['a', 'b', 'c', 'none1', 'none2']);
    expect((await subjects(f, 'VIEWER', { sort: { field: 'DUE_AT', direction: 'DESC' } })).subjects).toEqual(['c', 'b', 'a', 'none2', 'none1']);
    expect((await subjects(f, 'VIEWER', { sort: { field: 'CREATED_AT', direction: 'DESC' } })).subjects).toEqual(['b', 'none2', 'a', 'none1', 'c']);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const data: any = await f.clients.VIEWER.ok(LIST, { first: 2, after });
      expect(data.activities.totalCount).toBe(5);
      seen.push(...data.activities.edges.map((e: { node: { subject: string } }) => e.node.subject));
      expect(data.activities.pageInfo.hasNextPage).toBe(page < 2);
      after = data.activities.pageInfo.endCursor;
    }
    expect(seen).toEqual(['a', 'b', 'c', 'none1', 'none2']);

    const c = (await app.prisma.activity.findFirstOrThrow({ where: { subject: 'c' } })).id;
    await f.clients.MEMBER.ok(`mutation($id: ID!) { updateActivity(id: $id, input: { body: "touched" }) { id } }`, { id: globalId('Activity', c) });
    expect((await subjects(f, 'VIEWER', { sort: { field: 'UPDATED_AT', direction: 'DESC' }, first: 1 })).subjects).toEqual(['c']);
  });

  it('hides activities on records the viewer cannot see, and shows them to admins', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const deal = await dealRow(app, f, { ownerId: f.users.OWNER.id, private: true });
    await create(f, { type: 'CALL', subject: 'Open call' });
    const hidden = await create(f, { type: 'CALL', subject: 'About the secret deal', dealId: deal.gid }, 'OWNER');

    expect(await subjects(f, 'MEMBER')).toEqual({ subjects: ['Open call'], total: 1 });
    expect(errorCodes(await f.clients.MEMBER.gql(`query($id: ID!) { activity(id: $id) { subject dueAt deal { id } } }`, { id: hidden.id }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await f.clients.MEMBER.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: hidden.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(`mutation($id: ID!) { deleteActivity(id: $id) { id } }`, { id: hidden.id }))).toEqual(['NOT_FOUND']);
    expect((await subjects(f, 'ADMIN')).total).toBe(2);
    expect((await f.clients.ADMIN.ok(`query($id: ID!) { node(id: $id) { ... on Activity { subject deal { name } } } }`, { id: hidden.id })).node).toEqual({
      subject: 'About the secret deal',
      deal: { name: 'Big deal' },
    });
  });

  it('lists a page of 50 activities with assignee and links in a constant number of statements', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const seed = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const [contact, deal] = [await contactRow(app, f), await dealRow(app, f)];
        await app.prisma.activity.create({
          data: { workspaceId: f.workspaceId, type: 'TASK', subject: `t${i}`, assigneeId: f.users.ADMIN.id, contactId: contact.id, dealId: deal.id },
        });
      }
    };
    const page = `{ activities(first: 50) { totalCount edges { node { subject assignee { name } contact { name } company { name } deal { name } } } } }`;
    const large = await sameStatementCount(app, () => f.clients.MEMBER.ok(page), seed, [3], [50]);
    expect(large.result.activities.edges).toHaveLength(50);
  });

  it('moves activities to the trash and back; members delete those they created or are assigned', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const assignedToMember = await create(f, { type: 'TASK', subject: 'Assigned to member', assigneeId: globalId('User', f.users.MEMBER.id) }, 'ADMIN');
    const adminOnly = await create(f, { type: 'TASK', subject: 'Admin only' }, 'ADMIN');
    const del = `mutation($id: ID!) { deleteActivity(id: $id) { deletedAt } }`;
    const restore = `mutation($id: ID!) { restoreActivity(id: $id) { deletedAt } }`;

    expect(errorCodes(await f.clients.MEMBER.gql(del, { id: adminOnly.id }))).toEqual(['FORBIDDEN']);
    expect((await f.clients.MEMBER.ok(del, { id: assignedToMember.id })).deleteActivity.deletedAt).toBeTruthy();
    expect(await subjects(f, 'MEMBER', { trash: true })).toEqual({ subjects: ['Assigned to member'], total: 1 });
    expect(await subjects(f, 'MEMBER')).toEqual({ subjects: ['Admin only'], total: 1 });
    expect(errorCodes(await f.clients.MEMBER.gql(del, { id: assignedToMember.id }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.MEMBER.gql(`mutation($id: ID!) { completeActivity(id: $id) { id } }`, { id: assignedToMember.id }))).toEqual([
      'NOT_FOUND',
    ]);

    expect((await f.clients.MEMBER.ok(restore, { id: assignedToMember.id })).restoreActivity.deletedAt).toBeNull();
    expect(errorCodes(await f.clients.MEMBER.gql(restore, { id: assignedToMember.id }))).toEqual(['BAD_USER_INPUT']);
    await app.prisma.activity.updateMany({ data: { deletedAt: new Date(Date.now() - 31 * 864e5) } });
    expect(errorCodes(await f.clients.ADMIN.gql(restore, { id: adminOnly.id }))).toEqual(['BAD_USER_INPUT']);
  });
});

import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type Actor, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../test/test-app.js';
import { contactRow, dealRow } from '../../test/record-fixtures.js';

const getApp = useTestApp();

const CREATE = `mutation($input: CreateCommentInput!) {
  createComment(input: $input) { id body author { name } mentions { user { name } } note { id } activity { id } deal { id } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateCommentInput!) { updateComment(id: $id, input: $input) { body mentions { user { name } } } }`;
const DELETE = `mutation($id: ID!) { deleteComment(id: $id) { deletedAt } }`;
const LIST = `query($t: ID!, $first: Int, $after: String) {
  comments(targetId: $t, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id body } }
  }
}`;

const user = (f: RolesFixture, actor: Exclude<Actor, 'ANONYMOUS'>) => globalId('User', f.users[actor].id);

async function noteOn(f: RolesFixture, actor: Actor = 'MEMBER', input: Record<string, unknown> = {}) {
  const data = await f.clients[actor].ok(`mutation($input: NoteInput!) { createNote(input: $input) { id } }`, { input: { body: 'A note', ...input } });
  return data.createNote.id as string;
}

async function comment(f: RolesFixture, input: Record<string, unknown>, actor: Actor = 'MEMBER') {
  return f.clients[actor].ok(CREATE, { input }).then((data) => data.createComment);
}

async function bodies(f: RolesFixture, actor: Actor, targetId: string, variables: Record<string, unknown> = {}) {
  const data = await f.clients[actor].ok(LIST, { t: targetId, ...variables });
  return { bodies: data.comments.edges.map((e: { node: { body: string } }) => e.node.body), total: data.comments.totalCount };
}

describe('comments', () => {
  it('comments on a note with mentions of members, and lists comments oldest first with cursors and a total', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const noteId = await noteOn(f);
    const first = await comment(f, { noteId, body: 'What do you think?', mentionUserIds: [user(f, 'VIEWER'), user(f, 'ADMIN'), user(f, 'ADMIN')] });
    expect(first).toMatchObject({
      body: 'What do you think?',
      author: { name: 'Member Person' },
      mentions: [{ user: { name: 'Admin Person' } }, { user: { name: 'Viewer Person' } }],
      note: { id: noteId },
      activity: null,
      deal: null,
    });
    expect(await app.prisma.commentMention.count()).toBe(2);
    for (const body of ['Looks good', 'Ship it']) await comment(f, { noteId, body }, 'ADMIN');

    expect(await bodies(f, 'VIEWER', noteId)).toEqual({ bodies: ['What do you think?', 'Looks good', 'Ship it'], total: 3 });
    const page = await f.clients.VIEWER.ok(LIST, { t: noteId, first: 2 });
    expect(page.comments).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect((await bodies(f, 'VIEWER', noteId, { first: 2, after: page.comments.pageInfo.endCursor })).bodies).toEqual(['Ship it']);
  });

  it('comments on deals and activities too', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const deal = await dealRow(app, f);
    const activity = await f.clients.MEMBER.ok(`mutation { createActivity(input: { type: CALL, subject: "Call" }) { id } }`);
    const onDeal = await comment(f, { dealId: deal.gid, body: 'Big one' });
    const onActivity = await comment(f, { activityId: activity.createActivity.id, body: 'Went well' });
    expect(onDeal.deal).toEqual({ id: deal.gid });
    expect(onActivity.activity).toEqual({ id: activity.createActivity.id });
    expect(await bodies(f, 'VIEWER', deal.gid)).toEqual({ bodies: ['Big one'], total: 1 });
    expect(await bodies(f, 'VIEWER', activity.createActivity.id)).toEqual({ bodies: ['Went well'], total: 1 });
  });

  it.each([
    ['two targets', (ids: Ids) => ({ noteId: ids.note, dealId: ids.deal, body: 'x' }), 'BAD_USER_INPUT'],
    ['no target', () => ({ body: 'x' }), 'BAD_USER_INPUT'],
    ['a deal ID given as the note', (ids: Ids) => ({ noteId: ids.deal, body: 'x' }), 'BAD_USER_INPUT'],
    ['a contact as the target', (ids: Ids) => ({ noteId: ids.contact, body: 'x' }), 'NOT_FOUND'],
    ['a blank body', (ids: Ids) => ({ noteId: ids.note, body: '  ' }), 'BAD_USER_INPUT'],
    ['a body over 10,000 characters', (ids: Ids) => ({ noteId: ids.note, body: 'x'.repeat(10_001) }), 'BAD_USER_INPUT'],
    ['a mention of a non-member', (ids: Ids) => ({ noteId: ids.note, body: 'x', mentionUserIds: [ids.admin, ids.outsider] }), 'BAD_USER_INPUT'],
    ['a malformed mention', (ids: Ids) => ({ noteId: ids.note, body: 'x', mentionUserIds: ['nope'] }), 'NOT_FOUND'],
  ])('refuses %s and writes nothing', async (_label, input, code) => {
    const app = getApp();
    const f = await rolesFixture(app);
    const ids: Ids = {
      note: await noteOn(f),
      deal: (await dealRow(app, f)).gid,
      contact: (await contactRow(app, f)).gid,
      admin: user(f, 'ADMIN'),
      outsider: user(f, 'OUTSIDER'),
    };
    const result = await f.clients.MEMBER.gql(CREATE, { input: input(ids) });
    expect(errorCodes(result)).toEqual([code]);
    expect(await app.prisma.comment.count()).toBe(0);
    expect(await app.prisma.commentMention.count()).toBe(0);
  });

  it('lets only the author edit a comment, replacing its mentions, and refuses non-member mentions on edit', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const noteId = await noteOn(f);
    const c = await comment(f, { noteId, body: 'Draft', mentionUserIds: [user(f, 'ADMIN')] });

    const edited = await f.clients.MEMBER.ok(UPDATE, { id: c.id, input: { body: 'Final', mentionUserIds: [user(f, 'OWNER')] } });
    expect(edited.updateComment).toEqual({ body: 'Final', mentions: [{ user: { name: 'Owner Person' } }] });
    expect((await f.clients.MEMBER.ok(UPDATE, { id: c.id, input: { body: 'Final!' } })).updateComment.mentions).toEqual([{ user: { name: 'Owner Person' } }]);

    expect(errorCodes(await f.clients.ADMIN.gql(UPDATE, { id: c.id, input: { body: 'Hijacked' } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await f.clients.MEMBER.gql(UPDATE, { id: c.id, input: { mentionUserIds: [user(f, 'OUTSIDER')] } }))).toEqual(['BAD_USER_INPUT']);
    const stored = await app.prisma.comment.findFirstOrThrow({ include: { mentions: true } });
    expect(stored.body).toBe('Final!');
    expect(stored.mentions.map((m) => m.userId)).toEqual([f.users.OWNER.id]);
  });

  it('deletes a comment by its author or an admin, never by another member', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const noteId = await noteOn(f);
    const mine = await comment(f, { noteId, body: 'Mine' });
    const admins = await comment(f, { noteId, body: 'Admin says' }, 'ADMIN');
    const other = await comment(f, { noteId, body: 'Also mine' });

    expect(errorCodes(await f.clients.MEMBER.gql(DELETE, { id: admins.id }))).toEqual(['FORBIDDEN']);
    expect((await f.clients.MEMBER.ok(DELETE, { id: mine.id })).deleteComment.deletedAt).toBeTruthy();
    expect((await f.clients.ADMIN.ok(DELETE, { id: other.id })).deleteComment.deletedAt).toBeTruthy();
    expect(errorCodes(await f.clients.MEMBER.gql(DELETE, { id: mine.id }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.MEMBER.gql(UPDATE, { id: mine.id, input: { body: 'x' } }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: mine.id }))).toEqual(['NOT_FOUND']);
    expect(await bodies(f, 'MEMBER', noteId)).toEqual({ bodies: ['Admin says'], total: 1 });
  });

  it('hides comments wherever their target is hidden: private records, trash, other workspaces', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const secret = await contactRow(app, f, { ownerId: f.users.OWNER.id, private: true });
    const hiddenNote = await noteOn(f, 'OWNER', { contactId: secret.gid });
    const c = await comment(f, { noteId: hiddenNote, body: 'Secret talk' }, 'OWNER');

    expect(errorCodes(await f.clients.MEMBER.gql(LIST, { t: hiddenNote }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { input: { noteId: hiddenNote, body: 'x' } }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: c.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(DELETE, { id: c.id }))).toEqual(['NOT_FOUND']);
    expect(await bodies(f, 'ADMIN', hiddenNote)).toEqual({ bodies: ['Secret talk'], total: 1 });

    const privateDeal = await dealRow(app, f, { ownerId: f.users.ADMIN.id, private: true });
    expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { input: { dealId: privateDeal.gid, body: 'x' } }))).toEqual(['NOT_FOUND']);

    const open = await noteOn(f);
    await f.clients.MEMBER.ok(`mutation($id: ID!) { deleteNote(id: $id) { id } }`, { id: open });
    expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { input: { noteId: open, body: 'x' } }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.OUTSIDER.gql(LIST, { t: hiddenNote }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.OUTSIDER.gql(CREATE, { input: { noteId: hiddenNote, body: 'x' } }))).toEqual(['NOT_FOUND']);
    expect(await app.prisma.comment.count()).toBe(1);
  });
});

interface Ids {
  note: string;
  deal: string;
  contact: string;
  admin: string;
  outsider: string;
}

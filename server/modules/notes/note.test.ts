import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture } from '../../test/fixtures.js';
import { errorCodes, sameStatementCount, useTestApp } from '../../test/test-app.js';
import { createMutation, creator, lister, listQuery, trashMutations } from '../../test/record-api.js';
import { companyRow, contactRow, dealRow, outsiderWorkspaceId } from '../../test/record-fixtures.js';

const getApp = useTestApp();

const FIELDS = `id body createdBy { name } contact { id } company { id } deal { id }`;
const CREATE = createMutation('Note', FIELDS);
const LIST = listQuery('Note', 'notes', 'body');
const create = creator('Note', CREATE);
const bodies = lister('notes', LIST, 'body', 'bodies');

describe('notes', () => {
  it('creates a markdown note linked to a contact, a company and a deal, then edits and unlinks it', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const [contact, company, deal] = [await contactRow(app, f), await companyRow(app, f), await dealRow(app, f)];
    const note = await create(f, { body: '# Call notes\n\n- wants a demo', contactId: contact.gid, companyId: company.gid, dealId: deal.gid });
    expect(note).toMatchObject({
      body: '# Call notes\n\n- wants a demo',
      createdBy: { name: 'Member Person' },
      contact: { id: contact.gid },
      company: { id: company.gid },
      deal: { id: deal.gid },
    });

    const updated = await f.clients.ADMIN.ok(
      `mutation($id: ID!) { updateNote(id: $id, input: { body: "Demo booked", companyId: null }) { body contact { id } company { id } } }`,
      { id: note.id },
    );
    expect(updated.updateNote).toEqual({ body: 'Demo booked', contact: { id: contact.gid }, company: null });
  });

  it('accepts a body of 100,000 characters and refuses a longer one', async () => {
    const f = await rolesFixture(getApp());
    await create(f, { body: 'x'.repeat(100_000) });
    const result = await f.clients.MEMBER.gql(CREATE, { input: { body: 'x'.repeat(100_001) } });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/at most 100000 characters/);
  });

  it.each([
    ['no body', {}],
    ['a blank body', { body: '   ' }],
    ['a contact in another workspace', { body: 'x', contactId: 'FOREIGN_CONTACT' }],
    ['a company in another workspace', { body: 'x', companyId: 'FOREIGN_COMPANY' }],
    ['a deal in another workspace', { body: 'x', dealId: 'FOREIGN_DEAL' }],
    ['a private contact of someone else', { body: 'x', contactId: 'PRIVATE_CONTACT' }],
    ['a contact in the trash', { body: 'x', contactId: 'TRASHED_CONTACT' }],
    ['a company ID given as the contact', { body: 'x', contactId: 'COMPANY_AS_CONTACT' }],
  ])('refuses %s with a clear code and writes nothing', async (_label, input: Record<string, string>) => {
    const app = getApp();
    const f = await rolesFixture(app);
    const elsewhere = { workspaceId: await outsiderWorkspaceId(app, f), ownerId: f.users.OUTSIDER.id };
    const ids: Record<string, () => Promise<string>> = {
      FOREIGN_CONTACT: async () => (await contactRow(app, f, elsewhere)).gid,
      FOREIGN_COMPANY: async () => (await companyRow(app, f, elsewhere)).gid,
      FOREIGN_DEAL: async () => (await dealRow(app, f, elsewhere)).gid,
      PRIVATE_CONTACT: async () => (await contactRow(app, f, { ownerId: f.users.OWNER.id, private: true })).gid,
      TRASHED_CONTACT: async () => {
        const contact = await contactRow(app, f);
        await app.prisma.contact.update({ where: { id: contact.id }, data: { deletedAt: new Date() } });
        return contact.gid;
      },
      COMPANY_AS_CONTACT: async () => globalId('Contact', (await companyRow(app, f)).id),
    };
    const resolved = Object.fromEntries(await Promise.all(Object.entries(input).map(async ([k, v]) => [k, ids[v] ? await ids[v]() : v])));
    const result = await f.clients.MEMBER.gql(CREATE, { input: resolved });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.field ?? '').toMatch(/^input/);
    expect(await app.prisma.note.count()).toBe(0);
  });

  it('refuses a malformed link ID as NOT_FOUND', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { input: { body: 'x', dealId: 'nonsense' } }))).toEqual(['NOT_FOUND']);
    expect(await app.prisma.note.count()).toBe(0);
  });

  it('refuses to relink a note to a record in another workspace, even for its own workspace owner', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const note = await create(f, { body: 'Mine' });
    const foreign = await contactRow(app, f, { workspaceId: await outsiderWorkspaceId(app, f), ownerId: f.users.OUTSIDER.id });
    const result = await f.clients.OWNER.gql(`mutation($id: ID!, $c: ID!) { updateNote(id: $id, input: { contactId: $c }) { id } }`, {
      id: note.id,
      c: foreign.gid,
    });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect((await app.prisma.note.findFirstOrThrow()).contactId).toBeNull();
    // And the outsider cannot reach the note, nor link their own workspace's note to Acme's contact.
    const acmeContact = await contactRow(app, f);
    f.clients.OUTSIDER.workspaceId = globalId('Workspace', await outsiderWorkspaceId(app, f));
    expect(errorCodes(await f.clients.OUTSIDER.gql(CREATE, { input: { body: 'x', contactId: acmeContact.gid } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.OUTSIDER.gql(`query($id: ID!) { note(id: $id) { id } }`, { id: note.id }))).toEqual(['NOT_FOUND']);
    expect(await app.prisma.note.count()).toBe(1);
  });

  it('hides a note on a private contact of another member from a MEMBER (list, count, get, node) but not from an ADMIN', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const secret = await contactRow(app, f, { ownerId: f.users.OWNER.id, private: true, name: 'Secret' });
    await create(f, { body: 'Open note' });
    const hidden = await create(f, { body: 'About the secret contact', contactId: secret.gid }, 'OWNER');

    expect(await bodies(f, 'MEMBER')).toEqual({ bodies: ['Open note'], total: 1 });
    expect(await bodies(f, 'MEMBER', { filter: { contactId: secret.gid } })).toEqual({ bodies: [], total: 0 });
    expect(errorCodes(await f.clients.MEMBER.gql(`query($id: ID!) { note(id: $id) { body createdAt contact { id } } }`, { id: hidden.id }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await f.clients.MEMBER.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: hidden.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(`mutation($id: ID!) { updateNote(id: $id, input: { body: "x" }) { id } }`, { id: hidden.id }))).toEqual([
      'NOT_FOUND',
    ]);

    expect(await bodies(f, 'ADMIN')).toEqual({ bodies: ['About the secret contact', 'Open note'], total: 2 });
    const node = await f.clients.ADMIN.ok(`query($id: ID!) { node(id: $id) { ... on Note { body contact { name } } } }`, { id: hidden.id });
    expect(node.node).toEqual({ body: 'About the secret contact', contact: { name: 'Secret' } });

    // Sharing the contact with the member reveals its notes too.
    await app.prisma.recordShare.create({ data: { workspaceId: f.workspaceId, contactId: secret.id, userId: f.users.MEMBER.id } });
    expect((await bodies(f, 'MEMBER')).total).toBe(2);
  });

  it('hides notes on private companies and deals the same way', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const company = await companyRow(app, f, { ownerId: f.users.ADMIN.id, private: true });
    const deal = await dealRow(app, f, { ownerId: f.users.ADMIN.id, private: true });
    const visibleContact = await contactRow(app, f);
    await create(f, { body: 'On company', companyId: company.gid, contactId: visibleContact.gid }, 'ADMIN');
    await create(f, { body: 'On deal', dealId: deal.gid }, 'ADMIN');
    expect(await bodies(f, 'VIEWER')).toEqual({ bodies: [], total: 0 });
    expect((await bodies(f, 'OWNER')).total).toBe(2);
  });

  it('filters by linked record, author and text, sorts, and pages with cursors and a total count', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const contact = await contactRow(app, f);
    const deal = await dealRow(app, f);
    for (const body of ['first', 'second', 'THIRD call', 'fourth']) await create(f, { body, contactId: contact.gid });
    await create(f, { body: 'on the deal, a call', dealId: deal.gid }, 'ADMIN');

    expect((await bodies(f, 'VIEWER')).bodies).toEqual(['on the deal, a call', 'fourth', 'THIRD call', 'second', 'first']);
    expect((await bodies(f, 'VIEWER', { sort: { field: 'CREATED_AT' } })).bodies).toEqual(['first', 'second', 'THIRD call', 'fourth', 'on the deal, a call']);
    expect(await bodies(f, 'VIEWER', { filter: { dealId: deal.gid } })).toEqual({ bodies: ['on the deal, a call'], total: 1 });
    expect((await bodies(f, 'VIEWER', { filter: { contactId: contact.gid } })).total).toBe(4);
    expect(await bodies(f, 'VIEWER', { filter: { text: 'CALL', contactId: contact.gid } })).toEqual({ bodies: ['THIRD call'], total: 1 });
    expect((await bodies(f, 'VIEWER', { filter: { createdById: globalId('User', f.users.ADMIN.id) } })).bodies).toEqual(['on the deal, a call']);
    expect((await bodies(f, 'VIEWER', { filter: { createdAt: { from: new Date(Date.now() + 60_000).toISOString() } } })).total).toBe(0);

    const first = await f.clients.VIEWER.ok(LIST, { first: 2, sort: { field: 'CREATED_AT' } });
    expect(first.notes).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const second = await f.clients.VIEWER.ok(LIST, { first: 2, after: first.notes.pageInfo.endCursor, sort: { field: 'CREATED_AT' } });
    expect(second.notes.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual(['THIRD call', 'fourth']);
    const third = await f.clients.VIEWER.ok(LIST, { first: 2, after: second.notes.pageInfo.endCursor, sort: { field: 'CREATED_AT' } });
    expect(third.notes).toMatchObject({ pageInfo: { hasNextPage: false }, edges: [{ node: { body: 'on the deal, a call' } }] });
  });

  it('moves notes to the trash and restores them; members delete only their own, within 30 days', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const mine = await create(f, { body: 'Mine' });
    const theirs = await create(f, { body: 'Theirs' }, 'ADMIN');
    const { del, restore } = trashMutations('Note');

    expect(errorCodes(await f.clients.MEMBER.gql(del, { id: theirs.id }))).toEqual(['FORBIDDEN']);
    expect((await f.clients.MEMBER.ok(del, { id: mine.id })).deleteNote.deletedAt).toBeTruthy();
    expect(await bodies(f, 'MEMBER')).toEqual({ bodies: ['Theirs'], total: 1 });
    expect(await bodies(f, 'MEMBER', { trash: true })).toEqual({ bodies: ['Mine'], total: 1 });
    expect(errorCodes(await f.clients.MEMBER.gql(`query($id: ID!) { note(id: $id) { id } }`, { id: mine.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(del, { id: mine.id }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.MEMBER.gql(`mutation($id: ID!) { updateNote(id: $id, input: { body: "x" }) { id } }`, { id: mine.id }))).toEqual([
      'NOT_FOUND',
    ]);

    expect((await f.clients.MEMBER.ok(restore, { id: mine.id })).restoreNote.deletedAt).toBeNull();
    expect((await bodies(f, 'MEMBER')).total).toBe(2);
    expect((await f.clients.ADMIN.ok(del, { id: mine.id })).deleteNote.deletedAt).toBeTruthy();

    await app.prisma.note.updateMany({ where: { body: 'Mine' }, data: { deletedAt: new Date(Date.now() - 31 * 864e5) } });
    expect(errorCodes(await f.clients.MEMBER.gql(restore, { id: mine.id }))).toEqual(['BAD_USER_INPUT']);
  });

  it('lists a page of 50 notes with their links in a constant number of statements', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const seed = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const contact = await contactRow(app, f, { name: `C${i}` });
        await app.prisma.note.create({ data: { workspaceId: f.workspaceId, body: `n${i}`, contactId: contact.id, createdById: f.users.MEMBER.id } });
      }
    };
    const page = `{ notes(first: 50) { totalCount edges { node { body createdBy { name } contact { name } company { name } } } } }`;
    const large = await sameStatementCount(app, () => f.clients.MEMBER.ok(page), seed, [3], [55]);
    expect(large.result.notes.edges).toHaveLength(50);
  });
});

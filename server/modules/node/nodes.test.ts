import { encodeBase64 } from '@pothos/core';
import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture } from '../../test/fixtures.js';
import { useTestApp, type GqlResult } from '../../test/test-app.js';

const getApp = useTestApp();

const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Contact { firstName } } }`;

describe('nodes(ids)', () => {
  it('answers each ID on its own: a deleted, merged-away or hidden record is a null with NOT_FOUND at its index', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const contact = (firstName: string, extra: object = {}) => app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName, ...extra } });
    const kept = await contact('Kept');
    const gone = await contact('Gone');
    const trashed = await contact('Trashed', { deletedAt: new Date() });
    const hidden = await contact('Hidden', { visibility: 'PRIVATE', ownerId: f.users.ADMIN.id });
    await app.prisma.contact.delete({ where: { id: gone.id } });

    const result = await f.clients.VIEWER.gql(NODES, { ids: [kept, gone, trashed, hidden, kept].map((c) => globalId('Contact', c.id)) });
    expect(result.data).toEqual({
      nodes: [{ id: globalId('Contact', kept.id), firstName: 'Kept' }, null, null, null, { id: globalId('Contact', kept.id), firstName: 'Kept' }],
    });
    // A hidden record is refused by the lookup itself, like a missing one.
    expect(result.errors?.map((e) => [e.path?.slice(0, 2), e.extensions?.code])).toEqual([
      [['nodes', 1], 'NOT_FOUND'],
      [['nodes', 2], 'NOT_FOUND'],
      [['nodes', 3], 'NOT_FOUND'],
    ]);
  });
});

const TYPENAME_ONLY = {
  node: `query($id: ID!) { node(id: $id) { __typename } }`,
  nodes: `query($id: ID!) { nodes(ids: [$id]) { __typename } }`,
  contact: `query($id: ID!) { contact(id: $id) { __typename } }`,
};

/** The answer without messages' source locations, which depend on the document, not the record. */
const answer = (result: GqlResult) => ({ data: result.data, errors: result.errors?.map(({ message, path, extensions }) => ({ message, path, extensions })) });

describe('looking a record up by ID', () => {
  it('answers a record the viewer may not see exactly as a missing one, even when only __typename is asked', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const open = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Open' } });
    const hidden = await app.prisma.contact.create({
      data: { workspaceId: f.workspaceId, firstName: 'Hidden', visibility: 'PRIVATE', ownerId: f.users.ADMIN.id },
    });
    const missing = globalId('Contact', '0190a4c2-0000-7000-8000-000000000000');
    for (const [name, query] of Object.entries(TYPENAME_ONLY)) {
      const asMissing = answer(await f.clients.MEMBER.gql(query, { id: missing }));
      expect(asMissing.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      // Another workspace's record, to its non-member; a private record, to a member.
      expect([name, answer(await f.clients.OUTSIDER.gql(query, { id: globalId('Contact', open.id) }))]).toEqual([name, asMissing]);
      expect([name, answer(await f.clients.MEMBER.gql(query, { id: globalId('Contact', hidden.id) }))]).toEqual([name, asMissing]);
      expect((await f.clients.ADMIN.gql(query, { id: globalId('Contact', hidden.id) })).errors).toBeUndefined();
    }
  });

  it('hides a note behind a hidden link, and a company, deal or form of another workspace, the same way', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const hidden = await app.prisma.contact.create({
      data: { workspaceId: f.workspaceId, firstName: 'Hidden', visibility: 'PRIVATE', ownerId: f.users.ADMIN.id },
    });
    const note = await app.prisma.note.create({ data: { workspaceId: f.workspaceId, body: 'Secret', contactId: hidden.id } });
    const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Initech' } });
    const form = await app.prisma.form.create({ data: { workspaceId: f.workspaceId, name: 'Contact us', publicKey: 'k'.repeat(24), fields: [] } });
    const cases: Array<[string, string, string, 'MEMBER' | 'OUTSIDER']> = [
      ['note', 'Note', note.id, 'MEMBER'],
      ['company', 'Company', company.id, 'OUTSIDER'],
      ['form', 'Form', form.id, 'OUTSIDER'],
    ];
    for (const [field, typename, id, actor] of cases) {
      const missing = globalId(typename, '0190a4c2-0000-7000-8000-000000000000');
      for (const query of [TYPENAME_ONLY.node, `query($id: ID!) { ${field}(id: $id) { __typename } }`]) {
        const asMissing = answer(await f.clients[actor].gql(query, { id: missing }));
        expect(asMissing.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
        expect([query, answer(await f.clients[actor].gql(query, { id: globalId(typename, id) }))]).toEqual([query, asMissing]);
      }
    }
  });

  it('reads an ID that is not one of ours as NOT_FOUND: garbage, no key, an unknown type, a bare UUID', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const contact = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Ada' } });
    const ids = [
      'garbage!!',
      encodeBase64('Contact:'),
      encodeBase64('Nope:0190a4c2-0000-7000-8000-000000000000'),
      contact.id,
      globalId('Contact', 'not-a-uuid'),
    ];
    for (const id of ids) {
      for (const query of Object.values(TYPENAME_ONLY)) {
        const result = await f.clients.OWNER.gql(query, { id });
        expect([id, query, result.errors?.map((e) => e.extensions?.code)]).toEqual([id, query, ['NOT_FOUND']]);
      }
    }
    const mixed = await f.clients.OWNER.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ['garbage!!', globalId('Contact', contact.id)] });
    expect(mixed.data).toEqual({ nodes: [null, { id: globalId('Contact', contact.id) }] });
    expect(mixed.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['nodes', 0], 'NOT_FOUND']]);
  });
});

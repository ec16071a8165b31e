import { encodeBase64 } from '@pothos/core';
import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture } from '../test/fixtures.js';
import { useTestApp, type GqlResult } from '../test/test-app.js';

const getApp = useTestApp();

const refusal = (result: GqlResult) => result.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);

describe('paging arguments', () => {
  it('refuses a negative page size, before with after, and a cursor the list never gave out, with BAD_USER_INPUT', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const client = f.clients.MEMBER;
    expect(refusal(await client.gql(`{ contacts(first: -1) { totalCount } }`))).toEqual([['BAD_USER_INPUT', 'first']]);
    expect(refusal(await client.gql(`{ deals(last: -5) { totalCount } }`))).toEqual([['BAD_USER_INPUT', 'last']]);
    expect(refusal(await client.gql(`{ notes(first: 1, before: "a", after: "b") { totalCount } }`))).toEqual([['BAD_USER_INPUT', 'before']]);
    expect(refusal(await client.gql(`{ myUsage(after: "../../etc/passwd") { edges { cursor } } }`))).toEqual([['BAD_USER_INPUT', 'after']]);
    // Well-formed, but not a key: the database would refuse it.
    expect(refusal(await client.gql(`query($c: String) { companies(after: $c) { totalCount } }`, { c: encodeBase64('GPC:S:not-a-uuid') }))).toEqual([
      ['BAD_USER_INPUT', 'after'],
    ]);
    expect(refusal(await client.gql(`{ search(query: "ada", after: "x") { totalCount } }`))).toEqual([['BAD_USER_INPUT', 'after']]);
  });

  it('checks a connection nested under a record before the record’s query runs', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Initech' } });
    const result = await f.clients.OWNER.gql(`query($id: ID!) { node(id: $id) { ... on Company { contacts(first: -1) { totalCount } } } }`, {
      id: globalId('Company', company.id),
    });
    expect(refusal(result)).toEqual([['BAD_USER_INPUT', 'first']]);
  });

  it('still pages forward and back with the cursors it gave out', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    for (const firstName of ['Ada', 'Bea', 'Cy']) await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName } });
    const page = `query($after: String, $before: String, $first: Int, $last: Int) {
      contacts(after: $after, before: $before, first: $first, last: $last) { edges { cursor node { firstName } } } }`;
    const first = await f.clients.OWNER.ok<{ contacts: { edges: Array<{ cursor: string }> } }>(page, { first: 2 });
    const next = await f.clients.OWNER.ok(page, { first: 2, after: first.contacts.edges[1]!.cursor });
    expect(next.contacts.edges.map((e: { node: { firstName: string } }) => e.node.firstName)).toEqual(['Cy']);
    const back = await f.clients.OWNER.ok(page, { last: 1, before: first.contacts.edges[1]!.cursor });
    expect(back.contacts.edges.map((e: { node: { firstName: string } }) => e.node.firstName)).toEqual(['Ada']);
  });
});

describe('text arguments', () => {
  it('refuses a NUL character in any string argument, literal or variable, naming the field, and writes nothing', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const client = f.clients.OWNER;
    expect(refusal(await client.gql(`mutation { createContact(input: { firstName: "Nul\\u0000" }) { id } }`))).toEqual([['BAD_USER_INPUT', 'input.firstName']]);
    expect(
      refusal(
        await client.gql(`mutation($i: ContactInput!) { createContact(input: $i) { id } }`, {
          i: { firstName: 'Ada', emails: ['a@example.com', 'b\u0000@example.com'] },
        }),
      ),
    ).toEqual([['BAD_USER_INPUT', 'input.emails.1']]);
    expect(
      refusal(
        await client.gql(`mutation($i: ContactInput!) { createContact(input: $i) { id } }`, {
          i: { firstName: 'Ada', customFields: [{ key: 'note', text: 'x\u0000y' }] },
        }),
      ),
    ).toEqual([['BAD_USER_INPUT', 'input.customFields.0.text']]);
    expect(refusal(await client.gql(`mutation($n: String!) { updateProfile(name: $n) { name } }`, { n: 'Ada\u0000' }))).toEqual([['BAD_USER_INPUT', 'name']]);
    expect(refusal(await client.gql(`mutation { createWorkspace(name: "\\u0000") { id } }`))).toEqual([['BAD_USER_INPUT', 'name']]);
    expect(refusal(await client.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: '\u0000' }))).toEqual([['BAD_USER_INPUT', 'id']]);
    expect(await app.prisma.contact.count()).toBe(0);
    expect(await app.prisma.workspace.count()).toBe(2);
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id: f.users.OWNER.id } })).name).toBe('Owner Person');
  });
});

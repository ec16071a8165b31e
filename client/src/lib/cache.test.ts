import { Client, fetchExchange, gql, subscriptionExchange } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { embeddedTypes, mutationFields } from '../gql/cache-keys';
import { kithCacheExchange } from './cache';

const Contacts = gql`
  query Contacts {
    contacts(first: 10) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;
const Create = gql`
  mutation Create($name: String!) {
    createContact(input: { name: $name }) {
      id
      name
    }
  }
`;
const Rename = gql`
  mutation Rename($id: ID!, $name: String!) {
    updateContact(id: $id, input: { name: $name }) {
      id
      name
    }
  }
`;
const Feed = gql`
  subscription Feed {
    activityFeed {
      id
      entityType
      entityId
    }
  }
`;

/** A server holding contacts in memory, behind urql's own fetch and subscription exchanges; counts the list reads. */
function fakeServer(events: unknown[] = []) {
  const contacts = [{ __typename: 'Contact', id: 'c1', name: 'Ada' }];
  const state = { listReads: 0 };
  const answer = (name: string | undefined, variables: Record<string, unknown>): unknown => {
    if (name === 'Contacts') {
      state.listReads++;
      const edges = contacts.map((node) => ({ __typename: 'QueryContactsConnectionEdge', node: { ...node } }));
      return { contacts: { __typename: 'QueryContactsConnection', totalCount: contacts.length, edges } };
    }
    if (name === 'Create') {
      const row = { __typename: 'Contact', id: `c${contacts.length + 1}`, name: String(variables.name) };
      contacts.push(row);
      return { createContact: row };
    }
    const row = contacts.find((c) => c.id === variables.id)!;
    row.name = String(variables.name);
    return { updateContact: { ...row } };
  };
  const fetch = (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { operationName?: string; variables?: Record<string, unknown> };
    const data = answer(body.operationName, body.variables ?? {});
    return Promise.resolve(new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } }));
  };
  const live = subscriptionExchange({
    forwardSubscription: () => ({
      subscribe: (sink) => {
        for (const activityFeed of events) sink.next({ data: { activityFeed } });
        return { unsubscribe: () => {} };
      },
    }),
  });
  const client = new Client({
    url: 'http://kith.test/graphql',
    fetch,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [kithCacheExchange(), fetchExchange, live],
  });
  return { client, state };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('kithCacheExchange', () => {
  it('keys are generated from the schema: connections are embedded, records are not', () => {
    expect(embeddedTypes).toContain('QueryContactsConnection');
    expect(embeddedTypes).not.toContain('Contact');
    expect(mutationFields).toContain('createContact');
  });

  it('a create refreshes the open list without a manual refetch', async () => {
    const { client, state } = fakeServer();
    const seen: number[] = [];
    const { unsubscribe } = client.query(Contacts, {}).subscribe((r) => r.data && seen.push(r.data.contacts.totalCount));
    await settle();
    await client.mutation(Create, { name: 'Grace' }).toPromise();
    await settle();
    expect(seen.at(-1)).toBe(2);
    expect(state.listReads).toBe(2);
    unsubscribe();
  });

  it('an update re-normalises the row in place and reads no list again', async () => {
    const { client, state } = fakeServer();
    const names: string[] = [];
    const { unsubscribe } = client.query(Contacts, {}).subscribe((r) => r.data && names.push(r.data.contacts.edges[0].node.name));
    await settle();
    await client.mutation(Rename, { id: 'c1', name: 'Ada L.' }).toPromise();
    await settle();
    expect(names.at(-1)).toBe('Ada L.');
    expect(state.listReads).toBe(1);
    unsubscribe();
  });

  it('a live feed event refreshes the record and its lists', async () => {
    const { client, state } = fakeServer([{ __typename: 'ActivityEvent', id: 'e1', entityType: 'Contact', entityId: 'c1' }]);
    const { unsubscribe } = client.query(Contacts, {}).subscribe(() => {});
    await settle();
    client.subscription(Feed, {}).subscribe(() => {});
    await settle();
    expect(state.listReads).toBe(2);
    unsubscribe();
  });
});

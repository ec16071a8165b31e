import type { Actor, RolesFixture } from '../../test/fixtures.js';

export const CONTACT_FIELDS = `id name firstName lastName jobTitle location headline skills source lifecycleStage customFields { field { key } ... on CustomTextValue { text } ... on CustomNumberValue { number } } visibility
  primaryEmail emails { email isPrimary } phones { e164 label isPrimary } profiles { network url }
  company { name } owner { name } createdBy { name } tags { name } deletedAt`;

const CREATE = `mutation($input: ContactInput!) { createContact(input: $input) { ${CONTACT_FIELDS} } }`;

export async function createContactAs(f: RolesFixture, actor: Actor, input: Record<string, unknown>) {
  return (await f.clients[actor].ok(CREATE, { input })).createContact;
}

export const LIST = `query($filter: ContactFilter, $sort: ContactSort, $first: Int, $after: String, $last: Int, $before: String, $trash: Boolean) {
  contacts(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before, trash: $trash) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id name } }
  }
}`;

/** The names of the contacts the actor sees, with the total count. */
export async function contactNames(f: RolesFixture, actor: Actor, variables: Record<string, unknown> = {}) {
  const data = await f.clients[actor].ok(LIST, variables);
  return { names: data.contacts.edges.map((e: { node: { name: string } }) => e.node.name), total: data.contacts.totalCount };
}

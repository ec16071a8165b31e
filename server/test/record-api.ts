// A record type's create mutation and list query as its tests call them through the API.
import type { Actor, RolesFixture } from './fixtures.js';

/** `create<Type>(input: $input)`, selecting `fields`. */
export const createMutation = (type: string, fields: string) => `mutation($input: ${type}Input!) { create${type}(input: $input) { ${fields} } }`;

/** The `list` query of a record type with filter, sort, paging and trash, selecting each node's `id` and `field`. */
export const listQuery = (
  type: string,
  list: string,
  field: string,
) => `query($filter: ${type}Filter, $sort: ${type}Sort, $first: Int, $after: String, $trash: Boolean) {
  ${list}(filter: $filter, sort: $sort, first: $first, after: $after, trash: $trash) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id ${field} } }
  }
}`;

/** Creates a record of `type` with its `mutation` as `actor` (the MEMBER unless said otherwise), answering what it selects. */
export function creator(type: string, mutation: string) {
  return (f: RolesFixture, input: Record<string, unknown>, actor: Actor = 'MEMBER') =>
    f.clients[actor].ok(mutation, { input }).then((data) => data[`create${type}`]);
}

/** Lists a record type as `actor`: each node's `field` under the key `as`, and the total. */
export function lister<K extends string>(list: string, query: string, field: string, as: K) {
  return async (f: RolesFixture, actor: Actor, variables: Record<string, unknown> = {}) => {
    const data = await f.clients[actor].ok(query, variables);
    const values: string[] = data[list].edges.map((e: { node: Record<string, string> }) => e.node[field]);
    return { [as]: values, total: data[list].totalCount as number } as Record<K, string[]> & { total: number };
  };
}

/** A record type's soft delete and restore mutations, answering `deletedAt`. */
export const trashMutations = (type: string) => ({
  del: `mutation($id: ID!) { delete${type}(id: $id) { deletedAt } }`,
  restore: `mutation($id: ID!) { restore${type}(id: $id) { deletedAt } }`,
});

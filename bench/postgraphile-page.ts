// The contacts page through PostGraphile 4 (a devDependency of this bench only), on the same database:
// the schema PostGraphile derives from Kith's tables, without auth (the bench user is the workspace owner,
// who sees every contact, so the rows are the same). `graphql()` parses and validates on every call, as
// a server without a document cache would; `execute()` reuses one parsed, validated document.
import { createRequire } from 'node:module';
import type pg from 'pg';
import { createPostGraphileSchema, withPostGraphileContext } from 'postgraphile';

// PostGraphile 4 brings its own graphql 15; its schema only works with that copy, never with Kith's 16
// (typed here as 16: both take these calls as one arguments object).
const graphql15 = createRequire(createRequire(import.meta.url).resolve('postgraphile'))('graphql') as typeof import('graphql');

const QUERY = `query Page($workspaceId: UUID!) {
  allContacts(first: 50, orderBy: [SORT_NAME_ASC, ID_ASC], condition: { workspaceId: $workspaceId, deletedAt: null }) {
    nodes {
      id firstName lastName
      contactEmailsByContactId(condition: { isPrimary: true }, first: 1) { nodes { email } }
      companyByCompanyId { name }
      userByOwnerId { name }
      _contactToTagsByA { nodes { tagByB { name } } }
    }
  }
}`;

type Result = { data?: { allContacts: { nodes: unknown[] } } | null; errors?: readonly unknown[] };

function check(result: Result) {
  if (result.errors?.length || result.data?.allContacts.nodes.length !== 50) throw new Error(`PostGraphile: ${JSON.stringify(result).slice(0, 300)}`);
}

export async function postgraphilePage(pool: pg.Pool, workspaceId: string) {
  const schema = await createPostGraphileSchema(pool, 'public', { disableDefaultMutations: true });
  const variables = { workspaceId };
  const document = graphql15.parse(QUERY);
  const invalid = graphql15.validate(schema as never, document);
  if (invalid.length > 0) throw new Error(`PostGraphile query: ${invalid[0]!.message}`);
  // Two graphql copies, two ExecutionResult types: the callback's result is PostGraphile's own at runtime.
  const run = async (operation: (context: object) => Promise<unknown>) =>
    check((await withPostGraphileContext({ pgPool: pool }, operation as never)) as Result);
  return {
    graphql: () => run((context) => graphql15.graphql({ schema: schema as never, source: QUERY, contextValue: context, variableValues: variables })),
    execute: () => run(async (context) => graphql15.execute({ schema: schema as never, document, contextValue: context, variableValues: variables })),
  };
}

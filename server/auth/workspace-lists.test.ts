// Every root list of a workspace's records, read while another workspace holds a row of every kind too:
// a list returns exactly the rows of the caller's workspace that the caller may see, and never fails
// because a foreign row slipped into the query and was refused by its type's rule.
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLOutputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Role } from '../generated/prisma/enums.js';
import { schema } from '../schema.js';
import { roleSees } from '../test/field-matrix.js';
import { rolesFixture, type Actor } from '../test/fixtures.js';
import { useTestApp } from '../test/test-app.js';
import { seedWorkspace } from '../test/workspace-seed.js';

const getApp = useTestApp();

const LISTERS = ['OWNER', 'MEMBER', 'VIEWER', 'MEMBER_KEY', 'OUTSIDER'] as const satisfies readonly Actor[];
const ROLE: Record<(typeof LISTERS)[number], Role> = { OWNER: 'OWNER', MEMBER: 'MEMBER', VIEWER: 'VIEWER', MEMBER_KEY: 'MEMBER', OUTSIDER: 'OWNER' };

const unwrap = (type: GraphQLOutputType): GraphQLOutputType => (isNonNullType(type) ? type.ofType : type);
const isNode = (type: GraphQLOutputType) => {
  const named = getNamedType(type);
  return isObjectType(named) && named.getInterfaces().some((i) => i.name === 'Node');
};

interface RootList {
  field: string;
  type: string;
  query: string;
  ids: (data: Record<string, any>) => string[];
}

/** Root fields scoped by `workspaceId` that list Node records (a connection or a plain list), no argument required. */
function workspaceLists(): RootList[] {
  const lists: RootList[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (!field.args.some((a) => a.name === 'workspaceId') || field.args.some((a) => isNonNullType(a.type))) continue;
    const type = unwrap(field.type);
    const named = getNamedType(type);
    if (isListType(type) && isNode(type.ofType)) {
      lists.push({ field: field.name, type: named.name, query: `{ list: ${field.name} { id } }`, ids: (d) => d.list.map((n: { id: string }) => n.id) });
    } else if (isObjectType(named) && 'edges' in named.getFields()) {
      const edge = getNamedType(named.getFields().edges!.type);
      const node = isObjectType(edge) ? edge.getFields().node?.type : undefined;
      if (!node || !isNode(node)) continue;
      lists.push({
        field: field.name,
        type: getNamedType(node).name,
        query: `{ list: ${field.name}(first: 100) { edges { node { id } } } }`,
        ids: (d) => d.list.edges.map((e: { node: { id: string } }) => e.node.id),
      });
    }
  }
  return lists;
}

const LISTS = workspaceLists();

describe('workspace lists with a second workspace present', () => {
  it('finds the lists to check', () => {
    expect(LISTS.map((l) => l.field).sort()).toEqual([
      'activities',
      'activityEvents',
      'apiKeys',
      'auditLog',
      'communications',
      'companies',
      'contacts',
      'customFields',
      'deals',
      'emailTemplates',
      'forms',
      'imports',
      'notes',
      'pipelines',
      'tags',
      'teams',
      'webhooks',
      'workspaceExports',
    ]);
  });

  it.each(LISTERS)('as %s, each list returns exactly the rows of their workspace that they may see', async (lister) => {
    const app = getApp();
    const f = await rolesFixture(app);
    const elsewhereId = (await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } })).workspaceId;
    const nodes = [...(await seedWorkspace(app, f.workspaceId, f.users.OWNER.id)), ...(await seedWorkspace(app, elsewhereId, f.users.OUTSIDER.id))];
    const workspaceId = lister === 'OUTSIDER' ? elsewhereId : f.workspaceId;
    const problems: string[] = [];
    let checked = 0;
    for (const list of LISTS) {
      const mine = nodes.filter((n) => n.type === list.type && n.workspaceId === workspaceId);
      const expected = mine
        .filter((n) => roleSees(ROLE[lister], n.type, n.private))
        .map((n) => n.gid)
        .sort();
      const result = await f.clients[lister].gql(list.query);
      if (result.errors?.length) {
        // Only a list of rows the role may see none of may be refused outright.
        const code = result.errors[0]?.extensions?.code;
        if (code !== 'FORBIDDEN' || expected.length > 0) problems.push(`${list.field}: ${code} ${result.errors[0]?.message}`);
        continue;
      }
      const ids = list.ids(result.data!).sort();
      checked += ids.length;
      if (JSON.stringify(ids) !== JSON.stringify(expected))
        problems.push(`${list.field}: returned ${ids.length} rows [${ids}], expected ${expected.length} [${expected}]`);
    }
    expect(problems).toEqual([]);
    expect(checked, 'rows listed').toBeGreaterThan(0);
  });
});

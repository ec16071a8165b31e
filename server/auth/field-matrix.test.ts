// Reads every field of every Node type, through node(id) and the per-type lookups, as each role, an
// API key and a member of another workspace using their own workspace header. Each reads records
// they may see (the data must equal what the record's owner reads) and records they may not (not one
// value may come back). Fields come from the schema (server/test/field-matrix.ts), so new ones are covered.
import { isDeepStrictEqual } from 'node:util';
import type { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Role } from '../generated/prisma/enums.js';
import { schema } from '../schema.js';
import {
  leafValues,
  lookupsOf,
  nodeTypes,
  NODE_RULES,
  readableFields,
  READER_DEPENDENT_FIELDS,
  roleSees,
  SELF_ONLY_FIELDS,
  type ReadField,
} from '../test/field-matrix.js';
import { KEY_ROLES, rolesFixture, type Actor, type RolesFixture } from '../test/fixtures.js';
import { useTestApp, type GqlResult, type TestApp, type TestClient } from '../test/test-app.js';
import { seedWorkspace, type SeededNode } from '../test/workspace-seed.js';
import { roleCan } from './permissions.js';

const getApp = useTestApp();

// One API key stands for all: the role matrix already checks that each key acts exactly like its role.
const READERS = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER', 'MEMBER_KEY', 'OUTSIDER'] as const satisfies readonly Actor[];
type Reader = (typeof READERS)[number];

const TYPES = nodeTypes(schema);
const FIELDS = new Map(TYPES.map((t) => [t.name, readableFields(t)]));

interface World {
  f: RolesFixture;
  nodes: SeededNode[];
  elsewhereId: string;
}

async function world(app: TestApp): Promise<World> {
  const f = await rolesFixture(app);
  const elsewhereId = (await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } })).workspaceId;
  const nodes = [...(await seedWorkspace(app, f.workspaceId, f.users.OWNER.id)), ...(await seedWorkspace(app, elsewhereId, f.users.OUTSIDER.id))];
  return { f, nodes, elsewhereId };
}

const roleOf = (reader: Reader): Role =>
  reader === 'OUTSIDER' ? 'OWNER' : reader in KEY_ROLES ? KEY_ROLES[reader as keyof typeof KEY_ROLES] : (reader as Role);

/** Each field under its own `node` alias, so one refused field cannot hide another's value. */
async function readThroughNode(client: TestClient, node: SeededNode, fields: ReadField[]) {
  const query = `query($id: ID!) { ${fields.map((field, i) => `f${i}: node(id: $id) { ... on ${node.type} { ${field.selection} } }`).join(' ')} }`;
  const result = await client.gql(query, { id: node.gid });
  return fields.map((field, i) => ({
    field,
    value: (result.data?.[`f${i}`] ?? null) as unknown,
    refused: (result.errors ?? []).some((e) => e.path?.[0] === `f${i}`),
  }));
}

type Expectation = 'same' | 'some' | 'refused';

function expectation(reader: Reader, w: World, node: SeededNode, field: ReadField): Expectation {
  const readerWorkspace = reader === 'OUTSIDER' ? w.elsewhereId : w.f.workspaceId;
  const role = roleOf(reader);
  if (node.workspaceId !== readerWorkspace || !roleSees(role, node.type, node.private)) return 'refused';
  if (SELF_ONLY_FIELDS.includes(field.name)) return !(reader in KEY_ROLES) && w.f.users[reader].id === node.id ? 'same' : 'refused';
  if (field.permission && !roleCan(role, field.permission)) return 'refused';
  return READER_DEPENDENT_FIELDS.has(field.name) ? 'some' : 'same';
}

function judge(expected: Expectation, read: { value: unknown; refused: boolean }, reference: unknown): string | null {
  if (expected === 'refused') {
    const leaked = leafValues(read.value);
    return leaked.length ? `leaked ${leaked.join(', ')}` : read.refused ? null : 'returned no error';
  }
  if (read.refused) return 'was refused';
  if (expected === 'same' && !isDeepStrictEqual(read.value, reference))
    return `read ${JSON.stringify(read.value)}, the owner reads ${JSON.stringify(reference)}`;
  return null;
}

/**
 * The per-type lookups are non-null, so one refused field nulls the whole answer: a refused record is read
 * once whole and once per field with a rule of its own (node(id) above reads every field alone anyway).
 */
async function readThroughLookups(client: TestClient, type: GraphQLObjectType, node: SeededNode, fields: Array<{ field: ReadField; expected: Expectation }>) {
  const problems: string[] = [];
  const refused = fields.filter((x) => x.expected === 'refused');
  const readable = fields.filter((x) => x.expected !== 'refused');
  for (const lookup of lookupsOf(schema, type)) {
    const read = (selections: ReadField[]) =>
      client.gql(`query($id: ID!) { r: ${lookup}(id: $id) { ${selections.map((x) => x.selection).join(' ')} } }`, { id: node.gid });
    const alone = refused.filter((x) => x.field.ownRule).map((x) => [x.field]);
    for (const selections of refused.length ? [refused.map((x) => x.field), ...alone] : []) {
      const result: GqlResult = await read(selections);
      const leaked = leafValues(result.data);
      const what = selections.length === 1 ? selections[0]!.name : 'every field';
      if (leaked.length || !result.errors?.length)
        problems.push(`${lookup}(id) ${what}: ${leaked.length ? `leaked ${leaked.join(', ')}` : 'returned no error'}`);
    }
    if (readable.length === 0) continue;
    const result = await read(readable.map((x) => x.field));
    if (result.errors?.length) problems.push(`${lookup}(id) refused a readable record: ${result.errors[0]?.message}`);
  }
  return problems;
}

describe('field matrix', () => {
  it('knows who sees every Node type', () => {
    expect(TYPES.map((t) => t.name).filter((name) => !(name in NODE_RULES))).toEqual([]);
  });

  // One world for every reader: seeding it is most of the cost.
  it('reads every field of every record exactly as the rules say, as every reader', { timeout: 180_000 }, async () => {
    const app = getApp();
    const w = await world(app);
    expect(new Set(w.nodes.map((n) => n.type))).toEqual(new Set(TYPES.map((t) => t.name)));
    const problems: string[] = [];
    for (const node of w.nodes) {
      const type = TYPES.find((t) => t.name === node.type)!;
      const fields = FIELDS.get(node.type)!;
      const owner = w.f.clients[node.workspaceId === w.f.workspaceId ? 'OWNER' : 'OUTSIDER'];
      const reference = await readThroughNode(owner, node, fields);
      const label = `${node.type}${node.private ? ' (private)' : ''}${node.workspaceId === w.f.workspaceId ? '' : ' (Elsewhere)'}`;
      for (const r of reference) if (r.refused) problems.push(`fixture: the owner cannot read ${r.field.name} of ${label}`);
      for (const reader of READERS) {
        const reads = await readThroughNode(w.f.clients[reader], node, fields);
        const expected = fields.map((field) => ({ field, expected: expectation(reader, w, node, field) }));
        reads.forEach((read, i) => {
          const problem = judge(expected[i]!.expected, read, reference[i]!.value);
          if (problem) problems.push(`${reader}: node(id) ${label} ${read.field.name}: ${problem}`);
        });
        problems.push(...(await readThroughLookups(w.f.clients[reader], type, node, expected)).map((p) => `${reader}: ${label} ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

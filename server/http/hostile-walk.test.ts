// Walks the schema the way an outside fuzzer did: every root query and mutation, with hostile arguments (wrong
// types, out-of-range numbers, NUL and very long strings, malformed, foreign and other workspaces' IDs), as
// every kind of caller. No answer may be an unexpected error, none may leave a line in the error log, and an
// answer with an error must have written nothing.
import type { YogaLogger } from 'graphql-yoga';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema.js';
import { companyRow, contactRow, dealRow, outsiderWorkspaceId } from '../test/record-fixtures.js';
import { globalId, rolesFixture, type Actor, type RolesFixture } from '../test/fixtures.js';
import { useTestApp, type TestApp } from '../test/test-app.js';

const logged: string[] = [];
const quiet = () => undefined;
const logger: YogaLogger = { debug: quiet, info: quiet, warn: quiet, error: (...args) => void logged.push(args.map(String).join(' ')) };
const getApp = useTestApp({ logger });

const ACTORS: Actor[] = ['OWNER', 'MEMBER', 'VIEWER', 'MEMBER_KEY', 'OUTSIDER', 'ANONYMOUS'];
// Ending one's own session (or account) would turn the rest of the walk into UNAUTHENTICATED.
const SKIPPED = new Set(['signOut', 'signOutEverywhere', 'revokeSession', 'changePassword', 'requestAccountDeletion', 'deleteAccount']);

/** Records of both workspaces, by typename: the walk sends their IDs to fields that take IDs. */
async function records(app: TestApp, f: RolesFixture) {
  const elsewhere = await outsiderWorkspaceId(app, f);
  const byWorkspace = async (workspaceId: string, ownerId: string) => {
    const options = { workspaceId, ownerId };
    const contact = await contactRow(app, f, options);
    const company = await companyRow(app, f, options);
    const deal = await dealRow(app, f, options);
    const note = await app.prisma.note.create({ data: { workspaceId, body: 'Note', contactId: contact.id } });
    const tag = await app.prisma.tag.create({ data: { workspaceId, name: `Tag ${workspaceId.slice(0, 6)}` } });
    const { pipelineId, stageId } = await app.prisma.deal.findUniqueOrThrow({ where: { id: deal.id } });
    return {
      Contact: contact.gid,
      Company: company.gid,
      Deal: deal.gid,
      Note: globalId('Note', note.id),
      Tag: globalId('Tag', tag.id),
      Pipeline: globalId('Pipeline', pipelineId),
      PipelineStage: globalId('PipelineStage', stageId),
      Workspace: globalId('Workspace', workspaceId),
    };
  };
  return { acme: await byWorkspace(f.workspaceId, f.users.MEMBER.id), other: await byWorkspace(elsewhere, f.users.OUTSIDER.id) };
}

type Ids = Awaited<ReturnType<typeof records>>['acme'];

interface Variant {
  name: string;
  /** Optional arguments too, or only the required ones. */
  all: boolean;
  string: (arg: string) => unknown;
  int: number | string;
  id: (arg: string) => unknown;
}

const LONG = 'x'.repeat(20_000);

/** The record type an argument probably names, from its name or its field's (`contactId`, `updateDeal(id)`). */
function typeFor(name: string, field: string, ids: Ids): string {
  const words = `${name === 'id' || name === 'ids' ? field : name}`.toLowerCase();
  const match = Object.keys(ids)
    .filter((typename) => words.includes(typename.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
  return ids[(match ?? 'Contact') as keyof Ids];
}

function variants(acme: Ids, other: Ids): Variant[] {
  return [
    { name: 'negative numbers', all: true, string: () => 'a', int: -1, id: (arg) => arg },
    { name: 'wrong types and numbers past Int', all: false, string: () => 12, int: 2 ** 31, id: () => true },
    { name: 'NUL characters', all: true, string: () => 'Nul\u0000', int: 1, id: () => 'Nul\u0000' },
    { name: 'very long strings', all: true, string: () => LONG, int: 2 ** 31 - 1, id: () => LONG },
    { name: 'malformed IDs', all: false, string: () => 'garbage!!', int: 0, id: () => 'garbage!!' },
    {
      name: 'bare UUIDs',
      all: false,
      string: () => '0190a4c2-0000-7000-8000-000000000000',
      int: 1,
      id: (arg) => Buffer.from(arg, 'base64').toString().split(':')[1],
    },
    {
      name: 'another workspace’s IDs',
      all: false,
      string: () => 'b',
      int: 1,
      id: (arg) => other[Object.entries(acme).find(([, gid]) => gid === arg)![0] as keyof Ids],
    },
  ];
}

function valueFor(type: GraphQLInputType, name: string, field: string, variant: Variant, ids: Ids, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, field, variant, ids, depth);
  if (isListType(type)) return [valueFor(type.ofType, name, field, variant, ids, depth)];
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => (variant.all && depth < 2) || isNonNullType(f.type));
    return Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, f.name, field, variant, ids, depth + 1)]));
  }
  if (isEnumType(type)) return type.getValues()[0]!.name;
  switch (type.name) {
    case 'Int':
    case 'Float':
      return variant.int;
    case 'Boolean':
      return true;
    case 'ID':
      return variant.id(typeFor(name, field, ids));
    case 'DateTime':
      return variant.name === 'wrong types' ? 'yesterday' : '2026-02-30T00:00:00Z';
    case 'Date':
      return '2026-01-31';
    case 'JSONObject':
      return { [String(variant.string(name))]: variant.string(name) };
    default:
      return variant.string(name);
  }
}

/** Leaves and the leaves of objects one level down, only fields without required arguments. */
function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named) || !isObjectType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type)));
  const parts = fields.map((f) => (isLeafType(getNamedType(f.type)) ? f.name : depth < 1 ? `${f.name} ${selection(f.type, depth + 1)}` : ''));
  return `{ __typename ${parts.filter(Boolean).join(' ')} }`;
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: readonly GraphQLArgument[]) {
  const definitions = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind}${definitions ? `(${definitions})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection(field.type)} }`;
}

/**
 * Row counts and the newest row version (xmin) of every table: any insert, update or delete changes them.
 * Sessions, usage events and an API key's last use are touched by requests that write no data.
 */
async function fingerprint(app: TestApp): Promise<string> {
  const tables = await app.prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('_prisma_migrations', 'UsageEvent', 'Session') ORDER BY 1`,
  );
  const newest = (name: string) => (name === 'ApiKey' ? `0` : `coalesce(max(xmin::text::bigint), 0)`);
  const parts = tables.map(({ name }) => `SELECT '${name}' AS t, count(*)::int AS n, ${newest(name)}::bigint AS v FROM "${name}"`);
  const rows = await app.prisma.$queryRawUnsafe<Array<{ t: string; n: number; v: bigint }>>(parts.join(' UNION ALL '));
  return rows.map((r) => `${r.t}:${r.n}:${r.v}`).join('\n');
}

async function walk(kind: 'query' | 'mutation') {
  const app = getApp();
  const f = await rolesFixture(app);
  const { acme, other } = await records(app, f);
  f.clients.OUTSIDER.workspaceId = f.workspaceGid; // the outsider aims at Acme
  logged.length = 0;
  const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const offenders: string[] = [];
  let turn = 0;
  let before = kind === 'mutation' ? await fingerprint(app) : '';
  for (const field of Object.values(root.getFields())) {
    if (SKIPPED.has(field.name)) continue;
    for (const variant of variants(acme, other)) {
      const args = field.args.filter((a) => variant.all || isNonNullType(a.type));
      const actor = ACTORS[turn++ % ACTORS.length]!;
      const variables = Object.fromEntries(args.map((a) => [a.name, valueFor(a.type, a.name, field.name, variant, acme)]));
      const result = await f.clients[actor].gql(operation(kind, field, args), variables);
      const unexpected = (result.errors ?? []).filter((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR');
      const where = `${field.name} with ${variant.name} as ${actor}`;
      if (unexpected.length) offenders.push(`${where}: ${unexpected.map((e) => e.message).join('; ')}`);
      for (const line of logged.splice(0)) offenders.push(`${where} logged: ${line.slice(0, 200)}`);
      // Refused before execution (bad variables, argument checks): nothing ran.
      if (kind !== 'mutation' || result.data === undefined) continue;
      const after = await fingerprint(app);
      // An error inside the answer (a field the caller may not read) comes after a write that succeeded.
      const failure = result.errors?.find((e) => e.path?.length === 1);
      if (failure && after !== before) offenders.push(`${where} wrote although it answered ${failure.extensions?.code}`);
      before = after;
    }
  }
  return offenders;
}

describe('a fuzzer walking the schema', () => {
  it('gets coded errors from every root query, whatever it sends and whoever it is', { timeout: 120_000 }, async () => {
    expect(await walk('query')).toEqual([]);
  });

  it('gets coded errors from every root mutation, and nothing is written when one comes back', { timeout: 240_000 }, async () => {
    expect(await walk('mutation')).toEqual([]);
  });

  it('notices an update that changes no row count', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const before = await fingerprint(app);
    await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { name: 'Renamed' } });
    expect(await fingerprint(app)).not.toBe(before);
  });
});

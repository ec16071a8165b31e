import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { graphql, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema.js';
import { SELF_ONLY_FIELDS } from '../test/field-matrix.js';
import DefaultDenyPlugin, { grantsEveryone, hasAuthRule } from './default-deny.js';

interface PothosExtensions {
  pothosOptions?: { authScopes?: unknown; skipTypeScopes?: boolean; skipInterfaceScopes?: boolean };
  pothosConfig?: { kind?: string };
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
/** Root fields anyone may call, signed out included. */
const PUBLIC_ROOT_FIELDS = new Set([
  'Query.me',
  'Mutation.signUp',
  'Mutation.signIn',
  'Mutation.signOut',
  'Mutation.verifyEmail',
  'Mutation.requestPasswordReset',
  'Mutation.resetPassword',
  'Mutation.confirmEmailChange',
]);
/**
 * Value types that carry only what an authorised parent field returned, besides connections and edges
 * (SearchConnection adds the per-type counts of what `search` found for the viewer).
 */
const STRUCTURAL_TYPES = new Set(['PageInfo', 'SearchConnection', 'FormField', 'UsageDay', 'UsageCount', 'OperationUsage']);
/** Fields allowed to skip their type's or interface's rule. */
const SKIPS_ALLOWED = new Set<string>();

const optionsOf = (field: GraphQLField<unknown, unknown>) => (field.extensions as PothosExtensions).pothosOptions ?? {};
const typeScopesOf = (type: { extensions: unknown }) => (type.extensions as PothosExtensions).pothosOptions?.authScopes;

function objectTypes(target: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(target.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
}

/** Every field of every object type, with whether an auth rule covers it. */
function fieldsWithoutAuthRule(target: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of objectTypes(target)) {
    for (const field of Object.values(type.getFields())) {
      const options = optionsOf(field);
      const covered = hasAuthRule({
        typeKind: (type.extensions as PothosExtensions).pothosConfig?.kind ?? 'Object',
        typeScopes: typeScopesOf(type),
        interfaceScopes: type.getInterfaces().map(typeScopesOf),
        fieldScopes: options.authScopes,
        skipTypeScopes: options.skipTypeScopes,
        skipInterfaceScopes: options.skipInterfaceScopes,
      });
      if (!covered) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}

/** A relay connection or edge: nothing but the structure around nodes an authorised field returned. */
function isConnectionOrEdge(type: GraphQLObjectType): boolean {
  const names = Object.keys(type.getFields());
  if (type.name.endsWith('Connection')) return names.every((n) => ['edges', 'pageInfo', 'totalCount'].includes(n));
  if (type.name.endsWith('Edge')) return names.every((n) => ['node', 'cursor'].includes(n));
  return false;
}

/** Fields open to everyone or skipping their type's rule, outside the structural types and public root fields. */
function publicOrSkippingFields(target: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of objectTypes(target)) {
    const structural = STRUCTURAL_TYPES.has(type.name) || isConnectionOrEdge(type);
    for (const field of Object.values(type.getFields())) {
      const name = `${type.name}.${field.name}`;
      const options = optionsOf(field);
      if ((options.skipTypeScopes || options.skipInterfaceScopes) && !SKIPS_ALLOWED.has(name)) found.push(`${name} skips its type's rule`);
      const inherited = !ROOT_TYPES.has(type.name) && !options.skipTypeScopes && grantsEveryone(typeScopesOf(type));
      const open = options.authScopes ? grantsEveryone(options.authScopes) : inherited;
      if (open && !structural && !PUBLIC_ROOT_FIELDS.has(name)) found.push(`${name} is public`);
    }
  }
  return found.sort();
}

/** Fields whose own rule asks for the viewer to be the user (`self`), read by calling it with a stand-in row. */
function selfOnlyFields(target: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of objectTypes(target)) {
    if (ROOT_TYPES.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = optionsOf(field).authScopes;
      let scopes = rule;
      try {
        if (typeof rule === 'function') scopes = rule({ id: 'row', userId: 'row', workspaceId: 'workspace' }, {}, {}, {});
      } catch {
        scopes = undefined;
      }
      if (scopes && typeof scopes === 'object' && 'self' in scopes) found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

function schemaWithAnUnguardedField() {
  const builder = new SchemaBuilder<{ Context: object; AuthScopes: { public: boolean } }>({
    plugins: [ScopeAuthPlugin, DefaultDenyPlugin],
    scopeAuth: { authScopes: () => ({ public: true }) },
    // The Prisma plugin's global types make its options look required; this builder does not use it.
  } as never);
  const Deal = builder.objectRef<{ amount: string }>('Deal').implement({
    authScopes: { public: true },
    fields: (t) => ({
      // Skipping the type's rule leaves this field with none.
      amount: t.exposeString('amount', { nullable: true, skipTypeScopes: true }),
    }),
  });
  builder.queryType({
    fields: (t) => ({
      guarded: t.string({ authScopes: { public: true }, resolve: () => 'fine' }),
      forgotten: t.string({ nullable: true, resolve: () => 'secret' }),
      deal: t.field({ type: Deal, authScopes: { public: true }, resolve: () => ({ amount: '1234.56' }) }),
    }),
  });
  return builder.toSchema();
}

describe('default deny', () => {
  it('gives every field of every object type in the Kith schema an auth rule', () => {
    expect(fieldsWithoutAuthRule(schema)).toEqual([]);
  });

  it('allows public rules and skipped type rules only on structural types and the public root fields', () => {
    expect(publicOrSkippingFields(schema)).toEqual([]);
  });

  it('lists every self-only field for the field matrix, which checks that co-members are refused them', () => {
    expect(selfOnlyFields(schema)).toEqual([...SELF_ONLY_FIELDS].sort());
  });

  it("finds a field without a rule or skipping its type's, and refuses to resolve it", async () => {
    const unguarded = schemaWithAnUnguardedField();
    expect(fieldsWithoutAuthRule(unguarded)).toEqual(['Deal.amount', 'Query.forgotten']);
    expect(publicOrSkippingFields(unguarded)).toEqual(["Deal.amount skips its type's rule", 'Query.deal is public', 'Query.guarded is public']);

    const result = await graphql({ schema: unguarded, source: '{ guarded forgotten deal { amount } }', contextValue: {} });
    expect(result.data).toEqual({ guarded: 'fine', forgotten: null, deal: { amount: null } });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(result.errors?.map((e) => e.message).sort()).toEqual([
      expect.stringMatching(/Deal\.amount has no access rule/),
      expect.stringMatching(/Query\.forgotten has no access rule/),
    ]);
  });
});

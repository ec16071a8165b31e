import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { graphql, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema.js';
import DefaultDenyPlugin, { hasAuthRule } from './default-deny.js';

interface PothosExtensions {
  pothosOptions?: { authScopes?: unknown };
  pothosConfig?: { kind?: string };
}

/** Every field of every object type, with whether an auth rule covers it. */
function fieldsWithoutAuthRule(target: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(target.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeExtensions = type.extensions as PothosExtensions;
    for (const field of Object.values(type.getFields())) {
      const covered = hasAuthRule({
        typeKind: typeExtensions.pothosConfig?.kind ?? 'Object',
        typeScopes: typeExtensions.pothosOptions?.authScopes,
        interfaceScopes: type.getInterfaces().map((i) => (i.extensions as PothosExtensions).pothosOptions?.authScopes),
        fieldScopes: (field.extensions as PothosExtensions).pothosOptions?.authScopes,
      });
      if (!covered) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}

function schemaWithAnUnguardedField() {
  const builder = new SchemaBuilder<{ Context: object; AuthScopes: { public: boolean } }>({
    plugins: [ScopeAuthPlugin, DefaultDenyPlugin],
    scopeAuth: { authScopes: () => ({ public: true }) },
    // The Prisma plugin's global types make its options look required; this builder does not use it.
  } as never);
  builder.queryType({
    fields: (t) => ({
      guarded: t.string({ authScopes: { public: true }, resolve: () => 'fine' }),
      forgotten: t.string({ nullable: true, resolve: () => 'secret' }),
    }),
  });
  return builder.toSchema();
}

describe('default deny', () => {
  it('gives every field of every object type in the Kith schema an auth rule', () => {
    expect(fieldsWithoutAuthRule(schema)).toEqual([]);
  });

  it('finds a field without a rule, and refuses to resolve it', async () => {
    const unguarded = schemaWithAnUnguardedField();
    expect(fieldsWithoutAuthRule(unguarded)).toEqual(['Query.forgotten']);

    const result = await graphql({ schema: unguarded, source: '{ guarded forgotten }', contextValue: {} });
    expect(result.data).toEqual({ guarded: 'fine', forgotten: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(/Query\.forgotten has no access rule/);
  });
});

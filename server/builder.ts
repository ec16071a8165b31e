import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { DateResolver, DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import DefaultDenyPlugin from './auth/default-deny.js';
import { scopeCacheKey, scopeLoaders, unauthorizedError, type Scopes } from './auth/scopes.js';
import type { Context } from './context.js';
import { badInput } from './errors.js';
import { getDatamodel } from './generated/pothos-types.js';
import type PrismaTypes from './generated/pothos-types.js';
import { fieldCost } from './http/protection/cost.js';
import VisibleLookupPlugin, { decodeNodeId, findNode } from './modules/node/visible-lookup.js';

const STRUCTURAL = { authScopes: { public: true } } as const;

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: Scopes;
  PrismaTypes: PrismaTypes;
  // Relation queries may await request data (record visibility) and still load with their parent.
  AsyncSelections: true;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    JSONObject: { Input: Record<string, unknown>; Output: unknown };
    ID: { Input: string; Output: string };
  };
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin, DefaultDenyPlugin, VisibleLookupPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  // Field costs only (`disabled` skips the plugin's own check): server/http/protection checks the limit per request.
  complexity: { fieldComplexity: fieldCost, disabled: true },
  scopeAuth: {
    authScopes: scopeLoaders,
    authorizeOnSubscribe: true,
    cacheKey: scopeCacheKey,
    unauthorizedError: (_parent, context, _info, result) => unauthorizedError(context, result.failure),
  },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'test' ? 'error' : null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Structural relay types expose only what an authorised parent field returned.
    pageInfoTypeOptions: STRUCTURAL,
    defaultConnectionTypeOptions: STRUCTURAL,
    defaultEdgeTypeOptions: STRUCTURAL,
    nodeTypeOptions: STRUCTURAL,
    // An ID that is not ours, a missing record and one the viewer may not see all read as NOT_FOUND.
    decodeGlobalID: decodeNodeId,
    nodeQueryOptions: {
      authScopes: { authenticated: true },
      resolve: (_root, args, context, info): Promise<unknown> => findNode(builder as never, context, info, args.id),
    },
    nodesQueryOptions: {
      authScopes: { authenticated: true },
      // One ID at a time (loads still batch per type within the tick), so a missing or hidden record is
      // a null with its own error at its index instead of failing the whole list.
      resolve: (_root, args, context, info): Promise<unknown[]> =>
        Promise.all(args.ids.map((id) => findNode(builder as never, context, info, id).catch((error: unknown) => error))),
    },
  },
  validation: {
    validationError: (failure) => {
      const issue = failure.issues[0];
      const field = issue?.path?.map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.');
      return badInput(issue?.message ?? 'Invalid input.', field || undefined);
    },
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('Date', DateResolver);
builder.addScalarType('JSONObject', JSONObjectResolver);

builder.queryType({});
builder.mutationType({});

// Lookups by ID (node, nodes and the root fields such as contact(id:)) answer a record the viewer may not see
// exactly as a missing one, whatever the query selects: a type's auth scopes otherwise run only when one of
// its fields resolves, and `{ __typename }` has none.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { decodeGlobalID, resolveNodes } from '@pothos/plugin-relay';
import { RequestCache, type AuthFailure } from '@pothos/plugin-scope-auth';
import { GraphQLError, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { hidesRecord, unauthorizedError } from '../../auth/scopes.js';
import type { Context } from '../../context.js';
import { notFound } from '../../errors.js';
import { Prisma } from '../../generated/prisma/client.js';
import { isUuid } from './uuid.js';

/** The relay plugin's ID decoder: an ID that is not ours (garbage, a bare UUID, no key) names no type. */
export function decodeNodeId(globalID: string): { typename: string; id: string } {
  try {
    const decoded = decodeGlobalID(globalID);
    if (isUuid(decoded.id)) return { typename: decoded.typename, id: decoded.id.toLowerCase() };
  } catch {
    // not a global ID at all
  }
  return { typename: '', id: globalID };
}

const isMissing = (error: unknown) =>
  (error instanceof GraphQLError && error.extensions?.code === 'NOT_FOUND') ||
  (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025');

type AnyBuilder = PothosSchemaTypes.SchemaBuilder<SchemaTypes>;
type TypeScopes = ((row: unknown, context: Context) => unknown) | Record<string, unknown> | undefined;

/**
 * Runs the type's own auth scopes on a row a lookup found, through the request's scope cache (its fields do
 * not ask again). Hidden reads as missing, `notFound(typename)`; a role without the permission stays FORBIDDEN.
 */
export async function requireVisible<T>(builder: AnyBuilder, context: Context, info: GraphQLResolveInfo, typename: string, row: T): Promise<T> {
  const scopes = (builder.configStore.getTypeConfig(typename).pothosOptions as { authScopes?: TypeScopes }).authScopes;
  if (!scopes) return row;
  const cache = RequestCache.fromContext(context, builder);
  let failure: AuthFailure | null;
  try {
    failure = await (typeof scopes === 'function'
      ? cache.evaluateTypeScopeFunction(scopes as never, typename, row, info)
      : cache.evaluateScopeMap(scopes, info));
  } catch (error) {
    throw isMissing(error) ? notFound(typename) : error;
  }
  if (!failure) return row;
  if (context.viewer && hidesRecord(failure)) throw notFound(typename);
  throw unauthorizedError(context, failure);
}

/** `node(id:)` and each ID of `nodes(ids:)`: NOT_FOUND for an ID that names no record the viewer can see. */
export async function findNode(builder: AnyBuilder, context: Context, info: GraphQLResolveInfo, ref: { typename: string; id: string }): Promise<unknown> {
  const type = ref.typename ? info.schema.getType(ref.typename) : undefined;
  if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) throw notFound();
  const [row] = await resolveNodes(builder, context, info, [ref]).catch((error: unknown) => {
    if (isMissing(error)) return [null];
    throw error;
  });
  if (row == null) throw notFound(ref.typename);
  return requireVisible(builder, context, info, ref.typename, row);
}

/**
 * Root query fields that look one record up by `id` (contact, deal, workspace, ...): the record found must be
 * one the viewer sees, and a hidden or missing one reads the same, `notFound(<Type>)`.
 */
export class VisibleLookupPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types['Context'], object>, fieldConfig: PothosOutputFieldConfig<Types>) {
    const { type } = fieldConfig;
    if (this.buildCache.getTypeConfig(fieldConfig.parentType).kind !== 'Query') return resolver;
    if (!('id' in fieldConfig.args) || type.kind === 'List' || type.kind !== 'Object') return resolver;
    const typename = this.buildCache.getTypeConfig(type.ref).name;
    const builder = this.builder as unknown as AnyBuilder;
    return async (parent: unknown, args: object, context: Types['Context'], info: GraphQLResolveInfo) => {
      let row: unknown;
      try {
        row = await resolver(parent, args, context, info);
      } catch (error) {
        throw isMissing(error) ? notFound(typename) : error;
      }
      return row == null ? row : requireVisible(builder, context as Context, info, typename, row);
    };
  }
}

const pluginName = 'visibleLookup';
SchemaBuilder.registerPlugin(pluginName, VisibleLookupPlugin);
export default pluginName;

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      visibleLookup: VisibleLookupPlugin<Types>;
    }
  }
}

import { getNamedType, isListType, isNonNullType, type GraphQLField, type GraphQLOutputType } from 'graphql';

/** What a connection without `first`/`last` returns, and the most it ever returns (Pothos' defaults). */
const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;
/** A plain list is assumed to hold this many items. */
const LIST_MULTIPLIER = 10;

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * The estimated cost of a field for @pothos/plugin-complexity: 1 per field; what a connection selects
 * counts once per requested row (`first` or `last`, capped at the page maximum); what a list selects
 * counts ten times, except a connection's own `edges`/`nodes`, already counted by the connection.
 */
export function fieldCost<Ctx>(args: Record<string, unknown>, _ctx: Ctx, field: GraphQLField<unknown, Ctx>) {
  if (field.args.some((arg) => arg.name === 'first') && field.args.some((arg) => arg.name === 'last')) {
    const requested = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE;
    return { field: 1, multiplier: Math.min(Math.max(requested, 1), MAX_PAGE) };
  }
  if (isList(field.type)) {
    const item = getNamedType(field.type).name;
    const pageRows = (field.name === 'edges' && item.endsWith('Edge')) || field.name === 'nodes';
    return { field: 1, multiplier: pageRows ? 1 : LIST_MULTIPLIER };
  }
  return 1;
}

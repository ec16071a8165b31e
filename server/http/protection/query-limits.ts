import { GraphQLError, Kind, type ASTNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';

export type QueryLimit = 'depth' | 'complexity' | 'aliases' | 'tokens' | 'batch';

/** QUERY_TOO_COMPLEX naming the limit, its maximum and (when known) what the request asked for; HTTP 400. */
export function queryLimitError(limit: QueryLimit, actual: number | null, max: number, nodes?: ASTNode): GraphQLError {
  const amount = actual === null ? `more than ${max}` : `${actual}, the maximum is ${max}`;
  return new GraphQLError(`The request exceeds the ${limit} limit (${amount}).`, {
    nodes,
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, ...(actual === null ? {} : { actual }), http: { status: 400 } },
  });
}

/**
 * Deepest field nesting of each operation, following fragments. Introspection fields (`__schema`,
 * `__type`) are not descended into: GraphiQL's own introspection query is deeper than any real one.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const fragmentDepths = new Map<string, number>();

    function depthOf(selectionSet: SelectionSetNode, visiting: Set<string>): number {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const below = selection.selectionSet && !selection.name.value.startsWith('__') ? depthOf(selection.selectionSet, visiting) : 0;
          deepest = Math.max(deepest, 1 + below);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // Unknown and cyclic fragments are reported by graphql's own rules.
          if (!fragment || visiting.has(name)) continue;
          if (!fragmentDepths.has(name)) {
            visiting.add(name);
            fragmentDepths.set(name, depthOf(fragment.selectionSet, visiting));
            visiting.delete(name);
          }
          deepest = Math.max(deepest, fragmentDepths.get(name)!);
        }
      }
      return deepest;
    }

    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) context.reportError(queryLimitError('depth', depth, maxDepth, operation));
      },
    };
  };
}

/** Aliased fields anywhere in the document (each alias makes a field run once more). */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context) => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave(document) {
          if (aliases > maxAliases) context.reportError(queryLimitError('aliases', aliases, maxAliases, document));
        },
      },
    };
  };
}

/** graphql's parser stops at `maxTokens` (graphql 16 says "more that"); its syntax error becomes a QUERY_TOO_COMPLEX naming the limit. */
export function isTooManyTokens(error: unknown): boolean {
  return error instanceof GraphQLError && /Document contains more tha[nt] \d+ tokens/.test(error.message);
}

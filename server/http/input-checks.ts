// Rules that hold for every argument of every field, checked once per operation before it runs: a refused
// operation has not started, so nothing is half-written, and a connection nested under a record is checked
// before the record's query (which plans the connection's page) is built.
import { decodeBase64 } from '@pothos/core';
import { parsePrismaCursor } from '@pothos/plugin-prisma';
import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ExecutionArgs,
  type GraphQLError,
  type GraphQLField,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { badInput } from '../errors.js';
import { isUuid } from '../modules/node/uuid.js';
import { perOperation } from './per-operation.js';

/**
 * How a connection reads its cursors, as a field extension. Without it a connection is a Prisma one
 * (`t.prismaConnection`, `t.relatedConnection`) keyed by a UUID `id`; `offset` is `resolveOffsetConnection`'s;
 * `own` is a resolver that parses its own cursors and refuses foreign ones with BAD_USER_INPUT.
 */
export const offsetCursors = { extensions: { cursors: 'offset' } } as const;
export const ownCursors = { extensions: { cursors: 'own' } } as const;

const OFFSET = /^OffsetConnection:\d{1,9}$/;

function readsAsCursor(kind: unknown, cursor: string): boolean {
  try {
    if (kind === 'own') return true;
    if (kind === 'offset') return OFFSET.test(decodeBase64(cursor));
    const key = parsePrismaCursor(cursor);
    return typeof key === 'string' && isUuid(key);
  } catch {
    return false;
  }
}

const PAGING = ['first', 'last', 'before', 'after'];

/** Relay paging arguments: sizes of zero or more, one direction, and cursors this list gave out. */
function pagingError(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): GraphQLError | null {
  if (!PAGING.every((name) => field.args.some((arg) => arg.name === name))) return null;
  for (const name of ['first', 'last'] as const) {
    const size = args[name] as number | null | undefined;
    if (size != null && size < 0) return badInput(`${name} is a page size: zero or more.`, name);
  }
  const { before, after, first, last } = args;
  if (before != null && (after != null || first != null)) return badInput('before pages backwards: pass it with last, without after or first.', 'before');
  if (after != null && last != null) return badInput('after pages forwards: pass it with first, not last.', 'after');
  for (const name of ['before', 'after'] as const) {
    const cursor = args[name];
    if (typeof cursor === 'string' && !readsAsCursor(field.extensions.cursors, cursor)) {
      return badInput(`${name} must be a cursor this list gave out (pageInfo.endCursor or an edge's cursor).`, name);
    }
  }
  return null;
}

/**
 * The path of the first string holding U+0000 in an argument value (strings, lists, input objects and JSON
 * keys and values): PostgreSQL cannot store it in text or jsonb, so it is the caller's mistake, not ours.
 */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, `${path}.${index}`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(key, `${path}.${key}`) ?? nulPath(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function argumentError(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): GraphQLError | null {
  for (const [name, value] of Object.entries(args)) {
    const path = nulPath(value, name);
    if (path) return badInput('Text may not contain the NUL character (U+0000).', path);
  }
  return pagingError(field, args);
}

/** The first refused argument in the operation that will run, or null. */
export function checkArguments(args: ExecutionArgs): GraphQLError | null {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return null;
  // Bad variables (and unknown operations) are reported by execution itself.
  const variables = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
  if (variables.errors) return null;
  const typeInfo = new TypeInfo(args.schema);
  let refused: GraphQLError | null = null;
  visit(
    args.document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (node) => (node === operation ? undefined : false),
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (refused || !field || field.args.length === 0) return;
        try {
          refused = argumentError(field, getArgumentValues(field, node, variables.coerced));
        } catch {
          // an argument graphql's own coercion refuses; execution reports it
        }
      },
    }),
  );
  return refused;
}

export function useInputChecks(): Plugin {
  const refusal = perOperation(checkArguments);
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = refusal(args);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = refusal(args);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
  };
}

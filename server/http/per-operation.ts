import type { DocumentNode, ExecutionArgs } from 'graphql';

/** Variables longer than this as JSON are checked afresh: the key would cost about what the check does. */
const MAX_KEY = 2048;
/** Distinct operation names and variables remembered per document (then forgotten all at once). */
const PER_DOCUMENT = 64;

/**
 * Remembers the answer of a check that depends only on the operation (document, operation name, variables),
 * never on the caller: Yoga's parser cache hands out one DocumentNode per query text, so a client repeating
 * a query with the same variables is checked once. The checks walk the whole document with type information.
 */
export function perOperation<T>(check: (args: ExecutionArgs) => T): (args: ExecutionArgs) => T {
  const answers = new WeakMap<DocumentNode, Map<string, T>>();
  return (args) => {
    const key = `${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
    if (key.length > MAX_KEY) return check(args);
    let known = answers.get(args.document);
    if (!known) answers.set(args.document, (known = new Map<string, T>()));
    if (known.has(key)) return known.get(key)!;
    const answer = check(args);
    if (known.size >= PER_DOCUMENT) known.clear();
    known.set(key, answer);
    return answer;
  };
}

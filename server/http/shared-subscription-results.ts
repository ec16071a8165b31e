// A thousand subscribers of one workspace feed receive the same event through, mostly, the same operation:
// executing and authorising it once per subscriber was most of the fan-out's cost. A payload marked with
// a share key is executed once per (share key, document, operation name, variables) and the result handed
// to every subscription that asks for the same.
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';

type MaybePromise<T> = T | Promise<T>;

/**
 * A subscription payload property declaring that executing the payload gives the same result to every
 * subscriber it reaches with the same key: the key must name the payload and everything about the viewer
 * that the result's fields read.
 */
export const SHARED_RESULT_KEY = Symbol('sharedResultKey');

const shareKeyOf = (payload: unknown): string | undefined => {
  const key = typeof payload === 'object' && payload ? (payload as { [SHARED_RESULT_KEY]?: unknown })[SHARED_RESULT_KEY] : undefined;
  return typeof key === 'string' ? key : undefined;
};

/** The newest results, oldest dropped first; a result evicted early is merely executed again. */
class RecentResults {
  private readonly results = new Map<string, MaybePromise<ExecutionResult>>();

  constructor(private readonly capacity: number) {}

  resultFor(key: string, run: () => MaybePromise<ExecutionResult>): MaybePromise<ExecutionResult> {
    const known = this.results.get(key);
    if (known) return known;
    const result = run();
    if (this.results.size >= this.capacity) this.results.delete(this.results.keys().next().value!);
    this.results.set(key, result);
    return result;
  }
}

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

/** Identifies the operation as a subscriber sent it; Yoga's parser cache gives one DocumentNode per query text. */
function operationKey(args: ExecutionArgs): string {
  let documentId = documentIds.get(args.document);
  if (documentId === undefined) documentIds.set(args.document, (documentId = nextDocumentId++));
  return `${documentId}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
}

type Subscribe = (args: ExecutionArgs) => unknown;

/** graphql-js's subscribe (source stream, then each payload executed as the root value) with shared results. */
async function subscribeSharing(args: ExecutionArgs, recent: RecentResults, yogaSubscribe: Subscribe) {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return isRequestError(source) ? yogaSubscribe(args) : source;
  const operation = operationKey(args);
  return mapAsyncIterator(source, (payload: unknown) => {
    const key = shareKeyOf(payload);
    if (key === undefined) return execute({ ...args, rootValue: payload });
    return recent.resultFor(`${key}\n${operation}`, () => execute({ ...args, rootValue: payload }));
  });
}

/**
 * Bad variables or operation name: nothing ran yet, so Yoga's own executor may answer, as it would have,
 * with its HTTP 400 for such requests (an SSE client sees the status).
 */
const isRequestError = (result: ExecutionResult) => result.errors?.every((error) => error.path === undefined) ?? false;

export function useSharedSubscriptionResults(capacity = 2000): Plugin {
  const recent = new RecentResults(capacity);
  return {
    onSubscribe({ subscribeFn, setSubscribeFn }) {
      setSubscribeFn((args) => subscribeSharing(args, recent, subscribeFn) as never);
    },
  };
}

import { getOperationAST, Kind, OperationTypeNode, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AppServices } from '../../app-services.js';

/** The root fields of the mutation a request is running, by its context: the plan gate applies to mutations only. */
export const runningMutations = new WeakMap<object, readonly string[]>();

/** Remembers which mutation fields each request runs (billing on only), for assertWritable in limits.ts. */
export function useBillingGate(app: AppServices): Plugin {
  return {
    onExecute({ args }) {
      if (!app.billing) return;
      const operation = getOperationAST(args.document as DocumentNode, args.operationName as string | undefined);
      if (operation?.operation !== OperationTypeNode.MUTATION) return;
      const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
      runningMutations.set(args.contextValue, fields);
    },
  };
}

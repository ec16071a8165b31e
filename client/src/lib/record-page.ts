import { useParams } from '@solidjs/router';
import type { OperationResult, TypedDocumentNode } from '@urql/core';
import { createMutation, createQuery } from '@urql/solid';
import { errorCode, errorMessage } from './errors';
import { useRecordChanged } from './live-record';
import { useSession } from './session';

/** Saves one field through an update mutation; resolves to an error message or null. */
export async function saveField(run: () => Promise<OperationResult>): Promise<string | null> {
  const result = await run();
  return errorMessage(result.error);
}

/** A record page's failure as a sentence, telling "gone or hidden" apart from other failures. */
export function recordError(error: Parameters<typeof errorMessage>[0], noun: string): string | null {
  if (!error) return null;
  return errorCode(error) === 'NOT_FOUND' ? `This ${noun} does not exist, is in the trash, or is not shared with you.` : errorMessage(error);
}

/**
 * A record page's data: the record named by the route's `:id`, followed live (anyone's change shows at once), whether
 * the viewer may edit it, and `save` for one field through the record's update mutation.
 */
export function useRecordPage<Data, Input>(query: TypedDocumentNode<Data, { id: string }>, update: TypedDocumentNode<unknown, { id: string; input: Input }>) {
  const params = useParams();
  const session = useSession();
  const [result, refetch] = createQuery({ query, variables: () => ({ id: params.id! }) });
  const [, run] = createMutation(update);
  useRecordChanged(() => params.id);
  return {
    id: () => params.id!,
    result,
    reload: () => refetch(),
    canEdit: () => session.can('records:update'),
    save: (input: Input) => saveField(() => run({ id: params.id!, input })),
  };
}

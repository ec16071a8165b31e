import { useClient } from '@urql/solid';
import { createEffect, onCleanup } from 'solid-js';
import { graphql } from '../gql';

const RecordChanged = graphql(`
  subscription RecordChanged($id: ID!) { recordChanged(id: $id) { id verb entityType entityId } }
`);

/**
 * Follows anyone's changes to the record while its page is open: the cache's `recordChanged` updater
 * (lib/cache.ts) drops what changed, so the page reads it again and never goes stale.
 */
export function useRecordChanged(id: () => string | undefined) {
  const client = useClient();
  createEffect(() => {
    const recordId = id();
    if (!recordId) return;
    const { unsubscribe } = client.subscription(RecordChanged, { id: recordId }).subscribe(() => {});
    onCleanup(unsubscribe);
  });
}

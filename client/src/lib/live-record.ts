import { useClient } from '@urql/solid';
import { createEffect, onCleanup } from 'solid-js';
import { graphql } from '../gql';

const RecordChanged = graphql(`
  subscription RecordChanged($id: ID!) { recordChanged(id: $id) { id verb } }
`);

/** Calls `onChange` whenever anyone changes the record (an open detail page refetches, so it never goes stale). */
export function useRecordChanged(id: () => string | undefined, onChange: () => void) {
  const client = useClient();
  createEffect(() => {
    const recordId = id();
    if (!recordId) return;
    const { unsubscribe } = client.subscription(RecordChanged, { id: recordId }).subscribe((result) => {
      if (result.data?.recordChanged) onChange();
    });
    onCleanup(unsubscribe);
  });
}

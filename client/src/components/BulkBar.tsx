import { createMutation } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';

const BulkDelete = graphql(`
  mutation BulkDeleteRecords($ids: [ID!]!) { bulkDeleteRecords(ids: $ids) { count } }
`);

/** Actions on the selected rows; deleting asks for a second click instead of a modal dialog. */
export const BulkBar: Component<{ ids: string[]; onDone: () => void; canDelete: boolean }> = (props) => {
  const [state, remove] = createMutation(BulkDelete);
  const [confirming, setConfirming] = createSignal(false);
  const run = async () => {
    const result = await remove({ ids: props.ids });
    setConfirming(false);
    if (!result.error) props.onDone();
  };
  return (
    <Show when={props.ids.length > 0}>
      <div class="bulkbar" role="region" aria-label="Selected records">
        <span>{props.ids.length} selected</span>
        <Show when={props.canDelete}>
          <Show
            when={confirming()}
            fallback={
              <button type="button" onClick={() => setConfirming(true)}>
                Move to trash
              </button>
            }
          >
            <button type="button" class="danger" disabled={state.fetching} onClick={run}>
              Confirm: trash {props.ids.length}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </Show>
        </Show>
        <Show when={state.error}>
          <span class="error-text" role="alert">
            {errorMessage(state.error)}
          </span>
        </Show>
      </div>
    </Show>
  );
};

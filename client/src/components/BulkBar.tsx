import { createMutation } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { BulkUpdate, type RecordKind } from './BulkUpdate';
import { InlineError } from './States';

const BulkDelete = graphql(`
  mutation BulkDeleteRecords($ids: [ID!]!) { bulkDeleteRecords(ids: $ids) { count } }
`);

const NOUNS: Record<RecordKind, [string, string]> = { contact: ['contact', 'contacts'], company: ['company', 'companies'], deal: ['deal', 'deals'] };

interface Props {
  ids: string[];
  kind: RecordKind;
  canUpdate: boolean;
  canDelete: boolean;
  onDone: () => void;
}

/** Actions on the selected rows; deleting asks for a second click instead of a modal dialog. */
export const BulkBar: Component<Props> = (props) => {
  const [state, remove] = createMutation(BulkDelete);
  const [confirming, setConfirming] = createSignal(false);
  const [message, setMessage] = createSignal('');
  const done = (count: number, verb: string) => {
    setMessage(`${count} ${NOUNS[props.kind][count === 1 ? 0 : 1]} ${verb}.`);
    props.onDone();
  };
  const run = async () => {
    const result = await remove({ ids: props.ids });
    setConfirming(false);
    if (!result.error) done(result.data?.bulkDeleteRecords.count ?? 0, 'moved to the trash');
  };
  return (
    <>
      <p class="visually-hidden" role="status">
        {message()}
      </p>
      <Show when={props.ids.length > 0}>
        <div class="bulkbar" role="region" aria-label="Selected records">
          <span>{props.ids.length} selected</span>
          <Show when={props.canUpdate}>
            <BulkUpdate ids={props.ids} kind={props.kind} onDone={(count) => done(count, 'updated')} />
          </Show>
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
          <InlineError message={errorMessage(state.error)} />
        </div>
      </Show>
    </>
  );
};

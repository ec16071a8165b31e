import { createMutation, createQuery } from '@urql/solid';
import { For, Show, type Component } from 'solid-js';
import { ErrorNotice } from '../../../components/States';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';

const PendingQuery = graphql(`
  query WorkspacesPendingDeletion { workspacesPendingDeletion { workspaceId name purgeAfter } }
`);
const CancelDeletion = graphql(`
  mutation CancelWorkspaceDeletion($workspaceId: ID!) { cancelWorkspaceDeletion(workspaceId: $workspaceId) }
`);

/** Your workspaces scheduled for deletion, each with a button that cancels it; nothing when there are none. */
export const PendingDeletions: Component = () => {
  const [result, refetch] = createQuery({ query: PendingQuery });
  const [cancel, cancelDeletion] = createMutation(CancelDeletion);
  const session = useSession();
  return (
    <Show when={(result.data?.workspacesPendingDeletion.length ?? 0) > 0 || result.error}>
      <section aria-labelledby="pending-heading" class="stack narrow">
        <h3 id="pending-heading">Workspaces scheduled for deletion</h3>
        <ErrorNotice message={errorMessage(result.error) ?? errorMessage(cancel.error)} />
        <ul class="plain-list">
          <For each={result.data?.workspacesPendingDeletion ?? []}>
            {(pending) => (
              <li>
                {pending.name}: purged on {formatDateTime(pending.purgeAfter)}{' '}
                <button
                  type="button"
                  disabled={cancel.fetching}
                  onClick={async () => {
                    const done = await cancelDeletion({ workspaceId: pending.workspaceId });
                    if (done.error) return;
                    refetch();
                    session.refetch();
                  }}
                >
                  Cancel deletion<span class="visually-hidden"> of {pending.name}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
};

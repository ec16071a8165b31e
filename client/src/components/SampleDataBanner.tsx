import { useNavigate } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { Show, type Component } from 'solid-js';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { useSession } from '../lib/session';
import { toast } from '../lib/toast';

// Every screen asks, so only the flag; a sample-data mutation returns the Workspace, which refetches this.
const SampleDataState = graphql(`
  query SampleDataState { workspace { id hasSampleData } }
`);
const RemoveSample = graphql(`
  mutation RemoveSampleData { removeSampleData { id hasSampleData } }
`);
const KeepSample = graphql(`
  mutation KeepSampleData { keepSampleData { id hasSampleData } }
`);

/** While sample data is in the workspace, every screen says so and offers to remove it (or keep it). */
export const SampleDataBanner: Component = () => {
  const session = useSession();
  const navigate = useNavigate();
  const [state] = createQuery({ query: SampleDataState, pause: () => !session.workspace() });
  const [removing, remove] = createMutation(RemoveSample);
  const [keeping, keep] = createMutation(KeepSample);
  const removeAll = async () => {
    const result = await remove({});
    if (result.error) return toast(errorMessage(result.error) ?? 'The sample data could not be removed.', 'error');
    toast('Sample data removed.');
    // The screen on view may show sample rows: the first-run page has none, and lists reload when opened.
    navigate('/start');
  };
  const keepAll = async () => {
    const result = await keep({});
    toast(
      result.error ? (errorMessage(result.error) ?? 'The sample data could not be kept.') : 'Sample data kept as ordinary records.',
      result.error ? 'error' : 'ok',
    );
  };
  return (
    <Show when={state.data?.workspace?.hasSampleData}>
      <div class="banner sample-banner" role="region" aria-label="Sample data">
        <p>This workspace holds sample data, tagged “Sample data”. Exports leave it out until you keep it.</p>
        <Show when={session.can('workspace:settings')}>
          <button type="button" class="danger" disabled={removing.fetching} onClick={() => void removeAll()}>
            Remove sample data
          </button>
          <button type="button" disabled={keeping.fetching} onClick={() => void keepAll()}>
            Keep it
          </button>
        </Show>
      </div>
    </Show>
  );
};

// The workspace settings' AI section: whether the instance has a provider, the admins' switch, and the
// month's token use against the budget.
import { createMutation, createQuery } from '@urql/solid';
import { Show, type Component } from 'solid-js';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import { ErrorNotice } from '../States';
import { useWorkspaceAi } from './ai-state';

const SetAi = graphql(`
  mutation SetWorkspaceAi($enabled: Boolean!) { setWorkspaceAi(enabled: $enabled) { available enabled model monthlyTokenBudget tokensUsedThisMonth budgetExhausted resetsAt } }
`);

const Models = graphql(`
  query AiProviderModels { aiProviderModels }
`);

/** For admins: the models the provider serves, and whether the configured one is among them. */
const ProviderModels: Component<{ model: string | null | undefined }> = (props) => {
  const [models] = createQuery({ query: Models });
  return (
    <>
      <ErrorNotice message={errorMessage(models.error)} />
      <Show when={models.data?.aiProviderModels}>
        {(list) => (
          <p class="muted">
            The provider serves: {list().join(', ') || 'no models'}.
            {props.model && !list().includes(props.model)
              ? ` The configured model ${props.model} is not among them: ask the instance's operator to change AI_MODEL.`
              : ''}
          </p>
        )}
      </Show>
    </>
  );
};

export const AiSettings: Component = () => {
  const session = useSession();
  const ai = useWorkspaceAi();
  const [state, setAi] = createMutation(SetAi);
  return (
    <section class="stack narrow" aria-labelledby="ai-settings-heading">
      <h2 id="ai-settings-heading">AI assistant</h2>
      <Show when={ai.state()}>
        {(s) => (
          <Show when={s().available} fallback={<p class="muted">AI is not set up on this Kith instance (see OPENAI_API_KEY, OPENAI_BASE_URL and AI_MODEL).</p>}>
            <p class="muted">
              Summaries, reply drafts, contacts from text and next steps, with model {s().model}. Only what a member selects is sent, and the provider is asked
              not to store it.
            </p>
            <label class="checkbox">
              <input
                type="checkbox"
                checked={s().enabled}
                disabled={!session.can('ai:manage') || state.fetching}
                onChange={async (e) => {
                  await setAi({ enabled: e.currentTarget.checked });
                  void ai.refetch();
                }}
              />
              Use AI in this workspace
            </label>
            <p>
              This month: {s().tokensUsedThisMonth.toLocaleString()} tokens
              {s().monthlyTokenBudget > 0 ? ` of ${s().monthlyTokenBudget.toLocaleString()}` : ''}; renews on {formatDate(s().resetsAt)}.
            </p>
            <ErrorNotice message={errorMessage(state.error)} />
            <Show when={session.can('ai:manage')}>
              <ProviderModels model={s().model} />
            </Show>
          </Show>
        )}
      </Show>
    </section>
  );
};

// AI on a contact, company or deal page: summarise the ticked timeline items (streamed), draft a reply
// (AiDraft), and, on deals, suggest next steps that become activities. Absent unless AI is available, on in
// the workspace and allowed to the viewer.
import { useClient } from '@urql/solid';
import { createSignal, For, onCleanup, Show, type Component } from 'solid-js';
import { graphql } from '../../gql';
import type { TimelineEntryFragment } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime, humanize } from '../../lib/format';
import { ErrorNotice } from '../States';
import { AiDraft } from './AiDraft';
import { describe, selectable, Stream, usePreviewGate } from './ai-requests';
import { useWorkspaceAi } from './ai-state';
import './ai.css';

const NextSteps = graphql(`
  mutation AiSuggestNextSteps($input: AiNextStepsInput!) { aiSuggestNextSteps(input: $input) { steps { type subject reason dueAt } } }
`);
const CreateStep = graphql(`
  mutation CreateSuggestedActivity($input: ActivityInput!) { createActivity(input: $input) { id } }
`);

/** How many of the newest items are ticked at first. */
export const DEFAULT_SELECTED = 5;

interface Props {
  recordId: string;
  kind: 'Contact' | 'Company' | 'Deal';
  items: TimelineEntryFragment[];
  onChange: () => void;
}

export const AiPanel: Component<Props> = (props) => {
  const ai = useWorkspaceAi();
  const client = useClient();
  const items = () => selectable(props.items);
  const [ticked, setTicked] = createSignal<ReadonlySet<string>>(
    new Set(
      items()
        .slice(0, DEFAULT_SELECTED)
        .map((i) => i.id),
    ),
  );
  const [error, setError] = createSignal<string | null>(null);
  const [summary, setSummary] = createSignal('');
  const [drewOn, setDrewOn] = createSignal<string[]>([]);
  const [streaming, setStreaming] = createSignal<{ unsubscribe: () => void } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [steps, setSteps] = createSignal<Array<{ type: string; subject: string; reason: string; dueAt: string; created?: boolean }>>([]);
  onCleanup(() => streaming()?.unsubscribe());

  const selection = () => ({
    recordId: props.recordId,
    itemIds: items()
      .filter((i) => ticked().has(i.id))
      .map((i) => i.id),
  });
  const toggle = (id: string) => {
    const next = new Set(ticked());
    if (!next.delete(id)) next.add(id);
    setTicked(next);
  };
  const failed = (message: string | null) => {
    setError(message);
    setBusy(false);
    void ai.refetch();
  };

  const { ask, Gate } = usePreviewGate(setError);

  const summarise = () => {
    setSummary('');
    setDrewOn([]);
    const subscription = client.subscription(Stream, { summary: selection() }).subscribe((result) => {
      if (result.error) {
        setStreaming(null);
        return failed(errorMessage(result.error));
      }
      const event = result.data?.aiStream;
      if (!event) return;
      if (event.delta) setSummary(summary() + event.delta);
      if (event.done) {
        setSummary(event.text ?? summary());
        setDrewOn((event.items ?? []).map((item) => ('id' in item ? String(item.id) : '')));
        setStreaming(null);
        void ai.refetch();
      }
    });
    setStreaming(subscription);
  };
  const stop = () => {
    streaming()?.unsubscribe();
    setStreaming(null);
  };

  const suggest = async () => {
    setBusy(true);
    const result = await client.mutation(NextSteps, { input: { dealId: props.recordId, itemIds: selection().itemIds } }).toPromise();
    if (result.error || !result.data) return failed(errorMessage(result.error));
    setSteps(result.data.aiSuggestNextSteps.steps);
    setBusy(false);
    void ai.refetch();
  };
  const createStep = async (index: number) => {
    const step = steps()[index]!;
    const result = await client
      .mutation(CreateStep, { input: { type: step.type as never, subject: step.subject, body: step.reason, dueAt: step.dueAt, dealId: props.recordId } })
      .toPromise();
    if (result.error) return failed(errorMessage(result.error));
    setSteps(steps().map((s, i) => (i === index ? { ...s, created: true } : s)));
    props.onChange();
  };

  const sources = () => items().filter((i) => i.__typename === 'Note' || (i.__typename === 'Communication' && (i.kind === 'EMAIL' || i.kind === 'SMS')));
  const nothingTicked = () => selection().itemIds.length === 0;

  return (
    <Show when={ai.usable()}>
      <section class="ai-panel panel stack" aria-labelledby="ai-heading">
        <h2 id="ai-heading">AI assistant</h2>
        <p class="muted">Only what you tick below is sent to the AI provider, with this record’s name.</p>
        <Show when={ai.exhausted()}>
          <p class="state error" role="alert">
            This workspace has used its AI budget for the month. It renews on {formatDate(ai.state()!.resetsAt)}; the rest of Kith works as usual.
          </p>
        </Show>
        <div class="row">
          <label for="ai-newest">Tick the newest</label>
          <input
            id="ai-newest"
            type="number"
            min="0"
            max="50"
            value={DEFAULT_SELECTED}
            onChange={(e) =>
              setTicked(
                new Set(
                  items()
                    .slice(0, Math.max(0, Number(e.currentTarget.value) || 0))
                    .map((i) => i.id),
                ),
              )
            }
          />
        </div>
        <fieldset class="ai-selection">
          <legend>Items to include</legend>
          <For each={items()} fallback={<p class="muted">Nothing on the timeline to work from yet.</p>}>
            {(item) => (
              <label class="checkbox">
                <input type="checkbox" checked={ticked().has(item.id)} onChange={() => toggle(item.id)} />
                {describe(item)}
              </label>
            )}
          </For>
        </fieldset>
        <div class="row">
          <Show
            when={streaming()}
            fallback={
              <button
                type="button"
                class="primary"
                disabled={nothingTicked() || ai.exhausted() || busy()}
                onClick={() => void ask('SUMMARY', { summary: selection() }, summarise)}
              >
                Summarise
              </button>
            }
          >
            <button type="button" onClick={stop}>
              Stop
            </button>
          </Show>
          <Show when={props.kind === 'Deal'}>
            <button
              type="button"
              disabled={nothingTicked() || ai.exhausted() || busy()}
              onClick={() => void ask('NEXT_STEPS', { nextSteps: { dealId: props.recordId, itemIds: selection().itemIds } }, () => void suggest())}
            >
              Suggest next steps
            </button>
          </Show>
        </div>
        <Gate />
        <ErrorNotice message={error()} />
        <Show when={summary()}>
          <div class="ai-summary" aria-live="polite">
            <h3>Summary</h3>
            <p>{summary()}</p>
            <Show when={drewOn().length > 0}>
              <p class="muted">
                Drew on:{' '}
                {items()
                  .filter((i) => drewOn().includes(i.id))
                  .map(describe)
                  .join('; ')}
              </p>
            </Show>
          </div>
        </Show>
        <Show when={steps().length > 0}>
          <ol class="ai-steps" aria-label="Suggested next steps">
            <For each={steps()}>
              {(step, index) => (
                <li>
                  <strong>{humanize(step.type)}:</strong> {step.subject}{' '}
                  <span class="muted">
                    (due {formatDateTime(step.dueAt)}; {step.reason})
                  </span>{' '}
                  <Show when={!step.created} fallback={<span role="status">Activity created</span>}>
                    <button type="button" onClick={() => void createStep(index())}>
                      Create activity
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </Show>
        <AiDraft
          recordId={props.recordId}
          kind={props.kind}
          sources={sources()}
          disabled={ai.exhausted() || busy()}
          onChange={props.onChange}
          onError={setError}
          onUsed={() => void ai.refetch()}
        />
      </section>
    </Show>
  );
};

// AI on a contact, company or deal page: summarise the ticked timeline items (streamed), draft a reply to
// a message or a follow-up to a meeting note and save it, and, on deals, suggest next steps that become
// activities. Absent unless AI is available, on in the workspace and allowed to the viewer.
import { useClient } from '@urql/solid';
import { createSignal, For, onCleanup, Show, type Component } from 'solid-js';
import { graphql } from '../../gql';
import type { AiLength, AiTone, TimelineEntryFragment } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime, humanize } from '../../lib/format';
import { ErrorNotice } from '../States';
import { hasSeenPreview, markPreviewSeen, useWorkspaceAi } from './ai-state';
import { SendPreview, type PreviewMessage } from './SendPreview';
import './ai.css';

const Preview = graphql(`
  query AiPreview($summary: AiSummaryInput, $draft: AiDraftInput, $nextSteps: AiNextStepsInput) {
    aiPreview(summary: $summary, draft: $draft, nextSteps: $nextSteps) { model messages { role content } }
  }
`);
const Stream = graphql(`
  subscription AiStream($summary: AiSummaryInput, $draft: AiDraftInput) {
    aiStream(summary: $summary, draft: $draft) { delta done text subject items { __typename ... on Note { id } ... on Activity { id } ... on Communication { id } } }
  }
`);
const SaveCommunication = graphql(`
  mutation SaveAiDraft($input: CommunicationInput!) { createCommunication(input: $input) { id } }
`);
const NextSteps = graphql(`
  mutation AiSuggestNextSteps($input: AiNextStepsInput!) { aiSuggestNextSteps(input: $input) { steps { type subject reason dueAt } } }
`);
const CreateStep = graphql(`
  mutation CreateSuggestedActivity($input: ActivityInput!) { createActivity(input: $input) { id } }
`);

/** How many of the newest items are ticked at first. */
export const DEFAULT_SELECTED = 5;

type Selectable = Extract<TimelineEntryFragment, { __typename?: 'Note' | 'Activity' | 'Communication' }>;

const selectable = (items: TimelineEntryFragment[]) =>
  items.filter((item): item is Selectable => item.__typename === 'Note' || item.__typename === 'Activity' || item.__typename === 'Communication');

function describe(item: Selectable): string {
  switch (item.__typename) {
    case 'Note':
      return `Note, ${formatDate(item.createdAt)}: ${item.body.slice(0, 80)}`;
    case 'Activity':
      return `${humanize(item.type)}, ${formatDate(item.createdAt)}: ${item.subject}`;
    default:
      return `${item.kind === 'SMS' ? 'SMS' : humanize(item.kind ?? '')} (${humanize(item.direction ?? '').toLowerCase()}), ${formatDate(item.occurredAt)}: ${item.messageSubject ?? item.messageBody?.slice(0, 80) ?? item.outcome ?? ''}`;
  }
}

interface Props {
  recordId: string;
  kind: 'Contact' | 'Company' | 'Deal';
  items: TimelineEntryFragment[];
  onChange: () => void;
}

interface Pending {
  model: string;
  messages: PreviewMessage[];
  send: () => void;
}

export const AiPanel: Component<Props> = (props) => {
  const ai = useWorkspaceAi();
  const client = useClient();
  const items = () => selectable(props.items);
  const [ticked, setTicked] = createSignal<ReadonlySet<string>>(new Set(items().slice(0, DEFAULT_SELECTED).map((i) => i.id)));
  const [pending, setPending] = createSignal<Pending | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [summary, setSummary] = createSignal('');
  const [drewOn, setDrewOn] = createSignal<string[]>([]);
  const [streaming, setStreaming] = createSignal<{ unsubscribe: () => void } | null>(null);
  const [draftSource, setDraftSource] = createSignal('');
  const [tone, setTone] = createSignal<AiTone>('NEUTRAL');
  const [length, setLength] = createSignal<AiLength>('SHORT');
  const [draft, setDraft] = createSignal<{ body: string; subject: string | null; channel: string | null } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [drafting, setDrafting] = createSignal<{ unsubscribe: () => void } | null>(null);
  const [saved, setSaved] = createSignal<string | null>(null);
  const [steps, setSteps] = createSignal<Array<{ type: string; subject: string; reason: string; dueAt: string; created?: boolean }>>([]);
  onCleanup(() => {
    streaming()?.unsubscribe();
    drafting()?.unsubscribe();
  });

  const selection = () => ({ recordId: props.recordId, itemIds: items().filter((i) => ticked().has(i.id)).map((i) => i.id) });
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

  /** Shows what will be sent before the first request of a kind, then runs it. */
  const ask = async (feature: string, variables: Record<string, unknown>, run: () => void) => {
    setError(null);
    if (hasSeenPreview(feature)) return run();
    const result = await client.query(Preview, variables, { requestPolicy: 'network-only' }).toPromise();
    if (result.error || !result.data) return failed(errorMessage(result.error));
    const { model, messages } = result.data.aiPreview;
    setPending({ model, messages, send: () => (markPreviewSeen(feature), setPending(null), run()) });
  };

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

  const draftInput = () => ({ recordId: props.recordId, sourceId: draftSource(), tone: tone(), length: length() });
  /** The draft streams into the editor as it is written; Stop keeps what came so far. */
  const makeDraft = () => {
    setSaved(null);
    const source = items().find((i) => i.id === draftSource());
    const channel = source?.__typename === 'Communication' ? (source.kind === 'SMS' ? 'SMS' : 'EMAIL') : null;
    let body = '';
    setDraft({ body, subject: null, channel });
    const subscription = client.subscription(Stream, { draft: draftInput() }).subscribe((result) => {
      if (result.error) {
        setDrafting(null);
        setDraft(null);
        return failed(errorMessage(result.error));
      }
      const event = result.data?.aiStream;
      if (!event) return;
      if (event.delta) setDraft({ body: (body += event.delta), subject: null, channel });
      if (event.done) {
        setDraft({ body: event.text ?? body, subject: event.subject ?? null, channel });
        setDrafting(null);
        void ai.refetch();
      }
    });
    setDrafting(subscription);
  };
  const stopDraft = () => {
    drafting()?.unsubscribe();
    setDrafting(null);
  };
  const saveDraft = async () => {
    const current = draft();
    if (!current) return;
    const link = props.kind === 'Contact' ? { contactIds: [props.recordId] } : props.kind === 'Company' ? { companyId: props.recordId } : { dealId: props.recordId };
    const kind = current.channel === 'SMS' ? 'SMS' : 'EMAIL';
    const result = await client.mutation(SaveCommunication, { input: { kind, direction: 'OUTBOUND', subject: kind === 'EMAIL' ? current.subject : null, body: current.body, ...link } }).toPromise();
    if (result.error) return failed(errorMessage(result.error));
    setDraft(null);
    setSaved('Saved to the timeline.');
    props.onChange();
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
    const result = await client.mutation(CreateStep, { input: { type: step.type as never, subject: step.subject, body: step.reason, dueAt: step.dueAt, dealId: props.recordId } }).toPromise();
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
            onChange={(e) => setTicked(new Set(items().slice(0, Math.max(0, Number(e.currentTarget.value) || 0)).map((i) => i.id)))}
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
              <button type="button" class="primary" disabled={nothingTicked() || ai.exhausted() || busy()} onClick={() => void ask('SUMMARY', { summary: selection() }, summarise)}>
                Summarise
              </button>
            }
          >
            <button type="button" onClick={stop}>
              Stop
            </button>
          </Show>
          <Show when={props.kind === 'Deal'}>
            <button type="button" disabled={nothingTicked() || ai.exhausted() || busy()} onClick={() => void ask('NEXT_STEPS', { nextSteps: { dealId: props.recordId, itemIds: selection().itemIds } }, () => void suggest())}>
              Suggest next steps
            </button>
          </Show>
        </div>
        <Show when={pending()}>{(p) => <SendPreview model={p().model} messages={p().messages} onSend={p().send} onCancel={() => setPending(null)} />}</Show>
        <ErrorNotice message={error()} />
        <Show when={summary()}>
          <div class="ai-summary" aria-live="polite">
            <h3>Summary</h3>
            <p>{summary()}</p>
            <Show when={drewOn().length > 0}>
              <p class="muted">Drew on: {items().filter((i) => drewOn().includes(i.id)).map(describe).join('; ')}</p>
            </Show>
          </div>
        </Show>
        <Show when={steps().length > 0}>
          <ol class="ai-steps" aria-label="Suggested next steps">
            <For each={steps()}>
              {(step, index) => (
                <li>
                  <strong>{humanize(step.type)}:</strong> {step.subject} <span class="muted">(due {formatDateTime(step.dueAt)}; {step.reason})</span>{' '}
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
        <Show when={sources().length > 0}>
          <form
            class="stack ai-draft"
            aria-label="Draft a reply"
            onSubmit={(event) => {
              event.preventDefault();
              void ask('DRAFT_REPLY', { draft: draftInput() }, makeDraft);
            }}
          >
            <h3>Draft a reply</h3>
            <div class="field">
              <label for="ai-draft-source">Reply to</label>
              <select id="ai-draft-source" required value={draftSource()} onChange={(e) => setDraftSource(e.currentTarget.value)}>
                <option value="">Choose a message or meeting note</option>
                <For each={sources()}>{(item) => <option value={item.id}>{describe(item)}</option>}</For>
              </select>
            </div>
            <div class="row">
              <div class="field">
                <label for="ai-draft-tone">Tone</label>
                <select id="ai-draft-tone" value={tone()} onChange={(e) => setTone(e.currentTarget.value as AiTone)}>
                  <option value="NEUTRAL">Neutral</option>
                  <option value="FRIENDLY">Friendly</option>
                  <option value="FORMAL">Formal</option>
                </select>
              </div>
              <div class="field">
                <label for="ai-draft-length">Length</label>
                <select id="ai-draft-length" value={length()} onChange={(e) => setLength(e.currentTarget.value as AiLength)}>
                  <option value="SHORT">Short</option>
                  <option value="MEDIUM">Medium</option>
                  <option value="LONG">Long</option>
                </select>
              </div>
            </div>
            <Show
              when={drafting()}
              fallback={
                <button type="submit" disabled={!draftSource() || ai.exhausted() || busy()}>
                  Draft
                </button>
              }
            >
              <button type="button" onClick={stopDraft}>
                Stop drafting
              </button>
            </Show>
          </form>
        </Show>
        <Show when={draft()}>
          {(current) => (
            <div class="stack ai-draft-result">
              <Show when={current().subject}>
                <p>
                  <strong>Subject:</strong> {current().subject}
                </p>
              </Show>
              <label for="ai-draft-body">Draft (edit before saving)</label>
              <textarea id="ai-draft-body" rows={6} value={current().body} onInput={(e) => setDraft({ ...current(), body: e.currentTarget.value })} />
              <div class="row">
                <button type="button" class="primary" disabled={drafting() != null} onClick={() => void saveDraft()}>
                  Save as {current().channel === 'SMS' ? 'text message' : 'email'}
                </button>
                <button type="button" onClick={() => setDraft(null)}>
                  Discard
                </button>
              </div>
            </div>
          )}
        </Show>
        <Show when={saved()}>
          <p role="status">{saved()}</p>
        </Show>
      </section>
    </Show>
  );
};

// What the AI panels share: the timeline items a member may select and how they read, the streamed
// request, and the "what will be sent" gate before the first request of each kind.
import { useClient } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { graphql } from '../../gql';
import type { TimelineEntryFragment } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatDate, humanize } from '../../lib/format';
import { hasSeenPreview, markPreviewSeen } from './ai-state';
import { SendPreview, type PreviewMessage } from './SendPreview';

const Preview = graphql(`
  query AiPreview($summary: AiSummaryInput, $draft: AiDraftInput, $nextSteps: AiNextStepsInput) {
    aiPreview(summary: $summary, draft: $draft, nextSteps: $nextSteps) { model messages { role content } }
  }
`);

export const Stream = graphql(`
  subscription AiStream($summary: AiSummaryInput, $draft: AiDraftInput) {
    aiStream(summary: $summary, draft: $draft) { delta done text subject items { __typename ... on Note { id } ... on Activity { id } ... on Communication { id } } }
  }
`);

export type Selectable = Extract<TimelineEntryFragment, { __typename?: 'Note' | 'Activity' | 'Communication' }>;

export const selectable = (items: TimelineEntryFragment[]) =>
  items.filter((item): item is Selectable => item.__typename === 'Note' || item.__typename === 'Activity' || item.__typename === 'Communication');

export function describe(item: Selectable): string {
  switch (item.__typename) {
    case 'Note':
      return `Note, ${formatDate(item.createdAt)}: ${item.body.slice(0, 80)}`;
    case 'Activity':
      return `${humanize(item.type)}, ${formatDate(item.createdAt)}: ${item.subject}`;
    default:
      return `${item.kind === 'SMS' ? 'SMS' : humanize(item.kind ?? '')} (${humanize(item.direction ?? '').toLowerCase()}), ${formatDate(item.occurredAt)}: ${item.messageSubject ?? item.messageBody?.slice(0, 80) ?? item.outcome ?? ''}`;
  }
}

interface Pending {
  model: string;
  messages: PreviewMessage[];
  send: () => void;
}

/** `ask` shows what will be sent before the first request of a kind (then runs it on Send); `Gate` renders that preview. */
export function usePreviewGate(onError: (message: string | null) => void) {
  const client = useClient();
  const [pending, setPending] = createSignal<Pending | null>(null);
  const ask = async (feature: string, variables: Record<string, unknown>, run: () => void) => {
    onError(null);
    if (hasSeenPreview(feature)) return run();
    // network-only: the preview is the request body the server builds from the records as they are now.
    const result = await client.query(Preview, variables, { requestPolicy: 'network-only' }).toPromise();
    if (result.error || !result.data) return onError(errorMessage(result.error));
    const { model, messages } = result.data.aiPreview;
    setPending({ model, messages, send: () => (markPreviewSeen(feature), setPending(null), run()) });
  };
  const Gate = () => (
    <Show when={pending()}>{(p) => <SendPreview model={p().model} messages={p().messages} onSend={p().send} onCancel={() => setPending(null)} />}</Show>
  );
  return { ask, Gate };
}

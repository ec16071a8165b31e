import { createMutation } from '@urql/solid';
import { createSignal, For, Match, Show, Switch, type Component } from 'solid-js';
import { graphql } from '../gql';
import type { TimelineEntryFragment } from '../gql/graphql';
import { errorMessage } from '../lib/errors';
import { formatDateTime, humanize } from '../lib/format';
import { EmptyState, ErrorNotice } from './States';

graphql(`
  fragment TimelineEntry on TimelineItem {
    __typename
    ... on Activity { id subject type dueAt done createdAt }
    ... on Note { id body createdAt createdBy { id name } }
    ... on Comment { id body createdAt author { id name } }
    ... on Communication { id kind direction messageSubject: subject occurredAt }
    ... on Attachment { id name size downloadUrl createdAt }
    ... on DealStageChange { id fromStageName toStageName changedAt changedBy { id name } }
  }
`);

const CreateNote = graphql(`
  mutation CreateNote($input: NoteInput!) { createNote(input: $input) { id } }
`);

interface Props {
  items: TimelineEntryFragment[];
  /** Where a new note goes, e.g. { contactId }. */
  noteTarget: { contactId?: string; companyId?: string; dealId?: string };
  canWrite: boolean;
  onChange: () => void;
}

/** Everything that happened around a record, newest first, with a box to add a note. */
export const Timeline: Component<Props> = (props) => {
  const [state, createNote] = createMutation(CreateNote);
  const [body, setBody] = createSignal('');
  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await createNote({ input: { ...props.noteTarget, body: body() } });
    if (result.error) return;
    setBody('');
    props.onChange();
  };
  return (
    <section class="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <Show when={props.canWrite}>
        <form class="stack note-form" onSubmit={add}>
          <label for="new-note">Add a note</label>
          <textarea id="new-note" rows={3} required value={body()} onInput={(e) => setBody(e.currentTarget.value)} />
          <ErrorNotice message={errorMessage(state.error)} />
          <button type="submit" class="primary" disabled={state.fetching || !body().trim()}>
            Add note
          </button>
        </form>
      </Show>
      <Show when={props.items.length > 0} fallback={<EmptyState title="Nothing has happened here yet." />}>
        <ol class="timeline-list">
          <For each={props.items}>{(item) => <TimelineRow item={item} />}</For>
        </ol>
      </Show>
    </section>
  );
};

const TimelineRow: Component<{ item: TimelineEntryFragment }> = (props) => (
  <li class="timeline-item">
    <Switch>
      <Match when={props.item.__typename === 'Note' && props.item}>
        {(note) => (
          <Entry kind="Note" at={note().createdAt} by={note().createdBy?.name}>
            <p class="note-body">{note().body}</p>
          </Entry>
        )}
      </Match>
      <Match when={props.item.__typename === 'Activity' && props.item}>
        {(activity) => (
          <Entry kind={humanize(activity().type)} at={activity().createdAt}>
            {activity().subject}
            {activity().done ? ' (done)' : activity().dueAt ? ` — due ${formatDateTime(activity().dueAt)}` : ''}
          </Entry>
        )}
      </Match>
      <Match when={props.item.__typename === 'Comment' && props.item}>
        {(comment) => (
          <Entry kind="Comment" at={comment().createdAt} by={comment().author?.name}>
            {comment().body}
          </Entry>
        )}
      </Match>
      <Match when={props.item.__typename === 'Communication' && props.item}>
        {(message) => (
          <Entry kind={`${humanize(message().kind)} (${humanize(message().direction).toLowerCase()})`} at={message().occurredAt}>
            {message().messageSubject ?? ''}
          </Entry>
        )}
      </Match>
      <Match when={props.item.__typename === 'Attachment' && props.item}>
        {(file) => (
          <Entry kind="File" at={file().createdAt}>
            <a href={file().downloadUrl}>{file().name}</a> ({Math.ceil(file().size / 1024)} KB)
          </Entry>
        )}
      </Match>
      <Match when={props.item.__typename === 'DealStageChange' && props.item}>
        {(change) => (
          <Entry kind="Stage" at={change().changedAt} by={change().changedBy?.name}>
            {change().fromStageName ? `${change().fromStageName} → ${change().toStageName}` : `Created in ${change().toStageName}`}
          </Entry>
        )}
      </Match>
    </Switch>
  </li>
);

const Entry: Component<{ kind: string; at: string; by?: string | null; children: import('solid-js').JSX.Element }> = (props) => (
  <>
    <p class="meta">
      <span class="kind">{props.kind}</span> · <time datetime={props.at}>{formatDateTime(props.at)}</time>
      {props.by ? ` · ${props.by}` : ''}
    </p>
    <div>{props.children}</div>
  </>
);

import { createMutation } from '@urql/solid';
import { createSignal, For, Match, Show, Switch, type Component } from 'solid-js';
import { graphql } from '../gql';
import type { TimelineEntryFragment } from '../gql/graphql';
import { errorMessage } from '../lib/errors';
import { formatDateTime, humanize } from '../lib/format';
import { sameOrigin } from '../lib/record-links';
import { ChannelActions } from './channels/ChannelActions';
import { replyToOf, type ReplyTo } from './channels/SendEmail';
import { EmailHtml } from './channels/EmailHtml';
import { LogCommunication } from './LogCommunication';
import { Markdown } from './Markdown';
import { NoteThread } from './NoteThread';
import { EmptyState, ErrorNotice } from './States';

graphql(`
  fragment TimelineEntry on TimelineItem {
    __typename
    ... on Activity { id subject type dueAt done createdAt }
    ... on Note { id body createdAt createdBy { id name } }
    ... on Comment { id body createdAt author { id name } }
    ... on Communication {
      id kind direction messageSubject: subject occurredAt fromAddress toAddresses messageBody: body durationSeconds outcome
      email { threadId html subject source }
    }
    ... on Attachment { id name size downloadUrl createdAt }
    ... on DealStageChange { id fromStageName toStageName changedAt changedBy { id name } }
    ... on CustomFieldsChanged { id changedAt changedBy { id name } fields { key label } }
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
  const [preview, setPreview] = createSignal(false);
  // Kept here, not in the rows: a refetch rebuilds the rows and would close every open thread.
  const [openThreads, setOpenThreads] = createSignal<ReadonlySet<string>>(new Set());
  const [replyTo, setReplyTo] = createSignal<ReplyTo | null>(null);
  const toggleThread = (id: string) => {
    const next = new Set(openThreads());
    if (!next.delete(id)) next.add(id);
    setOpenThreads(next);
  };
  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await createNote({ input: { ...props.noteTarget, body: body() } });
    if (result.error) return;
    setBody('');
    setPreview(false);
    props.onChange();
  };
  return (
    <section class="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <Show when={props.canWrite}>
        <form class="stack note-form" onSubmit={add}>
          <label for="new-note">Add a note</label>
          <Show
            when={preview()}
            fallback={
              <textarea id="new-note" rows={3} required aria-describedby="new-note-hint" value={body()} onInput={(e) => setBody(e.currentTarget.value)} />
            }
          >
            <div class="note-preview" aria-label="Preview">
              <Markdown source={body() || '(nothing yet)'} />
            </div>
          </Show>
          <small id="new-note-hint" class="hint">
            Markdown: **bold**, *italic*, - lists, [links](https://example.com).
          </small>
          <ErrorNotice message={errorMessage(state.error)} />
          <div class="row">
            <button type="submit" class="primary" disabled={state.fetching || !body().trim()}>
              Add note
            </button>
            <button type="button" aria-pressed={preview()} onClick={() => setPreview(!preview())}>
              {preview() ? 'Edit' : 'Preview'}
            </button>
          </div>
        </form>
        <LogCommunication target={props.noteTarget} onLogged={props.onChange} />
        <ChannelActions target={props.noteTarget} replyTo={replyTo()} onReplyDone={() => setReplyTo(null)} onSent={props.onChange} />
      </Show>
      <Show when={props.items.length > 0} fallback={<EmptyState title="Nothing has happened here yet." />}>
        <ol class="timeline-list">
          <For each={props.items}>
            {(item) => (
              <TimelineRow
                item={item}
                canWrite={props.canWrite}
                onChange={props.onChange}
                openThreads={openThreads()}
                onToggleThread={toggleThread}
                onReply={setReplyTo}
              />
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
};

interface RowProps {
  item: TimelineEntryFragment;
  canWrite: boolean;
  onChange: () => void;
  openThreads: ReadonlySet<string>;
  onToggleThread: (noteId: string) => void;
  onReply: (message: ReplyTo) => void;
}

const TimelineRow: Component<RowProps> = (props) => (
  <li class="timeline-item">
    <Switch>
      <Match when={props.item.__typename === 'Note' && props.item}>
        {(note) => (
          <Entry kind="Note" at={note().createdAt} by={note().createdBy?.name}>
            <Markdown source={note().body} />
            <NoteComments
              noteId={note().id}
              canWrite={props.canWrite}
              onChange={props.onChange}
              open={props.openThreads.has(note().id)}
              onToggle={() => props.onToggleThread(note().id)}
            />
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
            <Markdown source={comment().body} />
          </Entry>
        )}
      </Match>
      <Match when={props.item.__typename === 'Communication' && props.item}>
        {(message) => (
          <Entry
            kind={`${message().kind === 'SMS' ? 'SMS' : humanize(message().kind)} (${humanize(message().direction).toLowerCase()})`}
            at={message().occurredAt}
          >
            <CommunicationSummary message={message()} canWrite={props.canWrite} onReply={props.onReply} />
          </Entry>
        )}
      </Match>
      <Match when={props.item.__typename === 'Attachment' && props.item}>
        {(file) => (
          <Entry kind="File" at={file().createdAt}>
            <a href={sameOrigin(file().downloadUrl)}>{file().name}</a> ({Math.ceil(file().size / 1024)} KB)
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
      <Match when={props.item.__typename === 'CustomFieldsChanged' && props.item}>
        {(change) => (
          <Entry kind="Fields" at={change().changedAt} by={change().changedBy?.name}>
            Changed{' '}
            {change()
              .fields.map((f) => f.label)
              .join(', ')}
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

type Message = Extract<TimelineEntryFragment, { __typename: 'Communication' }>;

/** Subject, who wrote to whom, a call's length and outcome, and the body (plain text, never HTML). */
const CommunicationSummary: Component<{ message: Message; canWrite: boolean; onReply: (message: ReplyTo) => void }> = (props) => {
  const subject = () => props.message.messageSubject ?? props.message.email?.subject ?? null;
  const replyTo = () => replyToOf(props.message);
  const parties = () => [props.message.fromAddress, props.message.toAddresses.join(', ')].filter(Boolean).join(' → ');
  const call = () =>
    [props.message.durationSeconds != null ? `${Math.round(props.message.durationSeconds / 60)} min` : '', props.message.outcome ?? '']
      .filter(Boolean)
      .join(' · ');
  return (
    <>
      <Show when={subject()}>
        <strong>{subject()}</strong>
      </Show>
      <Show when={parties()}>
        <p class="muted">{parties()}</p>
      </Show>
      <Show when={call()}>
        <p>{call()}</p>
      </Show>
      <Show
        when={props.message.email?.html}
        fallback={
          <Show when={props.message.messageBody}>
            <p class="message-body">{props.message.messageBody}</p>
          </Show>
        }
      >
        <EmailHtml html={props.message.email!.html!} title={subject() ?? 'Email'} />
      </Show>
      <Show when={props.canWrite && props.message.email}>
        <button type="button" class="link-button" onClick={() => props.onReply(replyTo())}>
          Reply<span class="visually-hidden"> to {subject() ?? 'this email'}</span>
        </button>
      </Show>
    </>
  );
};

/** A note's comments, loaded when opened. */
const NoteComments: Component<{ noteId: string; canWrite: boolean; onChange: () => void; open: boolean; onToggle: () => void }> = (props) => {
  const open = () => props.open;
  const id = `thread-${props.noteId.replace(/\W/g, '')}`;
  return (
    <div class="note-comments">
      <button type="button" class="link-button" aria-expanded={open()} aria-controls={id} onClick={() => props.onToggle()}>
        {open() ? 'Hide comments' : 'Comments'}
      </button>
      <Show when={open()}>
        <div id={id}>
          <NoteThread noteId={props.noteId} canWrite={props.canWrite} onChange={props.onChange} />
        </div>
      </Show>
    </div>
  );
};

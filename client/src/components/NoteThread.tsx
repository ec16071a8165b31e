import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { Markdown } from './Markdown';
import { MentionInput, type Member } from './MentionInput';
import { QueryStates } from './settings/QueryStates';
import { ErrorNotice } from './States';

const NoteComments = graphql(`
  query NoteComments($noteId: ID!) {
    comments(targetId: $noteId, first: 100) {
      totalCount
      edges { node { id body createdAt author { id name } mentions { user { id name } } } }
    }
  }
`);

const MentionMembers = graphql(`
  query MentionMembers { workspace { id members { id user { id name } } } }
`);

const CreateComment = graphql(`
  mutation CreateComment($input: CreateCommentInput!) { createComment(input: $input) { id } }
`);

/** A note's comment thread, oldest first, with a reply box that can mention members. */
export const NoteThread: Component<{ noteId: string; canWrite: boolean; onChange: () => void }> = (props) => {
  const [comments, refetch] = createQuery({ query: NoteComments, variables: () => ({ noteId: props.noteId }) });
  const [members] = createQuery({ query: MentionMembers, pause: () => !props.canWrite });
  const [state, createComment] = createMutation(CreateComment);
  const [body, setBody] = createSignal('');
  const [mentioned, setMentioned] = createSignal<Member[]>([]);
  const memberList = () => members.data?.workspace.members.map((m) => m.user) ?? [];
  const fieldId = `comment-${props.noteId.replace(/\W/g, '')}`;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    // Only people still named in the text are mentioned.
    const mentionUserIds = [
      ...new Set(
        mentioned()
          .filter((m) => body().includes(`@${m.name}`))
          .map((m) => m.id),
      ),
    ];
    const result = await createComment({ input: { noteId: props.noteId, body: body(), mentionUserIds } });
    if (result.error) return;
    setBody('');
    setMentioned([]);
    refetch();
    props.onChange();
  };

  return (
    <div class="thread">
      <QueryStates result={comments} loading="Loading comments…" onRetry={() => refetch()} empty="No comments yet." count={comments.data?.comments.totalCount}>
        <ol class="thread-list" aria-label="Comments">
          <For each={comments.data?.comments.edges}>
            {(edge) => (
              <li>
                <p class="meta">
                  <span class="kind">{edge.node.author?.name ?? 'Someone'}</span> ·{' '}
                  <time datetime={edge.node.createdAt}>{formatDateTime(edge.node.createdAt)}</time>
                </p>
                <Markdown source={edge.node.body} />
                <Show when={edge.node.mentions.length > 0}>
                  <p class="hint">Mentioned: {edge.node.mentions.map((m) => m.user.name).join(', ')}</p>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </QueryStates>
      <Show when={props.canWrite}>
        <form class="stack" onSubmit={submit}>
          <MentionInput
            id={fieldId}
            label="Write a comment"
            value={body()}
            members={memberList()}
            onInput={setBody}
            onMention={(m) => setMentioned([...mentioned(), m])}
          />
          <ErrorNotice message={errorMessage(state.error)} />
          <button type="submit" disabled={state.fetching || !body().trim()}>
            Comment
          </button>
        </form>
      </Show>
    </div>
  );
};

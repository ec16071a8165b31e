import { A } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { createEffect, createSignal, For, on, onCleanup, Show, type Component } from 'solid-js';
import { graphql } from '../gql';
import type { FeedEventFieldsFragment } from '../gql/graphql';
import { errorMessage } from '../lib/errors';
import { changeSummary, nounOf, verbPhrase } from '../lib/feed';
import { formatDateTime } from '../lib/format';
import { parentPath, recordPath } from '../lib/record-links';
import { useSession } from '../lib/session';
import { EmptyState, ErrorNotice, Loading } from './States';
import './panels.css';

graphql(`
  fragment FeedEventFields on ActivityEvent { id cursor sequence verb entityType entityId actorId actorApiKeyId changes createdAt }
`);

const FeedHistory = graphql(`
  query FeedHistory($first: Int!) {
    activityEvents(first: $first) { edges { node { ...FeedEventFields } } }
    workspace { id members { id user { id name } } }
  }
`);

const FeedLive = graphql(`
  subscription FeedLive($after: String, $workspaceId: ID) { activityFeed(after: $after, workspaceId: $workspaceId) { ...FeedEventFields } }
`);

const FeedRecords = graphql(`
  query FeedRecords($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Contact { id name }
      ... on Company { id name }
      ... on Deal { id name }
      ... on Form { id name }
      ... on Attachment { id name }
      ... on Note { id body contact { id } company { id } deal { id } }
      ... on Activity { id subject contact { id } company { id } deal { id } }
      ... on Comment { id body deal { id } note { contact { id } company { id } deal { id } } }
    }
  }
`);

interface Target {
  label: string;
  path: string | null;
}
type FeedNode = NonNullable<import('../gql/graphql').FeedRecordsQuery['nodes'][number]>;

/** The first line of a note or comment, without Markdown marks. */
const firstLine = (body: string) =>
  body
    .split('\n')[0]!
    .replace(/[*_`#>]/g, '')
    .slice(0, 60);

function targetOf(node: FeedNode): Target | null {
  switch (node.__typename) {
    case 'Contact':
    case 'Company':
    case 'Deal':
      return { label: node.name, path: recordPath(node.__typename, node.id) };
    case 'Form':
      return { label: node.name, path: `/form/${node.id}` };
    case 'Attachment':
      return { label: node.name, path: null };
    case 'Note':
      return { label: firstLine(node.body), path: parentPath(node) };
    case 'Activity':
      return { label: node.subject, path: parentPath(node) };
    case 'Comment':
      return { label: firstLine(node.body), path: node.deal ? `/deals/${node.deal.id}` : parentPath(node.note ?? {}) };
    default:
      return null;
  }
}

/** Who did what to which record, newest first: recent history, then live events over graphql-ws. */
export const ActivityFeed: Component<{ limit?: number; headingId?: string }> = (props) => {
  const client = useClient();
  const session = useSession();
  const [history, refetch] = createQuery({ query: FeedHistory, variables: () => ({ first: props.limit ?? 30 }) });
  const [events, setEvents] = createSignal<FeedEventFieldsFragment[]>([]);
  const [targets, setTargets] = createSignal<Record<string, Target | null>>({});
  const [live, setLive] = createSignal(false);
  const [liveError, setLiveError] = createSignal<string | null>(null);

  const resolve = async (ids: string[]) => {
    const wanted = [...new Set(ids)].filter((id) => !(id in targets()));
    if (!wanted.length) return;
    const lookUp = (ids: string[]) => client.query(FeedRecords, { ids }).toPromise();
    const result = await lookUp(wanted);
    // A record that no longer exists (merged, purged) can fail the whole batch: then ask one by one.
    const nodes = result.data ? result.data.nodes : await Promise.all(wanted.map(async (id) => (await lookUp([id])).data?.nodes[0] ?? null));
    const found: Record<string, Target | null> = {};
    wanted.forEach((id, i) => {
      const node = nodes[i];
      found[id] = node ? targetOf(node) : null;
    });
    setTargets({ ...targets(), ...found });
  };
  const actorName = (event: FeedEventFieldsFragment) => {
    if (event.actorId) return history.data?.workspace.members.find((m) => m.user.id === event.actorId)?.user.name ?? 'Someone';
    // No person: an integration's API key, or Kith itself (a public form submission, a scheduled job).
    return event.actorApiKeyId ? 'An API key' : 'Kith';
  };

  // Once history is in, follow live from its newest event: the server replays anything in between.
  createEffect(
    on(
      () => history.data,
      (data) => {
        if (!data) return;
        const past = data.activityEvents.edges.map((e) => e.node);
        setEvents(past);
        void resolve(past.map((e) => e.entityId));
        // A socket carries no workspace header: name it.
        const workspaceId = session.workspace()?.id ?? null;
        const { unsubscribe } = client.subscription(FeedLive, { after: past[0]?.cursor ?? null, workspaceId }).subscribe((result) => {
          if (result.error) return setLiveError(errorMessage(result.error));
          const event = result.data?.activityFeed;
          if (!event) return;
          setLive(true);
          // Renamed or edited: look the record up again.
          setTargets(({ [event.entityId]: _, ...rest }) => rest);
          setEvents((list) => (list.some((e) => e.id === event.id) ? list : [event, ...list].slice(0, 100)));
          void resolve([event.entityId]);
        });
        setLive(true);
        onCleanup(unsubscribe);
      },
    ),
  );

  return (
    <div class="feed">
      <p class="feed-status muted" role="status">
        <span class="live-dot" classList={{ on: live() && !liveError() }} aria-hidden="true" />
        {liveError() ? 'Live updates paused' : live() ? 'Live' : 'Connecting…'}
      </p>
      <Show when={history.fetching && !history.data}>
        <Loading />
      </Show>
      <ErrorNotice message={errorMessage(history.error) ?? liveError()} onRetry={() => refetch()} />
      <Show when={history.data && events().length === 0}>
        <EmptyState title="No activity yet." />
      </Show>
      <ol class="feed-list" aria-labelledby={props.headingId} aria-live="polite">
        <For each={events()}>
          {(event) => {
            const target = () => targets()[event.entityId];
            const fallback = () => (typeof event.changes.name === 'string' ? event.changes.name : '');
            return (
              <li class="feed-item" data-verb={event.verb}>
                <span>
                  <strong>{actorName(event)}</strong> {verbPhrase(event.verb)} {nounOf(event.entityType)}{' '}
                  <Show when={target()?.path} fallback={<span>{target()?.label ?? fallback()}</span>}>
                    <A href={target()!.path!}>{target()!.label}</A>
                  </Show>
                  {changeSummary(event)}
                </span>
                <time class="muted" datetime={event.createdAt}>
                  {formatDateTime(event.createdAt)}
                </time>
              </li>
            );
          }}
        </For>
      </ol>
    </div>
  );
};

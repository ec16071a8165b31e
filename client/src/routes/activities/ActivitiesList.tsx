import { createMutation, useClient } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { ListFrame } from '../../components/ListFrame';
import { graphql } from '../../gql';
import type { ActivitiesPageQuery, ActivityType } from '../../gql/graphql';
import { ACTIVITY_TYPES } from '../../lib/enums';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, humanize } from '../../lib/format';
import { createPagedList } from '../../lib/paged';
import { useSession } from '../../lib/session';
import { NewActivity } from './NewActivity';

const ActivitiesPage = graphql(`
  query ActivitiesPage($first: Int!, $after: String, $filter: ActivityFilter) {
    activities(first: $first, after: $after, filter: $filter, sort: { field: DUE_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id subject type done dueAt assignee { id name } contact { id name } company { id name } deal { id name } } }
    }
  }
`);

const Complete = graphql(`
  mutation CompleteActivity($id: ID!, $done: Boolean!) { completeActivity(id: $id, done: $done) { id done doneAt } }
`);

type Row = ActivitiesPageQuery['activities']['edges'][number]['node'];

/** Tasks, calls and meetings, soonest due first; overdue ones stand out. */
const ActivitiesList: Component = () => {
  const client = useClient();
  const session = useSession();
  const [show, setShow] = createSignal<'open' | 'done' | 'all'>('open');
  const [type, setType] = createSignal<ActivityType | ''>('');
  const [complete, completeActivity] = createMutation(Complete);
  const variables = () => ({ filter: { done: show() === 'all' ? null : show() === 'done', type: type() || null } });
  const list = createPagedList<Row>(variables, async (after) => {
    const result = await client.query(ActivitiesPage, { first: 50, after, ...variables() }, { requestPolicy: 'network-only' }).toPromise();
    const connection = result.data?.activities;
    return {
      error: result.error,
      page: connection && {
        rows: connection.edges.map((e) => e.node),
        endCursor: connection.pageInfo.endCursor,
        hasNextPage: connection.pageInfo.hasNextPage,
        totalCount: connection.totalCount,
      },
    };
  });
  const toggle = async (row: Row, done: boolean) => {
    const result = await completeActivity({ id: row.id, done });
    if (!result.error) void list.reload();
  };
  const overdue = (row: Row) => !row.done && row.dueAt != null && new Date(row.dueAt) < new Date();

  return (
    <ListFrame
      title="Activities"
      total={list.total()}
      loading={list.loading()}
      error={list.error() ?? errorMessage(complete.error)}
      onRetry={list.reload}
      empty={list.rows().length === 0}
      emptyTitle={show() === 'open' ? 'Nothing to do: no open activities.' : 'No activities here.'}
      actions={
        <Show when={session.can('records:create')}>
          <NewActivity onCreated={() => void list.reload()} />
        </Show>
      }
      filters={
        <>
          <div class="field inline">
            <label for="activities-show">Show</label>
            <select id="activities-show" value={show()} onChange={(e) => setShow(e.currentTarget.value as 'open' | 'done' | 'all')}>
              <option value="open">Open</option>
              <option value="done">Done</option>
              <option value="all">All</option>
            </select>
          </div>
          <div class="field inline">
            <label for="activities-type">Type</label>
            <select id="activities-type" value={type()} onChange={(e) => setType(e.currentTarget.value as ActivityType | '')}>
              <option value="">Any</option>
              <For each={ACTIVITY_TYPES}>{(t) => <option value={t}>{humanize(t)}</option>}</For>
            </select>
          </div>
        </>
      }
    >
      <ul class="activity-list">
        <For each={list.rows()}>
          {(row) => (
            <li classList={{ done: row.done, overdue: overdue(row) }}>
              <input
                type="checkbox"
                id={`activity-${row.id}`}
                checked={row.done}
                disabled={!session.can('records:update')}
                onChange={(e) => void toggle(row, e.currentTarget.checked)}
              />
              <label for={`activity-${row.id}`}>
                <span class="kind">{humanize(row.type)}</span> {row.subject}
              </label>
              <span class="muted">
                {row.dueAt ? `${overdue(row) ? 'Overdue: ' : 'Due '}${formatDateTime(row.dueAt)}` : 'No due date'}
                {row.assignee ? ` · ${row.assignee.name}` : ''}
                {[row.contact?.name, row.company?.name, row.deal?.name].filter(Boolean).map((name) => ` · ${name}`)}
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={list.hasMore()}>
        <button type="button" onClick={list.loadMore} disabled={list.loading()}>
          Load more
        </button>
      </Show>
    </ListFrame>
  );
};

export default ActivitiesList;

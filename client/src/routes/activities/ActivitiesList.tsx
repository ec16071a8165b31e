import { createMutation } from '@urql/solid';
import { For, Show, type Component } from 'solid-js';
import { RecordList } from '../../components/record-list/RecordList';
import { humanized } from '../../components/Field';
import { graphql } from '../../gql';
import type { ActivitiesPageQuery } from '../../gql/graphql';
import { ACTIVITY_TYPES } from '../../lib/enums';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, humanize } from '../../lib/format';
import type { PagedList } from '../../lib/paged';
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

const show = {
  id: 'show',
  key: 'done',
  label: 'Show',
  initial: 'open',
  options: [['open', 'Open'], ['done', 'Done'], ['all', 'All']] as const,
  toFilter: (value: string) => (value === 'all' ? null : value === 'done'),
};
const type = { id: 'type', key: 'type', label: 'Type', any: true, options: humanized(ACTIVITY_TYPES) };

const overdue = (row: Row) => !row.done && row.dueAt != null && new Date(row.dueAt) < new Date();

/** Each activity as a checkbox that completes it, with when it is due and what it is about. */
const ActivityRows: Component<{ list: PagedList<Row>; onToggle: (row: Row, done: boolean) => void }> = (props) => {
  const session = useSession();
  return (
    <>
      <ul class="activity-list">
        <For each={props.list.rows()}>
          {(row) => (
            <li classList={{ done: row.done, overdue: overdue(row) }}>
              <input
                type="checkbox"
                id={`activity-${row.id}`}
                checked={row.done}
                disabled={!session.can('records:update')}
                onChange={(e) => props.onToggle(row, e.currentTarget.checked)}
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
      <Show when={props.list.hasMore()}>
        <button type="button" onClick={props.list.loadMore} disabled={props.list.loading()}>
          Load more
        </button>
      </Show>
    </>
  );
};

/** Tasks, calls and meetings, soonest due first; overdue ones stand out. */
const ActivitiesList: Component = () => {
  const [complete, completeActivity] = createMutation(Complete);
  const toggle = async (list: PagedList<Row>, row: Row, done: boolean) => {
    const result = await completeActivity({ id: row.id, done });
    if (!result.error) void list.reload();
  };
  return (
    <RecordList
      list="activities"
      query={ActivitiesPage}
      pageSize={50}
      choices={[show, type]}
      emptyTitle={(value) => (value('done') === 'open' ? 'Nothing to do: no open activities.' : 'No activities here.')}
      error={errorMessage(complete.error)}
      create={(list) => <NewActivity onCreated={() => void list.reload()} />}
    >
      {(list) => <ActivityRows list={list} onToggle={(row, done) => void toggle(list, row, done)} />}
    </RecordList>
  );
};

export default ActivitiesList;

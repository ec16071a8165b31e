import { createMutation } from '@urql/solid';
import type { Component } from 'solid-js';
import { humanized } from '../../components/Field';
import { RecordList } from '../../components/record-list/RecordList';
import { graphql } from '../../gql';
import { ACTIVITY_TYPES } from '../../lib/enums';
import { errorMessage } from '../../lib/errors';
import type { PagedList } from '../../lib/paged';
import { ActivityRows, type ActivityRow } from './ActivityRows';
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

const show = {
  id: 'show',
  key: 'done',
  label: 'Show',
  initial: 'open',
  options: [
    ['open', 'Open'],
    ['done', 'Done'],
    ['all', 'All'],
  ] as const,
  toFilter: (value: string) => (value === 'all' ? null : value === 'done'),
};
const type = { id: 'type', key: 'type', label: 'Type', any: true, options: humanized(ACTIVITY_TYPES) };

/** Tasks, calls and meetings, soonest due first; overdue ones stand out. */
const ActivitiesList: Component = () => {
  const [complete, completeActivity] = createMutation(Complete);
  const toggle = async (list: PagedList<ActivityRow>, row: ActivityRow, done: boolean) => {
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

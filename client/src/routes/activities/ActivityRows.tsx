import { For, Show, type Component } from 'solid-js';
import type { ActivitiesPageQuery } from '../../gql/graphql';
import { formatDateTime, humanize } from '../../lib/format';
import type { PagedList } from '../../lib/paged';
import { useSession } from '../../lib/session';

export type ActivityRow = ActivitiesPageQuery['activities']['edges'][number]['node'];

const overdue = (row: ActivityRow) => !row.done && row.dueAt != null && new Date(row.dueAt) < new Date();

/** Each activity as a checkbox that completes it, with when it is due and what it is about. */
export const ActivityRows: Component<{ list: PagedList<ActivityRow>; onToggle: (row: ActivityRow, done: boolean) => void }> = (props) => {
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

import { createQuery } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { QueryStates } from '../../../components/settings/QueryStates';
import { graphql } from '../../../gql';
import { gatedScreen } from '../parts';
import { createAuditFilters } from './audit-filters';
import { AuditEntries } from './AuditEntries';
import { AuditFilterForm } from './AuditFilterForm';

const AuditQuery = graphql(`
  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id action actorName actorUserId actorApiKeyId targetType targetId ip userAgent createdAt details } }
    }
  }
`);

const PAGE = 25;

const AuditScreen: Component = () => {
  // Cursors of the pages before the current one; the last is the current page's `after`.
  const [cursors, setCursors] = createSignal<(string | null)[]>([null]);
  const filters = createAuditFilters(() => setCursors([null]));
  const [result, refetch] = createQuery({
    query: AuditQuery,
    variables: () => ({ first: PAGE, after: cursors()[cursors().length - 1], filter: filters.filter() }),
    requestPolicy: 'cache-and-network',
  });
  const log = () => result.data?.auditLog;
  return (
    <>
      <AuditFilterForm filters={filters} />
      <QueryStates
        result={result}
        loading="Loading the audit log…"
        onRetry={() => refetch()}
        empty="No audit entries match these filters."
        count={log()?.edges.length}
      >
        <Show when={log()}>
          {(l) => (
            <AuditEntries
              log={l()}
              page={cursors().length}
              busy={result.fetching}
              onPrevious={() => setCursors(cursors().slice(0, -1))}
              onNext={(after) => setCursors([...cursors(), after])}
            />
          )}
        </Show>
      </QueryStates>
    </>
  );
};

export default gatedScreen({ title: 'Audit log', permission: 'audit:read', what: 'the audit log' }, AuditScreen);

import { Show, type Component } from 'solid-js';
import { SettingsTable } from '../../../components/settings/SettingsTable';
import type { AuditLogQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../../lib/format';

type Log = AuditLogQuery['auditLog'];

/** An entry's scalar details as "key: value" pairs. */
const describe = (details: unknown) => {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details as Record<string, unknown>)
    .filter(([, v]) => v != null && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
};

interface Props {
  log: Log;
  page: number;
  busy: boolean;
  onPrevious: () => void;
  onNext: (after: string | null) => void;
}

/** One page of audit entries with their count, and the buttons to the pages before and after. */
export const AuditEntries: Component<Props> = (props) => (
  <>
    <p class="muted" role="status">
      {props.log.totalCount} {props.log.totalCount === 1 ? 'entry' : 'entries'}
    </p>
    {/* Nodes, not edges: the query store reconciles edges in place, so an edge's node can change under it. */}
    <SettingsTable
      label={`Audit log, page ${props.page}`}
      class="audit"
      headings={['Time', 'Action', 'By', 'Target', 'From']}
      rows={props.log.edges.map((edge) => edge.node)}
    >
      {(entry) => (
        <tr>
          <td>{formatDateTime(entry.createdAt)}</td>
          <td>
            <code>{entry.action}</code>
            <Show when={describe(entry.details)}>
              <br />
              <span class="muted break">{describe(entry.details)}</span>
            </Show>
          </td>
          <td>
            {entry.actorName ?? (entry.actorUserId ? 'Deleted user' : 'System')}
            <Show when={entry.actorApiKeyId}>
              <br />
              <span class="muted">via API key</span>
            </Show>
          </td>
          <td>{entry.targetType ?? ''}</td>
          <td>{entry.ip ?? ''}</td>
        </tr>
      )}
    </SettingsTable>
    <nav class="row pager" aria-label="Audit log pages">
      <button type="button" disabled={props.page === 1 || props.busy} onClick={() => props.onPrevious()}>
        Previous page
      </button>
      <span class="muted">Page {props.page}</span>
      <button type="button" disabled={!props.log.pageInfo.hasNextPage || props.busy} onClick={() => props.onNext(props.log.pageInfo.endCursor ?? null)}>
        Next page
      </button>
    </nav>
  </>
);

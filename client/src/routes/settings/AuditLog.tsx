import { createQuery } from '@urql/solid';
import { createMemo, createSignal, For, Show, type Component } from 'solid-js';
import { SettingsFrame } from '../../components/SettingsNav';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import type { AuditLogFilter } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { Gate } from './parts';

const AuditQuery = graphql(`
  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id action actorName actorUserId actorApiKeyId targetType targetId ip userAgent createdAt details } }
    }
  }
`);
const ActorsQuery = graphql(`
  query AuditActors { workspace { id members { id user { id name } } } }
`);

const PAGE = 25;
const ACTIONS = [
  ['', 'Every action'],
  ['member.', 'Members and roles'],
  ['api_key.', 'API keys'],
  ['webhook.', 'Webhooks'],
  ['user.signed_in', 'Sign-ins'],
  ['contact.', 'Contact exports and erasures'],
  ['user.', 'Account exports and deletions'],
  ['workspace.', 'Workspace'],
] as const;

const AuditScreen: Component = () => {
  const [action, setAction] = createSignal('');
  const [actor, setActor] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  // Cursors of the pages before the current one; the last is the current page's `after`.
  const [cursors, setCursors] = createSignal<(string | null)[]>([null]);
  const filter = createMemo<AuditLogFilter>(() => ({
    action: action() || undefined,
    actorId: actor() || undefined,
    createdAt:
      from() || to()
        ? { from: from() ? new Date(`${from()}T00:00:00`).toISOString() : undefined, to: to() ? new Date(`${to()}T23:59:59.999`).toISOString() : undefined }
        : undefined,
  }));
  const resetPages = () => setCursors([null]);
  const [result, refetch] = createQuery({
    query: AuditQuery,
    variables: () => ({ first: PAGE, after: cursors()[cursors().length - 1], filter: filter() }),
    requestPolicy: 'cache-and-network',
  });
  const [actors] = createQuery({ query: ActorsQuery });
  const log = () => result.data?.auditLog;
  const page = () => cursors().length;
  const describe = (details: unknown) => {
    if (!details || typeof details !== 'object') return '';
    return Object.entries(details as Record<string, unknown>)
      .filter(([, v]) => v != null && typeof v !== 'object')
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(', ');
  };

  return (
    <>
      <form class="filters row" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="audit-action">Action</label>
          <select
            id="audit-action"
            value={action()}
            onChange={(e) => {
              setAction(e.currentTarget.value);
              resetPages();
            }}
          >
            <For each={ACTIONS}>{([value, label]) => <option value={value}>{label}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="audit-actor">Person</label>
          <select
            id="audit-actor"
            value={actor()}
            onChange={(e) => {
              setActor(e.currentTarget.value);
              resetPages();
            }}
          >
            <option value="">Anyone</option>
            <For each={actors.data?.workspace.members ?? []}>{(m) => <option value={m.user.id}>{m.user.name}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="audit-from">From</label>
          <input
            id="audit-from"
            type="date"
            value={from()}
            onChange={(e) => {
              setFrom(e.currentTarget.value);
              resetPages();
            }}
          />
        </div>
        <div class="field">
          <label for="audit-to">To</label>
          <input
            id="audit-to"
            type="date"
            value={to()}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              resetPages();
            }}
          />
        </div>
        <Show when={action() || actor() || from() || to()}>
          <button
            type="button"
            onClick={() => {
              setAction('');
              setActor('');
              setFrom('');
              setTo('');
              resetPages();
            }}
          >
            Clear filters
          </button>
        </Show>
      </form>

      <Show when={result.fetching && !result.data}>
        <Loading label="Loading the audit log…" />
      </Show>
      <ErrorNotice message={errorMessage(result.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <Show when={log()}>
        {(l) => (
          <Show when={l().edges.length > 0} fallback={<EmptyState title="No audit entries match these filters." />}>
            <p class="muted" role="status">
              {l().totalCount} {l().totalCount === 1 ? 'entry' : 'entries'}
            </p>
            <div class="table-wrap">
              <table class="members settings-table audit">
                <caption class="visually-hidden">Audit log, page {page()}</caption>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Action</th>
                    <th scope="col">By</th>
                    <th scope="col">Target</th>
                    <th scope="col">From</th>
                  </tr>
                </thead>
                <tbody>
                  {/* Nodes, not edges: the query store reconciles edges in place, so an edge's node can change under it. */}
                  <For each={l().edges.map((edge) => edge.node)}>
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
                  </For>
                </tbody>
              </table>
            </div>
            <nav class="row pager" aria-label="Audit log pages">
              <button type="button" disabled={page() === 1 || result.fetching} onClick={() => setCursors(cursors().slice(0, -1))}>
                Previous page
              </button>
              <span class="muted">Page {page()}</span>
              <button
                type="button"
                disabled={!l().pageInfo.hasNextPage || result.fetching}
                onClick={() => setCursors([...cursors(), l().pageInfo.endCursor ?? null])}
              >
                Next page
              </button>
            </nav>
          </Show>
        )}
      </Show>
    </>
  );
};

const AuditLog: Component = () => (
  <SettingsFrame title="Audit log">
    <Gate permission="audit:read" what="the audit log">
      <AuditScreen />
    </Gate>
  </SettingsFrame>
);

export default AuditLog;

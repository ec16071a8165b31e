import { createMutation, createQuery } from '@urql/solid';
import { createMemo, createSignal, For, Show, type Component } from 'solid-js';
import { SettingsFrame } from '../../components/SettingsNav';
import { QueryStates } from '../../components/settings/QueryStates';
import { ACTIONS, SettingsTable } from '../../components/settings/SettingsTable';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { ConfirmButton } from './parts';
import { AiUsageSummary } from '../../components/ai/AiUsageSummary';

const UsageQuery = graphql(`
  query WorkspaceUsage($from: DateTime) {
    workspaceUsage(from: $from) {
      from to activeUsers apiCalls errors pageViews
      days { day activeUsers apiCalls errors pageViews }
      operations { name calls errors averageMs p95Ms }
      topFeatures { name count }
      topPages { name count }
    }
  }
`);
const SessionsQuery = graphql(`
  query MySessions {
    me { id sessions { id browser os ipAddress userAgent createdAt expiresAt current } }
  }
`);
const RevokeSession = graphql(`
  mutation RevokeSession($sessionId: ID!) { revokeSession(sessionId: $sessionId) }
`);

const RANGES = [
  [7, 'Last 7 days'],
  [30, 'Last 30 days'],
  [90, 'Last 90 days'],
] as const;

const number = new Intl.NumberFormat();

const WorkspaceUsage: Component = () => {
  const [days, setDays] = createSignal(30);
  // Whole days, so the variables stay stable between renders.
  const from = createMemo(() => {
    const start = new Date();
    start.setUTCHours(0, 0, 0, 0);
    start.setUTCDate(start.getUTCDate() - days() + 1);
    return start.toISOString();
  });
  const [result, refetch] = createQuery({ query: UsageQuery, variables: () => ({ from: from() }) });
  const usage = () => result.data?.workspaceUsage;
  const activeDays = () => usage()?.days.filter((d) => d.apiCalls + d.pageViews + d.activeUsers > 0) ?? [];
  return (
    <section aria-labelledby="usage-heading">
      <div class="row">
        <h3 id="usage-heading">Workspace usage</h3>
        <div class="field">
          <label for="usage-range">Period</label>
          <select id="usage-range" value={days()} onChange={(e) => setDays(Number(e.currentTarget.value))}>
            <For each={RANGES}>{([value, label]) => <option value={value}>{label}</option>}</For>
          </select>
        </div>
      </div>
      <Show when={result.fetching && !result.data}>
        <Loading label="Loading usage…" />
      </Show>
      <ErrorNotice message={errorMessage(result.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <Show when={usage()}>
        {(u) => (
          <>
            <p class="muted">
              {formatDate(u().from)} – {formatDate(u().to)}
            </p>
            <dl class="stats">
              <div>
                <dt>Active members</dt>
                <dd>{number.format(u().activeUsers)}</dd>
              </div>
              <div>
                <dt>API calls</dt>
                <dd>{number.format(u().apiCalls)}</dd>
              </div>
              <div>
                <dt>Errors</dt>
                <dd>{number.format(u().errors)}</dd>
              </div>
              <div>
                <dt>Page views</dt>
                <dd>{number.format(u().pageViews)}</dd>
              </div>
            </dl>
            <Show when={activeDays().length > 0} fallback={<EmptyState title="No usage recorded in this period." />}>
              <SettingsTable label="By day" captioned headings={['Day', 'Active', 'API calls', 'Errors', 'Page views']} rows={activeDays()}>
                {(d) => (
                  <tr>
                    <td>{formatDate(d.day)}</td>
                    <td>{d.activeUsers}</td>
                    <td>{d.apiCalls}</td>
                    <td>{d.errors}</td>
                    <td>{d.pageViews}</td>
                  </tr>
                )}
              </SettingsTable>
              <Show when={u().operations.length > 0}>
                <SettingsTable label="Most called operations" captioned headings={['Operation', 'Calls', 'Errors', 'Average', 'p95']} rows={u().operations}>
                  {(op) => (
                    <tr>
                      <td>
                        <code>{op.name}</code>
                      </td>
                      <td>{op.calls}</td>
                      <td>{op.errors}</td>
                      <td>{op.averageMs} ms</td>
                      <td>{op.p95Ms} ms</td>
                    </tr>
                  )}
                </SettingsTable>
              </Show>
              <div class="usage-lists">
                <For
                  each={[
                    ['Most used features', u().topFeatures],
                    ['Most viewed pages', u().topPages],
                  ] as const}
                >
                  {([title, list]) => (
                    <div>
                      <h4>{title}</h4>
                      <Show when={list.length > 0} fallback={<p class="muted">None yet.</p>}>
                        <ol class="plain-list">
                          <For each={list}>
                            {(item) => (
                              <li>
                                <code>{item.name}</code> · {number.format(item.count)}
                              </li>
                            )}
                          </For>
                        </ol>
                      </Show>
                    </div>
                  )}
                </For>
              </div>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
};

const MySessions: Component = () => {
  const [result, refetch] = createQuery({ query: SessionsQuery, requestPolicy: 'network-only' });
  const [revocation, revoke] = createMutation(RevokeSession);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const sessions = () => result.data?.me?.sessions ?? [];
  const device = (s: { browser?: string | null; os?: string | null; userAgent?: string | null }) =>
    [s.browser, s.os].filter(Boolean).join(' on ') || s.userAgent || 'Unknown device';
  return (
    <section aria-labelledby="sessions-heading">
      <h3 id="sessions-heading">My sessions</h3>
      <p class="muted">The devices signed in to your account. Sign out any you do not recognise.</p>
      <ErrorNotice message={errorMessage(revocation.error)} />
      <QueryStates result={result} loading="Loading sessions…" onRetry={reload} empty="No sessions." count={sessions().length}>
        <SettingsTable label="My sessions" headings={['Device', 'IP address', 'Started', 'Expires', ACTIONS]} rows={sessions()}>
          {(s) => (
            <tr classList={{ current: s.current }}>
              <td>
                {device(s)}
                <Show when={s.current}>
                  {' '}
                  <span class="badge">This device</span>
                </Show>
              </td>
              <td>{s.ipAddress ?? <span class="muted">Unknown</span>}</td>
              <td>{formatDateTime(s.createdAt)}</td>
              <td>{formatDateTime(s.expiresAt)}</td>
              <td>
                <Show when={!s.current}>
                  <ConfirmButton
                    label="Sign out"
                    hiddenSuffix={device(s)}
                    question="Sign out this device?"
                    confirmLabel="Sign it out"
                    busy={revocation.fetching}
                    onConfirm={() => void revoke({ sessionId: s.id }).then(reload)}
                  />
                </Show>
              </td>
            </tr>
          )}
        </SettingsTable>
      </QueryStates>
    </section>
  );
};

const Usage: Component = () => {
  const session = useSession();
  return (
    <SettingsFrame title={session.can('usage:read') ? 'Usage and sessions' : 'Sessions'}>
      <Show when={session.can('usage:read')}>
        <WorkspaceUsage />
        <AiUsageSummary />
      </Show>
      <MySessions />
    </SettingsFrame>
  );
};

export default Usage;

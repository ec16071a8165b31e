import { createMutation, createQuery } from '@urql/solid';
import { Show, type Component } from 'solid-js';
import { QueryStates } from '../../../components/settings/QueryStates';
import { ACTIONS, SettingsTable } from '../../../components/settings/SettingsTable';
import { ErrorNotice } from '../../../components/States';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { ConfirmButton } from '../parts';

const SessionsQuery = graphql(`
  query MySessions {
    me { id sessions { id browser os ipAddress userAgent createdAt expiresAt current } }
  }
`);
const RevokeSession = graphql(`
  mutation RevokeSession($sessionId: ID!) { revokeSession(sessionId: $sessionId) }
`);

/** The devices signed in to your account, each but this one with a sign-out button. */
export const MySessions: Component = () => {
  const [result, refetch] = createQuery({ query: SessionsQuery });
  const [revocation, revoke] = createMutation(RevokeSession);
  const reload = () => refetch();
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
                    onConfirm={() => void revoke({ sessionId: s.id })}
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

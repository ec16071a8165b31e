import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { Field } from '../../components/Field';
import { SettingsFrame } from '../../components/SettingsNav';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { ROLES } from '../../lib/enums';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime, humanize } from '../../lib/format';
import { useSession } from '../../lib/session';
import { ConfirmButton, Gate, SecretReveal } from './parts';

const ApiKeysQuery = graphql(`
  query ApiKeys($includeRevoked: Boolean) {
    apiKeys(first: 100, includeRevoked: $includeRevoked) {
      edges { node { id name role prefix createdAt expiresAt lastUsedAt lastUsedIp revokedAt createdBy { id name } } }
    }
  }
`);
const CreateKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix } } }
`);
const RotateKey = graphql(`
  mutation RotateApiKey($id: ID!) { rotateApiKey(id: $id) { secret apiKey { id name prefix } } }
`);
const RevokeKey = graphql(`
  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }
`);

const rank = (role: Role) => ROLES.length - ROLES.indexOf(role);

const KeysScreen: Component = () => {
  const session = useSession();
  const [showRevoked, setShowRevoked] = createSignal(false);
  const [result, refetch] = createQuery({ query: ApiKeysQuery, variables: () => ({ includeRevoked: showRevoked() }) });
  const [creation, create] = createMutation(CreateKey);
  const [rotation, rotate] = createMutation(RotateKey);
  const [revocation, revoke] = createMutation(RevokeKey);
  const [name, setName] = createSignal('');
  const [role, setRole] = createSignal<Role>('MEMBER');
  const [expiry, setExpiry] = createSignal('');
  const [issued, setIssued] = createSignal<{ name: string; secret: string; rotated: boolean } | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const myRole = () => session.workspace()?.viewerRole ?? 'VIEWER';
  const roles = () => ROLES.filter((r) => r !== 'OWNER' && rank(r) <= rank(myRole()));
  const keys = () => result.data?.apiKeys.edges.map((e) => e.node) ?? [];
  const minDate = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  return (
    <>
      <p class="muted">
        Keys let integrations use the API with <code>Authorization: Bearer &lt;secret&gt;</code>. A key acts for the person who created it, capped at its role.
      </p>
      <Show when={issued()}>
        {(shown) => (
          <SecretReveal label={`Secret of “${shown().name}”`} secret={shown().secret} onDone={() => setIssued(null)}>
            {shown().rotated ? 'The previous secret of this key has stopped working.' : ''}
          </SecretReveal>
        )}
      </Show>
      <ErrorNotice message={errorMessage(rotation.error) ?? errorMessage(revocation.error)} />

      <div class="toolbar">
        <label class="check">
          <input type="checkbox" checked={showRevoked()} onChange={(e) => setShowRevoked(e.currentTarget.checked)} />
          Show revoked keys
        </label>
      </div>
      <Show when={result.fetching && !result.data}>
        <Loading label="Loading API keys…" />
      </Show>
      <ErrorNotice message={errorMessage(result.error)} onRetry={reload} />
      <Show when={result.data}>
        <Show when={keys().length > 0} fallback={<EmptyState title="No API keys yet." />}>
          <div class="table-wrap">
            <table class="members settings-table">
              <caption class="visually-hidden">API keys</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Prefix</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={keys()}>
                  {(key) => (
                    <tr classList={{ revoked: Boolean(key.revokedAt) }}>
                      <td>
                        {key.name}
                        <br />
                        <span class="muted">
                          by {key.createdBy.name}, {formatDate(key.createdAt)}
                        </span>
                      </td>
                      <td>{humanize(key.role)}</td>
                      <td>
                        <code>{key.prefix}…</code>
                      </td>
                      <td>
                        <Show when={key.lastUsedAt} fallback={<span class="muted">Never</span>}>
                          {formatDateTime(key.lastUsedAt)}
                          <Show when={key.lastUsedIp}>
                            <br />
                            <span class="muted">from {key.lastUsedIp}</span>
                          </Show>
                        </Show>
                      </td>
                      <td>{key.expiresAt ? formatDate(key.expiresAt) : <span class="muted">Never</span>}</td>
                      <td class="actions">
                        <Show when={!key.revokedAt} fallback={<span class="muted">Revoked {formatDate(key.revokedAt)}</span>}>
                          <ConfirmButton
                            label="Rotate"
                            hiddenSuffix={key.name}
                            question={`Replace the secret of ${key.name}? The old one stops working at once.`}
                            confirmLabel="Rotate secret"
                            busy={rotation.fetching}
                            onConfirm={async () => {
                              const done = await rotate({ id: key.id });
                              if (done.data) setIssued({ name: done.data.rotateApiKey.apiKey.name, secret: done.data.rotateApiKey.secret, rotated: true });
                              reload();
                            }}
                          />{' '}
                          <ConfirmButton
                            label="Revoke"
                            hiddenSuffix={key.name}
                            question={`Revoke ${key.name}? Integrations using it stop working at once.`}
                            confirmLabel="Revoke key"
                            busy={revocation.fetching}
                            onConfirm={() => void revoke({ id: key.id }).then(reload)}
                          />
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Show>

      <form
        class="stack narrow"
        aria-labelledby="new-key-heading"
        onSubmit={async (event) => {
          event.preventDefault();
          const expiresAt = expiry() ? new Date(`${expiry()}T23:59:59`).toISOString() : null;
          const done = await create({ input: { name: name().trim(), role: role(), expiresAt } });
          if (!done.data) return;
          setIssued({ name: done.data.createApiKey.apiKey.name, secret: done.data.createApiKey.secret, rotated: false });
          setName('');
          setExpiry('');
          reload();
        }}
      >
        <h3 id="new-key-heading">Create a key</h3>
        <Field label="Key name" required maxLength={100} value={name()} onInput={(e) => setName(e.currentTarget.value)} hint="What uses it, e.g. “Billing sync”." />
        <div class="field">
          <label for="key-role">Key role</label>
          <select id="key-role" value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <For each={roles()}>{(r) => <option value={r}>{humanize(r)}</option>}</For>
          </select>
        </div>
        <Field label="Expires on (optional)" type="date" min={minDate} value={expiry()} onInput={(e) => setExpiry(e.currentTarget.value)} />
        <ErrorNotice message={errorMessage(creation.error)} />
        <button type="submit" class="primary" disabled={creation.fetching}>
          Create key
        </button>
      </form>
    </>
  );
};

const ApiKeys: Component = () => (
  <SettingsFrame title="API keys">
    <Gate permission="apiKeys:manage" what="API keys">
      <KeysScreen />
    </Gate>
  </SettingsFrame>
);

export default ApiKeys;

import { createMutation, createQuery } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { Field, humanized, SelectField } from '../../components/Field';
import { QueryStates } from '../../components/settings/QueryStates';
import { SettingsForm } from '../../components/settings/SettingsForm';
import { ACTIONS, SettingsTable } from '../../components/settings/SettingsTable';
import { ErrorNotice } from '../../components/States';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { rolesUpTo } from '../../lib/enums';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime, humanize } from '../../lib/format';
import { useSession } from '../../lib/session';
import { ConfirmButton, gatedScreen, SecretReveal } from './parts';

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
  const reload = () => refetch();
  const myRole = () => session.workspace()?.viewerRole ?? 'VIEWER';
  const roles = () => rolesUpTo(myRole()).filter((r) => r !== 'OWNER');
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
      <QueryStates result={result} loading="Loading API keys…" onRetry={reload} empty="No API keys yet." count={keys().length}>
        <SettingsTable label="API keys" headings={['Name', 'Role', 'Prefix', 'Last used', 'Expires', ACTIONS]} rows={keys()}>
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
                    }}
                  />{' '}
                  <ConfirmButton
                    label="Revoke"
                    hiddenSuffix={key.name}
                    question={`Revoke ${key.name}? Integrations using it stop working at once.`}
                    confirmLabel="Revoke key"
                    busy={revocation.fetching}
                    onConfirm={() => void revoke({ id: key.id })}
                  />
                </Show>
              </td>
            </tr>
          )}
        </SettingsTable>
      </QueryStates>

      <SettingsForm
        heading="Create a key"
        submit="Create key"
        state={creation}
        onSubmit={async () => {
          const expiresAt = expiry() ? new Date(`${expiry()}T23:59:59`).toISOString() : null;
          const done = await create({ input: { name: name().trim(), role: role(), expiresAt } });
          if (!done.data) return;
          setIssued({ name: done.data.createApiKey.apiKey.name, secret: done.data.createApiKey.secret, rotated: false });
          setName('');
          setExpiry('');
        }}
      >
        <Field
          label="Key name"
          required
          maxLength={100}
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          hint="What uses it, e.g. “Billing sync”."
        />
        <SelectField id="key-role" label="Key role" value={role()} options={humanized(roles())} onChange={(r) => setRole(r as Role)} />
        <Field label="Expires on (optional)" type="date" min={minDate} value={expiry()} onInput={(e) => setExpiry(e.currentTarget.value)} />
      </SettingsForm>
    </>
  );
};

export default gatedScreen({ title: 'API keys', permission: 'apiKeys:manage', what: 'API keys' }, KeysScreen);

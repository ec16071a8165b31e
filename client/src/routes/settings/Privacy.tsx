import { useNavigate } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { Field } from '../../components/Field';
import { SettingsFrame } from '../../components/SettingsNav';
import { ErrorNotice } from '../../components/States';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { restartSession, selectWorkspace } from '../../lib/workspace';

const ExportData = graphql(`
  mutation RequestMyDataExport { requestMyDataExport }
`);
const DeleteAccount = graphql(`
  mutation DeleteMyAccount($password: String!) { deleteMyAccount(password: $password) }
`);
const DeleteWorkspace = graphql(`
  mutation RequestWorkspaceDeletion($confirmName: String!, $password: String!, $workspaceId: ID) {
    requestWorkspaceDeletion(confirmName: $confirmName, password: $password, workspaceId: $workspaceId)
  }
`);
const PendingQuery = graphql(`
  query WorkspacesPendingDeletion { workspacesPendingDeletion { workspaceId name purgeAfter } }
`);
const CancelDeletion = graphql(`
  mutation CancelWorkspaceDeletion($workspaceId: ID!) { cancelWorkspaceDeletion(workspaceId: $workspaceId) }
`);

function download(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const ExportSection: Component = () => {
  const [state, requestExport] = createMutation(ExportData);
  const [done, setDone] = createSignal(false);
  return (
    <section aria-labelledby="export-heading" class="stack narrow">
      <h3 id="export-heading">Export my data</h3>
      <p class="muted">Your profile, preferences, memberships, sessions, usage and security log, as a JSON file.</p>
      <ErrorNotice message={errorMessage(state.error)} />
      <Show when={done()}>
        <p role="status">Your export was downloaded.</p>
      </Show>
      <div>
        <button
          type="button"
          disabled={state.fetching}
          onClick={async () => {
            setDone(false);
            const result = await requestExport({});
            if (!result.data) return;
            download(`kith-my-data-${new Date().toISOString().slice(0, 10)}.json`, result.data.requestMyDataExport);
            setDone(true);
          }}
        >
          {state.fetching ? 'Preparing…' : 'Export my data'}
        </button>
      </div>
    </section>
  );
};

const PendingDeletions: Component = () => {
  const [result, refetch] = createQuery({ query: PendingQuery, requestPolicy: 'network-only' });
  const [cancel, cancelDeletion] = createMutation(CancelDeletion);
  const session = useSession();
  return (
    <Show when={(result.data?.workspacesPendingDeletion.length ?? 0) > 0 || result.error}>
      <section aria-labelledby="pending-heading" class="stack narrow">
        <h3 id="pending-heading">Workspaces scheduled for deletion</h3>
        <ErrorNotice message={errorMessage(result.error) ?? errorMessage(cancel.error)} />
        <ul class="plain-list">
          <For each={result.data?.workspacesPendingDeletion ?? []}>
            {(pending) => (
              <li>
                {pending.name}: purged on {formatDateTime(pending.purgeAfter)}{' '}
                <button
                  type="button"
                  disabled={cancel.fetching}
                  onClick={async () => {
                    const done = await cancelDeletion({ workspaceId: pending.workspaceId });
                    if (done.error) return;
                    refetch({ requestPolicy: 'network-only' });
                    session.refetch();
                  }}
                >
                  Cancel deletion<span class="visually-hidden"> of {pending.name}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
};

const WorkspaceDeletion: Component = () => {
  const session = useSession();
  const navigate = useNavigate();
  const [state, requestDeletion] = createMutation(DeleteWorkspace);
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const workspaceName = () => session.workspace()?.name ?? '';
  return (
    <form
      class="stack narrow danger-zone"
      aria-labelledby="delete-workspace-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const workspace = session.workspace();
        if (!workspace) return;
        const result = await requestDeletion({ confirmName: name(), password: password(), workspaceId: workspace.id });
        if (result.error) return;
        setPassword('');
        selectWorkspace(null);
        navigate('/settings/privacy', { replace: true });
        restartSession();
      }}
    >
      <h3 id="delete-workspace-heading">Delete the workspace “{workspaceName()}”</h3>
      <p class="muted">
        The workspace closes at once for every member and is purged after a grace period. Until then any owner can cancel from this page.
      </p>
      <Field
        label={`Type the workspace name (${workspaceName()}) to confirm`}
        required
        autocomplete="off"
        value={name()}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <Field label="Your password" id="delete-workspace-password" type="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      <ErrorNotice message={errorMessage(state.error)} />
      <div>
        <button type="submit" class="danger" disabled={state.fetching || name() !== workspaceName()}>
          Delete this workspace
        </button>
      </div>
    </form>
  );
};

const AccountDeletion: Component = () => {
  const navigate = useNavigate();
  const [state, deleteAccount] = createMutation(DeleteAccount);
  const [password, setPassword] = createSignal('');
  const [sure, setSure] = createSignal(false);
  return (
    <form
      class="stack narrow danger-zone"
      aria-labelledby="delete-account-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await deleteAccount({ password: password() });
        if (result.error) return;
        selectWorkspace(null);
        navigate('/sign-in', { replace: true });
        restartSession();
      }}
    >
      <h3 id="delete-account-heading">Delete my account</h3>
      <p class="muted">
        You are signed out and leave every workspace now; your personal data is wiped after a short delay. If you are the only owner of a workspace, hand it over or delete it first.
      </p>
      <Field label="Password" id="delete-account-password" type="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      <label class="check">
        <input type="checkbox" checked={sure()} onChange={(e) => setSure(e.currentTarget.checked)} />
        I understand this cannot be undone.
      </label>
      <ErrorNotice message={errorMessage(state.error)} />
      <div>
        <button type="submit" class="danger" disabled={state.fetching || !sure()}>
          Delete my account
        </button>
      </div>
    </form>
  );
};

const Privacy: Component = () => {
  const session = useSession();
  return (
    <SettingsFrame title="Privacy">
      <div class="stack">
        <ExportSection />
        <PendingDeletions />
        <Show when={session.can('workspace:delete')}>
          <WorkspaceDeletion />
        </Show>
        <AccountDeletion />
      </div>
    </SettingsFrame>
  );
};

export default Privacy;

import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, type Component } from 'solid-js';
import { Field, PasswordField } from '../../../components/Field';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../lib/errors';
import { useSession } from '../../../lib/session';
import { restartSession, selectWorkspace } from '../../../lib/workspace';
import { DangerForm } from './DangerForm';

const DeleteWorkspace = graphql(`
  mutation RequestWorkspaceDeletion($confirmName: String!, $password: String!, $workspaceId: ID) {
    requestWorkspaceDeletion(confirmName: $confirmName, password: $password, workspaceId: $workspaceId)
  }
`);

/** Schedules the current workspace for deletion, once its name is typed and the password given. */
export const WorkspaceDeletion: Component = () => {
  const session = useSession();
  const navigate = useNavigate();
  const [state, requestDeletion] = createMutation(DeleteWorkspace);
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const workspaceName = () => session.workspace()?.name ?? '';
  return (
    <DangerForm
      id="delete-workspace-heading"
      heading={<>Delete the workspace “{workspaceName()}”</>}
      explanation="The workspace closes at once for every member and is purged after a grace period. Until then any owner can cancel from this page."
      submit="Delete this workspace"
      disabled={state.fetching || name() !== workspaceName()}
      error={errorMessage(state.error)}
      onSubmit={async () => {
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
      <Field
        label={`Type the workspace name (${workspaceName()}) to confirm`}
        required
        autocomplete="off"
        value={name()}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <PasswordField label="Your password" id="delete-workspace-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
    </DangerForm>
  );
};

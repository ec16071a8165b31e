import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, type Component } from 'solid-js';
import { PasswordField } from '../../../components/Field';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../lib/errors';
import { restartSession, selectWorkspace } from '../../../lib/workspace';
import { DangerForm } from './DangerForm';

const DeleteAccount = graphql(`
  mutation DeleteMyAccount($password: String!) { deleteMyAccount(password: $password) }
`);

/** Deletes your account after the password and an explicit "I understand". */
export const AccountDeletion: Component = () => {
  const navigate = useNavigate();
  const [state, deleteAccount] = createMutation(DeleteAccount);
  const [password, setPassword] = createSignal('');
  const [sure, setSure] = createSignal(false);
  return (
    <DangerForm
      id="delete-account-heading"
      heading="Delete my account"
      explanation="You are signed out and leave every workspace now; your personal data is wiped after a short delay. If you are the only owner of a workspace, hand it over or delete it first."
      submit="Delete my account"
      disabled={state.fetching || !sure()}
      error={errorMessage(state.error)}
      onSubmit={async () => {
        const result = await deleteAccount({ password: password() });
        if (result.error) return;
        selectWorkspace(null);
        navigate('/sign-in', { replace: true });
        restartSession();
      }}
    >
      <PasswordField label="Password" id="delete-account-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      <label class="check">
        <input type="checkbox" checked={sure()} onChange={(e) => setSure(e.currentTarget.checked)} />I understand this cannot be undone.
      </label>
    </DangerForm>
  );
};

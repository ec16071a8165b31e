import { A, useSearchParams } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { AuthPage } from '../../components/AuthPage';
import { Field } from '../../components/Field';
import { FormSubmit } from '../../components/FormActions';
import { graphql } from '../../gql';
import { useSession } from '../../lib/session';

const Reset = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

const ResetPassword: Component = () => {
  const [params] = useSearchParams();
  const session = useSession();
  const [state, reset] = createMutation(Reset);
  const [password, setPassword] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await reset({ token: String(params.token ?? ''), newPassword: password() });
    // Every session ends with a reset, this one included.
    if (!result.error) session.refetch();
  };
  return (
    <AuthPage title="Choose a new password">
      <Show when={!state.data} fallback={<p role="status">Your password is changed. Sign in with it on each of your devices.</p>}>
        <form onSubmit={submit} class="stack">
          <Field
            label="New password"
            type="password"
            autocomplete="new-password"
            required
            minLength={10}
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <FormSubmit state={state}>Change password</FormSubmit>
        </form>
      </Show>
      <p class="aside">
        <A href="/sign-in">Sign in</A>
      </p>
    </AuthPage>
  );
};

export default ResetPassword;

import { A } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { AuthPage } from '../../components/AuthPage';
import { Field } from '../../components/Field';
import { FormSubmit } from '../../components/FormActions';
import { graphql } from '../../gql';

const RequestReset = graphql(`
  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }
`);

const ForgotPassword: Component = () => {
  const [state, requestReset] = createMutation(RequestReset);
  const [email, setEmail] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    await requestReset({ email: email() });
  };
  return (
    <AuthPage title="Reset your password">
      <Show when={!state.data} fallback={<p role="status">If an account exists for {email()}, a reset link is on its way. It lasts one hour.</p>}>
        <form onSubmit={submit} class="stack">
          <Field label="Email" type="email" autocomplete="email" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
          <FormSubmit state={state}>Send reset link</FormSubmit>
        </form>
      </Show>
      <p class="aside">
        <A href="/sign-in">Back to sign in</A>
      </p>
    </AuthPage>
  );
};

export default ForgotPassword;

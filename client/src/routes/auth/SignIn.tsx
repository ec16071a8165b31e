import { A, useSearchParams } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, type Component } from 'solid-js';
import { AuthPage, useEnterKith } from '../../components/AuthPage';
import { Field, PasswordField } from '../../components/Field';
import { FormSubmit } from '../../components/FormActions';
import { graphql } from '../../gql';
import { safeNext } from '../../lib/navigation';

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) { id }
  }
`);

const SignIn: Component = () => {
  const [params] = useSearchParams();
  const enterKith = useEnterKith();
  const [state, signIn] = createMutation(SignInMutation);
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await signIn({ email: email(), password: password() });
    if (!result.error) enterKith();
  };

  return (
    <AuthPage title="Sign in">
      <form onSubmit={submit} class="stack">
        <Field label="Email" type="email" autocomplete="email" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        <PasswordField label="Password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
        <FormSubmit state={state}>{state.fetching ? 'Signing in…' : 'Sign in'}</FormSubmit>
      </form>
      <p class="aside">
        <A href="/forgot-password">Forgot your password?</A> · New to Kith?{' '}
        <A href={`/sign-up${params.next ? `?next=${encodeURIComponent(safeNext(params.next))}` : ''}`}>Create an account</A>
      </p>
    </AuthPage>
  );
};

export default SignIn;

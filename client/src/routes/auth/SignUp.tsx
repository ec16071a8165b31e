import { A } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { AuthPage, useEnterKith } from '../../components/AuthPage';
import { Field } from '../../components/Field';
import { FormSubmit } from '../../components/FormActions';
import { graphql } from '../../gql';

const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { id }
  }
`);

const MINIMUM_AGE = 16;

/** Sign-up with the 16+ rule: a birth date (checked by the server, never stored) or an explicit confirmation. */
const SignUp: Component = () => {
  const enterKith = useEnterKith();
  const [state, signUp] = createMutation(SignUpMutation);
  const [form, setForm] = createSignal({ name: '', email: '', password: '', workspaceName: '', birthDate: '' });
  const [confirmAge, setConfirmAge] = createSignal(false);
  const set = (key: keyof ReturnType<typeof form>) => (event: { currentTarget: HTMLInputElement }) => setForm({ ...form(), [key]: event.currentTarget.value });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    // The server checks the age (and refuses under-16s); the birth date is never stored.
    const { birthDate, ...rest } = form();
    const input = { ...rest, ...(birthDate ? { birthDate } : { confirmAge16OrOlder: confirmAge() }) };
    const result = await signUp({ input });
    if (!result.error) enterKith();
  };

  return (
    <AuthPage title="Create your account">
      <form onSubmit={submit} class="stack">
        <Field label="Your name" autocomplete="name" required value={form().name} onInput={set('name')} />
        <Field label="Email" type="email" autocomplete="email" required value={form().email} onInput={set('email')} />
        <Field
          label="Password"
          type="password"
          autocomplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters; a few unrelated words work well."
          value={form().password}
          onInput={set('password')}
        />
        <Field
          label="Workspace name"
          required
          hint="Your team or company; you can add more later."
          value={form().workspaceName}
          onInput={set('workspaceName')}
        />
        <fieldset class="age">
          <legend>Age</legend>
          <Field
            label="Birth date"
            type="date"
            hint="Used once to check you are 16 or older; never stored."
            value={form().birthDate}
            onInput={set('birthDate')}
          />
          <Show when={!form().birthDate}>
            <label class="check">
              <input type="checkbox" checked={confirmAge()} onChange={(e) => setConfirmAge(e.currentTarget.checked)} />
              Or: I confirm I am {MINIMUM_AGE} or older
            </label>
          </Show>
        </fieldset>
        <FormSubmit state={state}>{state.fetching ? 'Creating your account…' : 'Create account'}</FormSubmit>
      </form>
      <p class="aside">
        Already have an account? <A href="/sign-in">Sign in</A>
      </p>
    </AuthPage>
  );
};

export default SignUp;

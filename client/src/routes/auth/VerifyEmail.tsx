import { A, useSearchParams } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { Match, onMount, Switch, type Component } from 'solid-js';
import { AuthPage } from '../../components/AuthPage';
import { ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../lib/session';

const Verify = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) { id emailVerified }
  }
`);

/** Opened from the email link; works signed in or out. */
const VerifyEmail: Component = () => {
  const [params] = useSearchParams();
  const session = useSession();
  const [state, verify] = createMutation(Verify);
  const token = () => (typeof params.token === 'string' ? params.token : '');

  // Solid does not await onMount; the callback handles its own failures.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  onMount(async () => {
    if (!token()) return;
    const result = await verify({ token: token() });
    if (!result.error) session.refetch();
  });

  return (
    <AuthPage title="Confirm your email">
      <Switch fallback={<Loading label="Confirming your email…" />}>
        <Match when={!token()}>
          <ErrorNotice message="This link has no token. Open the link from the email again." />
        </Match>
        <Match when={state.error}>
          <ErrorNotice message={errorMessage(state.error)} />
          <p class="aside">Links last 24 hours and work once. Sign in to ask for a new one.</p>
        </Match>
        <Match when={state.data}>
          <p role="status">Your email address is confirmed.</p>
          <A class="button primary" href={session.me() ? '/contacts' : '/sign-in'}>
            {session.me() ? 'Go to Kith' : 'Sign in'}
          </A>
        </Match>
      </Switch>
    </AuthPage>
  );
};

export default VerifyEmail;

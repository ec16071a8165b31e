import { A, useSearchParams } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { Match, onMount, type Component } from 'solid-js';
import { EmailLinkPage } from '../../components/AuthPage';
import { ErrorNotice } from '../../components/States';
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
    <EmailLinkPage title="Confirm your email" token={token()} loading="Confirming your email…">
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
    </EmailLinkPage>
  );
};

export default VerifyEmail;

import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { Match, Show, type Component } from 'solid-js';
import { EmailLinkPage } from '../../components/AuthPage';
import { ErrorNotice } from '../../components/States';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { formatDate, humanize } from '../../lib/format';
import { useSession } from '../../lib/session';

const Preview = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) { email workspaceName inviterName role expiresAt }
  }
`);

const Accept = graphql(`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) { id workspace { id name } }
  }
`);

/** Shows what the link offers and joins; signed-out visitors sign in or sign up and come back here. */
const AcceptInvitation: Component = () => {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const token = () => String(params.token ?? '');
  // The preview needs a session too: signed-out visitors first sign in or sign up and come back here.
  const [preview] = createQuery({ query: Preview, variables: () => ({ token: token() }), pause: () => !token() || !session.me() });
  const [state, accept] = createMutation(Accept);
  const here = () => `/invitations/accept?token=${encodeURIComponent(token())}`;

  const join = async () => {
    const result = await accept({ token: token() });
    const workspace = result.data?.acceptInvitation.workspace;
    if (!workspace) return;
    navigate('/contacts', { replace: true });
    await session.switchTo(workspace.id);
  };

  return (
    <EmailLinkPage title="Join a workspace" token={token()} loading="Opening the invitation…">
      <Match when={session.me() === null}>
        <p>You have been invited to a Kith workspace. Sign in, or create an account with the invited email address, to see it and join.</p>
        <p>
          <A class="button primary" href={`/sign-in?next=${encodeURIComponent(here())}`}>
            Sign in to accept
          </A>{' '}
          <A href={`/sign-up?next=${encodeURIComponent(here())}`}>Create an account</A>
        </p>
      </Match>
      <Match when={preview.error}>
        <ErrorNotice message={errorMessage(preview.error)} />
      </Match>
      <Match when={preview.data?.invitation}>
        {(invitation) => (
          <div class="stack">
            <p>
              {invitation().inviterName ?? 'A member'} invited <strong>{invitation().email}</strong> to <strong>{invitation().workspaceName}</strong> as{' '}
              {humanize(invitation().role).toLowerCase()}. The invitation lasts until {formatDate(invitation().expiresAt)}.
            </p>
            <Show when={!session.me()?.emailVerified}>
              <p class="muted">Confirm your email address first: open the link we sent to {session.me()?.email}.</p>
            </Show>
            <ErrorNotice message={errorMessage(state.error)} />
            <button type="button" class="primary" disabled={state.fetching} onClick={join}>
              Join {invitation().workspaceName}
            </button>
          </div>
        )}
      </Match>
    </EmailLinkPage>
  );
};

export default AcceptInvitation;

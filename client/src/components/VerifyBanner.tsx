import { createMutation } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';

const Resend = graphql(`
  mutation ResendVerification { resendVerificationEmail }
`);

export const VerifyBanner: Component<{ email: string }> = (props) => {
  const [state, resend] = createMutation(Resend);
  const [sent, setSent] = createSignal(false);
  const send = async () => {
    const result = await resend({});
    if (!result.error) setSent(true);
  };
  return (
    <div class="banner" role="status">
      <span>Confirm your email address: we sent a link to {props.email}.</span>
      <Show when={!sent()} fallback={<span> A new link is on its way.</span>}>
        <button type="button" class="link-button" disabled={state.fetching} onClick={send}>
          Send it again
        </button>
      </Show>
      <Show when={state.error}>
        <span class="error-text"> {errorMessage(state.error)}</span>
      </Show>
    </div>
  );
};

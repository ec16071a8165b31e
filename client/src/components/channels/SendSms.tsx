import { createMutation } from '@urql/solid';
import { type Component } from 'solid-js';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { Field } from '../Field';
import { FormActions } from '../FormActions';
import { targetInput, type MessageTarget } from './target';

const Send = graphql(`
  mutation SendSms($input: SendSmsInput!) { sendSms(input: $input) { id } }
`);

interface Props {
  target: MessageTarget;
  /** The number to answer, and a text to start from (an AI draft). */
  to?: string;
  body?: string;
  onSent: () => void;
  onClose: () => void;
}

/** Sends an SMS from the workspace's Twilio number; the contact's first number unless another is given. */
export const SendSms: Component<Props> = (props) => {
  const [state, send] = createMutation(Send);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const to = String(form.get('to') ?? '').trim();
    const result = await send({
      input: {
        to: to || null,
        body: String(form.get('body') ?? ''),
        ...targetInput(props.target),
      },
    });
    if (result.error) return;
    props.onSent();
  };
  return (
    <form class="stack panel-inline" aria-label="Send an SMS" onSubmit={submit}>
      <Field id="sms-to" label="Number" name="to" type="tel" value={props.to ?? ''} hint="Leave empty to text the contact's number." />
      <div class="field">
        <label for="sms-body">Message</label>
        <textarea id="sms-body" name="body" rows={3} maxLength={1600} value={props.body ?? ''} required />
      </div>
      <FormActions submit="Send SMS" busy={state.fetching} error={errorMessage(state.error)} onCancel={() => props.onClose()} />
    </form>
  );
};

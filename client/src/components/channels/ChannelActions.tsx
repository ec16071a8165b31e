import { createQuery } from '@urql/solid';
import { createSignal, Match, Show, Switch, type Component } from 'solid-js';
import { graphql } from '../../gql';
import { SendEmail, type ReplyTo } from './SendEmail';
import { SendSms } from './SendSms';

export const ChannelsStatusQuery = graphql(`
  query ChannelsStatus { channelsStatus { emailSending sms } }
`);

interface Props {
  target: { contactId?: string; companyId?: string; dealId?: string };
  replyTo: ReplyTo | null;
  onReplyDone: () => void;
  onSent: () => void;
}

/** "Send email" and "Send SMS" on a record, shown only where the channel is set up for this member. */
export const ChannelActions: Component<Props> = (props) => {
  const [status] = createQuery({ query: ChannelsStatusQuery });
  const [open, setOpen] = createSignal<'email' | 'sms' | null>(null);
  const mode = () => (props.replyTo ? 'email' : open());
  const close = () => {
    setOpen(null);
    props.onReplyDone();
  };
  const sent = () => {
    close();
    props.onSent();
  };
  return (
    <Show when={status.data?.channelsStatus.emailSending || status.data?.channelsStatus.sms}>
      <div class="channel-actions">
        <div class="row">
          <Show when={status.data?.channelsStatus.emailSending}>
            <button type="button" aria-expanded={mode() === 'email'} onClick={() => setOpen(mode() === 'email' ? null : 'email')}>
              Send email
            </button>
          </Show>
          <Show when={status.data?.channelsStatus.sms}>
            <button type="button" aria-expanded={mode() === 'sms'} onClick={() => setOpen(mode() === 'sms' ? null : 'sms')}>
              Send SMS
            </button>
          </Show>
        </div>
        <Switch>
          <Match when={mode() === 'email'}>
            <SendEmail target={props.target} replyTo={props.replyTo} onSent={sent} onClose={close} />
          </Match>
          <Match when={mode() === 'sms'}>
            <SendSms target={props.target} onSent={sent} onClose={close} />
          </Match>
        </Switch>
      </div>
    </Show>
  );
};

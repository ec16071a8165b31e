import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { graphql } from '../../gql';
import type { TimelineEntryFragment } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { Field } from '../Field';
import { FormActions } from '../FormActions';
import { targetInput, type MessageTarget } from './target';

const Templates = graphql(`
  query EmailTemplatesForCompose { emailTemplates { id name subject body } }
`);
const Send = graphql(`
  mutation SendEmail($input: SendEmailInput!) { sendEmail(input: $input) { id } }
`);

export interface ReplyTo {
  id: string;
  to: string;
  subject: string | null;
}

type Message = Extract<TimelineEntryFragment, { __typename?: 'Communication' }>;

/** Answering a message: to whoever wrote it (or, for one of ours, to whom we wrote). */
export const replyToOf = (message: Message): ReplyTo => ({
  id: message.id,
  to: message.direction === 'INBOUND' ? (message.fromAddress ?? '') : message.toAddresses.join(', '),
  subject: message.messageSubject ?? message.email?.subject ?? null,
});

interface Props {
  target: MessageTarget;
  /** Set to answer an email: In-Reply-To and References follow on the server. */
  replyTo?: ReplyTo | null;
  /** A text to start from (an AI draft the member edited), and to whom when it is not a reply in a thread. */
  draft?: { to?: string; subject: string | null; body: string } | null;
  onSent: () => void;
  onClose: () => void;
}

/** Writes and sends an email from the record through the member's (or workspace's) SMTP account. */
export const SendEmail: Component<Props> = (props) => {
  const [templates] = createQuery({ query: Templates });
  const [state, send] = createMutation(Send);
  const [templateId, setTemplateId] = createSignal('');
  const chosen = () => templates.data?.emailTemplates.find((t) => t.id === templateId());

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const list = (name: string) =>
      text(name)
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
    const result = await send({
      input: {
        to: list('to'),
        cc: list('cc'),
        subject: text('subject') || null,
        body: text('body') || null,
        templateId: templateId() || null,
        replyToId: props.replyTo?.id ?? null,
        ...targetInput(props.target),
      },
    });
    if (result.error) return;
    props.onSent();
  };

  return (
    <form class="stack panel-inline" aria-label={props.replyTo ? 'Reply by email' : 'Send an email'} onSubmit={submit}>
      <Field id="email-to" label="To" name="to" required value={props.replyTo?.to ?? props.draft?.to ?? ''} hint="Addresses separated by commas." />
      <Field id="email-cc" label="Cc" name="cc" />
      <Show when={(templates.data?.emailTemplates.length ?? 0) > 0 && !props.replyTo}>
        <div class="field">
          <label for="email-template">Template</label>
          <select id="email-template" value={templateId()} onChange={(e) => setTemplateId(e.currentTarget.value)}>
            <option value="">None</option>
            <For each={templates.data?.emailTemplates ?? []}>{(t) => <option value={t.id}>{t.name}</option>}</For>
          </select>
        </div>
      </Show>
      <Field
        id="email-subject"
        label="Subject"
        name="subject"
        value={props.draft?.subject ?? ''}
        placeholder={chosen()?.subject ?? (props.replyTo ? `Re: ${props.replyTo.subject ?? ''}` : '')}
      />
      <div class="field">
        <label for="email-body">Message</label>
        <textarea
          id="email-body"
          name="body"
          rows={6}
          value={props.draft?.body ?? ''}
          required={!templateId()}
          placeholder={chosen()?.body ?? ''}
          aria-describedby="email-body-hint"
        />
        <small id="email-body-hint" class="hint">
          Merge fields such as {'{{contact.firstName}}'} and {'{{sender.name}}'} are filled in when sent.
        </small>
      </div>
      <FormActions submit="Send email" busy={state.fetching} error={errorMessage(state.error)} onCancel={() => props.onClose()} />
    </form>
  );
};

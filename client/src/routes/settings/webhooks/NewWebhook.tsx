import { createMutation } from '@urql/solid';
import { createSignal, type Component } from 'solid-js';
import { Field } from '../../../components/Field';
import { SettingsForm } from '../../../components/settings/SettingsForm';
import { graphql } from '../../../gql';
import type { IssuedSecret } from './webhook-actions';

const CreateWebhook = graphql(`
  mutation CreateWebhook($url: String!, $eventTypes: [String!]) {
    createWebhook(url: $url, eventTypes: $eventTypes) { secret webhook { id url } }
  }
`);

/** Adds a webhook; its signing secret goes to `onCreated`, to be shown once. */
export const NewWebhook: Component<{ onCreated: (secret: IssuedSecret) => void }> = (props) => {
  const [creation, create] = createMutation(CreateWebhook);
  const [url, setUrl] = createSignal('');
  const [events, setEvents] = createSignal('');
  return (
    <SettingsForm
      heading="Add a webhook"
      submit="Add webhook"
      state={creation}
      onSubmit={async () => {
        const eventTypes = events()
          .split(/[\s,]+/)
          .filter(Boolean);
        const done = await create({ url: url().trim(), eventTypes });
        if (!done.data) return;
        setUrl('');
        setEvents('');
        props.onCreated({ url: done.data.createWebhook.webhook.url, secret: done.data.createWebhook.secret });
      }}
    >
      <Field label="Endpoint URL" type="url" required placeholder="https://example.com/kith" value={url()} onInput={(e) => setUrl(e.currentTarget.value)} />
      <Field
        label="Event types"
        value={events()}
        placeholder="contact.created, deal.stage_moved"
        hint="Separated by commas. Leave empty to receive every event."
        onInput={(e) => setEvents(e.currentTarget.value)}
      />
    </SettingsForm>
  );
};

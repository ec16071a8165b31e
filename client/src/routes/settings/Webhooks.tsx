import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { Field } from '../../components/Field';
import { SettingsFrame } from '../../components/SettingsNav';
import { QueryStates } from '../../components/settings/QueryStates';
import { SettingsForm } from '../../components/settings/SettingsForm';
import { ACTIONS, SettingsTable } from '../../components/settings/SettingsTable';
import { ErrorNotice } from '../../components/States';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime, humanize } from '../../lib/format';
import { ConfirmButton, Gate, SecretReveal } from './parts';

const WebhooksQuery = graphql(`
  query Webhooks {
    webhooks(first: 100) { edges { node { id url eventTypes isActive createdAt } } }
  }
`);
const DeliveriesQuery = graphql(`
  query WebhookDeliveries($id: ID!) {
    node(id: $id) {
      id
      ... on Webhook {
        deliveries(first: 25) {
          edges { node { id eventType status responseStatus responseMs attempts error createdAt deliveredAt } }
        }
      }
    }
  }
`);
const CreateWebhook = graphql(`
  mutation CreateWebhook($url: String!, $eventTypes: [String!]) {
    createWebhook(url: $url, eventTypes: $eventTypes) { secret webhook { id url } }
  }
`);
const UpdateWebhook = graphql(`
  mutation SetWebhookActive($id: ID!, $isActive: Boolean) { updateWebhook(id: $id, isActive: $isActive) { id isActive } }
`);
const RotateSecret = graphql(`
  mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { id url } } }
`);
const DeleteWebhook = graphql(`
  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) }
`);
const Redeliver = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) { redeliverWebhook(deliveryId: $deliveryId) { id status } }
`);

const Deliveries: Component<{ webhookId: string; url: string }> = (props) => {
  const [result, refetch] = createQuery({ query: DeliveriesQuery, variables: () => ({ id: props.webhookId }), requestPolicy: 'network-only' });
  const [resend, redeliver] = createMutation(Redeliver);
  const [sent, setSent] = createSignal<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const deliveries = () => {
    const node = result.data?.node;
    return node && 'deliveries' in node ? node.deliveries.edges.map((e) => e.node) : [];
  };
  return (
    <div class="deliveries">
      <div class="row">
        <h4>Recent deliveries</h4>
        <button type="button" class="link-button" onClick={reload}>
          Refresh<span class="visually-hidden"> the deliveries of {props.url}</span>
        </button>
      </div>
      <ErrorNotice message={errorMessage(resend.error)} />
      <Show when={sent()}>
        <p role="status" class="muted">
          {sent()}
        </p>
      </Show>
      <QueryStates result={result} loading="Loading deliveries…" onRetry={reload} empty="Nothing delivered yet." count={deliveries().length}>
        <SettingsTable label={`Deliveries to ${props.url}`} headings={['Event', 'Status', 'Response', 'Duration', 'Time', ACTIONS]} rows={deliveries()}>
          {(delivery) => (
            <tr>
              <td>
                <code>{delivery.eventType}</code>
              </td>
              <td>
                <span class={`badge status-${delivery.status.toLowerCase()}`}>{humanize(delivery.status)}</span>
                <Show when={delivery.attempts > 1}>
                  <span class="muted"> ({delivery.attempts} attempts)</span>
                </Show>
                <Show when={delivery.error}>
                  <br />
                  <span class="muted">{delivery.error}</span>
                </Show>
              </td>
              <td>{delivery.responseStatus ?? <span class="muted">None</span>}</td>
              <td>{delivery.responseMs != null ? `${delivery.responseMs} ms` : ''}</td>
              <td>{formatDateTime(delivery.deliveredAt ?? delivery.createdAt)}</td>
              <td>
                <button
                  type="button"
                  class="link-button"
                  disabled={resend.fetching}
                  onClick={async () => {
                    setSent(null);
                    const done = await redeliver({ deliveryId: delivery.id });
                    if (done.data) setSent(`The ${delivery.eventType} delivery was queued again.`);
                    reload();
                  }}
                >
                  Re-send<span class="visually-hidden"> the {delivery.eventType} delivery</span>
                </button>
              </td>
            </tr>
          )}
        </SettingsTable>
      </QueryStates>
    </div>
  );
};

const WebhooksScreen: Component = () => {
  const [result, refetch] = createQuery({ query: WebhooksQuery });
  const [creation, create] = createMutation(CreateWebhook);
  const [update, setActive] = createMutation(UpdateWebhook);
  const [rotation, rotate] = createMutation(RotateSecret);
  const [deletion, remove] = createMutation(DeleteWebhook);
  const [url, setUrl] = createSignal('');
  const [events, setEvents] = createSignal('');
  const [issued, setIssued] = createSignal<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = createSignal<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const hooks = () => result.data?.webhooks.edges.map((e) => e.node) ?? [];

  return (
    <>
      <p class="muted">Kith POSTs the workspace's events to these URLs, signed with the webhook's secret (header Kith-Signature).</p>
      <Show when={issued()}>
        {(shown) => <SecretReveal label={`Signing secret for ${shown().url}`} secret={shown().secret} onDone={() => setIssued(null)} />}
      </Show>
      <ErrorNotice message={errorMessage(update.error) ?? errorMessage(rotation.error) ?? errorMessage(deletion.error)} />
      <QueryStates result={result} loading="Loading webhooks…" onRetry={reload} empty="No webhooks yet." count={hooks().length}>
        <ul class="webhook-list">
          <For each={hooks()}>
            {(hook) => (
              <li class="webhook">
                <div class="webhook-head">
                  <div>
                    <strong class="break">{hook.url}</strong>
                    <br />
                    <span class="muted">
                      {hook.eventTypes.length ? hook.eventTypes.join(', ') : 'Every event'} · since {formatDate(hook.createdAt)}
                      {hook.isActive ? '' : ' · paused'}
                    </span>
                  </div>
                  <div class="row">
                    <button
                      type="button"
                      class="link-button"
                      aria-expanded={open() === hook.id}
                      aria-controls={`deliveries-${hook.id}`}
                      onClick={() => setOpen(open() === hook.id ? null : hook.id)}
                    >
                      Deliveries<span class="visually-hidden"> to {hook.url}</span>
                    </button>
                    <button type="button" class="link-button" disabled={update.fetching} onClick={() => void setActive({ id: hook.id, isActive: !hook.isActive }).then(reload)}>
                      {hook.isActive ? 'Pause' : 'Resume'}
                      <span class="visually-hidden"> {hook.url}</span>
                    </button>
                    <ConfirmButton
                      label="New secret"
                      hiddenSuffix={`for ${hook.url}`}
                      question="Replace the signing secret? The receiver must switch to the new one."
                      confirmLabel="Issue new secret"
                      busy={rotation.fetching}
                      onConfirm={async () => {
                        const done = await rotate({ id: hook.id });
                        if (done.data) setIssued({ url: done.data.rotateWebhookSecret.webhook.url, secret: done.data.rotateWebhookSecret.secret });
                      }}
                    />
                    <ConfirmButton
                      label="Delete"
                      hiddenSuffix={hook.url}
                      question={`Delete the webhook to ${hook.url}?`}
                      confirmLabel="Delete webhook"
                      busy={deletion.fetching}
                      onConfirm={() => void remove({ id: hook.id }).then(reload)}
                    />
                  </div>
                </div>
                <Show when={open() === hook.id}>
                  <div id={`deliveries-${hook.id}`}>
                    <Deliveries webhookId={hook.id} url={hook.url} />
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </QueryStates>

      <SettingsForm
        heading="Add a webhook"
        id="new-webhook-heading"
        submit="Add webhook"
        busy={creation.fetching}
        error={errorMessage(creation.error)}
        onSubmit={async () => {
          const eventTypes = events()
            .split(/[\s,]+/)
            .filter(Boolean);
          const done = await create({ url: url().trim(), eventTypes });
          if (!done.data) return;
          setIssued({ url: done.data.createWebhook.webhook.url, secret: done.data.createWebhook.secret });
          setUrl('');
          setEvents('');
          reload();
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
    </>
  );
};

const Webhooks: Component = () => (
  <SettingsFrame title="Webhooks">
    <Gate permission="webhooks:manage" what="webhooks">
      <WebhooksScreen />
    </Gate>
  </SettingsFrame>
);

export default Webhooks;

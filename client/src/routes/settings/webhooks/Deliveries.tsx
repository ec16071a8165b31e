import { createMutation, createQuery } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { QueryStates } from '../../../components/settings/QueryStates';
import { ACTIONS, SettingsTable } from '../../../components/settings/SettingsTable';
import { ErrorNotice } from '../../../components/States';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime, humanize } from '../../../lib/format';

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
const Redeliver = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) { redeliverWebhook(deliveryId: $deliveryId) { id status } }
`);

/** A webhook's last 25 deliveries, each of which can be sent again. */
export const Deliveries: Component<{ webhookId: string; url: string }> = (props) => {
  const [result, refetch] = createQuery({ query: DeliveriesQuery, variables: () => ({ id: props.webhookId }) });
  const [resend, redeliver] = createMutation(Redeliver);
  const [sent, setSent] = createSignal<string | null>(null);
  const reload = () => refetch();
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

import { Show, type Component } from 'solid-js';
import type { WebhooksQuery } from '../../../gql/graphql';
import { formatDate } from '../../../lib/format';
import { ConfirmButton } from '../parts';
import { Deliveries } from './Deliveries';
import type { WebhookActions } from './webhook-actions';

type Webhook = WebhooksQuery['webhooks']['edges'][number]['node'];

/** One webhook: where it posts and what, its actions, and its deliveries when opened. */
export const WebhookItem: Component<{ hook: Webhook; actions: WebhookActions; open: boolean; onToggle: () => void }> = (props) => (
  <li class="webhook">
    <div class="webhook-head">
      <div>
        <strong class="break">{props.hook.url}</strong>
        <br />
        <span class="muted">
          {props.hook.eventTypes.length ? props.hook.eventTypes.join(', ') : 'Every event'} · since {formatDate(props.hook.createdAt)}
          {props.hook.isActive ? '' : ' · paused'}
        </span>
      </div>
      <div class="row">
        <button type="button" class="link-button" aria-expanded={props.open} aria-controls={`deliveries-${props.hook.id}`} onClick={() => props.onToggle()}>
          Deliveries<span class="visually-hidden"> to {props.hook.url}</span>
        </button>
        <button
          type="button"
          class="link-button"
          disabled={props.actions.update.fetching}
          onClick={() => props.actions.setActive(props.hook.id, !props.hook.isActive)}
        >
          {props.hook.isActive ? 'Pause' : 'Resume'}
          <span class="visually-hidden"> {props.hook.url}</span>
        </button>
        <ConfirmButton
          label="New secret"
          hiddenSuffix={`for ${props.hook.url}`}
          question="Replace the signing secret? The receiver must switch to the new one."
          confirmLabel="Issue new secret"
          busy={props.actions.rotation.fetching}
          onConfirm={() => void props.actions.rotate(props.hook.id)}
        />
        <ConfirmButton
          label="Delete"
          hiddenSuffix={props.hook.url}
          question={`Delete the webhook to ${props.hook.url}?`}
          confirmLabel="Delete webhook"
          busy={props.actions.deletion.fetching}
          onConfirm={() => props.actions.remove(props.hook.id)}
        />
      </div>
    </div>
    <Show when={props.open}>
      <div id={`deliveries-${props.hook.id}`}>
        <Deliveries webhookId={props.hook.id} url={props.hook.url} />
      </div>
    </Show>
  </li>
);

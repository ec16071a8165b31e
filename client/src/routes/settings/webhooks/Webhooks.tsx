import { createQuery } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { QueryStates } from '../../../components/settings/QueryStates';
import { ErrorNotice } from '../../../components/States';
import { graphql } from '../../../gql';
import { gatedScreen, SecretReveal } from '../parts';
import { NewWebhook } from './NewWebhook';
import { createWebhookActions, type IssuedSecret } from './webhook-actions';
import { WebhookItem } from './WebhookItem';

const WebhooksQuery = graphql(`
  query Webhooks {
    webhooks(first: 100) { edges { node { id url eventTypes isActive createdAt } } }
  }
`);

const WebhooksScreen: Component = () => {
  const [result, refetch] = createQuery({ query: WebhooksQuery });
  const [issued, setIssued] = createSignal<IssuedSecret | null>(null);
  const [open, setOpen] = createSignal<string | null>(null);
  const reload = () => refetch();
  const actions = createWebhookActions({ onIssued: setIssued, onChanged: reload });
  const hooks = () => result.data?.webhooks.edges.map((e) => e.node) ?? [];

  return (
    <>
      <p class="muted">Kith POSTs the workspace's events to these URLs, signed with the webhook's secret (header Kith-Signature).</p>
      <Show when={issued()}>
        {(shown) => <SecretReveal label={`Signing secret for ${shown().url}`} secret={shown().secret} onDone={() => setIssued(null)} />}
      </Show>
      <ErrorNotice message={actions.error()} />
      <QueryStates result={result} loading="Loading webhooks…" onRetry={reload} empty="No webhooks yet." count={hooks().length}>
        <ul class="webhook-list">
          <For each={hooks()}>
            {(hook) => <WebhookItem hook={hook} actions={actions} open={open() === hook.id} onToggle={() => setOpen(open() === hook.id ? null : hook.id)} />}
          </For>
        </ul>
      </QueryStates>
      <NewWebhook
        onCreated={(secret) => {
          setIssued(secret);
        }}
      />
    </>
  );
};

export default gatedScreen({ title: 'Webhooks', permission: 'webhooks:manage', what: 'webhooks' }, WebhooksScreen);

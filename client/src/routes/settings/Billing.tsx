// The billing page (servers with billing on, roles with billing:manage): plan and trial, seats, usage
// meters, invoices, and the way to Stripe (Checkout to subscribe, the customer portal to manage).
import { useSearchParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, onMount, Show, type Component } from 'solid-js';
import { SettingsTable } from '../../components/settings/SettingsTable';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { formatDate, humanize } from '../../lib/format';
import { useSession } from '../../lib/session';
import { gatedScreen } from './parts';

const BillingQuery = graphql(`
  query Billing {
    billing {
      enabled planId planName status readOnly graceEndsAt trialEndsAt trialDaysLeft trialDaysWithCard trialDaysWithoutCard currentPeriodEnd seatsUsed seatsPaid canManageInPortal
      usage { limit used allowed }
      invoices { stripeId number status currency amountDue amountPaid hostedInvoiceUrl invoicePdf issuedAt paidAt }
      plans { id name free }
    }
  }
`);
const StartCheckout = graphql(`
  mutation StartBillingCheckout($planId: String!, $withCard: Boolean) { startBillingCheckout(planId: $planId, withCard: $withCard) }
`);
const CompleteCheckout = graphql(`
  mutation CompleteBillingCheckout($sessionId: String!) { completeBillingCheckout(sessionId: $sessionId) { planId status } }
`);
const OpenPortal = graphql(`
  mutation OpenBillingPortal { openBillingPortal }
`);

const LIMIT_NAMES: Record<string, string> = {
  seats: 'Seats',
  contacts: 'Contacts',
  storageBytes: 'File storage',
  aiTokensPerMonth: 'AI tokens this period',
  apiCallsPerDay: 'API calls today (API keys)',
};

const number = new Intl.NumberFormat();
function amount(value: number, limit: string) {
  if (limit !== 'storageBytes') return number.format(value);
  return value < 1024 * 1024 ? `${number.format(Math.ceil(value / 1024))} KB` : `${(value / 1024 / 1024).toFixed(1)} MB`;
}
function money(cents: number, currency: string) {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

const BillingScreen: Component = () => {
  const session = useSession();
  const [params, setParams] = useSearchParams<{ checkout?: string; session_id?: string }>();
  const [result, refetch] = createQuery({ query: BillingQuery });
  const [checkout, startCheckout] = createMutation(StartCheckout);
  const [completion, complete] = createMutation(CompleteCheckout);
  const [portal, openPortal] = createMutation(OpenPortal);
  const [notice, setNotice] = createSignal<string | null>(null);
  const billing = () => result.data?.billing;
  const reload = () => refetch();

  // Back from Stripe Checkout: read the subscription now rather than wait for the webhook.
  // Solid does not await onMount; the callback handles its own failures.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  onMount(async () => {
    const sessionId = params.session_id;
    if (params.checkout === 'success' && sessionId) {
      const done = await complete({ sessionId });
      if (done.data) setNotice(`Subscribed: ${humanize(done.data.completeBillingCheckout.status ?? 'ACTIVE')}.`);
      setParams({ checkout: undefined, session_id: undefined }, { replace: true });
    } else if (params.checkout === 'cancelled') {
      setNotice('Checkout was cancelled; nothing changed.');
      setParams({ checkout: undefined }, { replace: true });
    }
  });

  const go = (url: string | null | undefined) => {
    if (url) window.location.assign(url);
  };
  const paidPlans = () => billing()?.plans.filter((plan) => !plan.free && plan.id !== billing()?.planId) ?? [];
  const subscribed = () => ['TRIALING', 'ACTIVE', 'PAST_DUE', 'UNPAID'].includes(billing()?.status ?? '');

  return (
    <Show when={!result.error} fallback={<ErrorNotice message={errorMessage(result.error)} onRetry={reload} />}>
      <Show when={billing()} fallback={<Loading />}>
        {(b) => (
          <Show when={b().enabled} fallback={<EmptyState title="This server is self-hosted: no plans and no limits." />}>
            <Show when={notice()}>
              <p role="status" class="notice">
                {notice()}
              </p>
            </Show>
            <ErrorNotice message={errorMessage(completion.error ?? checkout.error ?? portal.error)} />
            <Show when={b().readOnly}>
              <p role="alert" class="warning">
                This workspace is read-only until its subscription is paid. Reading, exporting and deleting still work.
              </p>
            </Show>
            <Show when={b().status === 'PAST_DUE' && !b().readOnly}>
              <p role="alert" class="warning">
                The last payment failed. Update the payment method before {formatDate(b().graceEndsAt)} to keep the workspace working.
              </p>
            </Show>
            <dl class="facts" aria-label="Subscription">
              <dt>Plan</dt>
              <dd>{b().planName}</dd>
              <dt>Status</dt>
              <dd>{humanize(b().status ?? 'NONE')}</dd>
              <Show when={b().trialDaysLeft != null}>
                <dt>Trial</dt>
                <dd>
                  {b().trialDaysLeft} days left (ends {formatDate(b().trialEndsAt)})
                </dd>
              </Show>
              <dt>Seats</dt>
              <dd>{b().seatsPaid != null ? `${b().seatsUsed} used of ${b().seatsPaid} paid` : `${b().seatsUsed} used`}</dd>
              <Show when={b().currentPeriodEnd}>
                <dt>Renews</dt>
                <dd>{formatDate(b().currentPeriodEnd)}</dd>
              </Show>
            </dl>

            <h3>Usage</h3>
            <ul class="meters" aria-label="Usage">
              <For each={b().usage}>
                {(meter) => (
                  <li>
                    <label>
                      <span>
                        {LIMIT_NAMES[meter.limit] ?? meter.limit}: {amount(meter.used, meter.limit)}
                        {meter.allowed != null ? ` of ${amount(meter.allowed, meter.limit)}` : ' (no limit)'}
                      </span>
                      <Show when={meter.allowed != null}>
                        <progress max={Math.max(meter.allowed!, 1)} value={Math.min(meter.used, meter.allowed!)} />
                      </Show>
                    </label>
                    <Show when={meter.allowed != null && meter.allowed > 0 && meter.used >= meter.allowed * 0.8}>
                      <span class="warning-text"> {meter.used >= meter.allowed! ? 'Limit reached: creating more is refused.' : 'Over 80% used.'}</span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>

            <div class="row">
              <Show when={!subscribed() && session.can('billing:checkout')}>
                <For each={paidPlans()}>
                  {(plan) => (
                    <>
                      <button
                        type="button"
                        class="primary"
                        disabled={checkout.fetching}
                        onClick={async () => go((await startCheckout({ planId: plan.id })).data?.startBillingCheckout)}
                      >
                        Upgrade to {plan.name}
                      </button>
                      <Show when={b().trialDaysWithoutCard > 0}>
                        <button
                          type="button"
                          disabled={checkout.fetching}
                          onClick={async () => go((await startCheckout({ planId: plan.id, withCard: false })).data?.startBillingCheckout)}
                        >
                          Try {plan.name} for {b().trialDaysWithoutCard} days without a card
                        </button>
                      </Show>
                    </>
                  )}
                </For>
                <Show when={paidPlans().length > 0 && b().trialDaysWithCard > 0}>
                  <p class="hint">Upgrading starts with a {b().trialDaysWithCard}-day free trial; the card is charged when it ends.</p>
                </Show>
              </Show>
              <Show when={b().canManageInPortal}>
                <button type="button" disabled={portal.fetching} onClick={async () => go((await openPortal({})).data?.openBillingPortal)}>
                  Manage subscription
                </button>
              </Show>
            </div>

            <h3>Invoices</h3>
            <Show when={b().invoices.length > 0} fallback={<EmptyState title="No invoices yet." />}>
              <SettingsTable label="Invoices" headings={['Date', 'Number', 'Amount', 'Status', { label: 'Links', hidden: true }]} rows={b().invoices}>
                {(invoice) => (
                  <tr>
                    <td>{formatDate(invoice.issuedAt)}</td>
                    <td>{invoice.number ?? ''}</td>
                    <td>{money(invoice.status === 'paid' ? invoice.amountPaid : invoice.amountDue, invoice.currency)}</td>
                    <td>{humanize(invoice.status.toUpperCase())}</td>
                    <td>
                      <Show when={invoice.hostedInvoiceUrl}>
                        {(url) => (
                          <a href={url()} target="_blank" rel="noopener noreferrer">
                            View<span class="visually-hidden"> invoice {invoice.number}</span>
                          </a>
                        )}
                      </Show>
                    </td>
                  </tr>
                )}
              </SettingsTable>
            </Show>
          </Show>
        )}
      </Show>
    </Show>
  );
};

export default gatedScreen({ title: 'Billing', permission: 'billing:manage', what: 'billing' }, BillingScreen);

import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { onCleanup, onMount, Show, type Component } from 'solid-js';
import { graphql } from '../gql';
import { useSession } from '../lib/session';

// Null with billing off or nothing to say, so self-hosters never see it.
const BillingNoticeQuery = graphql(`
  query BillingNotice { billingNotice { kind graceDaysLeft limit percentUsed } }
`);

const LIMIT_NAMES: Record<string, string> = {
  seats: 'seats',
  contacts: 'contacts',
  storageBytes: 'file storage',
  aiTokensPerMonth: 'AI tokens this period',
  apiCallsPerDay: 'API calls today',
};

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

function sentence(notice: { kind: string; graceDaysLeft?: number | null; limit?: string | null; percentUsed?: number | null }): string {
  const limit = LIMIT_NAMES[notice.limit ?? ''] ?? notice.limit;
  switch (notice.kind) {
    case 'READ_ONLY':
      return 'This workspace is read-only until its subscription is paid: reading, exporting and deleting still work.';
    case 'PAST_DUE':
      return `The payment for this workspace is overdue. It becomes read-only in ${days(notice.graceDaysLeft ?? 0)}.`;
    case 'LIMIT_REACHED':
      return `This workspace has used all its plan's ${limit}: creating more is refused.`;
    default:
      return `This workspace has used ${notice.percentUsed}% of its plan's ${limit}.`;
  }
}

/** Past due, read-only, or near a plan limit: every screen says so, and owners and admins get the way to fix it. */
export const BillingBanner: Component = () => {
  const session = useSession();
  const [state, refetch] = createQuery({ query: BillingNoticeQuery, pause: () => !session.workspace() });
  // A change made here re-reads it through the cache's updaters (lib/cache.ts); a payment settles by webhook, so
  // read again whenever the tab comes back.
  const onVisible = () => document.visibilityState === 'visible' && session.workspace() && refetch();
  onMount(() => document.addEventListener('visibilitychange', onVisible));
  onCleanup(() => document.removeEventListener('visibilitychange', onVisible));
  return (
    <Show when={state.data?.billingNotice}>
      {(notice) => (
        <div class="banner billing-banner" role="region" aria-label="Billing">
          <p>{sentence(notice())}</p>
          <Show when={session.can('billing:manage')}>
            <A href="/settings/billing">Settings › Billing</A>
          </Show>
        </div>
      )}
    </Show>
  );
};

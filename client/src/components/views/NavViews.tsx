import { A } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { createEffect, For, onCleanup, type Component } from 'solid-js';
import { graphql } from '../../gql';
import { useSession } from '../../lib/session';

const NavViewCounts = graphql(`
  query NavViewCounts {
    contacts: savedViews(list: CONTACT) { id name count }
    companies: savedViews(list: COMPANY) { id name count }
    deals: savedViews(list: DEAL) { id name count }
  }
`);

const NavFeed = graphql(`
  subscription NavFeed($workspaceId: ID) { activityFeed(workspaceId: $workspaceId) { id entityType entityId } }
`);
type List = 'contacts' | 'companies' | 'deals';

/** Your views and the shared ones under each list in the navigation, with live counts: the feed's cache updater (lib/cache.ts) re-reads them. */
export function createNavViews() {
  const client = useClient();
  const session = useSession();
  const [counts] = createQuery({ query: NavViewCounts, pause: () => !session.can('records:read') });
  createEffect(() => {
    const workspaceId = session.workspace()?.id;
    if (!workspaceId || !session.can('records:read')) return;
    const { unsubscribe } = client.subscription(NavFeed, { workspaceId }).subscribe(() => {});
    onCleanup(unsubscribe);
  });
  return (list: List) => counts.data?.[list] ?? [];
}

export const NavViews: Component<{ href: string; views: Array<{ id: string; name: string; count: number }> }> = (props) => (
  <For each={props.views}>
    {(view) => (
      <A href={`${props.href}?view=${view.id}`} class="nav-view" activeClass="">
        <span>{view.name}</span>
        <span class="count" aria-label={`${view.count} records`}>
          {view.count}
        </span>
      </A>
    )}
  </For>
);

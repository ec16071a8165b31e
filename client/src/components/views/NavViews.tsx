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
  subscription NavFeed($workspaceId: ID) { activityFeed(workspaceId: $workspaceId) { id entityType } }
`);

const COUNTED = new Set(['Contact', 'Company', 'Deal', 'SavedView', 'Tag', 'CustomField']);
type List = 'contacts' | 'companies' | 'deals';

/** Your views and the shared ones under each list in the navigation, with live counts (refetched as the feed reports changes). */
export function createNavViews() {
  const client = useClient();
  const session = useSession();
  const [counts, refetch] = createQuery({ query: NavViewCounts, pause: () => !session.can('records:read'), context: { additionalTypenames: ['SavedView'] } });
  createEffect(() => {
    const workspaceId = session.workspace()?.id;
    if (!workspaceId || !session.can('records:read')) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { unsubscribe } = client.subscription(NavFeed, { workspaceId }).subscribe((result) => {
      if (!COUNTED.has(result.data?.activityFeed?.entityType ?? '') || timer) return;
      // A burst of changes (an import, a bulk edit) refetches once.
      timer = setTimeout(() => {
        timer = undefined;
        refetch({ requestPolicy: 'network-only' });
      }, 500);
    });
    onCleanup(() => {
      unsubscribe();
      clearTimeout(timer);
    });
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

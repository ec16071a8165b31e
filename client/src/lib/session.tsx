import { createContext, createEffect, createMemo, useContext, type ParentComponent } from 'solid-js';
import { createQuery, useClient } from '@urql/solid';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { applyDisplay } from './theme';
import { selectWorkspace, workspaceId } from './workspace';

const Me = graphql(`
  query Me {
    me {
      id
      name
      email
      emailVerified
      preferences { theme fontFamily fontSize }
      workspaces { id name viewerRole viewerPermissions }
    }
  }
`);

type Me = NonNullable<MeQuery['me']>;
export type WorkspaceSummary = Me['workspaces'][number];

export interface Session {
  /** undefined while loading, null when signed out. */
  me: () => Me | null | undefined;
  error: () => boolean;
  workspace: () => WorkspaceSummary | null;
  /** A permission from the server's table (`records:update`, `members:manage`, ...) in the current workspace. */
  can: (permission: string) => boolean;
  refetch: () => void;
  /** Works in a workspace the cached `me` may not list yet (just created or joined). */
  switchTo: (workspaceId: string) => Promise<void>;
}

const SessionContext = createContext<Session>();

export const SessionProvider: ParentComponent = (props) => {
  const client = useClient();
  const [result, refetch] = createQuery({ query: Me });
  const me = () => (result.data ? (result.data.me ?? null) : result.error ? null : undefined);
  const workspace = createMemo(() => {
    const list = me()?.workspaces ?? [];
    return list.find((w) => w.id === workspaceId()) ?? list[0] ?? null;
  });
  // A stored choice that is gone (left, removed) falls back to the first workspace.
  createEffect(() => {
    const chosen = workspace();
    if (chosen && !result.fetching && chosen.id !== workspaceId()) selectWorkspace(chosen.id);
  });
  // The account's display preferences paint the page once per session (load, sign-in, workspace switch); later
  // changes are applied where they are made, so a late refetch cannot undo a choice just made.
  let displayApplied = false;
  createEffect(() => {
    const preferences = me()?.preferences;
    if (!preferences || displayApplied) return;
    displayApplied = true;
    applyDisplay(preferences);
  });
  const session: Session = {
    me,
    error: () => Boolean(result.error?.networkError),
    workspace,
    can: (permission) => workspace()?.viewerPermissions.includes(permission) ?? false,
    refetch: () => refetch(),
    switchTo: async (id) => {
      // network-only: the memberships live on `me`, which the mutation updaters leave alone.
      await client.query(Me, {}, { requestPolicy: 'network-only' }).toPromise();
      selectWorkspace(id);
    },
  };
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
};

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

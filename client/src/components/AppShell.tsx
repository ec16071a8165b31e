import { A, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createEffect, createSignal, For, Match, Show, Switch, type Component } from 'solid-js';
import { graphql } from '../gql';
import { useSession } from '../lib/session';
import { restartSession, selectWorkspace } from '../lib/workspace';
import LogOut from 'lucide-solid/icons/log-out';
import MenuIcon from 'lucide-solid/icons/menu';
import { MainNav } from './MainNav';
import { SampleDataBanner } from './SampleDataBanner';
import { BillingBanner } from './BillingBanner';
import { ShellTools } from './ShellTools';
import { Toaster } from './Toaster';
import { ErrorNotice, Loading } from './States';
import { VerifyBanner } from './VerifyBanner';

const SignOut = graphql(`
  mutation SignOut { signOut }
`);

/** The signed-in frame: navigation, workspace switcher, account menu. Signed-out visitors go to sign-in. */
export const AppShell: Component<RouteSectionProps> = (props) => {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [, signOut] = createMutation(SignOut);
  const [menuOpen, setMenuOpen] = createSignal(false);

  createEffect(() => {
    if (session.me() === null) navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  });
  createEffect(() => {
    void location.pathname;
    setMenuOpen(false);
  });

  const switchWorkspace = (value: string) => {
    if (value === 'new') return navigate('/workspaces/new');
    navigate('/contacts');
    selectWorkspace(value);
  };
  const leave = async () => {
    await signOut({});
    navigate('/sign-in', { replace: true });
    restartSession();
  };

  return (
    <Switch fallback={<Loading label="Loading Kith…" />}>
      <Match when={session.error()}>
        <ErrorNotice message="Kith cannot be reached. Check your connection." onRetry={session.refetch} />
      </Match>
      <Match when={session.me()}>
        {(me) => (
          <div class="shell">
            <a class="skip-link" href="#main">
              Skip to content
            </a>
            <aside class="sidebar">
              <div class="sidebar-head">
                <A href="/contacts" class="brand">
                  Kith
                </A>
                <button
                  type="button"
                  class="menu-toggle icon-button"
                  aria-expanded={menuOpen()}
                  aria-controls="main-nav"
                  onClick={() => setMenuOpen(!menuOpen())}
                >
                  <MenuIcon /> Menu
                </button>
              </div>
              <MainNav open={menuOpen()} />
              <div class="account" classList={{ open: menuOpen() }}>
                <label class="visually-hidden" for="workspace-switcher">
                  Workspace
                </label>
                <select id="workspace-switcher" value={session.workspace()?.id ?? ''} onChange={(event) => switchWorkspace(event.currentTarget.value)}>
                  <For each={me().workspaces}>{(w) => <option value={w.id}>{w.name}</option>}</For>
                  <option value="new">+ New workspace…</option>
                </select>
                <button type="button" class="link-button" onClick={leave}>
                  <LogOut /> Sign out
                </button>
              </div>
            </aside>
            <div class="content">
              <header class="topbar">
                <ShellTools />
              </header>
              <Show when={!me().emailVerified}>
                <VerifyBanner email={me().email} />
              </Show>
              <Show when={session.workspace()}>
                <SampleDataBanner />
                <BillingBanner />
              </Show>
              <main id="main" tabIndex={-1}>
                <Show
                  when={session.workspace() || location.pathname.startsWith('/workspaces/new') || location.pathname.startsWith('/settings')}
                  fallback={<NoWorkspace />}
                >
                  {props.children}
                </Show>
              </main>
            </div>
            <Toaster />
          </div>
        )}
      </Match>
    </Switch>
  );
};

const NoWorkspace: Component = () => (
  <section class="page narrow">
    <h1>No workspace yet</h1>
    <p>You do not belong to any workspace. Create one, or open an invitation link you received.</p>
    <A class="button primary" href="/workspaces/new">
      Create a workspace
    </A>
  </section>
);

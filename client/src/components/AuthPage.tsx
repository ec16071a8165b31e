import { useNavigate, useSearchParams } from '@solidjs/router';
import { Match, Switch, type ParentComponent } from 'solid-js';
import { safeNext } from '../lib/navigation';
import { restartSession } from '../lib/workspace';
import { ErrorNotice, Loading } from './States';

export const AuthPage: ParentComponent<{ title: string }> = (props) => (
  <main id="main" class="auth-page">
    <div class="auth-card">
      <p class="brand">Kith</p>
      <h1>{props.title}</h1>
      {props.children}
    </div>
  </main>
);

/** Once signed in (or up): on to the page that asked for it, else the contacts, in a fresh session. */
export function useEnterKith(): () => void {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return () => {
    navigate(safeNext(params.next), { replace: true });
    restartSession();
  };
}

/** A page opened from an emailed link: `children` are the Switch's Matches; the spinner until one holds, a notice when the token is missing. */
export const EmailLinkPage: ParentComponent<{ title: string; token: string; loading: string }> = (props) => (
  <AuthPage title={props.title}>
    <Switch fallback={<Loading label={props.loading} />}>
      <Match when={!props.token}>
        <ErrorNotice message="This link has no token. Open the link from the email again." />
      </Match>
      {props.children}
    </Switch>
  </AuthPage>
);

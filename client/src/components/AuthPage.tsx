import { useNavigate, useSearchParams } from '@solidjs/router';
import type { ParentComponent } from 'solid-js';
import { safeNext } from '../lib/navigation';
import { restartSession } from '../lib/workspace';

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

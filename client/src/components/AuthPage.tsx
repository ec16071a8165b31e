import type { ParentComponent } from 'solid-js';

export const AuthPage: ParentComponent<{ title: string }> = (props) => (
  <main id="main" class="auth-page">
    <div class="auth-card">
      <p class="brand">Kith</p>
      <h1>{props.title}</h1>
      {props.children}
    </div>
  </main>
);

import { Show, type Component, type JSX } from 'solid-js';

export const Loading: Component<{ label?: string }> = (props) => (
  <p class="state loading" role="status" aria-live="polite">
    <span class="spinner" aria-hidden="true" />
    {props.label ?? 'Loading…'}
  </p>
);

export const EmptyState: Component<{ title: string; children?: JSX.Element }> = (props) => (
  <div class="state empty">
    <p class="empty-title">{props.title}</p>
    {props.children}
  </div>
);

export const ErrorNotice: Component<{ message: string | null | undefined; onRetry?: () => void }> = (props) => (
  <Show when={props.message}>
    <div class="state error" role="alert">
      <p>{props.message}</p>
      <Show when={props.onRetry}>
        <button type="button" onClick={() => props.onRetry?.()}>
          Try again
        </button>
      </Show>
    </div>
  </Show>
);

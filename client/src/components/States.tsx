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

/** A short error beside a compact form's buttons. */
export const InlineError: Component<{ message: string | null | undefined }> = (props) => (
  <Show when={props.message}>
    <span class="error-text" role="alert">
      {props.message}
    </span>
  </Show>
);

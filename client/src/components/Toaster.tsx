import X from 'lucide-solid/icons/x';
import { For, type Component } from 'solid-js';
import { dismissToast, toasts } from '../lib/toast';

/** The shell's toasts: one polite live region, so screen readers hear each message once. */
export const Toaster: Component = () => (
  <div class="toaster" role="status" aria-live="polite">
    <For each={toasts()}>
      {(item) => (
        <div class="toast" classList={{ error: item.tone === 'error' }}>
          <p>{item.message}</p>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick={() => dismissToast(item.id)}>
            <X />
          </button>
        </div>
      )}
    </For>
  </div>
);

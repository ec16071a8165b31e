import { createSignal, Show, type JSX } from 'solid-js';

/** A button that opens a panel (a creation form) below it; the panel closes itself through `close`. */
export function Disclosure(props: { label: string; children: (close: () => void) => JSX.Element }) {
  const [open, setOpen] = createSignal(false);
  const id = `disclosure-${props.label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div class="disclosure">
      <button type="button" class="primary" aria-expanded={open()} aria-controls={id} onClick={() => setOpen(!open())}>
        {props.label}
      </button>
      <Show when={open()}>
        <div id={id} class="panel">
          {props.children(() => setOpen(false))}
        </div>
      </Show>
    </div>
  );
}

import { createSignal, For, Show, type Component } from 'solid-js';
import type { ViewColumn } from './view-state';

/** Which columns the list shows; a saved view keeps the choice (and widths) with it. */
export const ColumnPicker: Component<{
  columns: Array<{ key?: string; label: string }>;
  chosen: ViewColumn[] | null;
  onChange: (columns: ViewColumn[]) => void;
}> = (props) => {
  // The choices exist only while the picker is open, so their labels never compete with the page's own fields.
  const [open, setOpen] = createSignal(false);
  const shown = () => props.chosen ?? props.columns.map((c) => ({ key: c.key!, width: null }));
  const toggle = (key: string, on: boolean) => {
    const kept = shown().filter((c) => c.key !== key);
    props.onChange(
      on
        ? props.columns
            .filter((c) => c.key === key || kept.some((k) => k.key === c.key))
            .map((c) => kept.find((k) => k.key === c.key) ?? { key: c.key!, width: null })
        : kept,
    );
  };
  return (
    <details class="column-picker" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Columns</summary>
      <Show when={open()}>
        <For each={props.columns.slice(1)}>
          {(column) => (
            <label class="check">
              <input
                type="checkbox"
                aria-label={`Show the ${column.label} column`}
                checked={shown().some((c) => c.key === column.key)}
                onChange={(e) => toggle(column.key!, e.currentTarget.checked)}
              />{' '}
              {column.label}
            </label>
          )}
        </For>
      </Show>
    </details>
  );
};

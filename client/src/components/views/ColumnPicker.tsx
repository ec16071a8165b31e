import { For, type Component } from 'solid-js';
import type { ViewColumn } from './view-state';

/** Which columns the list shows; a saved view keeps the choice (and widths) with it. */
export const ColumnPicker: Component<{ columns: Array<{ key?: string; label: string }>; chosen: ViewColumn[] | null; onChange: (columns: ViewColumn[]) => void }> = (props) => {
  const shown = () => props.chosen ?? props.columns.map((c) => ({ key: c.key!, width: null }));
  const toggle = (key: string, on: boolean) => {
    const kept = shown().filter((c) => c.key !== key);
    props.onChange(on ? props.columns.filter((c) => c.key === key || kept.some((k) => k.key === c.key)).map((c) => kept.find((k) => k.key === c.key) ?? { key: c.key!, width: null }) : kept);
  };
  return (
    <details class="column-picker">
      <summary>Columns</summary>
      <For each={props.columns.slice(1)}>
        {(column) => (
          <label class="check">
            <input type="checkbox" aria-label={`Show the ${column.label} column`} checked={shown().some((c) => c.key === column.key)} onChange={(e) => toggle(column.key!, e.currentTarget.checked)} /> {column.label}
          </label>
        )}
      </For>
    </details>
  );
};

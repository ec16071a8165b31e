import { For, type JSX } from 'solid-js';

/** A column heading; a hidden one is read by screen readers only (the actions column). */
export type Heading = string | { label: string; hidden?: boolean; class?: string };

interface Props<Item> {
  /** The table's name, in its caption: shown when `captioned`, else for screen readers only. */
  label: string;
  captioned?: boolean;
  headings: Heading[];
  rows: readonly Item[];
  class?: string;
  /** One `<tr>` per item. */
  children: (item: Item) => JSX.Element;
}

/** The settings screens' table: scrolls sideways on narrow screens, one row per item. */
export function SettingsTable<Item>(props: Props<Item>): JSX.Element {
  return (
    <div class="table-wrap">
      <table class={`members settings-table${props.class ? ` ${props.class}` : ''}`}>
        <caption class={props.captioned ? undefined : 'visually-hidden'}>{props.label}</caption>
        <thead>
          <tr>
            <For each={props.headings}>
              {(heading) =>
                typeof heading === 'string' ? (
                  <th scope="col">{heading}</th>
                ) : (
                  <th scope="col" class={heading.class}>
                    {heading.hidden ? <span class="visually-hidden">{heading.label}</span> : heading.label}
                  </th>
                )
              }
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>{props.children}</For>
        </tbody>
      </table>
    </div>
  );
}

/** The usual last heading: the row's buttons. */
export const ACTIONS: Heading = { label: 'Actions', hidden: true };
